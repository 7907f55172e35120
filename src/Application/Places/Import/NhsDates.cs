using System.Globalization;

namespace Commonweal.Application.Places.Import;

/// <summary>NHS Digital writes extract dates as 01Jan2022.</summary>
internal static class NhsDates
{
    public static DateOnly Extract(CsvRow row, int column)
    {
        var text = row.Text(column);
        if (!DateOnly.TryParseExact(text, "ddMMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw row.Reject(column, $"'{text}' is not an extract date like 01Jan2022");
        return date;
    }
}
