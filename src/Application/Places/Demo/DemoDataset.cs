using Commonweal.Application.Places.Import;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Demo;

/// <summary>
/// A realistic, reproducible demo dataset in the shape of Mid and South Essex, loaded when the store is empty and no
/// official files have been imported. District, sub-ICB and ICB codes and names are real public facts, and so are the
/// district-level figures it is calibrated to (LSOA counts, mid-2019 populations, IMD decile counts, Census 2021 age
/// mix). Everything below district level (LSOAs, wards, GP practices, PCNs, their populations, deprivation and
/// boundaries) is synthetic, with codes from ranges no real area uses, so it can never be taken for real data.
/// </summary>
public static class DemoDataset
{
    /// <summary>The default seed: the day IoD2019 was published (26 September 2019).</summary>
    public const int DefaultSeed = 20190926;

    /// <summary>Reference date of the resident totals (ONS mid-2019 estimates).</summary>
    public static readonly DateOnly ResidentPeriod = new(2019, 6, 30);

    /// <summary>Reference date of the resident age bands (Census day 2021).</summary>
    public static readonly DateOnly CensusPeriod = new(2021, 3, 21);

    /// <summary>Extract date of the registered list sizes (NHS Digital, May 2022).</summary>
    public static readonly DateOnly ListSizePeriod = new(2022, 5, 1);

    /// <summary>The six age bands of the Census 2021 table TS007A as grouped for the demo.</summary>
    public static readonly IReadOnlyList<AgeBand> CensusAgeBands =
    [
        AgeBand.Range(0, 15), AgeBand.Range(16, 24), AgeBand.Range(25, 34),
        AgeBand.Range(35, 49), AgeBand.Range(50, 64), AgeBand.Range(65, null),
    ];

    /// <summary>The start of the 2019/20 year, from which the LSOA-to-district lookup applies.</summary>
    private static readonly DateOnly DistrictsFrom = new(2019, 4, 1);

    /// <summary>The May 2019 local elections, when the 2019 wards took effect.</summary>
    private static readonly DateOnly WardsFrom = new(2019, 5, 2);

    /// <summary>The April 2020 CCG configuration, which the sub-ICB locations kept.</summary>
    private static readonly DateOnly SubIcbsFrom = new(2020, 4, 1);

    private static readonly int N = IodVintage.Iod2019.LsoaCount();

    private static readonly SubIcbLocation MidEssex = new("E38000106", "06Q", "NHS Mid Essex CCG");
    private static readonly SubIcbLocation BasildonAndBrentwood = new("E38000007", "99E", "NHS Basildon and Brentwood CCG");
    private static readonly SubIcbLocation CastlePointAndRochford = new("E38000030", "99F", "NHS Castle Point and Rochford CCG");
    private static readonly SubIcbLocation Southend = new("E38000168", "99G", "NHS Southend CCG");
    private static readonly SubIcbLocation Thurrock = new("E38000185", "07G", "NHS Thurrock CCG");

