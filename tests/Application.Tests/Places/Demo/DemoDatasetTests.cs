using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Commonweal.Application.Places.Demo;
using Commonweal.Application.Places.Ics;
using Commonweal.Application.Places.Import;
using Commonweal.Core.Places;

namespace Commonweal.Application.Tests.Places.Demo;

public partial class DemoDatasetTests
{
    private const int OtherSeed = 1;

    private static readonly IcsDefinition Ics = IcsConfiguration.Default();

    private static readonly ConcurrentDictionary<int, ImportBatch> Generated = new();

    // Tuples (the boundary points) are fields, which System.Text.Json leaves out unless told.
    private static readonly JsonSerializerOptions Everything = new() { IncludeFields = true };

    private static readonly Dictionary<string, string> RealDistricts = new()
    {
        ["E07000066"] = "Basildon",
        ["E07000067"] = "Braintree",
        ["E07000068"] = "Brentwood",
        ["E07000069"] = "Castle Point",
        ["E07000070"] = "Chelmsford",
        ["E07000074"] = "Maldon",
        ["E07000075"] = "Rochford",
        ["E06000033"] = "Southend-on-Sea",
        ["E06000034"] = "Thurrock",
    };

    private static ImportBatch Demo(int seed = DemoDataset.DefaultSeed) => Generated.GetOrAdd(seed, s => DemoDataset.Generate(Ics, s));

    private static List<Area> AreasOf(ImportBatch batch, AreaType type) => batch.Areas.Where(a => a.Type == type).ToList();

    private static Dictionary<AreaCode, AreaCode> ParentOf(ImportBatch batch, AreaType child, AreaType parent) =>
        batch.Memberships.Where(m => m.ChildType == child && m.ParentType == parent).ToDictionary(m => m.Child, m => m.Parent);

