using Commonweal.Application.Indicators.Import;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Indicators;

/// <summary>What the indicator list asks for: words in the name or the id, a County Health Rankings factor group, a profile, a type of area (each optional).</summary>
public sealed record IndicatorFilter(string? Search = null, HealthFactor? Factor = null, string? Profile = null, AreaType? AreaType = null);

/// <summary>A catalogue entry with the types of area it has values for.</summary>
public sealed record ListedIndicator(CatalogueEntry Entry, IReadOnlyList<AreaType> AreaTypes)
{
    public Indicator Indicator => Entry.Indicator;
}

/// <summary>The indicators of the catalogue, filtered, with what they can be filtered by.</summary>
public sealed record IndicatorList(IReadOnlyList<ListedIndicator> Indicators, int Total, IReadOnlyList<string> Profiles, IReadOnlyList<AreaType> AreaTypes);

/// <summary>The catalogue as the indicator list shows it (<see cref="IndicatorCatalogue"/> with the types of area of each indicator).</summary>
public sealed class IndicatorListing(CommonwealDbContext db, IndicatorCatalogue catalogue)
{
    public async Task<IndicatorList> ListAsync(IndicatorFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var entries = await catalogue.ListAsync(cancellationToken);
        var types = (await db.IndicatorValues.AsNoTracking().Select(v => new { v.Indicator, v.AreaType }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(t => t.Indicator, t => t.AreaType);
        var all = entries.Select(e => new ListedIndicator(e, [.. types[e.Indicator.Id].Order()])).ToList();
        var profiles = all.SelectMany(i => Profiles(i.Indicator)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var areaTypes = all.SelectMany(i => i.AreaTypes).Distinct().Order().ToList();
        var shown = all.Where(i => Matches(i, filter)).ToList();
        return new IndicatorList(shown, all.Count, profiles, areaTypes);
    }

    /// <summary>An indicator's profiles: its <see cref="Indicator.Profile"/> may name several, separated by semicolons.</summary>
    public static IEnumerable<string> Profiles(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Profile.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static bool Matches(ListedIndicator listed, IndicatorFilter filter)
    {
        var i = listed.Indicator;
        if (filter.Search is { Length: > 0 } words)
        {
            var text = words.Trim();
            var byId = i.Id.ToString() == text;
            var byName = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => i.Name.Contains(w, StringComparison.OrdinalIgnoreCase));
            if (!byId && !byName) return false;
        }

        if (filter.Factor is { } factor && i.FactorGroup != factor) return false;
        if (filter.Profile is { Length: > 0 } profile && !Profiles(i).Contains(profile, StringComparer.OrdinalIgnoreCase)) return false;
        return filter.AreaType is not { } type || listed.AreaTypes.Contains(type);
    }
}
