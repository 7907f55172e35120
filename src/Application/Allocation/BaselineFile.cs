using System.Globalization;
using Commonweal.Application.Files;
using Commonweal.Application.Places;
using Commonweal.Core.Places;

namespace Commonweal.Application.Allocation;

/// <summary>
/// Last year's allocations: a CSV with the columns <c>place_code,baseline</c> (pounds, at most two decimals; a leading £ and
/// thousands commas allowed), one row per place. The first bad row is refused with its line and column.
/// </summary>
public static class BaselineFile
{
    public static Answer<IReadOnlyDictionary<AreaCode, long>> Read(TextReader reader, string fileName)
    {
        try
        {
            using var table = Table.OpenCsv(reader, fileName);
            var code = table.Column("place_code");
            var money = table.Column("baseline");
            var baseline = new Dictionary<AreaCode, long>();
            foreach (var row in table.Rows())
            {
                var text = row.Text(code).Trim();
                if (!AreaCode.TryParse(text, out var place, out _)) throw row.Reject(code, $"'{text}' is not a place code");
                if (!TryPence(row.Text(money), out var pence)) throw row.Reject(money, $"'{row.Text(money)}' is not an amount in pounds of 0 or more with at most two decimals (e.g. 1234567.89)");
                if (!baseline.TryAdd(place, pence)) throw row.Reject(code, $"{place} is on an earlier line: one row per place");
            }

            if (baseline.Count == 0) throw new FileProblemException(table.Problem(table.HeaderLine, null, "the file has a header but no places"));
            return baseline;
        }
        catch (FileProblemException e)
        {
            return new Refusal("the baseline cannot be read", e.Problem.ToString());
        }
    }

    /// <summary>Pounds as text ("1234.5", "£1,234.56") to whole pence; false for anything else, negatives, more than two decimals and more than £1 trillion.</summary>
    public static bool TryPence(string? text, out long pence)
    {
        pence = 0;
        var s = (text ?? "").Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal);
        if (s.Length == 0 || s.Length > 20 || s.Any(c => c is not ((>= '0' and <= '9') or '.'))) return false;
        var parts = s.Split('.');
        if (parts.Length > 2 || parts[0].Length == 0 || (parts.Length == 2 && parts[1].Length is 0 or > 2)) return false;
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pounds) || pounds > Core.Allocation.AllocationEngine.MostPence / 100) return false;
        var fraction = parts.Length == 2 ? int.Parse(parts[1].PadRight(2, '0'), NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        pence = pounds * 100 + fraction;
        return pence <= Core.Allocation.AllocationEngine.MostPence;
    }

    /// <summary>Pence as pounds to two decimals, no separators: 123456 → "1234.56".</summary>
    public static string Pounds(long pence) =>
        (pence < 0 ? "-" : "") + (Math.Abs(pence) / 100).ToString(CultureInfo.InvariantCulture) + "." + (Math.Abs(pence) % 100).ToString("00", CultureInfo.InvariantCulture);
}
