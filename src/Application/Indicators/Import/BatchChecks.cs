using System.Globalization;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// The checks that need the whole file. Rows that leave out their indicator's number are that of the numbered rows of
/// the same name; rows that leave out the age take the one age the indicator's other rows give. A row that repeats
/// another exactly (every figure and word the same) is collapsed into it and noted; two rows of the same key with
/// different figures are refused, naming both lines. A row whose age is "Not applicable" and whose figures are those of
/// a row of the same area, period, sex and category with the indicator's age (Fingertips' 2015/16 repeats in 91547)
/// is the same value given twice: collapsed and noted.
/// </summary>
public static class BatchChecks
{
    /// <summary>Fingertips' age for a row of a breakdown where the age is not the point (a repeat of the row with the real age).</summary>
    public const string AgeNotApplicable = "Not applicable";

    public static void Run(IndicatorBatch batch)
    {
        NumberUnnumbered(batch);
        FillAges(batch);
        CollapseRepeats(batch);
        CollapseNotApplicableAges(batch);
        CollapseAgeCountRepeats(batch);
    }

    private static void NumberUnnumbered(IndicatorBatch batch)
    {
        var numbered = batch.Indicators.Where(i => i.Id is not null && i.Name.Length > 0)
            .GroupBy(i => i.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single(), StringComparer.OrdinalIgnoreCase);
        foreach (var unnumbered in batch.Indicators.Where(i => i.Id is null).ToList())
        {
            if (!numbered.TryGetValue(unnumbered.Name, out var same)) continue;
            var rows = 0;
            foreach (var value in batch.Values.Where(v => v.IndicatorKey == unnumbered.Key))
            {
                value.IndicatorKey = same.Key;
                rows++;
            }

            foreach (var count in batch.AgeCounts.Where(c => c.IndicatorKey == unnumbered.Key)) count.IndicatorKey = same.Key;
            batch.Forget(unnumbered.Key);
            batch.Notes.Add($"{rows:N0} rows give no indicator number: read as {same.Id} ('{same.Name}'), the file's numbered rows of the same name");
        }
    }

