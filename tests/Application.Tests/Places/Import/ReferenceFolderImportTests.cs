using Commonweal.Application.Places.Ics;
using Commonweal.Core.Places;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Places.Import;

/// <summary>The real official files, imported whole: the facts the mission names must come out exactly.</summary>
public abstract class ReferenceFolderImportTests(ReferenceFolderFixture fixture)
{
    private static readonly IcsDefinition Mse = IcsConfiguration.Default();

    [Fact]
    public void Every_file_in_the_folder_is_imported()
    {
        fixture.Require();
        Assert.All(fixture.Outcomes, o => Assert.True(o.Succeeded, o.Problem?.ToString()));
        Assert.Contains(fixture.Outcomes, o => o.Kind == "iod-imd" && o.Rows == 32_844);
        Assert.True(fixture.Outcomes.Count >= 11, $"only {fixture.Outcomes.Count} files imported");
    }

    [Fact]
    public async Task There_are_32844_English_LSOAs_each_with_an_IMD_rank_decile_and_score()
    {
        await using var db = fixture.Require().CreateContext();

        Assert.Equal(32_844, await db.Areas.CountAsync(a => a.Type == AreaType.Lsoa));
        Assert.Equal(32_844, await db.Deprivation.CountAsync(d => d.ImdRank != null && d.ImdDecile != null && d.ImdScore != null && d.LivingEnvironmentDecile != null));
    }

    [Fact]
    public async Task Tendring_018A_is_the_most_deprived_LSOA_in_England()
    {
        await using var db = fixture.Require().CreateContext();
        var jaywick = AreaCode.Parse("E01021988");

        var deprivation = await db.Deprivation.SingleAsync(d => d.Lsoa == jaywick);
        var area = await db.Areas.SingleAsync(a => a.Code == jaywick);

        Assert.Equal(1, deprivation.ImdRank);
        Assert.Equal(1, deprivation.ImdDecile);
        Assert.Equal(92.735, deprivation.ImdScore!.Value, 3);
        Assert.Equal("Tendring 018A", area.Name);
    }

    [Fact]
    public async Task Mid_and_South_Essex_has_705_LSOAs_of_which_69_are_Core20()
    {
        await using var db = fixture.Require().CreateContext();
        var districts = Mse.DistrictCodes.ToList();

        var lsoas = await db.AreaMemberships
            .Where(m => m.ChildType == AreaType.Lsoa && m.ParentType == AreaType.District && districts.Contains(m.Parent))
            .Select(m => m.Child).Distinct().ToListAsync();
        var core20 = await db.Deprivation.Where(d => lsoas.Contains(d.Lsoa) && d.ImdDecile <= 2).CountAsync();

        Assert.Equal(705, lsoas.Count);
        Assert.Equal(69, core20);
    }

    [Fact]
    public async Task The_mid_2019_population_of_Mid_and_South_Essex_is_1195348()
    {
        await using var db = fixture.Require().CreateContext();
        var districts = Mse.DistrictCodes.ToList();
        var lsoas = db.AreaMemberships
            .Where(m => m.ChildType == AreaType.Lsoa && m.ParentType == AreaType.District && districts.Contains(m.Parent))
            .Select(m => m.Child);

        var total = await db.Populations
            .Where(p => p.Kind == PopulationKind.Resident && p.Period == new DateOnly(2019, 6, 30) && p.AgeBand == AgeBand.All && lsoas.Contains(p.Area))
            .SumAsync(p => p.Count);

        Assert.Equal(1_195_348, total);
    }

    [Fact]
    public async Task The_practice_map_puts_150_Mid_and_South_Essex_practices_in_27_PCNs()
    {
        await using var db = fixture.Require().CreateContext();
        var icb = Mse.IcbCode;
        var subIcbs = db.AreaMemberships.Where(m => m.ParentType == AreaType.Icb && m.Parent == icb && m.ChildType == AreaType.SubIcb).Select(m => m.Child);

        var practices = await db.AreaMemberships
            .Where(m => m.ChildType == AreaType.Practice && m.ParentType == AreaType.SubIcb && subIcbs.Contains(m.Parent))
            .Select(m => m.Child).Distinct().ToListAsync();
        var pcns = await db.AreaMemberships
            .Where(m => m.ParentType == AreaType.Pcn && practices.Contains(m.Child))
            .Select(m => m.Parent).Distinct().CountAsync();

        Assert.Equal(150, practices.Count);
        Assert.Equal(27, pcns);
    }

    [Fact]
    public async Task The_ICS_structure_groups_the_nine_districts_into_four_alliances()
    {
        await using var db = fixture.Require().CreateContext();

        var alliances = await db.AreaMemberships
            .Where(m => m.ChildType == AreaType.District && m.ParentType == AreaType.Alliance)
            .GroupBy(m => m.Parent).Select(g => new { Alliance = g.Key, Districts = g.Count() })
            .ToListAsync();

        Assert.Equal(4, alliances.Count);
        Assert.Equal(9, alliances.Sum(a => a.Districts));
        Assert.Equal(3, alliances.Single(a => a.Alliance == AreaCode.Parse("alliance-mid-essex")).Districts);
    }

    [Fact]
    public async Task Importing_a_file_again_changes_nothing()
    {
        var database = fixture.Require();
        string before;
        await using (var db = database.CreateContext())
        {
            before = await StoreFingerprint.TakeAsync(db);
        }

        var outcome = await Importing.FileAsync(database, "iod-imd", ReferenceData.File("deprivation/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv"));

        Assert.True(outcome.Succeeded, outcome.Problem?.ToString());
        Assert.Equal(32_844, outcome.Rows);
        Assert.Equal(0, outcome.ChangedRows);
        await using var after = database.CreateContext();
        var fingerprint = await StoreFingerprint.TakeAsync(after);
        Assert.Equal(before.Split(" imports=")[0], fingerprint.Split(" imports=")[0]);
    }
}

[Collection("reference-sqlite")]
public sealed class SqliteReferenceFolderImportTests(SqliteReferenceFolder fixture)
    : ReferenceFolderImportTests(fixture), IClassFixture<SqliteReferenceFolder>;

[Collection("reference-postgres")]
public sealed class PostgresReferenceFolderImportTests(PostgresReferenceFolder fixture)
    : ReferenceFolderImportTests(fixture), IClassFixture<PostgresReferenceFolder>;
