namespace Commonweal.Core.Targeting;

/// <summary>What a rule's field holds: a number, a word (a code, a sex, a segment), or yes/no.</summary>
public enum RuleFieldKind
{
    Number,
    Text,
    Flag,
}

/// <summary>One field a cohort rule may name, with how to read it from a subject (an LSOA, a person). A null value matches no comparison.</summary>
public sealed record RuleField<T>(string Name, RuleFieldKind Kind, string Description, Func<T, double?>? Number = null, Func<T, string?>? Text = null, Func<T, bool>? Flag = null);

/// <summary>Makes the fields of each kind.</summary>
public static class RuleField
{
    public static RuleField<T> Numeric<T>(string name, string description, Func<T, double?> read) => new(name, RuleFieldKind.Number, description, Number: read);

    public static RuleField<T> Word<T>(string name, string description, Func<T, string?> read) => new(name, RuleFieldKind.Text, description, Text: read);

    public static RuleField<T> YesNo<T>(string name, string description, Func<T, bool> read) => new(name, RuleFieldKind.Flag, description, Flag: read);
}

/// <summary>The fields rules over one kind of subject may use, by name (case-insensitive).</summary>
public sealed class RuleFields<T>
{
    private readonly Dictionary<string, RuleField<T>> byName;

    public RuleFields(IEnumerable<RuleField<T>> fields)
    {
        All = [.. fields];
        byName = All.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<RuleField<T>> All { get; }

    public RuleField<T>? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>The names closest to a misspelt one (for "did you mean").</summary>
    public IEnumerable<string> Nearest(string name) =>
        All.Select(f => (f.Name, Distance: Edits(f.Name.ToLowerInvariant(), name.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(2, name.Length / 3)).OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).Take(3).Select(x => x.Name);

    private static int Edits(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }

        return previous[b.Length];
    }
}
