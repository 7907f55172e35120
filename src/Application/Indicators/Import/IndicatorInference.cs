using System.Globalization;
using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// Decides the catalogue entry of one of a file's indicators. Each property comes from the strongest source that has
/// it: the command line's options, then the catalogue, then the file's own evidence (a method that reproduces the
/// published limits, value ÷ count × denominator, the published comparisons with England), then what is known of the
/// Fingertips indicator, then the words the file uses. What was decided, and from what, is said; what is needed and
/// cannot be told (a value type; a multiplier for values worked out from counts) refuses the file with the option to give.
/// </summary>
public static class IndicatorInference
{
    public static IndicatorDecision Decide(
        IndicatorId id,
        IndicatorDescription description,
        IReadOnlyList<StagedValue> rows,
        IReadOnlyList<StagedAgeCount> ageCounts,
        Indicator? stored,
        IndicatorImportOptions options,
        string? source,
        string? licence)
    {
        var said = new List<string>();
        var known = KnownIndicators.ById(id.Value);
        var name = stored?.Name ?? (description.Name.Length > 0 ? description.Name : known?.Name ?? $"Indicator {id}");
        if (stored is not null && description.Name.Length > 0 && !string.Equals(stored.Name, description.Name, StringComparison.Ordinal))
            said.Add($"the file names it '{description.Name}'; the catalogue's name is kept");

        var counted = ageCounts.Count > 0 ? AgeBandValues.Evidence(ageCounts) : MethodInference.From(rows);
        var words = WordsInference.From(description);
        var candidates = new List<Evidence?>
        {
            options.ValueType is { } given ? new Evidence(given, options.Multiplier, Strength.Option, "given (--value-type)") : null,
            stored is null ? null : new Evidence(stored.ValueType, stored.Multiplier, Strength.Catalogue, "as in the catalogue"),
            counted,
            known is null ? null : new Evidence(known.ValueType, known.Multiplier, Strength.Known, $"Fingertips' {known.ValueType.Label()} (what Commonweal knows of indicator {known.Id})"),
            words,
        }.OfType<Evidence>().ToList();
        var chosen = candidates.MaxBy(c => c.Strength);
        if (chosen is null)
        {
            var why = rows.Any(r => r.Count is not null) ? "its counts have no denominators to work out a multiplier from" : "it has no counts, limits or words that say";
            return Refuse(stored, name, said, $"the value type of indicator {id} '{name}' cannot be inferred from the file ({why}): give --value-type (proportion, crude-rate, dsr, isr, ratio, life-expectancy, count, mean or score)");
        }

        var type = chosen.Type;
        var why2 = chosen.Why;
        if (chosen.Strength == Strength.Reproduced && type == IndicatorValueType.CrudeRate && words?.Type == IndicatorValueType.Isr)
        {
            type = IndicatorValueType.Isr;
            why2 += $"; {words.Why} it is an indirectly standardised ratio (the denominator the expected count)";
        }

        said.Add($"value type {type.Code()}: {Source(chosen.Strength)}{why2}");
        if (chosen.Strength == Strength.Catalogue && counted is { Strength: >= Strength.Standardised } evidence && evidence.Type != type)
            said.Add($"the file's own figures point to a {evidence.Type.Label()} ({evidence.Why}); the catalogue's {type.Label()} is kept (give --value-type to change it)");

        var counts = rows.Any(r => r.Count is not null && r.Denominator is not null);
        var (multiplier, multiplierWhy) = Multiplier(options, stored, type, counted, known, words, counts);
        if (multiplierWhy is null)
        {
            return Refuse(stored, name, said, $"the multiplier of indicator {id} '{name}' cannot be inferred from the file (its values are not a power of ten times count ÷ denominator): give --multiplier");
        }

        said.Add($"multiplier {multiplier.ToString("#,0.###", CultureInfo.InvariantCulture)}: {multiplierWhy}");
        var typeChanged = stored is not null && (stored.ValueType != type || stored.Multiplier != multiplier);
        var unit = stored is not null && !typeChanged ? stored.Unit
            : known is not null && known.ValueType == type && known.Multiplier == multiplier ? known.Unit
            : UnitInference.FromFile(description.Unit) ?? UnitInference.Unit(type, multiplier);
        if (stored is null || typeChanged) said.Add($"unit '{unit}'");

        var polarity = Polarity(options, stored, rows, known, said);
        var frequency = stored?.Frequency ?? UnitInference.Frequency(rows.Select(r => r.Period).Concat(ageCounts.Select(c => c.Period)));
        var indicator = stored is not null
            ? stored with { ValueType = type, Multiplier = multiplier, Unit = unit, Polarity = polarity }
            : new Indicator(id, name, type, multiplier, unit, polarity) { Frequency = frequency, Source = source, Licence = licence };
        if (stored is null) said.Add($"frequency {frequency.ToString().ToLowerInvariant()} (from its periods)");
        return new IndicatorDecision(indicator, stored, said);
    }

    private static (double Multiplier, string? Why) Multiplier(
        IndicatorImportOptions options, Indicator? stored, IndicatorValueType type, Evidence? counted, KnownIndicator? known, Evidence? words, bool counts)
    {
        if (options.Multiplier is { } given) return (given, "given (--multiplier)");
        if (stored is not null && stored.ValueType == type) return (stored.Multiplier, "as in the catalogue");
        // Value ÷ count × denominator is the multiplier whatever the words say (a constant one; a varying one only for a DSR).
        var countBased = type is IndicatorValueType.Proportion or IndicatorValueType.CrudeRate or IndicatorValueType.Isr or IndicatorValueType.Ratio or IndicatorValueType.Dsr;
        if (countBased && counted?.Multiplier is { } c && (counted.Strength != Strength.Standardised || counted.Type == type))
            return (c, counted.Strength == Strength.Standardised ? "inferred: the power of ten nearest value ÷ count × denominator" : "inferred: value ÷ count × denominator");
        if (known is not null && known.ValueType == type) return (known.Multiplier, $"Fingertips' (what Commonweal knows of indicator {known.Id})");
        if (words is { Multiplier: { } w } && words.Type == type) return (w, "inferred " + words.Why);
        // A rate's multiplier (per 1,000? per 100,000?) is no default to guess when its values are to be worked out from counts.
        if (counts && type == IndicatorValueType.CrudeRate) return (0, null);
        return (UnitInference.DefaultMultiplier(type), $"the usual multiplier of a {type.Label()}");
    }

    private static Polarity Polarity(IndicatorImportOptions options, Indicator? stored, IReadOnlyList<StagedValue> rows, KnownIndicator? known, List<string> said)
    {
        var (inferred, why) = PolarityInference.From(rows);
        if (options.Polarity is { } given)
        {
            said.Add($"polarity {Name(given)}: given (--polarity)");
            return given;
        }

        if (stored is not null)
        {
            if (inferred is { } i && i != stored.Polarity) said.Add($"the file's comparisons say {Name(i)} ({why}); the catalogue's {Name(stored.Polarity)} is kept (give --polarity to change it)");
            return stored.Polarity;
        }

        if (inferred is { } found)
        {
            said.Add($"polarity {Name(found)}: inferred: {why}");
            return found;
        }

        if (known is not null)
        {
            said.Add($"polarity {Name(known.Polarity)}: Fingertips' (what Commonweal knows of indicator {known.Id}); not inferred: {why}");
            return known.Polarity;
        }

        said.Add($"polarity no judgement: not inferred ({why}); give --polarity low-is-good or high-is-good if one is");
        return Core.Statistics.Polarity.NoJudgement;
    }

    /// <summary>low-is-good, high-is-good, no-judgement: the CLI's spelling.</summary>
    public static string Name(Polarity polarity) => Benchmarking.PolarityName(polarity).Replace('_', '-');

    private static string Source(Strength strength) => strength switch
    {
        Strength.Option or Strength.Catalogue or Strength.Known => string.Empty,
        _ => "inferred: ",
    };

    private static IndicatorDecision Refuse(Indicator? stored, string name, List<string> said, string refusal) =>
        new(stored ?? new Indicator(new IndicatorId(IndicatorId.FirstLocal), name, IndicatorValueType.Score, 1, string.Empty, Core.Statistics.Polarity.NoJudgement), stored, said, refusal);
}
