using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Commonweal.Application.Places;
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

    private static readonly DateOnly Census2011 = Reorganisations.Census[0];
    private static readonly DateOnly Census2021 = Reorganisations.Census[1];
    private static readonly DateOnly JanuaryMap = new(2022, 1, 1);
    private static readonly DateOnly AugustMap = new(2026, 8, 1);

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

    /// <summary>
    /// Real facts of each district: LSOAs of 2011 and 2021 (ONS), mid-2019 residents (ONS) and Census 2021 residents, and
    /// LSOAs per national IMD decile 1–10 in IoD2019 and IoD2025 (File 1 of each).
    /// </summary>
    private static readonly DistrictFacts[] Facts =
    [
        new("Basildon", 110, 112, 187_199, 187_601, [12, 14, 20, 10, 6, 7, 9, 6, 11, 15], [9, 18, 17, 11, 7, 8, 2, 9, 14, 17]),
        new("Braintree", 87, 88, 152_604, 155_251, [0, 2, 4, 7, 15, 16, 10, 15, 10, 8], [0, 4, 6, 15, 15, 12, 13, 12, 7, 4]),
        new("Brentwood", 46, 48, 77_021, 77_030, [0, 0, 0, 3, 3, 7, 5, 3, 9, 16], [0, 0, 2, 2, 3, 9, 7, 3, 9, 13]),
        new("Castle Point", 57, 57, 90_376, 89_595, [1, 4, 3, 5, 11, 4, 6, 11, 9, 3], [1, 5, 4, 7, 10, 4, 7, 11, 8, 0]),
        new("Chelmsford", 107, 113, 178_388, 181_521, [0, 1, 8, 5, 8, 9, 16, 16, 18, 26], [0, 5, 7, 3, 14, 13, 14, 13, 23, 21]),
        new("Maldon", 40, 41, 64_926, 66_197, [0, 0, 2, 2, 6, 7, 8, 9, 2, 4], [0, 0, 3, 6, 6, 9, 4, 8, 4, 1]),
        new("Rochford", 53, 53, 87_368, 85_665, [0, 1, 0, 4, 4, 3, 3, 10, 13, 15], [1, 1, 0, 6, 2, 4, 6, 7, 12, 14]),
        new("Southend-on-Sea", 107, 108, 183_125, 180_691, [9, 14, 12, 10, 13, 5, 10, 8, 13, 13], [12, 13, 14, 7, 11, 11, 9, 5, 15, 11]),
        new("Thurrock", 98, 100, 174_341, 176_003, [4, 7, 14, 20, 12, 5, 15, 9, 11, 1], [3, 11, 10, 20, 11, 12, 8, 17, 7, 1]),
    ];

    private static ImportBatch Demo(int seed = DemoDataset.DefaultSeed) => Generated.GetOrAdd(seed, s => DemoDataset.Generate(Ics, s));

    private static List<Area> AreasOf(ImportBatch batch, AreaType type) => batch.Areas.Where(a => a.Type == type).ToList();

    /// <summary>The places of a type that the batch's release of that date lists.</summary>
    private static List<AreaCode> Listed(ImportBatch batch, AreaType type, DateOnly release) =>
        batch.ReleasedAreas.Where(r => r.Type == type && r.Release == release).Select(r => r.Area).ToList();

    private static Dictionary<AreaCode, AreaCode> ParentOf(ImportBatch batch, AreaType child, AreaType parent, DateOnly? observedOn = null) =>
        batch.Memberships
            .Where(m => m.ChildType == child && m.ParentType == parent && (observedOn is null || m.ObservedOn == observedOn))
            .ToDictionary(m => m.Child, m => m.Parent);

    /// <summary>Counts per district name of the values <paramref name="of"/> gives the LSOAs of a release.</summary>
    private static Dictionary<string, long> PerDistrict(ImportBatch batch, DateOnly release, Func<AreaCode, long> of)
    {
        var districtOf = ParentOf(batch, AreaType.Lsoa, AreaType.District);
        return Listed(batch, AreaType.Lsoa, release)
            .GroupBy(l => batch.Areas.Single(a => a.Code == districtOf[l]).Name)
            .ToDictionary(g => g.Key, g => g.Sum(of));
    }

    private static List<LsoaDeprivation> DeprivationOf(ImportBatch batch, IodVintage vintage) => batch.Deprivation.Where(d => d.Vintage == vintage).ToList();

    /// <summary>The timeline the application builds, from the batch's rows as they would be stored.</summary>
    private static PlaceTimeline Timeline(ImportBatch batch, IcsDefinition ics) => new(
        1,
        DatasetKind.Demo,
        ics,
        batch.Areas,
        batch.Memberships,
        batch.ReleasedAreas,
        batch.Populations.Where(p => p.Kind == PopulationKind.Resident && p.AgeBand == AgeBand.All).Select(p => (p.Area, p.Period, p.Count)),
        batch.Populations.Where(p => p.Kind == PopulationKind.Registered && p.AgeBand == AgeBand.All).Select(p => (p.Area, p.Period, p.Count)),
        batch.Deprivation,
        batch.LsoaLinks);

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
        Assert.Equal(705, Listed(demo, AreaType.Lsoa, Census2011).Count);
        Assert.Equal(720, Listed(demo, AreaType.Lsoa, Census2021).Count);
        Assert.Equal(735, AreasOf(demo, AreaType.Lsoa).Count);
        Assert.Equal(735, demo.Rows);
        Assert.Equal(150, Listed(demo, AreaType.Practice, JanuaryMap).Count);
        Assert.Equal(27, Listed(demo, AreaType.Pcn, JanuaryMap).Count);
        Assert.Equal(69, DeprivationOf(demo, IodVintage.Iod2019).Count(d => d.IsCore20));
        Assert.Equal(83, DeprivationOf(demo, IodVintage.Iod2025).Count(d => d.IsCore20));
    }

    [Theory]
    [InlineData(DemoDataset.DefaultSeed)]
    [InlineData(OtherSeed)]
    public void Each_district_has_its_real_lsoas_of_2011_and_2021(int seed)
    {
        var demo = Demo(seed);

        Assert.Equal(Facts.ToDictionary(f => f.Name, f => f.Lsoas2011), PerDistrict(demo, Census2011, _ => 1));
        Assert.Equal(Facts.ToDictionary(f => f.Name, f => f.Lsoas2021), PerDistrict(demo, Census2021, _ => 1));
        Assert.Equal(
            [new(AreaType.Lsoa, Census2011, GeographyRelease.England), new(AreaType.Lsoa, Census2021, GeographyRelease.England)],
            demo.Releases.Where(r => r.Type == AreaType.Lsoa).OrderBy(r => r.Date));
    }

    [Theory]
    [InlineData(DemoDataset.DefaultSeed)]
    [InlineData(OtherSeed)]
    public void Fifteen_lsoas_are_split_each_into_two_parts_and_linked_as_ons_links_them(int seed)
    {
        var demo = Demo(seed);
        var of2011 = Listed(demo, AreaType.Lsoa, Census2011).ToHashSet();
        var of2021 = Listed(demo, AreaType.Lsoa, Census2021).ToHashSet();
        var census = demo.Populations.Where(p => p.Period == DemoDataset.CensusPeriod && p.AgeBand == AgeBand.All).ToDictionary(p => p.Area, p => p.Count);
        var splits = demo.LsoaLinks.Where(l => l.Change == LsoaChange.Split).GroupBy(l => l.Lsoa2011).ToList();

        Assert.Equal(690, of2011.Intersect(of2021).Count());
        Assert.Equal(15, splits.Count);
        Assert.All(splits, split =>
        {
            var parts = split.Select(l => l.Lsoa2021).ToList();
            Assert.Equal(2, parts.Count);
            Assert.DoesNotContain(split.Key, of2021);
            Assert.All(parts, part => Assert.Matches(SplitPartCode(), part.Value));
            Assert.All(parts, part => Assert.DoesNotContain(part, of2011));
            Assert.Equal(parts.MaxBy(p => census[p]), Assert.Single(split, l => l.BestFit).Lsoa2021);
        });
        Assert.All(of2011.Intersect(of2021), lsoa => Assert.Equal(new LsoaLink(lsoa, lsoa, LsoaChange.Unchanged, BestFit: true), Assert.Single(demo.LsoaLinks, l => l.Lsoa2011 == lsoa)));
        Assert.Equal(of2011.Order(), demo.LsoaLinks.Where(l => l.BestFit).Select(l => l.Lsoa2011).Order());
        Assert.Equal(of2021.Order(), demo.LsoaLinks.Select(l => l.Lsoa2021).Order());
        Assert.Equal([nameof(LsoaLink.BestFit), nameof(LsoaLink.Change)], demo.LsoaLinkColumns.Order());
    }

    [Fact]
    public void Validity_follows_from_the_releases_split_lsoas_ending_the_day_before_census_day_2021()
    {
        var demo = Demo();
        var areas = demo.Areas.ToDictionary(a => a.Code);
        var split = demo.LsoaLinks.Where(l => l.Change == LsoaChange.Split).ToList();
        var changed = split.Select(l => l.Lsoa2011).Concat(split.Select(l => l.Lsoa2021)).ToHashSet();

        Assert.All(split, l => Assert.Equal(new Validity(null, new(2021, 3, 20)), areas[l.Lsoa2011].Validity));
        Assert.All(split, l => Assert.Equal(new Validity(new(2021, 3, 21), null), areas[l.Lsoa2021].Validity));
        Assert.All(AreasOf(demo, AreaType.Lsoa).Where(a => !changed.Contains(a.Code)), a => Assert.Equal(Validity.Always, a.Validity));
        Assert.Equal(new Validity(null, new(2026, 3, 31)), areas[AreaCode.Parse("QH8")].Validity);
        Assert.Equal(new Validity(new(2026, 4, 1), null), areas[AreaCode.Parse("D7T5G")].Validity);
        Assert.All(AreasOf(demo, AreaType.SubIcb).Concat(AreasOf(demo, AreaType.Pcn)), a => Assert.Equal(Validity.Always, a.Validity));
    }

    [Fact]
    public void Split_parts_are_the_two_halves_of_their_parents_hexagon()
    {
        var demo = Demo();
        var outlines = demo.Boundaries.Where(b => b.Area.GssEntity == "E01").ToDictionary(b => (b.Area, b.Release), b => Assert.Single(Assert.Single(b.Polygons).Rings));

        foreach (var split in demo.LsoaLinks.Where(l => l.Change == LsoaChange.Split).GroupBy(l => l.Lsoa2011))
        {
            var parent = outlines[(split.Key, Census2011)];
            var halves = split.Select(l => outlines[(l.Lsoa2021, Census2021)]).ToList();
            Assert.All(halves, half => Assert.Equal(5, half.Count));
            Assert.Equal(parent.Take(6).ToHashSet(), halves.SelectMany(h => h.Take(4)).ToHashSet());
            Assert.Equal(2, halves[0].Take(4).Intersect(halves[1].Take(4)).Count());
            Assert.All(halves, half => Assert.True(SignedArea(half) > 0, "rings run anticlockwise"));
            Assert.Equal(SignedArea(parent), halves.Sum(SignedArea), 1e-12);
        }
    }

    [Fact]
    public void Sub_icb_locations_are_in_qh8_on_the_january_2022_map_and_in_d7t5g_on_the_august_2026_map()
    {
        var demo = Demo();
        var subIcbs = AreasOf(demo, AreaType.SubIcb).ToDictionary(a => a.Code.Value, a => a.AlternateCode);
        var before = ParentOf(demo, AreaType.SubIcb, AreaType.Icb, JanuaryMap);
        var after = ParentOf(demo, AreaType.SubIcb, AreaType.Icb, AugustMap);

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
        Assert.All(subIcbs.Keys, code => Assert.Equal("QH8", before[AreaCode.Parse(code)].Value));
        Assert.All(subIcbs.Keys, code => Assert.Equal("D7T5G", after[AreaCode.Parse(code)].Value));
        Assert.Contains(demo.Areas, a => a is { Type: AreaType.Icb, AlternateCode: "E54000026", Name: "NHS Mid and South Essex Integrated Care Board" } && a.Code.Value == "QH8");
        Assert.Contains(demo.Areas, a => a is { Type: AreaType.Icb, AlternateCode: "E54000066", Name: "NHS Essex Integrated Care Board" } && a.Code.Value == "D7T5G");
        Assert.Equal(["QH8"], Listed(demo, AreaType.Icb, JanuaryMap).Select(c => c.Value));
        Assert.Equal(["D7T5G"], Listed(demo, AreaType.Icb, AugustMap).Select(c => c.Value));
        Assert.Contains(demo.ReleasedAreas, r => r.Area.Value == "E38000106" && r.Release == JanuaryMap && r.Name == "NHS Mid Essex CCG");
        Assert.Contains(demo.Areas, a => a.Code.Value == "E38000106" && a.Name == "NHS Essex ICB - 06Q");
    }

    [Fact]
    public void A_practices_icb_is_qh8_until_march_2026_and_d7t5g_from_april_2026()
    {
        var timeline = Timeline(Demo(), Ics);
        var practice = AreaCode.Parse("Y90001");

        Assert.Equal("QH8", timeline.At(new DateOnly(2025, 6, 1), Census2021).IcbOf(practice)?.Code.Value);
        Assert.Equal("QH8", timeline.At(new DateOnly(2026, 3, 31), Census2021).IcbOf(practice)?.Code.Value);
        Assert.Equal("D7T5G", timeline.At(new DateOnly(2026, 4, 1), Census2021).IcbOf(practice)?.Code.Value);
        Assert.Equal("D7T5G", timeline.At(new DateOnly(2026, 6, 1), Census2021).IcbOf(practice)?.Code.Value);
    }

    [Theory]
    [InlineData(DemoDataset.DefaultSeed)]
    [InlineData(OtherSeed)]
    public void Mid_2019_residents_are_each_districts_real_total_on_lsoas_of_realistic_size(int seed)
    {
        var demo = Demo(seed);
        var residents = demo.Populations.Where(p => p.Period == DemoDataset.ResidentPeriod).ToList();
        var counts = residents.ToDictionary(p => p.Area, p => p.Count);

        Assert.All(residents, p => Assert.Equal((PopulationKind.Resident, Sex.Persons, AgeBand.All), (p.Kind, p.Sex, p.AgeBand)));
        Assert.Equal(Listed(demo, AreaType.Lsoa, Census2011).Order(), counts.Keys.Order());
        Assert.Equal(Facts.ToDictionary(f => f.Name, f => f.Mid2019), PerDistrict(demo, Census2011, l => counts[l]));
        Assert.Equal(1_195_348, residents.Sum(p => p.Count));
        Assert.All(residents, p => Assert.InRange(p.Count, 1_000, 3_000));
    }

    [Theory]
    [InlineData(DemoDataset.DefaultSeed)]
    [InlineData(OtherSeed)]
    public void Census_2021_residents_are_each_districts_real_total_in_six_age_bands_and_all_ages(int seed)
    {
        var demo = Demo(seed);
        var census = demo.Populations.Where(p => p.Period == DemoDataset.CensusPeriod).GroupBy(p => p.Area).ToDictionary(g => g.Key, g => g.ToList());
        var total = census.ToDictionary(c => c.Key, c => Assert.Single(c.Value, p => p.AgeBand == AgeBand.All).Count);

        Assert.Equal(Listed(demo, AreaType.Lsoa, Census2021).Order(), census.Keys.Order());
        Assert.All(census.Values, rows =>
        {
            Assert.All(rows, p => Assert.Equal((PopulationKind.Resident, Sex.Persons), (p.Kind, p.Sex)));
            Assert.Equal(DemoDataset.CensusAgeBands, rows.Where(p => p.AgeBand != AgeBand.All).Select(p => p.AgeBand));
            Assert.Equal(rows.Single(p => p.AgeBand == AgeBand.All).Count, rows.Where(p => p.AgeBand != AgeBand.All).Sum(p => p.Count));
        });
        Assert.Equal(Facts.ToDictionary(f => f.Name, f => f.Census2021), PerDistrict(demo, Census2021, l => total[l]));
        Assert.Equal(1_199_554, total.Values.Sum());
        Assert.All(total.Values, count => Assert.InRange(count, 1_000, 3_000));
    }

    [Fact]
    public void Unchanged_lsoas_keep_about_their_mid_2019_population_and_split_ones_grew()
    {
        var demo = Demo();
        var mid2019 = demo.Populations.Where(p => p.Period == DemoDataset.ResidentPeriod).ToDictionary(p => p.Area, p => p.Count);
        var census = demo.Populations.Where(p => p.Period == DemoDataset.CensusPeriod && p.AgeBand == AgeBand.All).ToDictionary(p => p.Area, p => p.Count);

        foreach (var links in demo.LsoaLinks.GroupBy(l => l.Lsoa2011))
        {
            var growth = links.Sum(l => census[l.Lsoa2021]) / (double)mid2019[links.Key];
            if (links.First().Change == LsoaChange.Unchanged) Assert.InRange(growth, 0.92, 1.08);
            else Assert.InRange(growth, 1.2, 1.6);
        }
    }

    [Fact]
    public void Coastal_districts_are_older_than_basildon_and_thurrock()
    {
        var demo = Demo();
        var districtOf = ParentOf(demo, AreaType.Lsoa, AreaType.District);
        var over65 = demo.Populations
            .Where(p => p.Period == DemoDataset.CensusPeriod && p.AgeBand != AgeBand.All)
            .GroupBy(p => RealDistricts[districtOf[p.Area].Value])
            .ToDictionary(g => g.Key, g => g.Where(p => p.AgeBand.From == 65).Sum(p => p.Count) / (double)g.Sum(p => p.Count));

        foreach (var coastal in new[] { "Castle Point", "Rochford", "Maldon" })
        {
            Assert.True(over65[coastal] > over65["Basildon"], $"{coastal} should be older than Basildon");
            Assert.True(over65[coastal] > over65["Thurrock"], $"{coastal} should be older than Thurrock");
        }
    }

    [Fact]
    public void Registered_lists_run_a_little_above_residents_and_grow_to_april_2026()
    {
        var demo = Demo();
        var lists = demo.Populations.Where(p => p.Kind == PopulationKind.Registered).ToList();
        var may2022 = lists.Where(p => p.Period == new DateOnly(2022, 5, 1)).ToDictionary(p => p.Area, p => p.Count);
        var april2026 = lists.Where(p => p.Period == new DateOnly(2026, 4, 1)).ToDictionary(p => p.Area, p => p.Count);
        var residents = demo.Populations.Where(p => p.Period == DemoDataset.ResidentPeriod).Sum(p => p.Count);

        Assert.Equal(300, lists.Count);
        Assert.All(lists, p => Assert.Equal((Sex.Persons, AgeBand.All), (p.Sex, p.AgeBand)));
        Assert.Equal(AreasOf(demo, AreaType.Practice).Select(a => a.Code).Order(), may2022.Keys.Order());
        Assert.Equal(may2022.Keys.Order(), april2026.Keys.Order());
        Assert.InRange(may2022.Values.Sum() / (double)residents, 1.0, 1.05);
        Assert.InRange(april2026.Values.Sum() / (double)may2022.Values.Sum(), 1.02, 1.05);
    }

    [Theory]
    [InlineData(DemoDataset.DefaultSeed)]
    [InlineData(OtherSeed)]
    public void Every_lsoa_has_one_district_ward_and_sub_icb_and_a_boundary_and_deprivation_of_each_vintage_it_belongs_to(int seed)
    {
        var demo = Demo(seed);
        var lsoas = AreasOf(demo, AreaType.Lsoa).Select(a => a.Code).ToList();

        foreach (var parent in new[] { AreaType.District, AreaType.Ward, AreaType.SubIcb })
        {
            var counts = demo.Memberships.Where(m => m.ChildType == AreaType.Lsoa && m.ParentType == parent).GroupBy(m => m.Child).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(lsoas, lsoa => Assert.Equal(1, counts.GetValueOrDefault(lsoa)));
        }

        foreach (var (release, vintage) in new[] { (Census2011, IodVintage.Iod2019), (Census2021, IodVintage.Iod2025) })
        {
            var listed = Listed(demo, AreaType.Lsoa, release).Order().ToList();
            Assert.Equal(listed, demo.Boundaries.Where(b => b.Area.GssEntity == "E01" && b.Release == release).Select(b => b.Area).Order());
            Assert.Equal(listed, DeprivationOf(demo, vintage).Select(d => d.Lsoa).Order());
        }
    }

    [Fact]
    public void Lsoas_are_named_as_ons_names_them_and_wards_group_them_by_district()
    {
        var demo = Demo();
        var districtOf = ParentOf(demo, AreaType.Lsoa, AreaType.District);
        var wardOf = ParentOf(demo, AreaType.Lsoa, AreaType.Ward);
        var districtOfWard = ParentOf(demo, AreaType.Ward, AreaType.District);
        var names = AreasOf(demo, AreaType.Lsoa).ToDictionary(a => a.Code, a => a.Name);

        Assert.All(AreasOf(demo, AreaType.Lsoa), lsoa =>
        {
            var match = LsoaName().Match(lsoa.Name);
            Assert.True(match.Success, lsoa.Name);
            Assert.Equal(RealDistricts[districtOf[lsoa.Code].Value], match.Groups["district"].Value);
            Assert.Equal(districtOf[lsoa.Code], districtOfWard[wardOf[lsoa.Code]]);
        });
        Assert.Equal(735, names.Values.Distinct().Count());
        // A part keeps its parent's MSOA, and its ward.
        Assert.All(demo.LsoaLinks.Where(l => l.Change == LsoaChange.Split), l =>
        {
            Assert.Equal(names[l.Lsoa2011][..^1], names[l.Lsoa2021][..^1]);
            Assert.Equal(wardOf[l.Lsoa2011], wardOf[l.Lsoa2021]);
        });
        Assert.All(districtOfWard.GroupBy(w => w.Value), district => Assert.InRange(district.Count(), 10, 20));
        Assert.Equal(AreasOf(demo, AreaType.Ward).Count, AreasOf(demo, AreaType.Ward).Select(a => a.Name).Distinct().Count());
    }

    [Theory]
    [InlineData(DemoDataset.DefaultSeed)]
    [InlineData(OtherSeed)]
    public void Each_ward_is_a_contiguous_group_of_lsoas(int seed)
    {
        var demo = Demo(seed);
        var hexagons = demo.Boundaries.Where(b => b.Area.GssEntity == "E01" && b.Release == Census2011).ToDictionary(b => b.Area, b => b.Polygons[0].Rings[0].Take(6).ToHashSet());
        // Neighbouring cells of the tiling share an edge, that is two corners, exactly.
        bool Touch(AreaCode a, AreaCode b) => hexagons[a].Intersect(hexagons[b]).Count() >= 2;

        foreach (var ward in ParentOf(demo, AreaType.Lsoa, AreaType.Ward).Where(m => hexagons.ContainsKey(m.Key)).GroupBy(m => m.Value, m => m.Key))
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
    [InlineData(DemoDataset.DefaultSeed, IodVintage.Iod2019)]
    [InlineData(DemoDataset.DefaultSeed, IodVintage.Iod2025)]
    [InlineData(OtherSeed, IodVintage.Iod2019)]
    [InlineData(OtherSeed, IodVintage.Iod2025)]
    public void Imd_and_domain_ranks_are_distinct_national_ranks_with_their_deciles(int seed, IodVintage vintage)
    {
        var deprivation = DeprivationOf(Demo(seed), vintage);

        Assert.Equal(vintage == IodVintage.Iod2019 ? 705 : 720, deprivation.Count);
        foreach (var domain in DeprivationDomains.Seven.Prepend(DeprivationDomain.Imd))
        {
            var ranks = deprivation.Select(d => d.Rank(domain)!.Value).ToList();
            Assert.Equal(deprivation.Count, ranks.Distinct().Count());
            Assert.All(ranks, rank => Assert.InRange(rank, 1, vintage.LsoaCount()));
            Assert.All(deprivation, d => Assert.Equal(LsoaDeprivation.DecileOfRank(d.Rank(domain)!.Value, vintage), d.Decile(domain)));
        }
    }

    [Theory]
    [InlineData(DemoDataset.DefaultSeed)]
    [InlineData(OtherSeed)]
    public void Each_district_has_its_real_count_of_lsoas_per_decile_in_both_editions(int seed)
    {
        var demo = Demo(seed);
        var districtOf = ParentOf(demo, AreaType.Lsoa, AreaType.District);

        Dictionary<string, int[]> Deciles(IodVintage vintage) => DeprivationOf(demo, vintage)
            .GroupBy(d => RealDistricts[districtOf[d.Lsoa].Value])
            .ToDictionary(g => g.Key, g => Enumerable.Range(1, 10).Select(decile => g.Count(d => d.ImdDecile == decile)).ToArray());

        Assert.Equal(Facts.ToDictionary(f => f.Name, f => f.Iod2019Deciles), Deciles(IodVintage.Iod2019));
        Assert.Equal(Facts.ToDictionary(f => f.Name, f => f.Iod2025Deciles), Deciles(IodVintage.Iod2025));
    }

    [Theory]
    [InlineData(IodVintage.Iod2019, 92.735, 0.541)]
    [InlineData(IodVintage.Iod2025, 94.223, 0.165)]
    public void Scores_fall_as_the_rank_rises_within_the_real_range(IodVintage vintage, double highest, double lowest)
    {
        var deprivation = DeprivationOf(Demo(), vintage);

        Assert.All(deprivation, d => Assert.InRange(d.ImdScore!.Value, lowest, highest));
        foreach (var domain in DeprivationDomains.Seven.Prepend(DeprivationDomain.Imd))
        {
            var byRank = deprivation.OrderBy(d => d.Rank(domain)).ToList();
            Assert.All(byRank, d => Assert.NotNull(d.Score(domain)));
            Assert.All(byRank.Zip(byRank.Skip(1)), pair => Assert.True(
                pair.First.Score(domain) >= pair.Second.Score(domain),
                $"{domain} score rises between ranks {pair.First.Rank(domain)} and {pair.Second.Rank(domain)}"));
        }

        Assert.All(deprivation, d => Assert.InRange(d.IncomeScore!.Value, 0, 1));
    }

    [Theory]
    [InlineData(IodVintage.Iod2019)]
    [InlineData(IodVintage.Iod2025)]
    public void Domains_follow_the_imd_income_closely_and_barriers_loosely(IodVintage vintage)
    {
        var deprivation = DeprivationOf(Demo(), vintage);

        Assert.InRange(Correlation(deprivation, d => d.ImdRank!.Value, d => d.IncomeRank!.Value), 0.85, 1.0);
        Assert.InRange(Correlation(deprivation, d => d.ImdRank!.Value, d => d.BarriersRank!.Value), -0.1, 0.5);
    }

    [Theory]
    [InlineData(DemoDataset.DefaultSeed)]
    [InlineData(OtherSeed)]
    public void Deprivation_persists_between_the_editions(int seed)
    {
        var demo = Demo(seed);
        var before = DeprivationOf(demo, IodVintage.Iod2019).ToDictionary(d => d.Lsoa);
        var after = DeprivationOf(demo, IodVintage.Iod2025).ToDictionary(d => d.Lsoa);
        var unchanged = before.Keys.Where(after.ContainsKey).ToList();
        var parts = demo.LsoaLinks.Where(l => l.Change == LsoaChange.Split).ToList();

        // Real Mid and South Essex: of the 690 unchanged LSOAs, 52 % keep their decile and 92 % move at most one.
        Assert.InRange(unchanged.Count(l => before[l].ImdDecile == after[l].ImdDecile) / (double)unchanged.Count, 0.4, 0.65);
        Assert.InRange(unchanged.Count(l => Math.Abs(before[l].ImdDecile!.Value - after[l].ImdDecile!.Value) <= 1) / (double)unchanged.Count, 0.85, 1.0);
        Assert.InRange(Correlation([.. unchanged], l => before[l].IncomeRank!.Value, l => after[l].IncomeRank!.Value), 0.85, 1.0);
        Assert.InRange(Correlation([.. unchanged], l => before[l].BarriersRank!.Value, l => after[l].BarriersRank!.Value), 0.6, 1.0);
        Assert.InRange(parts.Count(l => Math.Abs(before[l.Lsoa2011].ImdDecile!.Value - after[l.Lsoa2021].ImdDecile!.Value) <= 2) / (double)parts.Count, 0.8, 1.0);
    }

    [Fact]
    public void Deprivation_columns_name_every_property_written()
    {
        var keys = new[] { nameof(LsoaDeprivation.Lsoa), nameof(LsoaDeprivation.Vintage) };
        var written = typeof(LsoaDeprivation).GetProperties().Where(p => p.CanWrite && !keys.Contains(p.Name)).ToList();

        Assert.Equal(written.Select(p => p.Name).Order(), Demo().DeprivationColumns.Order());
        Assert.Equal(24, Demo().DeprivationColumns.Count);
        Assert.All(Demo().Deprivation, d => Assert.All(written, p => Assert.NotNull(p.GetValue(d))));
    }

    [Fact]
    public void Every_practice_is_in_one_pcn_in_the_same_sub_icb_on_each_map()
    {
        var demo = Demo();
        foreach (var map in new[] { JanuaryMap, AugustMap })
        {
            var listed = Listed(demo, AreaType.Practice, map);
            var pcnOf = ParentOf(demo, AreaType.Practice, AreaType.Pcn, map);
            var subIcbOfPractice = ParentOf(demo, AreaType.Practice, AreaType.SubIcb, map);
            var subIcbOfPcn = ParentOf(demo, AreaType.Pcn, AreaType.SubIcb, map);

            Assert.Equal(listed.Order(), pcnOf.Keys.Order());
            Assert.All(listed, practice => Assert.Equal(subIcbOfPcn[pcnOf[practice]], subIcbOfPractice[practice]));
            Assert.Equal(Listed(demo, AreaType.Pcn, map).Order(), pcnOf.Values.Distinct().Order());
        }

        Assert.Equal(150, AreasOf(demo, AreaType.Practice).Select(a => a.Name).Distinct().Count());
    }

    [Fact]
    public void Two_practices_merge_into_a_neighbour_before_the_august_2026_map()
    {
        var demo = Demo();
        var january = Listed(demo, AreaType.Practice, JanuaryMap);
        var august = Listed(demo, AreaType.Practice, AugustMap);
        var gone = january.Except(august).ToList();
        var pcnOf = ParentOf(demo, AreaType.Practice, AreaType.Pcn, JanuaryMap);

        Assert.Equal(148, august.Count);
        Assert.Empty(august.Except(january));
        Assert.Equal(2, gone.Count);
        Assert.All(gone, practice => Assert.Equal(new Validity(null, new(2026, 7, 31)), demo.Areas.Single(a => a.Code == practice).Validity));
        Assert.All(gone, practice => Assert.Contains(august, p => pcnOf[p] == pcnOf[practice]));
        Assert.Equal(Listed(demo, AreaType.Pcn, JanuaryMap), Listed(demo, AreaType.Pcn, AugustMap));
    }

    [Fact]
    public void The_ics_description_adds_its_own_places_with_a_neighbourhood_per_pcn()
    {
        var demo = Demo();
        var graph = Timeline(demo, Ics).At(new DateOnly(2025, 6, 1), Census2021);
        var pcns = graph.OfType(AreaType.Pcn).ToList();

        Assert.DoesNotContain(demo.Areas, a => a.Type is AreaType.Ics or AreaType.Alliance or AreaType.Neighbourhood or AreaType.County);
        Assert.Equal(4, graph.OfType(AreaType.Alliance).Count());
        Assert.Single(graph.OfType(AreaType.County));
        Assert.Equal(27, pcns.Count);
        Assert.Equal(pcns.Select(p => IcsStructure.NeighbourhoodCodeFor(p.Code)).Order(), graph.OfType(AreaType.Neighbourhood).Select(n => n.Code).Order());
        Assert.All(pcns, pcn => Assert.Equal(
            graph.Children(pcn.Code).Where(c => c.Type == AreaType.Practice).Select(c => c.Code).Order(),
            graph.Children(IcsStructure.NeighbourhoodCodeFor(pcn.Code)).Select(c => c.Code).Order()));
        Assert.Equal(RealDistricts.Keys.Order(), graph.Within(Ics.Code, AreaType.District).Select(d => d.Code.Value).Order());
        Assert.Contains("not real", Assert.Single(demo.Notes), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void As_at_a_date_the_ics_has_the_lsoas_people_and_core20_of_that_census()
    {
        var timeline = Timeline(Demo(), Ics);
        var in2020 = timeline.At(new DateOnly(2020, 6, 1), PlaceTimeline.LsoaReleaseOn(new DateOnly(2020, 6, 1)));
        var in2026 = timeline.At(new DateOnly(2026, 6, 1), PlaceTimeline.LsoaReleaseOn(new DateOnly(2026, 6, 1)));

        var before = in2020.Summarise(in2020.Find(Ics.Code)!);
        var after = in2026.Summarise(in2026.Find(Ics.Code)!);

        Assert.Equal((705, 1_195_348L, 69), (before.Lsoas, before.Population, before.Core20Lsoas));
        Assert.Equal((720, 1_199_554L, 83), (after.Lsoas, after.Population, after.Core20Lsoas));
        Assert.Equal(new Validity(null, new(2026, 3, 31)), in2020.IcbOf(AreaCode.Parse("E38000106"))?.Validity);
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
        Assert.All(demo.ReleasedAreas, r => Assert.Equal(r.Type, areas[r.Area]));
        Assert.All(demo.ReleasedAreas, r => Assert.Contains(new GeographyRelease(r.Type, r.Release, GeographyRelease.England), demo.Releases));
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

        Assert.Equal(705 + 720 + AreasOf(demo, AreaType.Ward).Count, demo.Boundaries.Count);
        Assert.All(demo.Boundaries.SelectMany(b => b.Polygons).SelectMany(p => p.Rings), ring =>
        {
            Assert.True(ring.Count >= 4);
            Assert.Equal(ring[0], ring[^1]);
        });

        var hexagons = demo.Boundaries.Where(b => b.Area.GssEntity == "E01" && b.Release == Census2011).ToDictionary(b => b.Area, b => Assert.Single(Assert.Single(b.Polygons).Rings));
        Assert.All(hexagons.Values, ring => Assert.Equal(7, ring.Count));
        var centres = hexagons.Values.Select(ring => (Lon: Math.Round(ring.Take(6).Average(p => p.Lon), 5), Lat: Math.Round(ring.Take(6).Average(p => p.Lat), 5))).ToList();
        Assert.Equal(centres.Count, centres.Distinct().Count());
        // An unchanged LSOA has the same outline in the 2021 files.
        Assert.All(demo.Boundaries.Where(b => b.Release == Census2021 && hexagons.ContainsKey(b.Area)), b => Assert.Equal(hexagons[b.Area], b.Polygons[0].Rings[0]));

        var (minLon, minLat, maxLon, maxLat) = new AreaBoundary(AreaCode.Parse("E01900001"), default, demo.Boundaries.SelectMany(b => b.Polygons).ToList()).Bounds();
        Assert.InRange(maxLon - minLon, 0.1, 0.8);
        Assert.InRange(maxLat - minLat, 0.1, 0.8);
        Assert.InRange((minLat + maxLat) / 2, 51.5, 51.8);
        Assert.InRange((minLon + maxLon) / 2, 0.3, 0.8);
    }

    [Fact]
    public void The_essex_description_gets_its_fourteen_real_districts_and_their_icbs_before_and_after_april_2026()
    {
        var essex = IcsConfiguration.Load("essex");
        var demo = DemoDataset.Generate(essex);
        var before = ParentOf(demo, AreaType.SubIcb, AreaType.Icb, JanuaryMap);
        var after = ParentOf(demo, AreaType.SubIcb, AreaType.Icb, AugustMap);
        var census = demo.Populations.Where(p => p.Period == DemoDataset.CensusPeriod && p.AgeBand == AgeBand.All).ToDictionary(p => p.Area, p => p.Count);
        var timeline = Timeline(demo, essex);
        var practiceIn06T = ParentOf(demo, AreaType.Practice, AreaType.SubIcb, JanuaryMap).First(p => p.Value.Value == "E38000117").Key;

        Assert.Equal(14, AreasOf(demo, AreaType.District).Count);
        Assert.Equal(1_077, Listed(demo, AreaType.Lsoa, Census2011).Count);
        Assert.Equal(1_111, Listed(demo, AreaType.Lsoa, Census2021).Count);
        var perDistrict = PerDistrict(demo, Census2021, l => census[l]);
        Assert.Equal(
            new Dictionary<string, long> { ["Colchester"] = 192_712, ["Epping Forest"] = 134_987, ["Harlow"] = 93_345, ["Tendring"] = 148_285, ["Uttlesford"] = 91_341 },
            perDistrict.Where(d => !RealDistricts.ContainsValue(d.Key)).ToDictionary());
        Assert.Equal(1_860_224, perDistrict.Values.Sum());
        Assert.Equal(
            new Dictionary<string, string> { ["06Q"] = "QH8", ["99E"] = "QH8", ["99F"] = "QH8", ["99G"] = "QH8", ["07G"] = "QH8", ["06T"] = "QJG", ["07H"] = "QM7" },
            before.ToDictionary(b => demo.Areas.Single(a => a.Code == b.Key).AlternateCode!, b => b.Value.Value));
        Assert.All(after.Values, icb => Assert.Equal("D7T5G", icb.Value));
        Assert.Equal(7, after.Count);
        Assert.All(AreasOf(demo, AreaType.Icb).Where(a => a.Code.Value != "D7T5G"), icb => Assert.Equal(new Validity(null, new(2026, 3, 31)), icb.Validity));
        Assert.Equal(["QH8", "QJG", "QM7"], Listed(demo, AreaType.Icb, JanuaryMap).Select(c => c.Value).Order());
        Assert.Equal("QJG", timeline.At(new DateOnly(2025, 6, 1), Census2021).IcbOf(practiceIn06T)?.Code.Value);
        Assert.Equal("D7T5G", timeline.At(new DateOnly(2026, 6, 1), Census2021).IcbOf(practiceIn06T)?.Code.Value);
    }

    [Fact]
    public void Another_ics_gets_generic_districts_with_synthetic_sub_icbs()
    {
        var other = Ics with
        {
            Districts = [.. Ics.Districts.Take(2), new IcsDistrict(AreaCode.Parse("E07000095"), "Broxbourne", AreaCode.Parse("E10000015"), "Hertfordshire")],
            Alliances = [],
        };

        var demo = DemoDataset.Generate(other);

        Assert.Equal(110 + 87 + 80, Listed(demo, AreaType.Lsoa, Census2011).Count);
        Assert.Equal(112 + 88 + 82, Listed(demo, AreaType.Lsoa, Census2021).Count);
        Assert.Contains(demo.Areas, a => a.Type == AreaType.SubIcb && DemoDataset.IsSynthetic(a.Code));
        Assert.All(AreasOf(demo, AreaType.Lsoa), lsoa => Assert.Single(demo.Memberships, m => m.Child == lsoa.Code && m.ParentType == AreaType.SubIcb));
    }

    private static double Correlation<T>(List<T> rows, Func<T, int> x, Func<T, int> y)
    {
        var xs = rows.Select(r => (double)x(r)).ToList();
        var ys = rows.Select(r => (double)y(r)).ToList();
        var (mx, my) = (xs.Average(), ys.Average());
        var covariance = xs.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my));
        return covariance / Math.Sqrt(xs.Sum(v => (v - mx) * (v - mx)) * ys.Sum(v => (v - my) * (v - my)));
    }

    /// <summary>Twice the area of a closed ring by the shoelace formula: positive when it runs anticlockwise.</summary>
    private static double SignedArea(IReadOnlyList<(double Lon, double Lat)> ring) =>
        ring.Zip(ring.Skip(1)).Sum(e => (e.First.Lon * e.Second.Lat) - (e.Second.Lon * e.First.Lat));

    private sealed record DistrictFacts(string Name, long Lsoas2011, long Lsoas2021, long Mid2019, long Census2021, int[] Iod2019Deciles, int[] Iod2025Deciles);

    [GeneratedRegex(@"^(?<district>.+) \d{3}[A-Z]$")]
    private static partial Regex LsoaName();

    [GeneratedRegex(@"^E019\d{5}$")]
    private static partial Regex LsoaCode();

    [GeneratedRegex(@"^E0199\d{4}$")]
    private static partial Regex SplitPartCode();

    [GeneratedRegex(@"^E059\d{5}$")]
    private static partial Regex WardCode();

    [GeneratedRegex(@"^Y9\d{4}$")]
    private static partial Regex PracticeCode();

    [GeneratedRegex(@"^U9\d{4}$")]
    private static partial Regex PcnCode();
}