    /// <summary>
    /// Real district-level facts the demo is calibrated to: LSOA count (ONS 2011 LSOAs), mid-2019 residents (ONS,
    /// summing to 1,195,348), LSOAs per national IMD decile 1–10 (IoD2019 File 1; deciles 1–2 sum to the 69 Core20
    /// LSOAs) and the Census 2021 age mix in percent. The centres (latitude, longitude) are the real ones moved: every
    /// LSOA gets a cell of the same size, so small urban districts (Southend-on-Sea, 42 km²) come out as large as rural
    /// ones (Braintree, 612 km²); drawn closer together, and apart where they crowd, the districts meet without gaps
    /// and keep their real neighbours (Brentwood west of Basildon, Rochford north of Southend, Thurrock south-west).
    /// </summary>
    private static readonly Dictionary<AreaCode, DistrictProfile> MidAndSouthEssex = new()
    {
        [AreaCode.Parse("E07000066")] = new(110, 187_199, [12, 14, 20, 10, 6, 7, 9, 6, 11, 15], [20.7, 9.4, 14.0, 19.8, 19.1, 17.0], 51.6, 0.47, BasildonAndBrentwood),
        [AreaCode.Parse("E07000067")] = new(87, 152_604, [0, 2, 4, 7, 15, 16, 10, 15, 10, 8], [18.5, 8.9, 12.3, 19.1, 20.8, 20.4], 51.86, 0.54, MidEssex),
        [AreaCode.Parse("E07000068")] = new(46, 77_021, [0, 0, 0, 3, 3, 7, 5, 3, 9, 16], [18.4, 8.7, 12.8, 19.5, 20.4, 20.2], 51.68, 0.30, BasildonAndBrentwood),
        [AreaCode.Parse("E07000069")] = new(57, 90_376, [1, 4, 3, 5, 11, 4, 6, 11, 9, 3], [16.9, 9.1, 11.0, 17.0, 20.7, 25.2], 51.55, 0.58, CastlePointAndRochford),
        [AreaCode.Parse("E07000070")] = new(107, 178_388, [0, 1, 8, 5, 8, 9, 16, 16, 18, 26], [18.6, 9.2, 13.1, 20.3, 19.4, 19.4], 51.75, 0.46, MidEssex),
        [AreaCode.Parse("E07000074")] = new(40, 64_926, [0, 0, 2, 2, 6, 7, 8, 9, 2, 4], [16.3, 8.8, 10.2, 16.6, 23.1, 25.0], 51.73, 0.68, MidEssex),
        [AreaCode.Parse("E07000075")] = new(53, 87_368, [0, 1, 0, 4, 4, 3, 3, 10, 13, 15], [17.5, 9.0, 10.7, 18.1, 21.4, 23.3], 51.645, 0.65, CastlePointAndRochford),
        [AreaCode.Parse("E06000033")] = new(107, 183_125, [9, 14, 12, 10, 13, 5, 10, 8, 13, 13], [19.0, 9.2, 12.8, 20.3, 19.6, 19.1], 51.56, 0.71, Southend),
        [AreaCode.Parse("E06000034")] = new(98, 174_341, [4, 7, 14, 20, 12, 5, 15, 9, 11, 1], [22.5, 10.0, 14.7, 21.6, 17.6, 13.5], 51.5, 0.33, Thurrock),
    };

    /// <summary>How strongly each domain's rank follows the IMD rank. Income and employment make up 45 % of the IMD and
    /// track it closely; barriers to housing and services is high in rural areas that are otherwise not deprived.</summary>
    private static readonly (DeprivationDomain Domain, double Correlation)[] DomainCorrelations =
    [
        (DeprivationDomain.Income, 0.95), (DeprivationDomain.Employment, 0.92), (DeprivationDomain.Education, 0.85),
        (DeprivationDomain.Health, 0.88), (DeprivationDomain.Crime, 0.6), (DeprivationDomain.Barriers, 0.2),
        (DeprivationDomain.LivingEnvironment, 0.45),
    ];

    /// <summary>How each age band's share moves with a neighbourhood's "age tilt" (positive = older).</summary>
    private static readonly double[] AgeTilt = [-0.55, -0.35, -0.7, -0.15, 0.3, 1.0];

    /// <summary>
    /// The real IoD2019 score at some national ranks (England, 32,844 LSOAs), from 92.735 at rank 1 (Jaywick) to
    /// 0.541 at rank 32,844. Scores between them are interpolated, so a score falls as the rank rises, steeply among
    /// the most deprived, as the real one does.
    /// </summary>
    private static readonly (int Rank, double Score)[] ImdScoreAtRank =
    [
        (1, 92.735), (10, 84.368), (100, 75.035), (1_000, 59.085), (3_284, 43.859), (6_568, 33.254), (10_000, 26.277),
        (16_422, 17.648), (20_000, 13.949), (25_000, 9.609), (30_000, 5.524), (32_000, 3.36), (N, 0.541),
    ];

