using Commonweal.Application.Files;
using Commonweal.Application.Places;
using Commonweal.Core;
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

    /// <summary>Pounds as text to whole pence (<see cref="Pence.TryParsePounds"/>).</summary>
    public static bool TryPence(string? text, out long pence) => Pence.TryParsePounds(text, out pence);

    /// <summary>Pence as pounds to two decimals, no separators: 123456 → "1234.56".</summary>
    public static string Pounds(long pence) => Pence.Plain(pence);
}
