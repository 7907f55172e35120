using Commonweal.Application.Access;
using Commonweal.Application.Indicators;
using Commonweal.Application.Places;
using Commonweal.Application.Targeting;
using Commonweal.Core.Allocation;
using Commonweal.Core.Indicators;
using Commonweal.Core.Targeting;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Allocation;

/// <summary>
/// Named, versioned allocation models: the one that ships (<see cref="BuiltInModels"/>) and those users define from a JSON
/// file. Defining a name again adds a version; no version is changed or removed, so a run's model can always be read back.
/// </summary>
public sealed class AllocationModels(CommonwealDbContext db, AuditLog audit, TimeProvider clock, IndicatorQueries indicators, CohortLibrary cohorts)
{
    /// <summary>The longest model file taken (the column's size on PostgreSQL).</summary>
    public const int MostCharacters = 100_000;

    /// <summary>The latest version of every model, by name.</summary>
    public async Task<IReadOnlyList<AllocationModel>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await AllAsync(cancellationToken)).GroupBy(m => m.Name).Select(g => g.MaxBy(m => m.Version)!).OrderBy(m => m.Name, StringComparer.Ordinal)];

    /// <summary>A model by name (latest) or <c>name@version</c>; a refusal naming the models there are when not found.</summary>
    public async Task<Answer<AllocationModel>> FindAsync(string? reference, CancellationToken cancellationToken = default)
    {
        reference = string.IsNullOrWhiteSpace(reference) ? BuiltInModels.DefaultName : reference.Trim();
        var (name, version) = VersionedNames.Split(reference);
        var versions = (await AllAsync(cancellationToken)).Where(m => m.Name == name).OrderBy(m => m.Version).ToList();
        if (versions.Count == 0)
            return new Refusal("no such model", $"There is no allocation model called '{name}'; the models are {string.Join(", ", (await ListAsync(cancellationToken)).Select(m => m.Name))}.", RefusalKind.NotFound);
        if (version is null) return versions[^1];
        return versions.FirstOrDefault(m => m.Version == version) is { } found
            ? found
            : new Refusal("no such version", $"Model '{name}' has versions 1 to {versions[^1].Version}; {version} is not one of them.", RefusalKind.NotFound);
    }

    /// <summary>Adds a model, or a new version of one, from its JSON file: every problem named by field, nothing saved unless there are none.</summary>
    public async Task<Answer<AllocationModel>> DefineAsync(string json, string actor, CancellationToken cancellationToken = default)
    {
        if (json?.Length > MostCharacters) return new Refusal("model too long", $"A model's file is at most {MostCharacters:N0} characters; this one has {json.Length:N0}.", RefusalKind.Invalid);
        var (parsed, problems) = ModelFile.Parse(json!);
        if (parsed is null) return new Refusal("the model cannot be used", "The model cannot be used: " + string.Join("; ", problems));
        var unknown = new List<string>();
        for (var k = 0; k < parsed.Need.Count; k++)
        {
            var source = parsed.Need[k].Source;
            if (source.StartsWith("indicator:", StringComparison.Ordinal)
                && (await indicators.TableAsync(new IndicatorId(int.Parse(source.AsSpan(10), System.Globalization.CultureInfo.InvariantCulture)), cancellationToken)).Refusal is not null)
                unknown.Add($"need.components[{k}].source: there is no indicator {source[10..]} in the catalogue (commonweal indicators list)");
            if (source.StartsWith("cohort:", StringComparison.Ordinal))
            {
                var cohort = await cohorts.FindAsync(source[7..], cancellationToken);
                if (cohort.Refusal is { } none) unknown.Add($"need.components[{k}].source: {none.Detail}");
                else if (cohort.Value!.Subject != CohortSubject.Person) unknown.Add($"need.components[{k}].source: '{source[7..]}' is a cohort of places; use imd_score or core20_share, or a cohort of people");
            }
        }

        if (unknown.Count > 0) return new Refusal("the model cannot be used", "The model cannot be used: " + string.Join("; ", unknown), RefusalKind.Invalid);
        if (BuiltInModels.All.Any(m => m.Name == parsed.Name))
            return new Refusal("a built-in name", $"'{parsed.Name}' is the model that ships with Commonweal; give yours another name.");
        var latest = await db.AllocationModels.AsNoTracking().Where(m => m.Name == parsed.Name).MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0;
        var model = parsed with { Version = latest + 1 };
        db.AllocationModels.Add(new AllocationModelVersion(model.Name, model.Version, ModelFile.Write(model), clock.GetUtcNow(), actor));
        audit.Record(actor, "allocation.model.define", "AllocationModel", model.Label, model.Description);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return model;
    }

    private async Task<List<AllocationModel>> AllAsync(CancellationToken cancellationToken)
    {
        var stored = await db.AllocationModels.AsNoTracking().ToListAsync(cancellationToken);
        return [.. BuiltInModels.All, .. stored.Select(s => ModelFile.Parse(s.Definition, s.Version).Model).OfType<AllocationModel>()];
    }
}
