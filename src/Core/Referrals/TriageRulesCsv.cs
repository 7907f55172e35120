using System.Globalization;
using System.Text;

namespace Commonweal.Core.Referrals;

/// <summary>A problem in a rules file: the line (1 = the header), the field, and what is wrong.</summary>
public sealed record TriageRuleProblem(int Line, string Field, string Message)
{
    public override string ToString() => $"line {Line}, field '{Field}': {Message}";
}

/// <summary>The rules read from a file, or every problem in it (then no rules: a file is taken whole or not at all).</summary>
public sealed record TriageRulesFile(IReadOnlyList<TriageRule> Rules, IReadOnlyList<TriageRuleProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

public static partial class TriageRules
{
    public const string Header = "id,need,at_least,tier,min_age,max_age,cohorts,explanation";

    private static readonly string[] Fields = Header.Split(',');

    /// <summary>
    /// Reads rules from CSV: the <see cref="Header"/> line, then one rule a line; cohorts separated by ';'; a field may be
    /// quoted ("…", with "" for a quote) and must be when it holds a comma. Blank lines are skipped. Every problem is
    /// returned with its line and field; ids must be unique.
    /// </summary>
    public static TriageRulesFile Parse(string csvText)
    {
        ArgumentNullException.ThrowIfNull(csvText);
        var lines = csvText.ReplaceLineEndings("\n").Split('\n');
        var problems = new List<TriageRuleProblem>();
        var rules = new List<TriageRule>();
        if (!string.Equals(lines[0].Trim(), Header, StringComparison.OrdinalIgnoreCase))
            return new([], [new(1, "header", $"the first line should be '{Header}'")]);

        var firstLineOfId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var k = 1; k < lines.Length; k++)
        {
            if (string.IsNullOrWhiteSpace(lines[k])) continue;
            var line = k + 1;
            if (!TrySplit(lines[k], out var cells, out var splitError))
            {
                problems.Add(new(line, "line", splitError));
                continue;
            }

            if (cells.Count != Fields.Length)
            {
                problems.Add(new(line, "line", $"has {cells.Count} fields; a rule has {Fields.Length}: {string.Join(", ", Fields)}"));
                continue;
            }

            var before = problems.Count;
            void Problem(string field, string message) => problems.Add(new(line, field, message));

            var id = cells[0].Trim();
            if (id.Length == 0) Problem("id", "a rule needs an id, e.g. weight-specialist");
            else if (!IsName(id)) Problem("id", $"'{id}' is not an id: use lower-case letters, digits and '-'");
            else if (firstLineOfId.TryGetValue(id, out var first)) Problem("id", $"'{id}' is already the id of the rule on line {first}");
            else firstLineOfId[id] = line;

            if (!Needs.TryParse(cells[1], out var need)) Problem("need", $"'{cells[1].Trim()}' is not a need; needs are {Needs.CodeList}");
            if (!EnumCodes<NeedLevel>.TryParse(cells[2], out var atLeast) || atLeast == NeedLevel.None)
                Problem("at_least", $"'{cells[2].Trim()}' is not a level a rule can start at; levels are light, specialist");
            if (!EnumCodes<SupportTier>.TryParse(cells[3], out var tier)) Problem("tier", $"'{cells[3].Trim()}' is not a tier; tiers are {EnumCodes<SupportTier>.List}");
            var minAge = Age(cells[4], "min_age", Problem);
            var maxAge = Age(cells[5], "max_age", Problem);
            if (minAge > maxAge) Problem("max_age", $"{maxAge} is below min_age {minAge}");

            var cohorts = cells[6].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var bad in cohorts.Where(c => !IsName(c.ToLowerInvariant())))
                Problem("cohorts", $"'{bad}' is not a cohort name: use letters, digits and '-', and ';' between cohorts");

            var explanation = cells[7].Trim();
            if (explanation.Length == 0) Problem("explanation", "a rule needs its explanation: the sentence a routing decision shows");

            if (problems.Count == before)
                rules.Add(new(id, need, atLeast, tier, explanation, minAge, maxAge, cohorts.Length == 0 ? null : [.. cohorts.Select(c => c.ToLowerInvariant())]));
        }

        return problems.Count > 0 ? new([], problems) : new(rules, []);
    }

    /// <summary>Writes rules in the format <see cref="Parse"/> reads (quoting a field only where it must).</summary>
    public static string Format(IReadOnlyList<TriageRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var s = new StringBuilder(Header).Append('\n');
        foreach (var r in rules)
        {
            string[] cells =
            [
                r.Id, Needs.Code(r.Need), Needs.Code(r.AtLeast), EnumCodes<SupportTier>.Code(r.Tier),
                r.MinAge?.ToString(CultureInfo.InvariantCulture) ?? "", r.MaxAge?.ToString(CultureInfo.InvariantCulture) ?? "",
                string.Join(';', r.Cohorts ?? []), r.Explanation,
            ];
            if (cells.Any(c => c.AsSpan().IndexOfAny('\r', '\n') >= 0))
                throw new ArgumentException($"rule {r.Id}: a field of a rules file cannot span lines", nameof(rules));
            s.AppendJoin(',', cells.Select(Quote)).Append('\n');
        }

        return s.ToString();
    }

    private static int? Age(string cell, string field, Action<string, string> problem)
    {
        var text = cell.Trim();
        if (text.Length == 0) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age <= 130) return age;
        problem(field, $"'{text}' is not an age: a whole number of years 0 to 130, or empty for no limit");
        return null;
    }

    private static bool IsName(string s) => s.Length > 0 && s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(',', '"') < 0 && cell.Trim() == cell ? cell : $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    // One line into fields: a field is either bare or quoted ("…" with "" for a quote). No field spans lines.
    private static bool TrySplit(string line, out List<string> cells, out string error)
    {
        cells = [];
        error = "";
        var k = 0;
        while (true)
        {
            var cell = new StringBuilder();
            if (k < line.Length && line[k] == '"')
            {
                k++;
                while (true)
                {
                    if (k >= line.Length)
                    {
                        error = "a quoted field is not closed: end it with '\"' on the same line";
                        return false;
                    }

                    if (line[k] == '"')
                    {
                        if (k + 1 < line.Length && line[k + 1] == '"')
                        {
                            cell.Append('"');
                            k += 2;
                            continue;
                        }

                        k++;
                        break;
                    }

                    cell.Append(line[k++]);
                }

                if (k < line.Length && line[k] != ',')
                {
                    error = $"column {k + 1}: a quoted field must be followed by ',' or the end of the line";
                    return false;
                }
            }
            else
            {
                while (k < line.Length && line[k] != ',') cell.Append(line[k++]);
            }

            cells.Add(cell.ToString());
            if (k >= line.Length) return true;
            k++; // the comma
        }
    }
}