    [Fact]
    public void The_same_seed_gives_the_same_dataset()
    {
        var first = JsonSerializer.Serialize(DemoDataset.Generate(Ics), Everything);
        var second = JsonSerializer.Serialize(DemoDataset.Generate(Ics), Everything);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_seed_gives_another_dataset()
    {
        var first = JsonSerializer.Serialize(Demo(), Everything);
        var other = JsonSerializer.Serialize(Demo(OtherSeed), Everything);

        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(DemoDataset.DefaultSeed)]
    [InlineData(OtherSeed)]
    public void Has_the_real_districts_and_the_real_number_of_lsoas_practices_and_pcns(int seed)
    {
        var demo = Demo(seed);

        Assert.Equal(RealDistricts, AreasOf(demo, AreaType.District).ToDictionary(a => a.Code.Value, a => a.Name));
        Assert.Equal(705, AreasOf(demo, AreaType.Lsoa).Count);
        Assert.Equal(705, demo.Rows);
        Assert.Equal(150, AreasOf(demo, AreaType.Practice).Count);
        Assert.Equal(27, AreasOf(demo, AreaType.Pcn).Count);
        Assert.Equal(69, demo.Deprivation.Count(d => d.ImdDecile is 1 or 2));
        Assert.Equal(69, demo.Deprivation.Count(d => d.IsCore20));
    }

    [Fact]
    public void Has_the_real_sub_icb_locations_under_the_icb()
    {
        var demo = Demo();
        var subIcbs = AreasOf(demo, AreaType.SubIcb).ToDictionary(a => a.Code.Value, a => a.AlternateCode);
        var icbOf = ParentOf(demo, AreaType.SubIcb, AreaType.Icb);

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["E38000106"] = "06Q",
                ["E38000007"] = "99E",
                ["E38000030"] = "99F",
                ["E38000168"] = "99G",
                ["E38000185"] = "07G",
            },
            subIcbs);
        Assert.All(subIcbs.Keys, code => Assert.Equal(Ics.Icbs[0].Code, icbOf[AreaCode.Parse(code)]));
        Assert.Contains(demo.Areas, a => a.Type == AreaType.Icb && a.Code.Value == "QH8" && a.AlternateCode == "E54000026");
    }

    [Theory]
    [InlineData(DemoDataset.DefaultSeed)]
    [InlineData(OtherSeed)]
    public void Resident_population_is_the_real_total_spread_over_lsoas_of_realistic_size(int seed)
    {
        var residents = Demo(seed).Populations.Where(p => p.Period == DemoDataset.ResidentPeriod).ToList();

        Assert.All(residents, p => Assert.Equal((PopulationKind.Resident, Sex.Persons, AgeBand.All), (p.Kind, p.Sex, p.AgeBand)));
        Assert.Equal(1_195_348, residents.Sum(p => p.Count));
        Assert.All(residents, p => Assert.InRange(p.Count, 1_000, 3_000));
    }

    [Fact]
    public void Census_age_bands_add_up_to_about_two_percent_more_than_mid_2019()
    {
        var demo = Demo();
        var mid2019 = demo.Populations.Where(p => p.Period == DemoDataset.ResidentPeriod).ToDictionary(p => p.Area, p => p.Count);
        var census = demo.Populations.Where(p => p.Period == DemoDataset.CensusPeriod).GroupBy(p => p.Area).ToList();

        Assert.Equal(705, census.Count);
        Assert.All(census, lsoa =>
        {
            Assert.Equal(DemoDataset.CensusAgeBands, lsoa.Select(p => p.AgeBand));
            Assert.InRange(lsoa.Sum(p => p.Count) / (double)mid2019[lsoa.Key], 0.97, 1.07);
        });
        Assert.InRange(census.Sum(g => g.Sum(p => p.Count)) / (double)mid2019.Values.Sum(), 1.01, 1.03);
    }

    [Fact]
    public void Coastal_districts_are_older_than_basildon_and_thurrock()
    {
        var demo = Demo();
        var districtOf = ParentOf(demo, AreaType.Lsoa, AreaType.District);
        var over65 = demo.Populations
            .Where(p => p.Period == DemoDataset.CensusPeriod)
            .GroupBy(p => RealDistricts[districtOf[p.Area].Value])
            .ToDictionary(g => g.Key, g => g.Where(p => p.AgeBand.From == 65).Sum(p => p.Count) / (double)g.Sum(p => p.Count));

        foreach (var coastal in new[] { "Castle Point", "Rochford", "Maldon" })
        {
            Assert.True(over65[coastal] > over65["Basildon"], $"{coastal} should be older than Basildon");
            Assert.True(over65[coastal] > over65["Thurrock"], $"{coastal} should be older than Thurrock");
        }
    }

    [Fact]
    public void Registered_lists_run_a_little_above_residents()
    {
        var demo = Demo();
        var lists = demo.Populations.Where(p => p.Kind == PopulationKind.Registered).ToList();
        var residents = demo.Populations.Where(p => p.Period == DemoDataset.ResidentPeriod).Sum(p => p.Count);

        Assert.Equal(150, lists.Count);
        Assert.All(lists, p => Assert.Equal((DemoDataset.ListSizePeriod, Sex.Persons, AgeBand.All), (p.Period, p.Sex, p.AgeBand)));
        Assert.InRange(lists.Sum(p => p.Count) / (double)residents, 1.0, 1.05);
    }

    [Theory]
    [InlineData(DemoDataset.DefaultSeed)]
    [InlineData(OtherSeed)]
    public void Every_lsoa_has_one_district_ward_and_sub_icb_and_a_boundary_population_and_deprivation(int seed)
    {
        var demo = Demo(seed);
        var lsoas = AreasOf(demo, AreaType.Lsoa).Select(a => a.Code).ToList();

        foreach (var parent in new[] { AreaType.District, AreaType.Ward, AreaType.SubIcb })
        {
            var counts = demo.Memberships.Where(m => m.ChildType == AreaType.Lsoa && m.ParentType == parent).GroupBy(m => m.Child).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(lsoas, lsoa => Assert.Equal(1, counts.GetValueOrDefault(lsoa)));
        }

        Assert.Equal(lsoas.Order(), demo.Boundaries.Where(b => b.Area.GssEntity == "E01").Select(b => b.Area).Order());
        Assert.Equal(lsoas.Order(), demo.Populations.Where(p => p.Period == DemoDataset.ResidentPeriod).Select(p => p.Area).Order());
        Assert.Equal(lsoas.Order(), demo.Deprivation.Select(d => d.Lsoa).Order());
    }

    [Fact]
    public void Lsoas_are_named_as_ons_names_them_and_wards_group_them_by_district()
    {
        var demo = Demo();
        var districtOf = ParentOf(demo, AreaType.Lsoa, AreaType.District);
        var wardOf = ParentOf(demo, AreaType.Lsoa, AreaType.Ward);
        var districtOfWard = ParentOf(demo, AreaType.Ward, AreaType.District);

        Assert.All(AreasOf(demo, AreaType.Lsoa), lsoa =>
        {
            var match = LsoaName().Match(lsoa.Name);
            Assert.True(match.Success, lsoa.Name);
            Assert.Equal(RealDistricts[districtOf[lsoa.Code].Value], match.Groups["district"].Value);
            Assert.Equal(districtOf[lsoa.Code], districtOfWard[wardOf[lsoa.Code]]);
        });
        Assert.Equal(705, AreasOf(demo, AreaType.Lsoa).Select(a => a.Name).Distinct().Count());
        Assert.All(districtOfWard.GroupBy(w => w.Value), district => Assert.InRange(district.Count(), 10, 20));
        Assert.Equal(AreasOf(demo, AreaType.Ward).Count, AreasOf(demo, AreaType.Ward).Select(a => a.Name).Distinct().Count());
    }

    [Theory]
    [InlineData(DemoDataset.DefaultSeed)]
    [InlineData(OtherSeed)]
    public void Each_ward_is_a_contiguous_group_of_lsoas(int seed)
    {
        var demo = Demo(seed);
        var hexagons = demo.Boundaries.Where(b => b.Area.GssEntity == "E01").ToDictionary(b => b.Area, b => b.Polygons[0].Rings[0].Take(6).ToHashSet());
        // Neighbouring cells of the tiling share an edge, that is two corners, exactly.
        bool Touch(AreaCode a, AreaCode b) => hexagons[a].Intersect(hexagons[b]).Count() >= 2;

        foreach (var ward in ParentOf(demo, AreaType.Lsoa, AreaType.Ward).GroupBy(m => m.Value, m => m.Key))
        {
            var members = ward.ToList();
            var reached = new HashSet<AreaCode> { members[0] };
            var queue = new Queue<AreaCode>(reached);
            while (queue.TryDequeue(out var lsoa))
            {
                foreach (var next in members.Where(m => !reached.Contains(m) && Touch(lsoa, m)))
                {
                    reached.Add(next);
                    queue.Enqueue(next);
                }
            }

            Assert.True(members.Count == reached.Count, $"ward {ward.Key} is in {members.Count - reached.Count + 1} or more pieces");
        }
    }

    [Theory]
    [InlineData(DemoDataset.DefaultSeed)]
    [InlineData(OtherSeed)]
    public void Imd_and_domain_ranks_are_distinct_national_ranks_with_their_deciles(int seed)
    {
        var deprivation = Demo(seed).Deprivation;

        foreach (var domain in DeprivationDomains.Seven.Prepend(DeprivationDomain.Imd))
        {
            var ranks = deprivation.Select(d => d.Rank(domain)!.Value).ToList();
            Assert.Equal(705, ranks.Distinct().Count());
            Assert.All(ranks, rank => Assert.InRange(rank, 1, IodVintage.Iod2019.LsoaCount()));
            Assert.All(deprivation, d => Assert.Equal(LsoaDeprivation.DecileOfRank(d.Rank(domain)!.Value, IodVintage.Iod2019), d.Decile(domain)));
        }
    }

    [Fact]
    public void Imd_score_falls_as_the_rank_rises()
    {
        var byRank = Demo().Deprivation.OrderBy(d => d.ImdRank).ToList();

        Assert.All(byRank, d => Assert.InRange(d.ImdScore!.Value, 0.5, 92.8));
        Assert.All(byRank.Zip(byRank.Skip(1)), pair => Assert.True(pair.First.ImdScore >= pair.Second.ImdScore, $"score rises between ranks {pair.First.ImdRank} and {pair.Second.ImdRank}"));
    }

    [Fact]
    public void Domains_follow_the_imd_income_closely_and_barriers_loosely()
    {
        var deprivation = Demo().Deprivation;

        Assert.InRange(Correlation(deprivation, DeprivationDomain.Income), 0.85, 1.0);
        Assert.InRange(Correlation(deprivation, DeprivationDomain.Barriers), -0.1, 0.5);
    }

    [Fact]
    public void Core20_lsoas_are_where_mid_and_south_essex_has_them()
    {
        var demo = Demo();
        var districtOf = ParentOf(demo, AreaType.Lsoa, AreaType.District);
        var core20 = demo.Deprivation.Where(d => d.IsCore20).GroupBy(d => RealDistricts[districtOf[d.Lsoa].Value]).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(
            new Dictionary<string, int>
            {
                ["Basildon"] = 26,
                ["Southend-on-Sea"] = 23,
                ["Thurrock"] = 11,
                ["Castle Point"] = 5,
                ["Braintree"] = 2,
                ["Chelmsford"] = 1,
                ["Rochford"] = 1,
            },
            core20);
    }

    [Fact]
    public void Deprivation_columns_name_every_property_written()
    {
        var expected = typeof(LsoaDeprivation).GetProperties()
            .Where(p => p.CanWrite && p.Name != nameof(LsoaDeprivation.Lsoa))
            .Select(p => p.Name);

        Assert.Equal(expected.Order(), Demo().DeprivationColumns.Order());
        Assert.Equal(17, Demo().DeprivationColumns.Count);
        Assert.All(Demo().Deprivation, d => Assert.All(DeprivationDomains.Seven, domain => Assert.NotNull(d.Rank(domain))));
    }

    [Fact]
    public void Every_practice_is_in_one_pcn_in_the_same_sub_icb()
    {
        var demo = Demo();
        var pcnOf = demo.Memberships.Where(m => m.ChildType == AreaType.Practice && m.ParentType == AreaType.Pcn).GroupBy(m => m.Child).ToList();
        var subIcbOfPractice = ParentOf(demo, AreaType.Practice, AreaType.SubIcb);
        var subIcbOfPcn = ParentOf(demo, AreaType.Pcn, AreaType.SubIcb);

        Assert.Equal(150, pcnOf.Count);
        Assert.All(pcnOf, practice =>
        {
            Assert.Single(practice);
            Assert.Equal(subIcbOfPcn[practice.Single().Parent], subIcbOfPractice[practice.Key]);
        });
        Assert.All(AreasOf(demo, AreaType.Pcn), pcn => Assert.Contains(pcnOf, p => p.Single().Parent == pcn.Code));
        Assert.Equal(150, AreasOf(demo, AreaType.Practice).Select(a => a.Name).Distinct().Count());
    }

    [Fact]
    public void Ics_structure_is_included_with_a_neighbourhood_per_pcn()
    {
        var demo = Demo();

        Assert.Equal(4, AreasOf(demo, AreaType.Alliance).Count);
        Assert.Equal(27, AreasOf(demo, AreaType.Neighbourhood).Count);
        Assert.Single(AreasOf(demo, AreaType.County));
        Assert.Equal(demo.Areas.Count, demo.Areas.Select(a => a.Code).Distinct().Count());
        Assert.Equal(
            AreasOf(demo, AreaType.Pcn).Select(p => IcsStructure.NeighbourhoodCodeFor(p.Code)).Order(),
            AreasOf(demo, AreaType.Neighbourhood).Select(n => n.Code).Order());
        Assert.Contains("demo", Assert.Single(demo.Notes), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(DemoDataset.DefaultSeed)]
    [InlineData(OtherSeed)]
    public void Every_membership_joins_two_areas_of_the_batch(int seed)
    {
        var demo = Demo(seed);
        var areas = demo.Areas.ToDictionary(a => a.Code, a => a.Type);

        Assert.All(demo.Memberships, m =>
        {
            Assert.Equal(m.ChildType, areas[m.Child]);
            Assert.Equal(m.ParentType, areas[m.Parent]);
        });
        Assert.All(demo.Populations, p => Assert.True(areas.ContainsKey(p.Area)));
        Assert.All(demo.Boundaries, b => Assert.True(areas.ContainsKey(b.Area)));
    }

    [Fact]
    public void Synthetic_codes_come_from_ranges_no_real_area_uses()
    {
        var demo = Demo();
        var patterns = new Dictionary<AreaType, Regex>
        {
            [AreaType.Lsoa] = LsoaCode(),
            [AreaType.Ward] = WardCode(),
            [AreaType.Practice] = PracticeCode(),
            [AreaType.Pcn] = PcnCode(),
        };

        Assert.All(demo.Areas, area =>
        {
            Assert.Equal(area.Code, AreaCode.Parse(area.Code.Value));
            if (patterns.TryGetValue(area.Type, out var pattern))
            {
                Assert.Matches(pattern, area.Code.Value);
                Assert.True(DemoDataset.IsSynthetic(area.Code), area.Code.Value);
            }
            else
            {
                Assert.False(DemoDataset.IsSynthetic(area.Code), area.Code.Value);
            }
        });
        Assert.All(AreasOf(demo, AreaType.Lsoa), lsoa => Assert.True(string.CompareOrdinal(lsoa.Code.Value, "E01036000") > 0));
    }

    [Theory]
    [InlineData(DemoDataset.DefaultSeed)]
    [InlineData(OtherSeed)]
    public void Boundaries_are_closed_rings_of_non_overlapping_hexagons_around_essex(int seed)
    {
        var demo = Demo(seed);

        Assert.Equal(AreasOf(demo, AreaType.Lsoa).Count + AreasOf(demo, AreaType.Ward).Count, demo.Boundaries.Count);
        Assert.All(demo.Boundaries.SelectMany(b => b.Polygons).SelectMany(p => p.Rings), ring =>
        {
            Assert.True(ring.Count >= 4);
            Assert.Equal(ring[0], ring[^1]);
        });

        var hexagons = demo.Boundaries.Where(b => b.Area.GssEntity == "E01").Select(b => Assert.Single(Assert.Single(b.Polygons).Rings)).ToList();
        Assert.All(hexagons, ring => Assert.Equal(7, ring.Count));
        var centres = hexagons.Select(ring => (Lon: Math.Round(ring.Take(6).Average(p => p.Lon), 5), Lat: Math.Round(ring.Take(6).Average(p => p.Lat), 5))).ToList();
        Assert.Equal(centres.Count, centres.Distinct().Count());

        var (minLon, minLat, maxLon, maxLat) = new AreaBoundary(AreaCode.Parse("E01900001"), default, demo.Boundaries.SelectMany(b => b.Polygons).ToList()).Bounds();
        Assert.InRange(maxLon - minLon, 0.1, 0.8);
        Assert.InRange(maxLat - minLat, 0.1, 0.8);
        Assert.InRange((minLat + maxLat) / 2, 51.5, 51.8);
        Assert.InRange((minLon + maxLon) / 2, 0.3, 0.8);
    }

    [Fact]
    public void Another_ics_gets_generic_districts_with_synthetic_sub_icbs()
    {
        var other = Ics with
        {
            Districts = [.. Ics.Districts.Take(2), new IcsDistrict(AreaCode.Parse("E07000072"), "Epping Forest", AreaCode.Parse("E10000012"), "Essex")],
            Alliances = [],
        };

        var demo = DemoDataset.Generate(other);

        Assert.Equal(110 + 87 + 80, AreasOf(demo, AreaType.Lsoa).Count);
        Assert.Contains(demo.Areas, a => a.Type == AreaType.SubIcb && DemoDataset.IsSynthetic(a.Code));
        Assert.All(AreasOf(demo, AreaType.Lsoa), lsoa => Assert.Single(demo.Memberships, m => m.Child == lsoa.Code && m.ParentType == AreaType.SubIcb));
    }

    private static double Correlation(List<LsoaDeprivation> deprivation, DeprivationDomain domain)
    {
        var xs = deprivation.Select(d => (double)d.ImdRank!.Value).ToList();
        var ys = deprivation.Select(d => (double)d.Rank(domain)!.Value).ToList();
        var (mx, my) = (xs.Average(), ys.Average());
        var covariance = xs.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my));
        return covariance / Math.Sqrt(xs.Sum(x => (x - mx) * (x - mx)) * ys.Sum(y => (y - my) * (y - my)));
    }

    [GeneratedRegex(@"^(?<district>.+) \d{3}[A-Z]$")]
    private static partial Regex LsoaName();

    [GeneratedRegex(@"^E019\d{5}$")]
    private static partial Regex LsoaCode();

    [GeneratedRegex(@"^E059\d{5}$")]
    private static partial Regex WardCode();

    [GeneratedRegex(@"^Y9\d{4}$")]
    private static partial Regex PracticeCode();

    [GeneratedRegex(@"^U9\d{4}$")]
    private static partial Regex PcnCode();
}
