using System.Globalization;
using Commonweal.Application.Files;
using Commonweal.Core.Indicators;

namespace Commonweal.Application.Commissioning;

/// <summary>One row of a provider's return as written: a file's line (or an API row's position) and its fields as text.</summary>
public sealed record ReturnRow(int Line, string Kpi, string Period, string Numerator, string Denominator, string Value, string Note);

/// <summary>
/// The format of a provider's return (docs/commissioning-formats.md): a CSV or xlsx with the columns
/// <c>kpi_id,period,numerator,denominator,value,note</c> (numerator to note optional as the measure needs). A period is
/// written as the indicator catalogue writes periods (<c>Apr-23</c> or <c>2023-04</c> for a month, <c>2023/24 Q1</c> for a
/// quarter, <c>2023/24</c> for a financial year). The checks that need no store are made here; the rest by
/// <see cref="ReturnsImport"/>.
/// </summary>
public static class ReturnRows
{
    public static readonly IReadOnlyList<string> Columns = ["kpi_id", "period", "numerator", "denominator", "value", "note"];

    /// <summary>Reads a file's rows (nothing checked but its shape); a file that is not such a table is a <see cref="FileProblemException"/>.</summary>
    public static (string FileName, IReadOnlyList<string> Header, IReadOnlyList<ReturnRow> Rows) Read(string path)
    {
        using var table = TabularFile.Open(path);
        var kpi = table.Column("kpi_id");
        var period = table.Column("period");
        int numerator = table.OptionalColumn("numerator"), denominator = table.OptionalColumn("denominator"), value = table.OptionalColumn("value"), note = table.OptionalColumn("note");
        if (numerator < 0 && value < 0) throw new FileProblemException(table.Problem(table.HeaderLine, null, "the header needs a 'numerator' or a 'value' column (with kpi_id, period, and denominator where the measure has one)"));
        var rows = new List<ReturnRow>();
        foreach (var row in table.Rows())
        {
            string Field(int i) => i < 0 ? "" : row.Text(i, required: false).Trim();
            rows.Add(new ReturnRow(row.Line, Field(kpi), Field(period), Field(numerator), Field(denominator), Field(value), Field(note)));
        }

        return (table.FileName, [.. table.Header], rows);
    }

    /// <summary>A period as written in a return: any label the catalogue reads, or a month as YYYY-MM (stored as "Apr-23").</summary>
    public static bool TryPeriod(string text, out IndicatorPeriod? period)
    {
        var s = text.Trim();
        if (s.Length == 7 && s[4] == '-' && int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(s[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12 && year is >= 2000 and <= 2099)
            s = IndicatorPeriod.Month(year, month).Label;
        return IndicatorPeriod.TryParse(s, out period, out _);
    }

    /// <summary>How many months a period of the frequency spans (null for pooled years, which a return does not give).</summary>
    public static int? MonthsOf(ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Monthly => 1,
        ReportingFrequency.Quarterly => 3,
        ReportingFrequency.Annual => 12,
        _ => null,
    };

    public static string Example(ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Monthly => "a month, e.g. Apr-23 or 2023-04",
        ReportingFrequency.Quarterly => "a quarter, e.g. 2023/24 Q1",
        _ => "a year, e.g. 2023/24",
    };

    /// <summary>A number in a return; null (with the reason) for text, an infinity or a negative count.</summary>
    public static double? Number(string text, bool count, out string? problem)
    {
        problem = null;
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            problem = $"'{text}' is not a number";
            return null;
        }

        if (count && number < 0)
        {
            problem = $"{text} is negative: a count is 0 or more";
            return null;
        }

        return number;
    }
}
