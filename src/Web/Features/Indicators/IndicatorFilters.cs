using Commonweal.Application.Indicators;
using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Web.Features.Indicators;

/// <summary>The indicator list's query (<c>q</c>, <c>factor</c>, <c>profile</c>, <c>type</c>), read once for the page and its downloads; a value that is not one of the choices is a problem.</summary>
public static class IndicatorFilters
{
    public static IndicatorFilter Parse(string? q, string? factor, string? profile, string? type) => Read(q, factor, profile, type).Filter;

    public static (IndicatorFilter Filter, IReadOnlyList<ParameterProblem> Problems) Read(string? q, string? factor, string? profile, string? type)
    {
        var problems = new List<ParameterProblem>();
        HealthFactor? group = null;
        if (!string.IsNullOrWhiteSpace(factor))
        {
            if (Enum.TryParse<HealthFactor>(factor.Trim(), true, out var f) && Enum.IsDefined(f)) group = f;
            else problems.Add(new ParameterProblem("factor", "factor is not a factor group", $"factor '{factor}' is not a County Health Rankings factor group: give one of {string.Join(", ", Enum.GetNames<HealthFactor>())}."));
        }

        AreaType? areaType = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (AreaTypeNames.TryParse(type, out var t)) areaType = t;
            else problems.Add(new ParameterProblem("type", "type is not a type of area", $"type '{type}' is not a type of area, e.g. District, Pcn or Practice."));
        }

        return (new IndicatorFilter(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), group, string.IsNullOrWhiteSpace(profile) ? null : profile.Trim(), areaType), problems);
    }
}

/// <summary>The profile's <c>?scope=</c>: the ICS's areas (default) or England's.</summary>
public static class ProfileScopes
{
    public const string Name = "scope";

    public static ProfileScope? Parse(string? scope) => scope?.Trim().ToLowerInvariant() switch
    {
        null or "" or "ics" => ProfileScope.Ics,
        "england" => ProfileScope.England,
        _ => null,
    };

    public static string Code(ProfileScope scope) => scope == ProfileScope.England ? "england" : "ics";
}

/// <summary>The answers the indicator page and its downloads share, asked the same way.</summary>
public static class IndicatorSections
{
    /// <summary>The areas of the chosen type within the ICS (or, when the ICS is not among the loaded places, every one the indicator has).</summary>
    public static async Task<Answer<AreaComparison>> CompareAsync(IndicatorQueries queries, IndicatorTable table, IndicatorChoice choice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(choice);
        var within = await queries.CompareAreasAsync(table.Indicator.Id, choice.Type, choice.Period.Label, table.Ics.Code, cancellationToken: cancellationToken);
        return within.Refusal is { Kind: RefusalKind.NotFound }
            ? await queries.CompareAreasAsync(table.Indicator.Id, choice.Type, choice.Period.Label, cancellationToken: cancellationToken)
            : within;
    }

    public static string? Note(AreaComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return IndicatorTables.DisclosureNote([.. comparison.Areas.Select(a => a.Row)], comparison.Table.Indicator.Disclosure.Policy());
    }
}
