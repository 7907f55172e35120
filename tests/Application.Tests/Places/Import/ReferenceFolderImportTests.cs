using Commonweal.Application.Places;
using Commonweal.Application.Places.Ics;
using Commonweal.Core.Places;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Places.Import;

/// <summary>The real official files, imported whole: the facts the mission names must come out exactly, as at their dates.</summary>
public abstract class ReferenceFolderImportTests(ReferenceFolderFixture fixture)
{
    private static readonly IcsDefinition Mse = IcsConfiguration.Default();
    private static readonly AreaCode Jaywick = AreaCode.Parse("E01021988");
    private static readonly DateOnly Mid2025 = new(2025, 6, 1);
    private static readonly DateOnly Mid2026 = new(2026, 6, 1);

    [Fact]
    public void Every_official_file_in_the_folder_is_recognised_by_its_content_and_imported()
    {
        fixture.Require();
        var result = fixture.Result!;
        Assert.All(result.Outcomes, o => Assert.True(o.Succeeded, o.Problem?.ToString()));
        var kinds = result.Files.Where(f => f.Reader is not null).Select(f => f.Reader!.Kind).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "iod-imd", "iod-domains", "iod-population", "iod-scores", "iod2025-imd", "iod2025-humaniverse", "ons-lsoa-ward-lad", "ons-lsoa-ccg-lad",
                "ons-ccg-stp", "ons-lsoa11-lsoa21", "ons-lsoa11-lsoa21-best-fit", "ons-lsoa-icb", "ons-population-mid2019", "census2021-age",
                "nhs-practice-map", "nhs-list-sizes", "nhs-registered-ages", "boundaries-lsoa", "boundaries-lsoa21", "boundaries-msoa", "boundaries-ward", "boundaries-lad",
            },
            kinds);
        Assert.Contains(result.Outcomes, o => o.Kind == "iod-imd" && o.Rows == 32_844);
        Assert.Equal(2, result.Outcomes.Count(o => o.Kind == "iod2025-imd" && o.Rows == 33_755)); // the workbook and its CSV export
        Assert.Equal(4, result.Outcomes.Count(o => o.Kind == "nhs-practice-map"));
    }

    [Fact]
    public void Files_that_are_not_official_place_files_are_listed_with_the_reason_they_were_skipped()
    {
        fixture.Require();
        var skipped = fixture.Result!.Files.Where(f => f.Reader is null).ToDictionary(f => f.RelativePath.Replace('\\', '/'), f => f.Skipped!);

        Assert.StartsWith("an indicator file", skipped["indicators/fingertips_91547_smoking_prevalence_qof.csv"], StringComparison.Ordinal);
        Assert.StartsWith("part of a shapefile", skipped["geography/boundaries/lad/source/LAD_DEC_2023_UK_BUC.shp"], StringComparison.Ordinal);
        Assert.StartsWith("the same content as primary-care/2026-08/gp-reg-pat-prac-map", skipped.Single(s => s.Key.EndsWith("2026-08/gp-reg-pat-prac-map.zip", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
        Assert.Contains("README.md", skipped.Keys);
    }

    [Fact]
    public async Task IoD2019_ranks_32844_LSOAs_of_2011_with_Tendring_018A_first()
    {
        await using var db = fixture.Require().CreateContext();

        Assert.Equal(32_844, await db.Deprivation.CountAsync(d => d.Vintage == IodVintage.Iod2019 && d.ImdRank != null && d.ImdDecile != null && d.ImdScore != null && d.LivingEnvironmentDecile != null));
        var jaywick = await db.Deprivation.SingleAsync(d => d.Lsoa == Jaywick && d.Vintage == IodVintage.Iod2019);
        Assert.Equal((1, 1), (jaywick.ImdRank, jaywick.ImdDecile));
        Assert.Equal(92.735, jaywick.ImdScore!.Value, 3);
        Assert.Equal(0.569, jaywick.IncomeScore!.Value, 3);
        Assert.Equal("Tendring 018A", (await db.Areas.SingleAsync(a => a.Code == Jaywick)).Name);
    }

    [Fact]
    public async Task IoD2025_ranks_33755_LSOAs_of_2021_with_Tendring_018A_still_first()
    {
        await using var db = fixture.Require().CreateContext();

        Assert.Equal(33_755, await db.Deprivation.CountAsync(d => d.Vintage == IodVintage.Iod2025 && d.ImdRank != null && d.ImdScore != null && d.HealthScore != null && d.CrimeDecile != null));
        var jaywick = await db.Deprivation.SingleAsync(d => d.Lsoa == Jaywick && d.Vintage == IodVintage.Iod2025);
        Assert.Equal((1, 1), (jaywick.ImdRank, jaywick.ImdDecile));
        Assert.Equal(94.223, jaywick.ImdScore!.Value, 3);
        Assert.Equal(0.75, jaywick.IncomeScore!.Value, 3);
        Assert.Equal(0.622, jaywick.EmploymentScore!.Value, 3);
        Assert.Equal(3_375, await db.Deprivation.CountAsync(d => d.Vintage == IodVintage.Iod2025 && d.ImdDecile == 1));
    }

    [Theory]
    [InlineData("E07000066", 110, 26, 112, 27)]
    [InlineData("E07000067", 87, 2, 88, 4)]
    [InlineData("E07000068", 46, 0, 48, 0)]
    [InlineData("E07000069", 57, 5, 57, 6)]
    [InlineData("E07000070", 107, 1, 113, 5)]
    [InlineData("E07000074", 40, 0, 41, 0)]
    [InlineData("E07000075", 53, 1, 53, 2)]
    [InlineData("E06000033", 107, 23, 108, 25)]
    [InlineData("E06000034", 98, 11, 100, 14)]
    public async Task Each_district_has_its_LSOAs_and_Core20_in_each_edition(string district, int lsoas2011, int core2019, int lsoas2021, int core2025)
    {
        await using var app = new ApplicationScope(fixture.Require());
        var queries = app.Get<DeprivationQueries>();

        var iod2019 = (await queries.ListAsync(IodVintage.Iod2019, AreaCode.Parse(district), Mid2026)).Value!;
        var iod2025 = (await queries.ListAsync(IodVintage.Iod2025, AreaCode.Parse(district), Mid2026)).Value!;

        Assert.Equal((lsoas2011, core2019), (iod2019.Rows.Count, iod2019.Rows.Count(r => r.Deprivation?.ImdDecile <= 2)));
        Assert.Equal((lsoas2021, core2025), (iod2025.Rows.Count, iod2025.Rows.Count(r => r.Deprivation?.ImdDecile <= 2)));
        Assert.All(iod2025.Rows, r => Assert.Equal(district, r.District?.Code.Value));
    }

    [Fact]
    public async Task Mid_and_South_Essex_has_705_LSOAs_69_Core20_in_IoD2019_and_720_83_in_IoD2025_as_at_any_date()
    {
        await using var app = new ApplicationScope(fixture.Require());
        var queries = app.Get<DeprivationQueries>();

        foreach (var date in new DateOnly?[] { Mid2025, Mid2026, null })
        {
            var iod2019 = (await queries.ListAsync(IodVintage.Iod2019, null, date)).Value!;
            var iod2025 = (await queries.ListAsync(IodVintage.Iod2025, null, date)).Value!;
            Assert.Equal((705, 69), (iod2019.Rows.Count, iod2019.Rows.Count(r => r.Deprivation!.IsCore20)));
            Assert.Equal((720, 83), (iod2025.Rows.Count, iod2025.Rows.Count(r => r.Deprivation!.IsCore20)));
        }
    }

    [Fact]
    public async Task The_default_edition_is_the_latest_loaded_unless_the_setting_chooses_another()
    {
        var database = fixture.Require();
        await using (var app = new ApplicationScope(database))
        {
            Assert.Equal(IodVintage.Iod2025, await app.Get<PlaceQueries>().DefaultVintageAsync());
            Assert.Equal(720, (await app.Get<DeprivationQueries>().ListAsync(null, null, null)).Value!.Rows.Count);
            await app.Get<DeprivationSetting>().SetAsync(IodVintage.Iod2019, "test");
        }

        try
        {
            await using var app = new ApplicationScope(database);
            Assert.Equal(IodVintage.Iod2019, await app.Get<PlaceQueries>().DefaultVintageAsync());
            var overview = await app.Get<PlaceQueries>().OverviewAsync();
            Assert.Equal((705, 69, "IoD2019", "LSOA 2011"), (overview.System.Lsoas, overview.System.Core20Lsoas, overview.Used.Deprivation, overview.Used.Lsoas));
            Assert.Equal(1_195_348, overview.System.Population);
        }
        finally
        {
            await using var app = new ApplicationScope(database);
            await app.Get<DeprivationSetting>().SetAsync(null, "test");
        }
    }

    [Fact]
    public async Task The_ICS_is_counted_on_one_vintage_at_a_time_mid_2019_on_2011_LSOAs_and_Census_2021_on_2021_LSOAs()
    {
        await using var app = new ApplicationScope(fixture.Require());
        var places = app.Get<PlaceQueries>();

        var on2011 = await places.OverviewAsync(new ViewRequest(Mid2026, IodVintage.Iod2019));
        var on2021 = await places.OverviewAsync(new ViewRequest(Mid2026, IodVintage.Iod2025));

        Assert.Equal(1_195_348, on2011.System.Population);
        Assert.Equal(new DateOnly(2019, 6, 30), on2011.Used.ResidentsPeriod);
        Assert.Equal(1_199_554, on2021.System.Population);
        Assert.Equal(new DateOnly(2021, 3, 21), on2021.Used.ResidentsPeriod);
        Assert.Equal(720, on2021.System.LsoasWithPopulation);
        Assert.Equal(181_521, on2021.Districts.Single(d => d.Area.Code.Value == "E07000070").Population);
    }

    [Fact]
    public async Task The_Census_2021_age_bands_of_the_ICS_add_up_to_the_files_1199554()
    {
        await using var app = new ApplicationScope(fixture.Require());
        var graph = await app.Get<PlaceQueries>().GraphAsync(new ViewRequest(Mid2026, IodVintage.Iod2025));
        var lsoas = graph.LsoasIn(Mse.Code).ToList();
        await using var db = fixture.Database!.CreateContext();

        var bands = await db.Populations
            .Where(p => p.Kind == PopulationKind.Resident && p.Period == new DateOnly(2021, 3, 21) && p.Sex == Sex.Persons && p.AgeBand != AgeBand.All && lsoas.Contains(p.Area))
            .GroupBy(p => p.AgeBand).Select(g => new { Band = g.Key, Count = g.Sum(p => p.Count) }).ToListAsync();

        Assert.Equal(720, lsoas.Count);
        Assert.Equal(6, bands.Count);
        Assert.Equal(1_199_554, bands.Sum(b => b.Count));
    }

    [Fact]
    public async Task A_split_2011_LSOA_ends_the_day_before_Census_day_2021_and_each_of_its_parts_begins_on_it()
    {
        await using var db = fixture.Require().CreateContext();
        var districts = Mse.DistrictCodes.ToList();
        var links = await db.LsoaLinks.Where(l => l.Change != null).ToListAsync();
        var split = links.Where(l => l.Change == LsoaChange.Split).GroupBy(l => l.Lsoa2011).First();

        var old = await db.Areas.SingleAsync(a => a.Code == split.Key);
        var parts = await db.Areas.Where(a => split.Select(l => l.Lsoa2021).Contains(a.Code)).ToListAsync();
        Assert.Equal(new Validity(null, new DateOnly(2021, 3, 20)), old.Validity);
        Assert.All(parts, p => Assert.Equal(new Validity(new DateOnly(2021, 3, 21), null), p.Validity));
        Assert.True(parts.Count >= 2);
        Assert.Equal(Validity.Always, (await db.Areas.SingleAsync(a => a.Code == Jaywick)).Validity);
        Assert.All(Enum.GetValues<LsoaChange>(), change => Assert.Contains(links, l => l.Change == change));
        Assert.Equal(32_844, links.Select(l => l.Lsoa2011).Distinct().Count());
        Assert.Equal(33_755, links.Select(l => l.Lsoa2021).Distinct().Count());
        Assert.Equal(32_844, await db.LsoaLinks.CountAsync(l => l.BestFit));
    }

    [Fact]
    public async Task Merged_and_redrawn_LSOAs_end_and_begin_on_Census_day_2021_and_carry_their_figures_across()
    {
        await using var app = new ApplicationScope(fixture.Require());
        var timeline = await app.Get<PlaceQueries>().TimelineAsync();
        Area Lsoa(string code) => timeline.Find(AreaCode.Parse(code))!;

        // Merged (M): Hartlepool 005A and 005D became Hartlepool 015C.
        Assert.Equal(new DateOnly(2021, 3, 20), Lsoa("E01011973").ValidTo);
        Assert.Equal(new DateOnly(2021, 3, 20), Lsoa("E01011976").ValidTo);
        Assert.Equal(new DateOnly(2021, 3, 21), Lsoa("E01035188").ValidFrom);
        // Redrawn (X): Gateshead 024C went partly to Northumberland 043F, across a district boundary.
        Assert.Equal(new DateOnly(2021, 3, 20), Lsoa("E01008187").ValidTo);
        var graph2021 = timeline.At(new DateOnly(2026, 6, 1), new DateOnly(2021, 3, 21));
        var graph2011 = timeline.At(new DateOnly(2026, 6, 1), new DateOnly(2011, 3, 27));
        Assert.Equal("E06000057", graph2021.Parents(AreaCode.Parse("E01035637")).Single(p => p.Type == AreaType.District).Code.Value);
        Assert.Equal("E08000037", graph2011.Parents(AreaCode.Parse("E01008187")).Single(p => p.Type == AreaType.District).Code.Value);

        var counts = new Dictionary<AreaCode, double> { [AreaCode.Parse("E01011973")] = 3, [AreaCode.Parse("E01011976")] = 4 };
        var merged = Assert.Single(LsoaCrosswalk.Carry(counts, timeline.LsoaLinks, [AreaCode.Parse("E01035188")], to2021: true, CrosswalkMethod.Exact, FigureKind.Count, _ => null));
        Assert.Equal((7.0, "merged, added up: E01011973 + E01011976"), (merged.Value!.Value, merged.Method));
    }

    [Fact]
    public async Task Mid_and_South_Essex_LSOAs_change_690_unchanged_and_15_split_into_30()
    {
        await using var app = new ApplicationScope(fixture.Require());
        var graph = await app.Get<PlaceQueries>().GraphAsync(new ViewRequest(Mid2026, IodVintage.Iod2025));
        var lsoas = graph.LsoasIn(Mse.Code).ToHashSet();

        var links = graph.Timeline.LsoaLinks.Where(l => l.Change is not null && lsoas.Contains(l.Lsoa2021)).ToList();

        Assert.Equal(690, links.Count(l => l.Change == LsoaChange.Unchanged));
        Assert.Equal(30, links.Count(l => l.Change == LsoaChange.Split));
        Assert.Equal(15, links.Where(l => l.Change == LsoaChange.Split).Select(l => l.Lsoa2011).Distinct().Count());
    }

    [Theory]
    [InlineData("2025-06-01", "QH8")]
    [InlineData("2026-03-31", "QH8")]
    [InlineData("2026-04-01", "D7T5G")]
    [InlineData("2026-06-01", "D7T5G")]
    public async Task An_MSE_practice_is_in_the_ICB_of_the_date(string date, string icb)
    {
        await using var app = new ApplicationScope(fixture.Require());
        var graph = await app.Get<PlaceQueries>().InForceAsync(DateOnly.Parse(date));

        Assert.Equal(icb, graph.IcbOf(AreaCode.Parse("F81001"))?.Code.Value);
        Assert.Equal(icb, graph.IcbOf(Mse.Code)?.Code.Value);
    }

    [Fact]
    public async Task QH8_ends_on_31_March_2026_and_NHS_Essex_ICB_begins_on_1_April_2026_with_seven_sub_ICB_locations()
    {
        await using var db = fixture.Require().CreateContext();
        var qh8 = await db.Areas.SingleAsync(a => a.Code == AreaCode.Parse("QH8"));
        var essex = await db.Areas.SingleAsync(a => a.Code == AreaCode.Parse("D7T5G"));
        await using var app = new ApplicationScope(fixture.Database!);
        var graph = await app.Get<PlaceQueries>().InForceAsync(Mid2026);

        Assert.Equal(new DateOnly(2026, 3, 31), qh8.ValidTo);
        Assert.Equal((new DateOnly(2026, 4, 1), (DateOnly?)null, "E54000066", "NHS Essex Integrated Care Board"), (essex.ValidFrom, essex.ValidTo, essex.AlternateCode, essex.Name));
        Assert.Equal(["06Q", "06T", "07G", "07H", "99E", "99F", "99G"], graph.Children(essex.Code).Where(c => c.Type == AreaType.SubIcb).Select(c => c.AlternateCode!).Order());
        Assert.Equal(205, graph.Within(essex.Code, AreaType.Practice).Count);
        Assert.Equal(36, graph.OfType(AreaType.Icb).Count());
        Assert.Equal(42, (await app.Get<PlaceQueries>().InForceAsync(Mid2025)).OfType(AreaType.Icb).Count());
    }

    [Theory]
    [InlineData("2025-06-01", 144, 27)]
    [InlineData("2025-10-01", 144, 27)]
    [InlineData("2026-06-01", 144, 27)]
    public async Task The_practices_and_PCNs_of_Mid_and_South_Essex_are_those_of_the_latest_map(string date, int practices, int pcns)
    {
        await using var app = new ApplicationScope(fixture.Require());
        var graph = await app.Get<PlaceQueries>().InForceAsync(DateOnly.Parse(date));

        Assert.Equal(practices, graph.Within(Mse.Code, AreaType.Practice).Count);
        Assert.Equal(pcns, graph.Within(Mse.Code, AreaType.Pcn).Count);
    }

    [Fact]
    public async Task Registered_patients_come_from_the_list_of_the_date_and_the_regions_file()
    {
        await using var app = new ApplicationScope(fixture.Require());
        var places = app.Get<PlaceQueries>();

        var april2025 = await places.InForceAsync(new DateOnly(2025, 6, 1));
        var august2026 = await places.InForceAsync(new DateOnly(2026, 9, 1));

        Assert.Equal((13_546L, new DateOnly(2026, 4, 1)), (await places.InForceAsync(Mid2026)).Registered(AreaCode.Parse("F81001")));
        Assert.Equal(new DateOnly(2025, 4, 1), april2025.Registered(AreaCode.Parse("F81001"))!.Value.Period);
        Assert.Equal(2_010_486, august2026.Registered(AreaCode.Parse("D7T5G"))!.Value.Count);
    }

    [Fact]
    public async Task The_ICS_structure_groups_the_nine_districts_into_four_alliances()
    {
        await using var app = new ApplicationScope(fixture.Require());
        var graph = await app.Get<PlaceQueries>().InForceAsync(Mid2026);

        var alliances = graph.Children(Mse.Code).Where(c => c.Type == AreaType.Alliance).ToList();

        Assert.Equal(4, alliances.Count);
        Assert.Equal(9, alliances.Sum(a => graph.Children(a.Code).Count(c => c.Type == AreaType.District)));
        Assert.Equal(3, graph.Children(AreaCode.Parse("alliance-mid-essex")).Count(c => c.Type == AreaType.District));
        // The publisher's map has 28 PCN codes for these practices, one of them U ("Unallocated": practices in no PCN).
        Assert.Equal(27, graph.Children(Mse.Code).Count(c => c.Type == AreaType.Neighbourhood));
    }

    [Fact]
    public async Task NHS_Essex_as_the_ICS_holds_14_districts_and_1111_LSOAs_from_1_April_2026_and_nothing_before()
    {
        await using var app = new ApplicationScope(fixture.Require(), ics: "essex");
        var queries = app.Get<DeprivationQueries>();

        var after = (await queries.ListAsync(IodVintage.Iod2025, null, Mid2026)).Value!;
        var before = await queries.ListAsync(IodVintage.Iod2025, null, new DateOnly(2026, 3, 31));

        Assert.Equal(1_111, after.Rows.Count);
        Assert.Equal(14, after.Rows.Select(r => r.District!.Code).Distinct().Count());
        Assert.Contains("did not exist on 2026-03-31", before.Refusal!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_folder_again_changes_nothing()
    {
        var database = fixture.Require();
        string before;
        await using (var db = database.CreateContext())
        {
            before = await StoreFingerprint.TakeAsync(db);
        }

        await using var again = database.CreateContext();
        var result = await Importing.For(again).ImportFolderAsync(ReferenceData.RequireFolder(), "test");

        Assert.True(result.Succeeded);
        Assert.All(result.Outcomes, o => Assert.True(o.ChangedRows == 0, $"{o.FileName}: {o.ChangedRows} rows changed"));
        await using var after = database.CreateContext();
        Assert.Equal(before.Split(" imports=")[0], (await StoreFingerprint.TakeAsync(after)).Split(" imports=")[0]);
    }
}

[Collection("reference-sqlite")]
public sealed class SqliteReferenceFolderImportTests(SqliteReferenceFolder fixture)
    : ReferenceFolderImportTests(fixture), IClassFixture<SqliteReferenceFolder>
{
    /// <summary>Files are recognised by their content: renamed and all in one folder, they import to the very same store.</summary>
    [Fact]
    public async Task The_folder_renamed_and_flattened_imports_the_same_as_the_reference_layout()
    {
        var reference = fixture.Require();
        var source = ReferenceData.RequireFolder();
        var flat = Directory.CreateTempSubdirectory("commonweal-flat-").FullName;
        try
        {
            var n = 0;
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                File.Copy(file, Path.Combine(flat, $"download ({n++}){Path.GetExtension(file)}"));

            await using var database = await TestDatabase.CreateAsync(Commonweal.Persistence.DatabaseProvider.Sqlite);
            await using var db = database.CreateContext();
            var result = await Importing.For(db).ImportFolderAsync(flat, "test");

            Assert.True(result.Succeeded, result.Outcomes[^1].Problem?.ToString());
            Assert.Equal(fixture.Result!.Outcomes.Select(o => (o.Kind, o.Rows)).Order(), result.Outcomes.Select(o => (o.Kind, o.Rows)).Order());
            await using var expected = reference.CreateContext();
            Assert.Equal((await StoreFingerprint.TakeAsync(expected)).Split(" imports=")[0], (await StoreFingerprint.TakeAsync(db)).Split(" imports=")[0]);
        }
        finally
        {
            Directory.Delete(flat, recursive: true);
        }
    }
}

[Collection("reference-postgres")]
public sealed class PostgresReferenceFolderImportTests(PostgresReferenceFolder fixture)
    : ReferenceFolderImportTests(fixture), IClassFixture<PostgresReferenceFolder>;