    private static void FillAges(IndicatorBatch batch)
    {
        var missing = batch.Values.Where(v => v.Age.Length == 0).GroupBy(v => v.IndicatorKey).ToList();
        if (missing.Count == 0) return;
        var ages = batch.Values.Where(v => v.Age.Length > 0 && v.Age != AgeNotApplicable)
            .GroupBy(v => v.IndicatorKey)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Age).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        foreach (var group in missing)
        {
            if (!ages.TryGetValue(group.Key, out var given) || given.Count != 1) continue;
            var rows = group.ToList();
            foreach (var value in rows) value.Age = given[0];
            batch.Notes.Add($"{rows.Count:N0} rows give no age (from line {rows[0].Line}): read as '{given[0]}', the age of the indicator's other rows");
        }
    }

    private static void CollapseRepeats(IndicatorBatch batch)
    {
        var first = new Dictionary<ValueKey, StagedValue>(batch.Values.Count);
        var kept = new List<StagedValue>(batch.Values.Count);
        var repeats = new List<(int Line, int Of)>();
        var renamed = new List<(int Line, int Of)>();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var value in batch.Values)
        {
            var key = ValueKey.Of(value);
            if (!first.TryGetValue(key, out var earlier))
            {
                first[key] = value;
                kept.Add(value);
                continue;
            }

            if (value.FirstDifference(earlier) is { } field)
            {
                throw batch.Reject(value.Line, field,
                    $"duplicate key ({value.Describe()}) with a different {Label(field)}: line {earlier.Line} gives {earlier.Shown(field)}, this line {value.Shown(field)}");
            }

            if (string.Equals(value.AreaName, earlier.AreaName, StringComparison.Ordinal))
            {
                repeats.Add((value.Line, earlier.Line));
            }
            else
            {
                renamed.Add((value.Line, earlier.Line));
                if (names.Count < 2) names.Add($"'{earlier.AreaName}' and '{value.AreaName}'");
            }
        }

        if (repeats.Count + renamed.Count == 0) return;
        batch.Values.Clear();
        batch.Values.AddRange(kept);
        if (repeats.Count > 0)
            batch.Notes.Add($"{repeats.Count:N0} rows repeat an earlier row exactly (same key, figures and words): collapsed into it ({Examples(repeats)})");
        if (renamed.Count > 0)
        {
            batch.Notes.Add($"{renamed.Count:N0} rows repeat the figures of an earlier row of the same area code and key under another name (the same code listed under two of the "
                + $"publisher's area types, e.g. {string.Join(", ", names)}): collapsed into the earlier row, whose name is kept ({Examples(renamed)})");
        }
    }

    private static void CollapseNotApplicableAges(IndicatorBatch batch)
    {
        if (!batch.Values.Exists(v => v.Age == AgeNotApplicable)) return;
        var withAge = batch.Values.Where(v => v.Age != AgeNotApplicable)
            .ToLookup(v => (v.IndicatorKey, v.Area, v.Period.Label, v.Sex, v.CategoryType, v.Category));
        var repeats = new List<(int Line, int Of)>();
        var kept = new List<StagedValue>(batch.Values.Count);
        var periods = new SortedSet<string>(StringComparer.Ordinal);
        var differing = new List<int>();
        foreach (var value in batch.Values)
        {
            if (value.Age != AgeNotApplicable)
            {
                kept.Add(value);
                continue;
            }

            var twins = withAge[(value.IndicatorKey, value.Area, value.Period.Label, value.Sex, value.CategoryType, value.Category)].ToList();
            if (twins.Find(t => t.SameFiguresAs(value)) is { } twin)
            {
                repeats.Add((value.Line, twin.Line));
                periods.Add(value.Period.Label);
                continue;
            }

            if (twins.Count > 0) differing.Add(value.Line);
            kept.Add(value);
        }

        if (repeats.Count > 0)
        {
            batch.Values.Clear();
            batch.Values.AddRange(kept);
            batch.Notes.Add($"{repeats.Count:N0} rows of {string.Join(", ", periods)} with the age '{AgeNotApplicable}' repeat the figures of the row with the indicator's age: collapsed into it ({Examples(repeats)})");
        }

        if (differing.Count > 0)
        {
            batch.Notes.Add($"{differing.Count:N0} rows with the age '{AgeNotApplicable}' give other figures than the row with the indicator's age: both kept, under their own ages (lines {string.Join(", ", differing.Take(10))}{(differing.Count > 10 ? ", …" : string.Empty)})");
        }
    }

    private static void CollapseAgeCountRepeats(IndicatorBatch batch)
    {
        if (batch.AgeCounts.Count == 0) return;
        var first = new Dictionary<(string, AreaCode, string, Sex, string, string, AgeBand), StagedAgeCount>();
        var kept = new List<StagedAgeCount>(batch.AgeCounts.Count);
        var repeats = new List<(int, int)>();
        foreach (var count in batch.AgeCounts)
        {
            var key = (count.IndicatorKey, count.Area, count.Period.Label, count.Sex, count.CategoryType, count.Category, count.AgeBand);
            if (!first.TryGetValue(key, out var earlier))
            {
                first[key] = count;
                kept.Add(count);
                continue;
            }

            if (earlier.Count != count.Count)
                throw batch.Reject(count.Line, StagedField.Count, $"duplicate key ({count.Area} {count.Period.Label} {count.Sex} {count.AgeBand}) with a different count: line {earlier.Line} gives {earlier.Count}, this line {count.Count}");
            if (earlier.Population != count.Population)
                throw batch.Reject(count.Line, StagedField.Denominator, $"duplicate key ({count.Area} {count.Period.Label} {count.Sex} {count.AgeBand}) with a different population: line {earlier.Line} gives {earlier.Population}, this line {count.Population}");
            repeats.Add((count.Line, earlier.Line));
        }

        if (repeats.Count == 0) return;
        batch.AgeCounts.Clear();
        batch.AgeCounts.AddRange(kept);
        batch.Notes.Add($"{repeats.Count:N0} rows repeat an earlier age band exactly: collapsed into it ({Examples(repeats)})");
    }

    private static string Examples(List<(int Line, int Of)> repeats) =>
        string.Join(", ", repeats.Take(3).Select(r => $"line {r.Line} repeats line {r.Of}")) + (repeats.Count > 3 ? ", …" : string.Empty);

    private static string Label(StagedField field) => field switch
    {
        StagedField.Lower95 => "lower 95 % limit",
        StagedField.Upper95 => "upper 95 % limit",
        StagedField.Lower998 => "lower 99.8 % limit",
        StagedField.Upper998 => "upper 99.8 % limit",
        StagedField.ValueNote => "value note",
        StagedField.Comparison => "comparison with England",
        StagedField.Trend => "recent trend",
        StagedField.AreaName => "area name",
        _ => field.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private readonly record struct ValueKey(string Indicator, AreaCode Area, string Period, Sex Sex, string Age, string CategoryType, string Category)
    {
        public static ValueKey Of(StagedValue v) => new(v.IndicatorKey, v.Area, v.Period.Label, v.Sex, v.Age, v.CategoryType, v.Category);
    }
}