    /// <summary>
    /// Generates the demo for <paramref name="ics"/>: the same seed always gives the same dataset. Districts that are
    /// not part of Mid and South Essex get a generic profile and a synthetic sub-ICB location.
    /// </summary>
    public static ImportBatch Generate(IcsDefinition ics, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(ics);
        var rng = new Random(seed);
        var profiles = ics.Districts.Select((d, i) => MidAndSouthEssex.GetValueOrDefault(d.Code) ?? GenericProfile(d, i)).ToList();
        var cellsOfDistrict = DemoGeography.GrowDistricts(profiles.Select(p => (p.Lat, p.Lon, p.Lsoas)).ToList(), rng);
        var places = new PlaceNames(rng);

        var demo = new ImportBatch();
        var lsoas = new List<DemoLsoa>();
        var wards = new List<DemoWard>();
        var subIcbs = new List<AreaCode>();
        var usedImdRanks = new HashSet<int>();
        for (var d = 0; d < ics.Districts.Count; d++)
        {
            var district = ics.Districts[d];
            var profile = profiles[d];
            demo.Areas.Add(new Area(district.Code, district.Name, AreaType.District));
            var subIcb = AreaCode.Parse(profile.SubIcb.Code);
            if (!subIcbs.Contains(subIcb))
            {
                subIcbs.Add(subIcb);
                demo.Areas.Add(new Area(subIcb, profile.SubIcb.Name, AreaType.SubIcb, profile.SubIcb.OdsCode));
                foreach (var icb in ics.Icbs)
                {
                    demo.Areas.Add(new Area(icb.Code, icb.Name, AreaType.Icb, icb.OnsCode) { ValidFrom = icb.Validity.From, ValidTo = icb.Validity.To });
                    demo.Memberships.Add(new AreaMembership(subIcb, AreaType.SubIcb, icb.Code, AreaType.Icb, icb.Validity.From ?? SubIcbsFrom));
                }
            }

            var inDistrict = new List<DemoLsoa>();
            foreach (var (cell, suffix) in NameLsoas(cellsOfDistrict[d], rng))
            {
                var lsoa = new DemoLsoa(AreaCode.Parse($"E019{lsoas.Count + 1:D5}"), $"{district.Name} {suffix}", d, subIcb, cell);
                lsoas.Add(lsoa);
                inDistrict.Add(lsoa);
            }

            foreach (var members in GroupIntoWards(inDistrict, rng))
            {
                var (name, place) = places.Ward();
                var ward = new DemoWard(AreaCode.Parse($"E059{wards.Count + 1:D5}"), name, place, d, members);
                wards.Add(ward);
                foreach (var lsoa in members) lsoa.Ward = ward;
            }

            RankImd(inDistrict, profile.ImdDecileCounts, usedImdRanks, rng);
            SpreadResidents(inDistrict, profile.Residents, rng);
        }

        RankDomains(lsoas, rng);
        var meanImdRankOf = lsoas.GroupBy(l => l.District).ToDictionary(g => g.Key, g => g.Average(l => l.Deprivation.ImdRank!.Value));
        foreach (var lsoa in lsoas)
        {
            var profile = profiles[lsoa.District];
            demo.Areas.Add(new Area(lsoa.Code, lsoa.Name, AreaType.Lsoa));
            demo.Memberships.Add(new AreaMembership(lsoa.Code, AreaType.Lsoa, ics.Districts[lsoa.District].Code, AreaType.District, DistrictsFrom));
            demo.Memberships.Add(new AreaMembership(lsoa.Code, AreaType.Lsoa, lsoa.Ward!.Code, AreaType.Ward, WardsFrom));
            demo.Memberships.Add(new AreaMembership(lsoa.Code, AreaType.Lsoa, lsoa.SubIcb, AreaType.SubIcb, SubIcbsFrom));
            demo.Populations.Add(new PopulationCount(lsoa.Code, PopulationKind.Resident, ResidentPeriod, Sex.Persons, AgeBand.All, lsoa.Residents));
            var bands = CensusBands(lsoa, profile.AgeShares, meanImdRankOf[lsoa.District], rng);
            for (var b = 0; b < CensusAgeBands.Count; b++)
                demo.Populations.Add(new PopulationCount(lsoa.Code, PopulationKind.Resident, CensusPeriod, Sex.Persons, CensusAgeBands[b], bands[b]));
            demo.Deprivation.Add(lsoa.Deprivation);
            demo.Boundaries.Add(new AreaBoundary(lsoa.Code, Reorganisations.Census[0], [DemoGeography.Hexagon(lsoa.Cell)]));
        }

        foreach (var ward in wards)
        {
            demo.Areas.Add(new Area(ward.Code, ward.Name, AreaType.Ward));
            demo.Memberships.Add(new AreaMembership(ward.Code, AreaType.Ward, ics.Districts[ward.District].Code, AreaType.District, WardsFrom));
            demo.Boundaries.Add(new AreaBoundary(ward.Code, WardsFrom, DemoGeography.Outline(ward.Lsoas.Select(l => l.Cell).ToList())));
        }

        var primaryCare = DemoPrimaryCare.Generate(
            ics.Districts.Select((district, d) => new DemoPrimaryCare.District(
                district.Name,
                AreaCode.Parse(profiles[d].SubIcb.Code),
                profiles[d].Residents,
                wards.Where(w => w.District == d).Select(w => (w.Place, w.Lsoas.Sum(l => l.Residents))).ToList())).ToList(),
            rng);
        demo.Areas.AddRange(primaryCare.Areas);
        demo.Memberships.AddRange(primaryCare.Memberships);
        demo.Populations.AddRange(primaryCare.ListSizes);

        return WithNotes(demo, lsoas.Count);
    }

