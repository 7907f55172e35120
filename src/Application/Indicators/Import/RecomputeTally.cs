using System.Globalization;
using Commonweal.Core.Indicators;

namespace Commonweal.Application.Indicators.Import;

/// <summary>How an indicator's rows fared when recomputed from their counts, for the import's summary.</summary>
public sealed class RecomputeTally(Indicator indicator)
{
    private readonly Dictionary<string, int> notRecomputed = new(StringComparer.Ordinal);

    public Indicator Indicator { get; } = indicator;

    public int Rows { get; set; }

    /// <summary>Rows recomputed that reproduce every published figure (stored as computed).</summary>
    public int Agreed { get; set; }

    /// <summary>Rows recomputed that do not reproduce a published figure (kept as published).</summary>
    public int Disagreed { get; set; }

    /// <summary>Rows with no published limits (or value) that were given the computed ones.</summary>
    public int Filled { get; set; }

    /// <summary>Rows worked out from age bands.</summary>
    public int FromAgeBands { get; set; }

    public int ValueAgrees { get; set; }

    public int ValuePublished { get; set; }

    public int Limits95Agree { get; set; }

    public int Limits95Published { get; set; }

    public int Limits998Agree { get; set; }

    public int Limits998Published { get; set; }

    public void NotRecomputed(string why) => notRecomputed[why] = notRecomputed.GetValueOrDefault(why) + 1;

    /// <summary>The summary line: what was recomputed with which method and how much of it agrees.</summary>
    public string Summary()
    {
        var parts = new List<string>();
        var recomputed = Agreed + Disagreed;
        if (recomputed > 0)
        {
            parts.Add($"{N(recomputed)} of {N(Rows)} rows recomputed from their counts ({Recompute.Method(Indicator.ValueType)}): "
                + $"value agrees on {N(ValueAgrees)} of {N(ValuePublished)} published, 95 % limits on {N(Limits95Agree)} of {N(Limits95Published)}, "
                + $"99.8 % limits on {N(Limits998Agree)} of {N(Limits998Published)}");
            if (Filled > 0) parts.Add($"{N(Filled)} rows without published limits were given the computed ones");
            if (Disagreed > 0) parts.Add($"{N(Disagreed)} rows disagree beyond the published precision and are kept as published (listed)");
        }

        if (FromAgeBands > 0) parts.Add($"{N(FromAgeBands)} values worked out from age bands ({Recompute.Method(Indicator.ValueType)})");
        foreach (var (why, rows) in notRecomputed) parts.Add($"{N(rows)} rows kept as published: {why}");
        return string.Join("; ", parts);
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
