using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Core.Commissioning;

/// <summary>A service line's share in one place: its focus area, provider, contract and the yearly pence behind it there.</summary>
public sealed record CoverageService(FocusArea FocusArea, AreaCode Place, string Provider, string ContractRef, long AnnualValuePence);

/// <summary>A place that needs a focus area commissioned, and why (a framework priority, a target).</summary>
public sealed record CoverageNeed(FocusArea FocusArea, AreaCode Place, string Why);

/// <summary>Whether a cell of the matrix has no contract where one is needed, one, or more than one.</summary>
public enum CoverageStatus
{
    Covered,
    Gap,
    Overlap,
}

/// <summary>One contract in a cell, with the yearly pence of its service lines there.</summary>
public sealed record CoverageContract(string Provider, string ContractRef, long AnnualValuePence);

/// <summary>A cell of the matrix: a focus area in a place, its status, the contracts in it and why it is needed (if it is).</summary>
public sealed record CoverageCell(FocusArea FocusArea, AreaCode Place, CoverageStatus Status, IReadOnlyList<CoverageContract> Contracts, IReadOnlyList<string> Needs)
{
    public long AnnualValuePence => Contracts.Sum(c => c.AnnualValuePence);
}

/// <summary>
/// Who delivers what (docs/methods/coverage.md): focus area × place × provider. A cell with two or more contracts is an
/// <c>overlap</c>; one, <c>covered</c>; none where a framework priority or a target needs the focus area there, a
/// <c>gap</c>. Cells with neither service nor need are not shown. Several lines of one contract in a cell are one
/// contract (their pence added).
/// </summary>
public static class CoverageMatrix
{
    public static string Code(this CoverageStatus status) => status.ToString().ToLowerInvariant();

    public static IReadOnlyList<CoverageCell> Of(IEnumerable<CoverageService> services, IEnumerable<CoverageNeed> needs, IReadOnlyList<AreaCode> places)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(places);
        var order = places.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var served = services.GroupBy(s => (s.FocusArea, s.Place)).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<CoverageContract>)[.. g.GroupBy(s => (s.ContractRef, s.Provider))
                .Select(c => new CoverageContract(c.Key.Provider, c.Key.ContractRef, c.Sum(s => s.AnnualValuePence)))
                .OrderBy(c => c.Provider, StringComparer.Ordinal).ThenBy(c => c.ContractRef, StringComparer.Ordinal)]);
        var needed = needs.GroupBy(n => (n.FocusArea, n.Place)).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(n => n.Why).Distinct()]);
        return [.. served.Keys.Union(needed.Keys)
            .OrderBy(k => k.FocusArea).ThenBy(k => order.GetValueOrDefault(k.Place, int.MaxValue)).ThenBy(k => k.Place)
            .Select(k =>
            {
                var contracts = served.GetValueOrDefault(k, []);
                var status = contracts.Count switch { 0 => CoverageStatus.Gap, 1 => CoverageStatus.Covered, _ => CoverageStatus.Overlap };
                return new CoverageCell(k.FocusArea, k.Place, status, contracts, needed.GetValueOrDefault(k, []));
            })];
    }
}