    /// <summary>Whether a code is from one of the ranges the demo invents, which no real area uses.</summary>
    public static bool IsSynthetic(AreaCode code) => code.Scheme switch
    {
        // Far beyond the codes issued so far: real 2011 LSOA codes stop below E01036000, and ward and CCG codes count up
        // from E05000001 and E38000001.
        AreaCodeScheme.Gss => code.Value.StartsWith("E019") || code.Value.StartsWith("E059") || code.Value.StartsWith("E389"),
        AreaCodeScheme.OdsPractice => code.Value.StartsWith("Y9"),
        AreaCodeScheme.OdsPcn => code.Value.StartsWith("U9"),
        _ => false,
    };

    /// <summary>The demo's rows, each area once, with the columns of deprivation it fills and a note that it is not real.</summary>
    private static ImportBatch WithNotes(ImportBatch demo, int lsoaCount)
    {
        var batch = new ImportBatch { Rows = lsoaCount };
        var codes = new HashSet<AreaCode>();
        batch.Areas.AddRange(demo.Areas.Where(a => codes.Add(a.Code)));
        batch.Memberships.AddRange(demo.Memberships);
        batch.Populations.AddRange(demo.Populations);
        batch.Deprivation.AddRange(demo.Deprivation);
        batch.DeprivationColumns.AddRange(DeprivationDomains.Seven.Prepend(DeprivationDomain.Imd).SelectMany(d => LsoaDeprivation.Columns(d)).Append(nameof(LsoaDeprivation.ImdScore)));
        batch.Boundaries.AddRange(demo.Boundaries);
        batch.Notes.Add(
            "Generated demo data, not real: district, sub-ICB and ICB codes and names are real, but every LSOA (E019…), "
            + "ward (E059…), GP practice (Y9…) and PCN (U9…), and every population, deprivation figure and boundary, is synthetic.");
        return batch;
    }

