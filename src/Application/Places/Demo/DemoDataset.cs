using Commonweal.Application.Places.Import;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Demo;

/// <summary>
/// A realistic, reproducible demo dataset in the shape of the configured ICS (Mid and South Essex by default), loaded
/// when the store is empty and no official files have been imported; a demo of places through time. District, sub-ICB
/// and ICB codes and names are real public facts, and so are the district-level figures it is calibrated to
/// (<see cref="DemoDistricts"/>: LSOAs of 2011 and 2021, mid-2019 and Census 2021 residents, IoD2019 and IoD2025 decile
/// counts, the Census 2021 age mix) and the ICB mergers of 1 April 2026. Everything below district level (LSOAs, wards,
/// GP practices, PCNs, their populations, deprivation and boundaries) is synthetic, with codes from ranges no real area
/// uses, so it can never be taken for real data.
/// </summary>
public static class DemoDataset
{
    /// <summary>The default seed: the day IoD2019 was published (26 September 2019).</summary>
    public const int DefaultSeed = 20190926;

    /// <summary>Reference date of the mid-2019 residents (ONS estimates), on the LSOAs of 2011.</summary>
    public static readonly DateOnly ResidentPeriod = new(2019, 6, 30);

    /// <summary>Reference date of the Census 2021 residents (all ages and six age bands), on the LSOAs of 2021.</summary>
    public static readonly DateOnly CensusPeriod = Reorganisations.Census[1];

    /// <summary>Extract date of the first registered list sizes (NHS Digital, May 2022); the second is of April 2026.</summary>
    public static readonly DateOnly ListSizePeriod = DemoPrimaryCare.ListSizePeriods[0];

    /// <summary>The six age bands of the Census 2021 table TS007A as grouped for the demo.</summary>
    public static readonly IReadOnlyList<AgeBand> CensusAgeBands =
    [
        AgeBand.Range(0, 15), AgeBand.Range(16, 24), AgeBand.Range(25, 34),
        AgeBand.Range(35, 49), AgeBand.Range(50, 64), AgeBand.Range(65, null),
    ];

    /// <summary>The start of the 2019/20 year, from which the LSOA (2011) to district lookup applies.</summary>
    private static readonly DateOnly DistrictsFrom = new(2019, 4, 1);

    /// <summary>The May 2019 local elections, when the 2019 wards took effect.</summary>
    private static readonly DateOnly WardsFrom = new(2019, 5, 2);

    /// <summary>The April 2020 CCG configuration, which the sub-ICB locations kept.</summary>
    private static readonly DateOnly SubIcbsFrom = new(2020, 4, 1);

    /// <summary>ONS's first lookups of the LSOAs of 2021 to districts and wards (April 2022) and to sub-ICB locations (July 2022).</summary>
    private static readonly (DateOnly District, DateOnly Ward, DateOnly SubIcb) Lookups2021 = (new(2022, 4, 1), new(2022, 4, 1), new(2022, 7, 1));

