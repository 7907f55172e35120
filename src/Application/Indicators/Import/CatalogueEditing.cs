using System.Globalization;
using Commonweal.Application.Access;
using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Indicators.Import;

/// <summary>What an analyst may say of an indicator in the catalogue: every field of its entry but its id.</summary>
public sealed record IndicatorEdit(
    string Name,
    string? Definition,
    string Unit,
    Polarity Polarity,
    ReportingFrequency Frequency,
    string? Source,
    string? Licence,
    Comparators Comparators,
    HealthFactor? FactorGroup,
    FocusArea? FocusArea,
    string Profile,
    DisclosureRule Disclosure,
    IndicatorValueType ValueType,
    double Multiplier)
{
    public static IndicatorEdit Of(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return new(indicator.Name, indicator.Definition, indicator.Unit, indicator.Polarity, indicator.Frequency, indicator.Source, indicator.Licence,
            indicator.Comparators, indicator.FactorGroup, indicator.FocusArea, indicator.Profile, indicator.Disclosure, indicator.ValueType, indicator.Multiplier);
    }

    /// <summary>The entry with these fields (text trimmed, empty optional text as none).</summary>
    public Indicator ApplyTo(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator with
        {
            Name = Name.Trim(),
            Definition = Optional(Definition),
            Unit = Unit.Trim(),
            Polarity = Polarity,
            Frequency = Frequency,
            Source = Optional(Source),
            Licence = Optional(Licence),
            Comparators = Comparators,
            FactorGroup = FactorGroup,
            FocusArea = FocusArea,
            Profile = Profile.Trim(),
            Disclosure = Disclosure,
            ValueType = ValueType,
            Multiplier = Multiplier,
        };
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A field of an edit that breaks a rule, named as <see cref="IndicatorEdit"/> names it.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>One field an edit changed, before and after, as the audit trail records it.</summary>
public sealed record FieldChange(string Field, string? Before, string? After)
{
    public override string ToString() => $"{Field}: {Before ?? "(none)"} → {After ?? "(none)"}";
}

/// <summary>What an edit did: the entry now stored and the fields changed, or the errors (then nothing was changed), or no such indicator.</summary>
public sealed record CatalogueEditOutcome(Indicator? Indicator, IReadOnlyList<FieldChange> Changes, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Indicator is not null && Errors.Count == 0;

    public bool NotFound => Indicator is null && Errors.Count == 0;
}

/// <summary>
/// Edits an indicator's catalogue entry (the web page, the API and the command line alike): every field checked, and
/// each field changed written to the audit trail with its value before and after, with the change. The value type and
/// multiplier fix how the stored values were worked out, so they change only while the store holds no values of the
/// indicator; after that, importing its file again with --value-type or --multiplier recomputes them. The
/// <see cref="IndicatorCache"/> builds the indicator's table again once its entry differs, so no page shows the old one.
/// </summary>
public sealed class CatalogueEditing(CommonwealDbContext db, AuditLog audit)
{
    public const int NameLength = 400;
    public const int UnitLength = 64;
    public const int SourceLength = 400;
    public const int LicenceLength = 200;
    public const int ProfileLength = 400;
    public const int DefinitionLength = 4000;

    /// <summary>The entry and whether the store holds values of it (then its value type and multiplier are fixed); null when no such indicator.</summary>
    public async Task<(Indicator Indicator, bool HasValues)?> FindAsync(IndicatorId id, CancellationToken cancellationToken = default)
    {
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null) return null;
        return (indicator, await db.IndicatorValues.AnyAsync(v => v.Indicator == id, cancellationToken));
    }

    public async Task<CatalogueEditOutcome> UpdateAsync(IndicatorId id, IndicatorEdit edit, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var stored = await db.Indicators.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (stored is null) return new CatalogueEditOutcome(null, [], []);
        var hasValues = await db.IndicatorValues.AnyAsync(v => v.Indicator == id, cancellationToken);
        var errors = Check(edit, stored, hasValues);
        if (errors.Count > 0) return new CatalogueEditOutcome(stored, [], errors);

        var updated = edit.ApplyTo(stored);
        var changes = Changes(stored, updated);
        if (changes.Count == 0) return new CatalogueEditOutcome(stored, [], []);
        db.Entry(stored).CurrentValues.SetValues(updated);
        foreach (var change in changes)
            audit.Record(actor, "indicator.edit", "Indicator", id.ToString(), $"{updated.Name}: {change}");
        await db.SaveChangesAsync(cancellationToken);
        return new CatalogueEditOutcome(updated, changes, []);
    }

    /// <summary>The rules of an entry: a name and unit, lengths the store keeps, a positive multiplier, a fixed value type once values are stored.</summary>
    public static IReadOnlyList<FieldError> Check(IndicatorEdit edit, Indicator stored, bool hasValues)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(stored);
        var errors = new List<FieldError>();
        Text(errors, nameof(IndicatorEdit.Name), "name", edit.Name, NameLength, required: true);
        Text(errors, nameof(IndicatorEdit.Definition), "definition", edit.Definition, DefinitionLength, required: false);
        Text(errors, nameof(IndicatorEdit.Unit), "unit", edit.Unit, UnitLength, required: true);
        Text(errors, nameof(IndicatorEdit.Source), "source", edit.Source, SourceLength, required: false);
        Text(errors, nameof(IndicatorEdit.Licence), "licence", edit.Licence, LicenceLength, required: false);
        Text(errors, nameof(IndicatorEdit.Profile), "profile", edit.Profile, ProfileLength, required: false);
        if (!double.IsFinite(edit.Multiplier) || edit.Multiplier <= 0)
            errors.Add(new FieldError(nameof(IndicatorEdit.Multiplier), "Enter the multiplier as a positive number, e.g. 100 for a percentage or 100000 for a rate per 100,000"));
        if (!Enum.IsDefined(edit.Polarity)) errors.Add(new FieldError(nameof(IndicatorEdit.Polarity), "Choose which way is good"));
        if (!Enum.IsDefined(edit.Frequency)) errors.Add(new FieldError(nameof(IndicatorEdit.Frequency), "Choose how often it is published"));
        if (!Enum.IsDefined(edit.Disclosure)) errors.Add(new FieldError(nameof(IndicatorEdit.Disclosure), "Choose how small numbers are protected"));
        if (!Enum.IsDefined(edit.ValueType)) errors.Add(new FieldError(nameof(IndicatorEdit.ValueType), "Choose the value type"));
        if ((edit.Comparators & ~(Comparators.England | Comparators.Region | Comparators.Ics | Comparators.Parent)) != 0)
            errors.Add(new FieldError(nameof(IndicatorEdit.Comparators), "Choose comparators from England, region, ICS and parent"));
        if (edit.FactorGroup is { } factor && !Enum.IsDefined(factor)) errors.Add(new FieldError(nameof(IndicatorEdit.FactorGroup), "Choose a factor group of the model"));
        if (edit.FocusArea is { } focus && !Enum.IsDefined(focus)) errors.Add(new FieldError(nameof(IndicatorEdit.FocusArea), "Choose a focus area of the model"));
        if (hasValues && edit.ValueType != stored.ValueType)
            errors.Add(new FieldError(nameof(IndicatorEdit.ValueType),
                $"The value type cannot change while values are stored (they were worked out as a {stored.ValueType.Label()}): import the file again with --value-type {edit.ValueType.Code()} to recompute them"));
        if (hasValues && edit.Multiplier != stored.Multiplier && double.IsFinite(edit.Multiplier) && edit.Multiplier > 0)
            errors.Add(new FieldError(nameof(IndicatorEdit.Multiplier),
                $"The multiplier cannot change while values are stored (they are per {Number(stored.Multiplier)}): import the file again with --multiplier {Number(edit.Multiplier)} to recompute them"));
        return errors;
    }

    /// <summary>Each field that differs, written as the command line writes it (polarity low-is-good, value type crude-rate).</summary>
    public static IReadOnlyList<FieldChange> Changes(Indicator before, Indicator after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var fields = new (string Field, Func<Indicator, string?> Read)[]
        {
            ("name", i => i.Name),
            ("definition", i => i.Definition),
            ("unit", i => i.Unit),
            ("polarity", i => IndicatorInference.Name(i.Polarity)),
            ("frequency", i => i.Frequency.ToString()),
            ("source", i => i.Source),
            ("licence", i => i.Licence),
            ("comparators", i => i.Comparators.ToString()),
            ("factor group", i => i.FactorGroup?.ToString()),
            ("focus area", i => i.FocusArea?.ToString()),
            ("profile", i => i.Profile.Length == 0 ? null : i.Profile),
            ("disclosure", i => i.Disclosure.ToString()),
            ("value type", i => i.ValueType.Code()),
            ("multiplier", i => Number(i.Multiplier)),
        };
        return [.. fields.Where(f => f.Read(before) != f.Read(after)).Select(f => new FieldChange(f.Field, f.Read(before), f.Read(after)))];
    }

    private static void Text(List<FieldError> errors, string field, string label, string? text, int longest, bool required)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (required && trimmed.Length == 0) errors.Add(new FieldError(field, $"Enter the {label}"));
        else if (trimmed.Length > longest) errors.Add(new FieldError(field, $"The {label} must be {longest:N0} characters or fewer"));
    }

    private static string Number(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);

}