    /// <summary>
    /// Names LSOAs as ONS does: groups of about five (the MSOAs) numbered from north to south, then a letter for each
    /// LSOA in its group ("Basildon 001A", "Basildon 001B", "Basildon 002A"...).
    /// </summary>
    private static List<(Hex Cell, string Suffix)> NameLsoas(IReadOnlyList<Hex> cells, Random rng)
    {
        var msoaOf = DemoGeography.Partition(cells, Math.Max(1, (int)Math.Round(cells.Count / 5.0)), rng);
        var msoas = Enumerable.Range(0, cells.Count)
            .GroupBy(i => msoaOf[i])
            .Select(g => g.Select(i => cells[i]).OrderByDescending(c => DemoGeography.CentreOf(c).Lat).ThenBy(c => DemoGeography.CentreOf(c).Lon).ToList())
            .OrderByDescending(g => DemoGeography.CentreOf(g).Lat)
            .ThenBy(g => DemoGeography.CentreOf(g).Lon)
            .ToList();
        return msoas
            .SelectMany((members, m) => members.Select((cell, k) => (cell, $"{m + 1:D3}{(char)('A' + k)}")))
            .ToList();
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

    /// <summary>
    /// Gives the district's LSOAs national IMD ranks with its real count per decile. Deprivation clusters: the LSOAs
    /// nearest one to three "pockets" in the district (more pockets where there are more Core20 LSOAs) take the lowest
    /// ranks, so the most deprived areas form contiguous estates rather than a scatter.
    /// </summary>
    private static void RankImd(List<DemoLsoa> lsoas, int[] decileCounts, HashSet<int> usedRanks, Random rng)
    {
        if (decileCounts.Sum() != lsoas.Count)
            throw new InvalidOperationException($"the demo profile has {decileCounts.Sum()} IMD ranks for {lsoas.Count} LSOAs");
        var pockets = Enumerable.Range(0, 1 + (decileCounts[0] + decileCounts[1]) / 10).Select(_ => lsoas[rng.Next(lsoas.Count)].Cell).ToList();
        var deprivation = lsoas.Select(l => -pockets.Min(p => p.DistanceTo(l.Cell)) + 1.2 * Normal(rng)).ToArray();

        var ranks = new List<int>(lsoas.Count);
        for (var decile = 1; decile <= 10; decile++)
        {
            var first = (int)Math.Floor((decile - 1) * (double)N / 10) + 1;
            var last = (int)Math.Floor(decile * (double)N / 10);
            for (var k = 0; k < decileCounts[decile - 1]; k++)
            {
                int rank;
                do rank = rng.Next(first, last + 1);
                while (!usedRanks.Add(rank));
                ranks.Add(rank);
            }
        }

        ranks.Sort();
        var mostDeprivedFirst = Enumerable.Range(0, lsoas.Count).OrderByDescending(i => deprivation[i]).ThenBy(i => i).ToList();
        for (var j = 0; j < lsoas.Count; j++)
        {
            var lsoa = lsoas[mostDeprivedFirst[j]];
            lsoa.Deprivation.Set(DeprivationDomain.Imd, ranks[j], LsoaDeprivation.DecileOfRank(ranks[j], IodVintage.Iod2019));
            lsoa.Deprivation.ImdScore = ImdScoreOf(ranks[j]);
        }
    }

    /// <summary>
    /// Each domain's national position is the IMD's, on the logit scale, blended with independent noise by the domain's
    /// correlation; the blend keeps the spread of a uniform rank. Ranks taken by another LSOA move to the nearest free one.
    /// </summary>
    private static void RankDomains(List<DemoLsoa> lsoas, Random rng)
    {
        foreach (var (domain, correlation) in DomainCorrelations)
        {
            var used = new HashSet<int>();
            var noise = Math.Sqrt(1 - correlation * correlation);
            foreach (var lsoa in lsoas)
            {
                var imd = Logit((lsoa.Deprivation.ImdRank!.Value - 0.5) / N);
                var blended = correlation * imd + noise * Logit((rng.Next(N) + 0.5) / N);
                var wanted = Math.Clamp((int)Math.Ceiling(N / (1 + Math.Exp(-blended))), 1, N);
                var rank = wanted;
                for (var step = 1; rank < 1 || rank > N || !used.Add(rank); step++)
                    rank = wanted + (step % 2 == 1 ? (step + 1) / 2 : -(step / 2));
                lsoa.Deprivation.Set(domain, rank, LsoaDeprivation.DecileOfRank(rank, IodVintage.Iod2019));
            }
        }
    }

    private static double ImdScoreOf(int rank)
    {
        var upper = Array.FindIndex(ImdScoreAtRank, k => k.Rank >= rank);
        if (ImdScoreAtRank[upper].Rank == rank) return ImdScoreAtRank[upper].Score;
        var (r0, s0) = ImdScoreAtRank[upper - 1];
        var (r1, s1) = ImdScoreAtRank[upper];
        return Math.Round(s0 + (s1 - s0) * (rank - r0) / (r1 - r0), 3);
    }

    /// <summary>Shares out the district's real mid-2019 total: LSOAs hold about 1,000 to 3,000 people, as real ones do.</summary>
    private static void SpreadResidents(List<DemoLsoa> lsoas, long districtTotal, Random rng)
    {
        var counts = Apportion(districtTotal, lsoas.Select(_ => Math.Clamp(Math.Exp(0.2 * Normal(rng)), 0.65, 1.6)).ToArray());
        for (var i = 0; i < lsoas.Count; i++) lsoas[i].Residents = counts[i];
    }

    /// <summary>
    /// Census 2021 residents by age band: about 2 % more people than in mid-2019, with the district's real age mix
    /// tilted older or younger per LSOA (a little older where less deprived than the district as a whole), so that
    /// coastal Castle Point, Rochford and Maldon come out older and Basildon and Thurrock younger, as they are.
    /// </summary>
    private static long[] CensusBands(DemoLsoa lsoa, double[] districtShares, double districtMeanImdRank, Random rng)
    {
        const double spread = 0.3;
        var total = (long)Math.Round(lsoa.Residents * Math.Clamp(1.02 + 0.012 * Normal(rng), 0.98, 1.06));
        var lessDeprived = (lsoa.Deprivation.ImdRank!.Value - districtMeanImdRank) / N;
        var tilt = spread * Normal(rng) + spread * lessDeprived;
        // exp(βt) averages exp(β²σ²/2) over the tilts, so each band is scaled back by that for the district's mix to hold.
        var shares = districtShares
            .Select((share, b) => share * Math.Exp(AgeTilt[b] * tilt + 0.05 * Normal(rng) - AgeTilt[b] * AgeTilt[b] * spread * spread / 2))
            .ToArray();
        return Apportion(total, shares);
    }

    /// <summary>Splits a whole number in proportion to weights, the remainder going to the largest fractions (Hamilton's method).</summary>
    internal static long[] Apportion(long total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var counts = exact.Select(x => (long)Math.Floor(x)).ToArray();
        var remainder = total - counts.Sum();
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take((int)remainder))
            counts[i]++;
        return counts;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    internal static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static double Logit(double p) => Math.Log(p / (1 - p));

    /// <summary>A district of another ICS: about the size and mix of an average Mid and South Essex district.</summary>
    private static DistrictProfile GenericProfile(IcsDistrict district, int index) => new(
        80,
        135_680,
        [4, 4, 8, 8, 8, 8, 10, 10, 10, 10],
        [19.3, 9.3, 12.9, 19.6, 19.7, 19.2],
        51.30,
        0.25 + 0.3 * index,
        new SubIcbLocation($"E389{index + 1:D5}", null, $"{district.Name} sub-ICB location (demo)"));

    private sealed record SubIcbLocation(string Code, string? OdsCode, string Name);

    private sealed record DistrictProfile(
        int Lsoas,
        long Residents,
        int[] ImdDecileCounts,
        double[] AgeShares,
        double Lat,
        double Lon,
        SubIcbLocation SubIcb);

    private sealed class DemoLsoa(AreaCode code, string name, int district, AreaCode subIcb, Hex cell)
    {
        public AreaCode Code { get; } = code;
        public string Name { get; } = name;
        public int District { get; } = district;
        public AreaCode SubIcb { get; } = subIcb;
        public Hex Cell { get; } = cell;
        public DemoWard? Ward { get; set; }
        public long Residents { get; set; }
        public LsoaDeprivation Deprivation { get; } = new() { Lsoa = code, Vintage = IodVintage.Iod2019 };
    }

    private sealed record DemoWard(AreaCode Code, string Name, string Place, int District, List<DemoLsoa> Lsoas);

    /// <summary>
    /// Invented English place names ("Saltmead", "Hazelford North", "Rookley and Fenwick"), each used once, for wards and
    /// the practices and PCNs named after them. They may happen to match a real place somewhere; the codes never will.
    /// </summary>
    private sealed class PlaceNames(Random rng)
    {
        private static readonly string[] Heads =
        [
            "Ash", "Bar", "Beck", "Birch", "Black", "Bram", "Bur", "Chal", "Cold", "Crow", "Dun", "Elm", "Fair", "Fen",
            "Fox", "Gold", "Hare", "Hart", "Hazel", "Hol", "Kings", "Lark", "Lang", "Marl", "Mill", "Moor", "Nor", "Oak",
            "Pen", "Queens", "Red", "Reed", "Rook", "Rush", "Salt", "Sand", "Shel", "Stan", "Stone", "Swan", "Thorn",
            "Wal", "Wheat", "Whit", "Wil", "Yel",
        ];

        private static readonly string[] Tails =
        [
            "bourne", "bridge", "brook", "bury", "church", "croft", "den", "don", "field", "ford", "gate", "hall", "ham",
            "hurst", "ley", "marsh", "mead", "mere", "stead", "ton", "well", "wick", "wood", "worth",
        ];

        private static readonly string[] Qualifiers = ["North", "South", "East", "West", "Central", "Park", "Green", "Village"];

        private readonly HashSet<string> used = [];

        /// <summary>A ward name and the place it is named after.</summary>
        public (string Name, string Place) Ward()
        {
            var place = Place();
            var roll = rng.NextDouble();
            var name = roll < 0.3 ? $"{place} {Qualifiers[rng.Next(Qualifiers.Length)]}"
                : roll < 0.45 ? $"{place} and {Place()}"
                : place;
            return (name, place);
        }

        private string Place()
        {
            for (var attempt = 1; ; attempt++)
            {
                var head = Heads[rng.Next(Heads.Length)];
                var tail = Tails[rng.Next(Tails.Length)];
                // "Hart" + "ton" reads as Harton, not Hartton.
                var name = head[^1] == tail[0] ? head + tail[1..] : head + tail;
                if (attempt > 50) name += $" {attempt}";
                if (used.Add(name)) return name;
            }
        }
    }
}
