using System.Globalization;
using Commonweal.Application.Files;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// Everything one indicator file says, read and checked in full before anything is written: its indicators, its rows
/// (and age-specific counts), and notes on what was done with rows that are not plain values (suppressed figures,
/// repeated rows, codes written with Fingertips' "n" prefix …).
/// </summary>
public sealed class IndicatorBatch(string format, string fileName)
{
    private readonly Dictionary<string, IndicatorDescription> indicators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> tallies = new(StringComparer.Ordinal);
    private readonly Dictionary<StagedField, int> columns = [];

    /// <summary>The reader's kind, e.g. "fingertips-export".</summary>
    public string Format { get; } = format;

    public string FileName { get; } = fileName;

    /// <summary>Who published the file, for the catalogue's source of an indicator it creates.</summary>
    public string? Source { get; set; }

    public string? Licence { get; set; }

    /// <summary>Data rows read from the file (before repeats were collapsed).</summary>
    public int RowsRead { get; set; }

    public List<StagedValue> Values { get; } = [];

    public List<StagedAgeCount> AgeCounts { get; } = [];

    /// <summary>The file's indicators by key, in the order they first appear.</summary>
    public IReadOnlyCollection<IndicatorDescription> Indicators => indicators.Values;

    public List<string> Notes { get; } = [];

    /// <summary>The table being read, so that checks made after the last row can still name a line and column.</summary>
    internal Table? Table { get; set; }

    /// <summary>The indicator a row names (its number when it gives one, else its name), described once.</summary>
    public IndicatorDescription Indicator(int? id, string name, string? measure = null, string? unit = null)
    {
        var clean = Clean(name);
        var key = IndicatorDescription.KeyFor(id, clean);
        if (!indicators.TryGetValue(key, out var description))
        {
            description = new IndicatorDescription(key, id, clean) { Measure = measure, Unit = unit };
            indicators[key] = description;
        }
        else if (description.Name.Length == 0 && clean.Length > 0)
        {
            description = description with { Name = clean };
            indicators[key] = description;
        }

        return description;
    }

    /// <summary>Drops an indicator whose rows all turned out to be another's (an unnumbered name that a numbered row also gives).</summary>
    internal void Forget(string key) => indicators.Remove(key);

    /// <summary>Counts something passed over or read specially, for one note per kind at the end.</summary>
    public void Tally(string what, int by = 1) => tallies[what] = tallies.GetValueOrDefault(what) + by;

    /// <summary>The tallies as notes: "7 rows: Count written '…' (no data)".</summary>
    public IEnumerable<string> TallyNotes() =>
        tallies.Select(t => t.Key.Replace("{n}", t.Value.ToString("N0", CultureInfo.InvariantCulture), StringComparison.Ordinal));

    /// <summary>The last column (0-based) the reader reads: a row may stop after it (older Fingertips downloads leave out trailing empty columns).</summary>
    public int LastColumnRead { get; private set; } = -1;

    /// <summary>Records which column of the file holds a field, so checks after reading can point at it.</summary>
    public void MapColumn(StagedField field, int index)
    {
        if (index < 0) return;
        columns[field] = index;
        Reads(index);
    }

    /// <summary>Records columns the reader reads (−1 for one the file does not have).</summary>
    public void Reads(params int[] indexes) => LastColumnRead = Math.Max(LastColumnRead, indexes.DefaultIfEmpty(-1).Max());

    /// <summary>A problem at a line, in the column of <paramref name="field"/> when the file has one.</summary>
    public FileProblemException Reject(int line, StagedField? field, string rule)
    {
        int? column = field is { } f && columns.TryGetValue(f, out var index) ? index : null;
        return new FileProblemException(Table is { } table ? table.Problem(line, column, rule) : new FileProblem(FileName, null, line, column + 1, null, rule));
    }

    /// <summary>A name as written, with line breaks and runs of spaces made one space.</summary>
    public static string Clean(string text)
    {
        if (text.Length == 0) return text;
        var trimmed = text.AsSpan().Trim();
        var needs = false;
        for (var i = 0; i < trimmed.Length && !needs; i++)
            needs = char.IsWhiteSpace(trimmed[i]) && (trimmed[i] != ' ' || (i > 0 && trimmed[i - 1] == ' '));
        if (!needs) return trimmed.Length == text.Length ? text : trimmed.ToString();
        return string.Join(' ', trimmed.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
