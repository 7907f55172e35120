using Commonweal.Application.Indicators.Import;
using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;

namespace Commonweal.Web.Features.Indicators;

/// <summary>
/// The choices of an indicator's catalogue entry as the upload and edit pages offer them and the API reads them, spelt
/// as the command line spells them where it has a spelling (value type crude-rate, polarity low-is-good).
/// </summary>
public static class IndicatorChoices
{
    public static IReadOnlyList<(string Code, string Label)> ValueTypes { get; } =
        [.. Enum.GetValues<IndicatorValueType>().Select(t => (t.Code(), char.ToUpperInvariant(t.Label()[0]) + t.Label()[1..]))];

    public static IReadOnlyList<(string Code, string Label)> Polarities { get; } =
        [("low-is-good", "Low is good"), ("high-is-good", "High is good"), ("no-judgement", "No judgement (higher or lower)")];

    public static IReadOnlyList<(Comparators Comparator, string Label)> ComparatorChoices { get; } =
        [(Comparators.England, "England"), (Comparators.Region, "Region"), (Comparators.Ics, "ICS"), (Comparators.Parent, "Parent place")];

    public static IReadOnlyList<(string Code, string Label)> DisclosureRules { get; } =
    [
        (nameof(DisclosureRule.Default), "Default: counts 1–4 and denominators under 10 suppressed"),
        (nameof(DisclosureRule.HesStyle), "HES style: counts under 8 suppressed, others rounded to 5"),
        (nameof(DisclosureRule.None), "None: published aggregates of large populations"),
    ];

    /// <summary>A value of an enum by its name, ignoring case (numbers are not names).</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        return !char.IsAsciiDigit(trimmed[0]) && trimmed[0] != '-' && Enum.TryParse(trimmed, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>A multiplier as people write it ("100", "100,000", "1e5"): a positive number.</summary>
    public static bool TryParseMultiplier(string? text, out double multiplier) =>
        double.TryParse(text?.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out multiplier)
        && double.IsFinite(multiplier) && multiplier > 0;

    /// <summary>One comparator: england, region, parent or ics.</summary>
    public static bool TryParseComparator(string? text, out Comparators comparator) =>
        TryParse(text, out comparator) && comparator is Comparators.England or Comparators.Region or Comparators.Parent or Comparators.Ics;

    public static string ComparatorCode(Comparators comparator) => comparator.ToString().ToLowerInvariant();

    public static IReadOnlyList<string> ComparatorNames(Comparators comparators) =>
        [.. ComparatorChoices.Where(c => comparators.HasFlag(c.Comparator)).Select(c => c.Comparator.ToString())];

    /// <summary>An entry from the API's JSON over the current one (a field left out stays), or what is wrong with its choices.</summary>
    public static (IndicatorEdit Edit, IReadOnlyList<FieldError> Errors) Read(IndicatorApiEndpoints.IndicatorEditDto body, IndicatorEdit current)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(current);
        var errors = new List<FieldError>();
        var edit = current with
        {
            Name = body.Name ?? current.Name,
            Definition = body.Definition ?? current.Definition,
            Unit = body.Unit ?? current.Unit,
            Source = body.Source ?? current.Source,
            Licence = body.Licence ?? current.Licence,
            Profile = body.Profile ?? current.Profile,
            Multiplier = body.Multiplier ?? current.Multiplier,
        };
        if (body.Polarity is { } polarity)
        {
            if (Benchmarking.TryParsePolarity(polarity, out var parsed)) edit = edit with { Polarity = parsed };
            else errors.Add(new FieldError(nameof(IndicatorEdit.Polarity), $"'{polarity}' is not low-is-good, high-is-good or no-judgement"));
        }

        if (body.ValueType is { } valueType)
        {
            if (IndicatorValueTypes.TryParse(valueType, out var parsed)) edit = edit with { ValueType = parsed };
            else errors.Add(new FieldError(nameof(IndicatorEdit.ValueType), $"'{valueType}' is not one of {string.Join(", ", ValueTypes.Select(t => t.Code))}"));
        }

        edit = Choose<ReportingFrequency>(body.Frequency, nameof(IndicatorEdit.Frequency), errors, f => edit with { Frequency = f }, edit);
        edit = Choose<DisclosureRule>(body.Disclosure, nameof(IndicatorEdit.Disclosure), errors, d => edit with { Disclosure = d }, edit);
        if (body.FactorGroup is not null)
            edit = body.FactorGroup.Length == 0 ? edit with { FactorGroup = null } : Choose<HealthFactor>(body.FactorGroup, nameof(IndicatorEdit.FactorGroup), errors, f => edit with { FactorGroup = f }, edit);
        if (body.FocusArea is not null)
            edit = body.FocusArea.Length == 0 ? edit with { FocusArea = null } : Choose<FocusArea>(body.FocusArea, nameof(IndicatorEdit.FocusArea), errors, f => edit with { FocusArea = f }, edit);
        if (body.Comparators is { } names)
        {
            var comparators = Comparators.None;
            foreach (var name in names)
            {
                if (TryParseComparator(name, out var one)) comparators |= one;
                else errors.Add(new FieldError(nameof(IndicatorEdit.Comparators), $"'{name}' is not England, Region, Ics or Parent"));
            }

            edit = edit with { Comparators = comparators };
        }

        return (edit, errors);
    }

    /// <summary>Every problem of an edit: the choices that could not be read, and the catalogue's rules on the rest.</summary>
    public static IReadOnlyList<FieldError> Problems(IReadOnlyList<FieldError> reading, IndicatorEdit edit, Indicator stored, bool hasValues)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return [.. reading, .. CatalogueEditing.Check(edit, stored, hasValues).Where(e => reading.All(r => r.Field != e.Field))];
    }

    private static IndicatorEdit Choose<T>(string? text, string field, List<FieldError> errors, Func<T, IndicatorEdit> apply, IndicatorEdit edit)
        where T : struct, Enum
    {
        if (text is null) return edit;
        if (TryParse<T>(text, out var value)) return apply(value);
        errors.Add(new FieldError(field, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}"));
        return edit;
    }
}