    /// <summary>
    /// Generates the demo for <paramref name="ics"/>: the same seed always gives the same dataset. Districts outside Essex
    /// get a generic profile and a synthetic sub-ICB location.
    /// </summary>
    public static ImportBatch Generate(IcsDefinition ics, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(ics);
        var rng = new Random(seed);
        var profiles = ics.Districts.Select(DemoDistricts.Of).ToList();
        if (profiles.Sum(p => p.Lsoas2011) > 9_999 || profiles.Sum(p => 2 * p.Splits) > 9_999)
            throw new InvalidOperationException("the demo's LSOA codes (E0190…, E0199…) run out at 9,999 of each");
        var cellsOfDistrict = DemoGeography.GrowDistricts(profiles.Select(p => (p.Lat, p.Lon, p.Lsoas2011)).ToList(), rng);
        var places = new DemoPlaceNames(rng);
        var demo = new ReaderContext(new ImportBatch(), PlaceLookup.Empty);

        var lsoas = new List<DemoLsoa>();
        var wards = new List<DemoWard>();
        var (ranks2019, ranks2025) = (new HashSet<int>(), new HashSet<int>());
        var (count2011, countParts) = (0, 0);
        for (var d = 0; d < ics.Districts.Count; d++)
        {
            var district = ics.Districts[d];
            var profile = profiles[d];
            demo.Area(district.Code, district.Name, AreaType.District);
            var inDistrict = DemoLsoas.Name(cellsOfDistrict[d], rng)
                .Select(l => new DemoLsoa(AreaCode.Parse($"E0190{++count2011:D4}"), d, district.Name, profile.SubIcb.AreaCode, l.Cell, l.Msoa, l.Letter))
                .ToList();
            foreach (var members in GroupIntoWards(inDistrict, rng))
            {
                var (name, place) = places.Ward();
                var ward = new DemoWard(AreaCode.Parse($"E059{wards.Count + 1:D5}"), name, place, d, members);
                wards.Add(ward);
                foreach (var lsoa in members) lsoa.Ward = ward;
            }

            DemoDeprivation.RankIod2019(inDistrict, profile.Iod2019Deciles, ranks2019, rng);
            DemoPopulation.SpreadMid2019(inDistrict, profile.Residents2019, rng);
            var parts = DemoLsoas.Split(inDistrict, profile.Splits, () => AreaCode.Parse($"E0199{++countParts:D4}"), rng);
            DemoPopulation.SpreadCensus2021(inDistrict, profile.Census2021, rng);
            DemoDeprivation.RankIod2025([.. inDistrict.Where(l => l.In2021), .. parts], profile.Iod2025Deciles, ranks2025, rng);
            lsoas.AddRange(inDistrict);
            lsoas.AddRange(parts);
        }

        DemoDeprivation.RankDomains([.. lsoas.Where(l => l.In2011)], IodVintage.Iod2019, rng);
        DemoDeprivation.RankDomains([.. lsoas.Where(l => l.In2021)], IodVintage.Iod2025, rng);
        AddLsoas(demo, ics, profiles, lsoas, rng);
        AddWards(demo, ics, wards);

        DemoPrimaryCare.Generate(
            ics,
            ics.Districts.Select((district, d) => new DemoPrimaryCare.District(
                district.Name,
                profiles[d].SubIcb,
                profiles[d].Residents2019,
                wards.Where(w => w.District == d).Select(w => (w.Place, w.Lsoas.Sum(l => l.Residents2019))).ToList())).ToList(),
            demo,
            rng);

        return Finish(demo.Batch, lsoas.Count);
    }

    /// <summary>Whether a code is from one of the ranges the demo invents, which no real area uses.</summary>
    public static bool IsSynthetic(AreaCode code) => code.Scheme switch
    {
        // Far beyond the codes issued so far: real LSOA codes (2011 and 2021) stop below E01036000, and ward and CCG codes
        // count up from E05000001 and E38000001.
        AreaCodeScheme.Gss => code.Value.StartsWith("E019") || code.Value.StartsWith("E059") || code.Value.StartsWith("E389"),
        AreaCodeScheme.OdsPractice => code.Value.StartsWith("Y9"),
        AreaCodeScheme.OdsPcn => code.Value.StartsWith("U9"),
        _ => false,
    };

