using System.Text.RegularExpressions;
using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Core.Targeting;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Targeting;

/// <summary>
/// Named, versioned cohorts (docs/methods/cohort-rules.md, "Named cohorts"): the built-in Core20PLUS5 cohorts
/// (<see cref="BuiltInCohorts"/>, version 1) and those users define. Defining a name again adds a version; no version is
/// ever changed or removed, so what a cohort meant on any date can be read back. Each definition is audited.
/// </summary>
public sealed partial class CohortLibrary(CommonwealDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The latest version of every cohort, places first, then by name.</summary>
    public async Task<IReadOnlyList<CohortDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await AllAsync(cancellationToken)).GroupBy(d => d.Name).Select(g => g.MaxBy(d => d.Version)!)
            .OrderBy(d => d.Subject).ThenBy(d => d.Name, StringComparer.Ordinal)];

    /// <summary>Every version of a cohort, oldest first (empty when there is no such cohort).</summary>
    public async Task<IReadOnlyList<CohortDefinition>> VersionsAsync(string name, CancellationToken cancellationToken = default) =>
        [.. (await AllAsync(cancellationToken)).Where(d => d.Name == name).OrderBy(d => d.Version)];

    /// <summary>A cohort by name, at a version or its latest; a refusal naming the cohorts there are when not found.</summary>
    public async Task<Answer<CohortDefinition>> FindAsync(string reference, CancellationToken cancellationToken = default)
    {
        var (name, version) = VersionedNames.Split(reference);
        var versions = await VersionsAsync(name, cancellationToken);
        if (versions.Count == 0)
        {
            var names = (await ListAsync(cancellationToken)).Select(d => d.Name);
            return new Refusal("no such cohort", $"There is no cohort called '{name}'; the cohorts are {string.Join(", ", names)}.", RefusalKind.NotFound);
        }

        if (version is null) return versions[^1];
        return versions.FirstOrDefault(d => d.Version == version) is { } found
            ? found
            : new Refusal("no such version", $"Cohort '{name}' has versions 1 to {versions[^1].Version}; {version} is not one of them.", RefusalKind.NotFound);
    }

    /// <summary>Adds a cohort, or a new version of one: the name, the rule (readable over its subject's fields) and the description are checked first.</summary>
    public async Task<Answer<CohortDefinition>> DefineAsync(string name, CohortSubject subject, string rule, string description, string actor, CancellationToken cancellationToken = default)
    {
        if (!NamePattern().IsMatch(name ?? ""))
            return new Refusal("not a cohort name", $"'{name}' is not a cohort name: use 1 to 64 lower-case letters, digits and hyphens, starting with a letter (e.g. core20-carers).");
        var problems = subject == CohortSubject.Person ? CohortRule.Parse(rule, PersonFields.All).Problems : CohortRule.Parse(rule, LsoaFacts.Fields).Problems;
        if (problems.Count > 0)
            return new Refusal("the rule cannot be read", $"the {subject.ToString().ToLowerInvariant()} rule cannot be read: " + string.Join("; ", problems.Select(p => p.ToString())));
        if (string.IsNullOrWhiteSpace(description) || description.Length > 2000)
            return new Refusal("no description", "Say in words who or where the cohort is (1 to 2,000 characters): others will choose it by its description.");
        if (description.TrimStart()[0] is '=' or '+' or '-' or '@')
            return new Refusal("not a description", "A description cannot start with = + - or @ (a spreadsheet would read it as a formula when the list is downloaded).");
        var versions = await VersionsAsync(name!, cancellationToken);
        if (versions.Count > 0 && versions[^1].Subject != subject)
            return new Refusal("subject changed", $"Cohort '{name}' is a cohort of {Plural(versions[^1].Subject)}; give a new name for a cohort of {Plural(subject)}.");
        var definition = new CohortDefinition(name!, versions.Count == 0 ? 1 : versions[^1].Version + 1, subject, rule.Trim(), description.Trim(), clock.GetUtcNow(), actor);
        db.CohortDefinitions.Add(definition);
        audit.Record(actor, "cohort.define", "Cohort", $"{definition.Name} v{definition.Version}", $"{subject}: {definition.Rule}");
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return definition;
    }

    private static string Plural(CohortSubject subject) => subject == CohortSubject.Person ? "people" : "places";

    private async Task<List<CohortDefinition>> AllAsync(CancellationToken cancellationToken) =>
        [.. BuiltInCohorts.All, .. await db.CohortDefinitions.AsNoTracking().ToListAsync(cancellationToken)];

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex NamePattern();
}
