using Commonweal.Application.Places.Import;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators.Demo;

/// <summary>
/// What the demo indicators are generated over, read from a generated demo batch: its GP practices with their list sizes,
/// its LSOAs of 2011 and 2021 with their residents, and its districts, each with how deprived it is (0 least, 1 most: the
/// national IMD rank turned round). A practice's deprivation is that of a neighbourhood of its sub-ICB location blended
/// with the location's average, since the demo does not say whom a practice serves.
/// </summary>
internal sealed class DemoWorld
{
    /// <summary>The 2021 LSOAs lie in the demo's districts from ONS's first lookup of them (April 2022); earlier values use the 2011 LSOAs.</summary>
    private static readonly DateOnly Lsoas2021From = new(2022, 4, 1);

    private DemoWorld(List<DemoPractice> practices, List<DemoArea> lsoas2011, List<DemoArea> lsoas2021, List<DemoArea> districts)
    {
        Practices = practices;
        Lsoas2011 = lsoas2011;
        Lsoas2021 = lsoas2021;
        Districts = districts;
    }

    public IReadOnlyList<DemoPractice> Practices { get; }

    public IReadOnlyList<DemoArea> Lsoas2011 { get; }

    public IReadOnlyList<DemoArea> Lsoas2021 { get; }

    public IReadOnlyList<DemoArea> Districts { get; }

    /// <summary>The LSOAs a period's values are given on: those in the districts at its end.</summary>
    public IReadOnlyList<DemoArea> LsoasFor(IndicatorPeriod period) => period.End >= Lsoas2021From ? Lsoas2021 : Lsoas2011;

    public static DemoWorld Of(ImportBatch batch)
    {
        var names = batch.Areas.GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.First().Name);
        var deprivation = batch.Deprivation.Where(d => d.ImdRank is not null)
            .ToDictionary(d => (d.Lsoa, d.Vintage), d => 1 - ((d.ImdRank!.Value - 1.0) / (d.Vintage.LsoaCount() - 1)));
        var residents = batch.Populations.Where(p => p.Kind == PopulationKind.Resident && p.AgeBand == AgeBand.All && p.Sex == Sex.Persons)
            .ToDictionary(p => (p.Area, p.Period), p => (double)p.Count);
        var periods = residents.Keys.Select(k => k.Period).Distinct().Order().ToList();

        List<DemoArea> Lsoas(IodVintage vintage, DateOnly residentsOn) =>
        [
            .. deprivation.Where(d => d.Key.Vintage == vintage && residents.ContainsKey((d.Key.Lsoa, residentsOn)))
                .Select(d => new DemoArea(d.Key.Lsoa, names.GetValueOrDefault(d.Key.Lsoa, d.Key.Lsoa.Value), residents[(d.Key.Lsoa, residentsOn)], d.Value))
                .OrderBy(l => l.Code),
        ];

        var lsoas2011 = Lsoas(IodVintage.Iod2019, periods[0]);
        var lsoas2021 = Lsoas(IodVintage.Iod2025, periods[^1]);
        var byCode = lsoas2011.ToDictionary(l => l.Code);

        // Each 2011 LSOA's district and sub-ICB location, from the batch's memberships.
        var parents = batch.Memberships.Where(m => m.ChildType == AreaType.Lsoa && byCode.ContainsKey(m.Child))
            .GroupBy(m => m.ParentType).ToDictionary(g => g.Key, g => g.DistinctBy(m => m.Child).ToDictionary(m => m.Child, m => m.Parent));
        var districts = parents[AreaType.District].GroupBy(p => p.Value)
            .Select(g => new DemoArea(g.Key, names[g.Key], g.Sum(p => byCode[p.Key].Residents), g.Average(p => byCode[p.Key].Deprivation)))
            .OrderBy(d => d.Code).ToList();
        var inSubIcb = parents[AreaType.SubIcb].GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => byCode[p.Key]).OrderBy(l => l.Code).ToList());

        var subIcbOf = batch.Memberships.Where(m => m.ChildType == AreaType.Practice && m.ParentType == AreaType.SubIcb)
            .GroupBy(m => m.Child).ToDictionary(g => g.Key, g => g.First().Parent);
        var lists = batch.Populations.Where(p => p.Kind == PopulationKind.Registered).GroupBy(p => p.Area)
            .ToDictionary(g => g.Key, g => (double)g.OrderBy(p => p.Period).First().Count);
        var practices = new List<DemoPractice>();
        foreach (var (code, list) in lists.OrderBy(l => l.Key))
        {
            if (!subIcbOf.TryGetValue(code, out var subIcb) || !inSubIcb.TryGetValue(subIcb, out var around)) continue;
            // A neighbourhood of the location picked by the practice's place in the list (spread by a prime step), blended with the location's average.
            var neighbourhood = around[practices.Count * 7_919 % around.Count];
            var deprived = (0.65 * neighbourhood.Deprivation) + (0.35 * around.Average(l => l.Deprivation));
            practices.Add(new DemoPractice(code, names.GetValueOrDefault(code, code.Value), list, deprived));
        }

        return new DemoWorld(practices, lsoas2011, lsoas2021, districts);
    }
}

/// <summary>A demo LSOA or district: its residents and how deprived it is (0 least, 1 most).</summary>
internal sealed record DemoArea(AreaCode Code, string Name, double Residents, double Deprivation);

/// <summary>A demo practice: its registered list of May 2022 and how deprived its patients are (0 least, 1 most).</summary>
internal sealed record DemoPractice(AreaCode Code, string Name, double List2022, double Deprivation)
{
    /// <summary>Its list in a year (lists grow about 1 % a year).</summary>
    public double ListIn(int year) => Math.Round(List2022 * Math.Pow(1.01, year - 2022));
}