    /// <summary>A standard normal draw (Box–Muller).</summary>
    internal static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>
    /// Each LSOA as the releases of 2011 and 2021 list it (an unchanged one in both, a split one in 2011's, its parts in
    /// 2021's), with its district, ward and sub-ICB location, its outline, residents and deprivation of each vintage it
    /// belongs to, and ONS's links between the two.
    /// </summary>
    private static void AddLsoas(ReaderContext demo, IcsDefinition ics, IReadOnlyList<DemoDistrict> profiles, List<DemoLsoa> lsoas, Random rng)
    {
        var batch = demo.Batch;
        var (census2011, census2021) = (Reorganisations.Census[0], Reorganisations.Census[1]);
        demo.Release(AreaType.Lsoa, census2011);
        demo.Release(AreaType.Lsoa, census2021);
        var meanRank2025 = lsoas.Where(l => l.In2021).GroupBy(l => l.District).ToDictionary(g => g.Key, g => g.Average(l => l.Iod2025!.ImdRank!.Value));
        foreach (var lsoa in lsoas)
        {
            IReadOnlyList<Polygon> outline = [lsoa.Outline];
            var (district, ward, subIcb) = lsoa.In2011 ? (DistrictsFrom, WardsFrom, SubIcbsFrom) : Lookups2021;
            demo.Member(lsoa.Code, AreaType.Lsoa, ics.Districts[lsoa.District].Code, AreaType.District, district);
            demo.Member(lsoa.Code, AreaType.Lsoa, lsoa.Ward!.Code, AreaType.Ward, ward);
            demo.Member(lsoa.Code, AreaType.Lsoa, lsoa.SubIcb, AreaType.SubIcb, subIcb);
            if (lsoa.In2011)
            {
                demo.Listed(lsoa.Code, AreaType.Lsoa, census2011, lsoa.Name);
                batch.Boundaries.Add(new AreaBoundary(lsoa.Code, census2011, outline));
                batch.Populations.Add(new PopulationCount(lsoa.Code, PopulationKind.Resident, ResidentPeriod, Sex.Persons, AgeBand.All, lsoa.Residents2019));
                batch.Deprivation.Add(lsoa.Iod2019!);
            }

            if (lsoa.In2021)
            {
                demo.Listed(lsoa.Code, AreaType.Lsoa, census2021, lsoa.Name);
                batch.Boundaries.Add(new AreaBoundary(lsoa.Code, census2021, outline));
                batch.Populations.Add(new PopulationCount(lsoa.Code, PopulationKind.Resident, CensusPeriod, Sex.Persons, AgeBand.All, lsoa.Census2021));
                var bands = DemoPopulation.CensusBands(lsoa, profiles[lsoa.District].AgeShares, meanRank2025[lsoa.District], rng);
                for (var b = 0; b < CensusAgeBands.Count; b++)
                    batch.Populations.Add(new PopulationCount(lsoa.Code, PopulationKind.Resident, CensusPeriod, Sex.Persons, CensusAgeBands[b], bands[b]));
                batch.Deprivation.Add(lsoa.Iod2025!);
            }
        }

        batch.DeprivationColumns.AddRange(DemoDeprivation.Columns());
        batch.LsoaLinks.AddRange(DemoLsoas.Links(lsoas.Where(l => l.In2011)));
        batch.LsoaLinkColumns.AddRange([nameof(LsoaLink.Change), nameof(LsoaLink.BestFit)]);
    }

    private static void AddWards(ReaderContext demo, IcsDefinition ics, List<DemoWard> wards)
    {
        foreach (var ward in wards)
        {
            demo.Area(ward.Code, ward.Name, AreaType.Ward);
            demo.Member(ward.Code, AreaType.Ward, ics.Districts[ward.District].Code, AreaType.District, WardsFrom);
            demo.Batch.Boundaries.Add(new AreaBoundary(ward.Code, WardsFrom, DemoGeography.Outline(ward.Lsoas.Select(l => l.Cell).ToList())));
        }
    }

    /// <summary>
    /// Gives each area the name, second code and validity the store works out from the releases that list it
    /// (<see cref="GeographyRecompute"/>), so that the batch reads in memory as it will once stored; adds the note that
    /// the data are not real.
    /// </summary>
    private static ImportBatch Finish(ImportBatch batch, int lsoaCount)
    {
        var covering = batch.Releases.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Select(r => r.Date).Distinct().Order().ToList());
        var listings = batch.ReleasedAreas.GroupBy(r => r.Area).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Release).ToList());
        for (var i = 0; i < batch.Areas.Count; i++)
        {
            var area = batch.Areas[i];
            if (listings.TryGetValue(area.Code, out var listed))
                batch.Areas[i] = AreaValidity.FromReleases(area, listed, covering[area.Type]);
        }

        batch.Rows = lsoaCount;
        batch.Notes.Add(
            "Generated demo data, not real: district, sub-ICB and ICB codes and names are real, but every LSOA (E0190… of 2011, "
            + "E0199… the parts of those split in 2021), ward (E059…), GP practice (Y9…) and PCN (U9…), and every population, "
            + "deprivation figure and boundary, is synthetic.");
        return batch;
    }

    /// <summary>Between 10 and 20 wards per district (real districts in Essex have 13 to 26), numbered north to south.</summary>
    private static List<List<DemoLsoa>> GroupIntoWards(List<DemoLsoa> lsoas, Random rng)
    {
        var count = Math.Min(lsoas.Count, Math.Clamp((int)Math.Round(lsoas.Count / 6.0), 10, 20));
        var wardOf = DemoGeography.Partition(lsoas.Select(l => l.Cell).ToList(), count, rng);
        return Enumerable.Range(0, lsoas.Count)
            .GroupBy(i => wardOf[i])
            .Select(g => g.Select(i => lsoas[i]).ToList())
            .OrderByDescending(g => DemoGeography.CentreOf(g.Select(l => l.Cell)).Lat)
            .ThenBy(g => DemoGeography.CentreOf(g.Select(l => l.Cell)).Lon)
            .ToList();
    }
}
