using System.Globalization;
using Commonweal.Application.Access;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Outcomes;

/// <summary>What commissioners say of a new version of the framework.</summary>
/// <param name="Mapping">Each indicator's domain code (QualityOfCare, LengthOfLife) or empty for none.</param>
public sealed record FrameworkEdit(
    string Title,
    string? AgreedBy,
    DateOnly? AgreedOn,
    string Why,
    IReadOnlyList<PriorityEdit> Priorities,
    IReadOnlyDictionary<int, string> Mapping);

/// <summary>A priority as written in a form or an API call: domains by code, indicators by id.</summary>
public sealed record PriorityEdit(string Name, PriorityKind Kind, IReadOnlyList<string> Domains, IReadOnlyList<int> Indicators);

/// <summary>What saving a version did: the new version and the changes from the one before, or the errors (then nothing was saved).</summary>
public sealed record FrameworkSaving(OutcomesFramework? Framework, IReadOnlyList<string> Changes, IReadOnlyList<Indicators.Import.FieldError> Errors)
{
    public bool Succeeded => Framework is not null && Errors.Count == 0;
}

/// <summary>
/// The outcomes framework's versions: the current one (the latest saved, or the shipped starting point — the County
/// Health Rankings domains, the catalogue's own mapping of indicators, Core20PLUS5 and the JHWBS priorities), every
/// earlier one, and saving the next (commissioners and administrators), each change from the version before written to
/// the audit trail.
/// </summary>
public sealed class FrameworkEditing(CommonwealDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string ShippedTitle = "Prevention and wellbeing outcomes framework";

    public async Task<OutcomesFramework> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var latest = await db.FrameworkVersions.AsNoTracking().OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? await ShippedAsync(cancellationToken) : FrameworkDocument.Read(latest);
    }

    /// <summary>A saved version, or null.</summary>
    public async Task<OutcomesFramework?> VersionAsync(int version, CancellationToken cancellationToken = default) =>
        await db.FrameworkVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Version == version, cancellationToken) is { } found ? FrameworkDocument.Read(found) : null;

    /// <summary>Every saved version, newest first.</summary>
    public async Task<IReadOnlyList<FrameworkVersion>> VersionsAsync(CancellationToken cancellationToken = default) =>
        await db.FrameworkVersions.AsNoTracking().OrderByDescending(v => v.Version).ToListAsync(cancellationToken);

    public async Task<FrameworkSaving> SaveAsync(FrameworkEdit edit, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var catalogue = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        var known = catalogue.Select(i => i.Id.Value).ToHashSet();
        var errors = new List<Indicators.Import.FieldError>();
        void Error(string field, string message) => errors.Add(new Indicators.Import.FieldError(field, message));

        if (string.IsNullOrWhiteSpace(edit.Title)) Error("Title", "Enter the framework's title");
        else if (edit.Title.Trim().Length > 400) Error("Title", "The title is longer than 400 characters");
        if (string.IsNullOrWhiteSpace(edit.Why)) Error("Why", "Say why the framework changes (the history records it)");
        else if (edit.Why.Trim().Length > 2000) Error("Why", "The reason is longer than 2,000 characters");
        var agreedBy = edit.AgreedBy?.Trim() ?? string.Empty;
        if (agreedBy.Length > 400) Error("AgreedBy", "Who agreed it is longer than 400 characters");
        if (agreedBy.Length > 0 && edit.AgreedOn is null) Error("AgreedOn", "Enter the date it was agreed");
        if (agreedBy.Length == 0 && edit.AgreedOn is not null) Error("AgreedBy", "Enter who agreed it (e.g. the Health and Wellbeing Board)");
        if (edit.AgreedOn is { } on && on > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) Error("AgreedOn", "The date it was agreed cannot be in the future");

        var priorities = new List<FrameworkPriority>();
        for (var i = 0; i < edit.Priorities.Count; i++)
        {
            var p = edit.Priorities[i];
            var field = $"Priorities[{i}]";
            if (string.IsNullOrWhiteSpace(p.Name)) { Error(field, $"Priority {i + 1} has no name"); continue; }
            if (!Enum.IsDefined(p.Kind)) Error(field, $"Priority '{p.Name}': choose its kind");
            var domains = new List<FrameworkDomain>();
            foreach (var code in p.Domains.Where(d => !string.IsNullOrWhiteSpace(d)))
            {
                if (FrameworkDomain.TryParse(code, out var domain)) domains.Add(domain);
                else Error(field, $"Priority '{p.Name}': '{code}' is not a domain of the framework");
            }

            var unknown = p.Indicators.Where(id => !known.Contains(id)).ToList();
            if (unknown.Count > 0) Error(field, $"Priority '{p.Name}': no indicator {string.Join(", ", unknown)} in the catalogue");
            if (domains.Count == 0 && p.Indicators.Count == 0) Error(field, $"Priority '{p.Name}': map it onto at least one domain or indicator");
            priorities.Add(new FrameworkPriority(p.Name.Trim(), p.Kind, [.. domains.Distinct()], [.. p.Indicators.Distinct().Select(id => new IndicatorId(id))]));
        }

        foreach (var twice in priorities.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            Error("Priorities", $"The priority '{twice.Key}' is named twice");

        var mapping = new Dictionary<IndicatorId, FrameworkDomain?>();
        foreach (var (id, code) in edit.Mapping)
        {
            if (!known.Contains(id)) { Error("Mapping", $"No indicator {id} in the catalogue"); continue; }
            if (string.IsNullOrWhiteSpace(code))
            {
                mapping[new IndicatorId(id)] = null;
                continue;
            }

            if (FrameworkDomain.TryParse(code, out var domain)) mapping[new IndicatorId(id)] = domain;
            else Error("Mapping", $"Indicator {id}: '{code}' is not a domain of the framework");
        }

        if (errors.Count > 0) return new FrameworkSaving(null, [], errors);

        var before = await CurrentAsync(cancellationToken);
        var version = before.Version + 1;
        var now = clock.GetUtcNow();
        var stored = new FrameworkVersion(version, edit.Title.Trim(), agreedBy, edit.AgreedOn, edit.Why.Trim(), FrameworkDocument.Write(priorities, mapping), now, actor);
        var framework = FrameworkDocument.Read(stored);
        var changes = Changes(before, framework, catalogue);
        db.FrameworkVersions.Add(stored);
        var key = version.ToString(CultureInfo.InvariantCulture);
        audit.Record(actor, "framework.save", "OutcomesFramework", key, $"{framework.Standing}; why: {framework.Why}");
        foreach (var change in changes) audit.Record(actor, "framework.change", "OutcomesFramework", key, change);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another commissioner saved the same version number first: nothing of this edit was saved.
            return new FrameworkSaving(null, [], [new Indicators.Import.FieldError("Version", "Someone else saved a version of the framework at the same moment: open it again and re-apply your change")]);
        }

        return new FrameworkSaving(framework, changes, []);
    }

    /// <summary>What changed from one version to the next, a line each (title, agreement, priorities added/removed/changed, indicators moved).</summary>
    public static IReadOnlyList<string> Changes(OutcomesFramework before, OutcomesFramework after, IReadOnlyList<Indicator> catalogue)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(catalogue);
        var lines = new List<string>();
        if (before.Title != after.Title) lines.Add($"title: {before.Title} → {after.Title}");
        if (before.AgreedBy != after.AgreedBy || before.AgreedOn != after.AgreedOn) lines.Add($"agreement: {before.Standing} → {after.Standing}");
        var old = before.Priorities.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var now = after.Priorities.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var p in after.Priorities.Where(p => !old.ContainsKey(p.Name))) lines.Add($"priority added: {p.Name} ({p.Kind.Label()}) → {Domains(p)}");
        foreach (var p in before.Priorities.Where(p => !now.ContainsKey(p.Name))) lines.Add($"priority removed: {p.Name}");
        foreach (var p in after.Priorities.Where(p => old.ContainsKey(p.Name)))
        {
            var was = old[p.Name];
            if (was.Kind != p.Kind || Domains(was) != Domains(p) || !was.Indicators.SequenceEqual(p.Indicators))
                lines.Add($"priority changed: {p.Name}: {Domains(was)} → {Domains(p)}");
        }

        foreach (var indicator in catalogue)
        {
            var (from, to) = (before.DomainOf(indicator), after.DomainOf(indicator));
            if (from != to) lines.Add($"indicator {indicator.Id} ({indicator.Name}): {from?.Label ?? "no domain"} → {to?.Label ?? "no domain"}");
        }

        return lines;
    }

    private async Task<OutcomesFramework> ShippedAsync(CancellationToken cancellationToken)
    {
        var catalogue = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        var mapping = catalogue.Select(i => (i.Id, Domain: FrameworkDomain.Of(i))).Where(m => m.Domain is not null).ToDictionary(m => m.Id, m => m.Domain);
        return new OutcomesFramework(0, ShippedTitle, string.Empty, null, "The shipped starting point", OutcomesFramework.ShippedPriorities, mapping, default, "commonweal");
    }

    private static string Domains(FrameworkPriority p) =>
        string.Join(", ", p.Domains.Select(d => d.Label).Concat(p.Indicators.Select(i => $"indicator {i}")));

}
