using Commonweal.Application.Places;
using Commonweal.Application.Targeting;
using Commonweal.Core.Targeting;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Targeting;

/// <summary>
/// A pseudonymised extract imported in place of the synthetic population, on SQLite and PostgreSQL: its people, households,
/// characteristics and deficits are what the file says, lists show its own identifiers, and a file with any problem is
/// refused with its line and field, the stored population unchanged.
/// </summary>
public abstract class ExtractImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Header = "person_id,household_id,lsoa_code,age,sex,practice_code,smoker,diabetes,pregnant,efi_deficits";

    private TestDatabase database = null!;
    private ApplicationScope app = null!;
    private string folder = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        app = new ApplicationScope(database);
        Assert.Equal(DemoSeeding.Result.Seeded, await app.Get<DemoSeeding>().SeedAsync("test", cancellationToken: TestContext.Current.CancellationToken));
        folder = Directory.CreateTempSubdirectory("extract-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    [Fact]
    public async Task An_extract_becomes_the_population_with_its_own_identifiers_and_the_import_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Write("extract.csv", Header,
            "p-002,h-01,E01900001,36,male,Y90001,1,,,",
            "p-001,h-01,E01900001,34,F,Y90001,yes,0,1,",
            "p-003,h-01,E01900001,4,2,Y90001,0,0,0,",
            "p-004,h-02,E01900002,82,female,,0,1,0,FALL;MEMCOG;HYPT;DIAB;IHD",
            "p-005,h-03,E01900002,103,m,Y90001,false,no,n,");
        var imported = await app.Get<ExtractImport>().ImportAsync(path, "tester", ct);

        Assert.Null(imported.Refusal);
        Assert.Equal(5, imported.Value!.People);
        Assert.Equal(2, imported.Value.Lsoas);
        Assert.Equal(3, imported.Value.Stored.Households);
        Assert.Equal(PopulationSource.Extract, imported.Value.Stored.Source);
        var loaded = (await app.Get<PopulationStore>().LoadAsync(ct))!;
        var people = loaded.People;
        Assert.Equal(["p-001", "p-002", "p-003", "p-004", "p-005"], people.PersonIds!);
        Assert.Equal(["h-01", "h-01", "h-01", "h-02", "h-03"], people.HouseholdIds!);
        Assert.Equal([34, 36, 4, 82, 100], people.Ages.Select(a => (int)a)); // ages over 100 are held as 100
        Assert.True(people.Traits[0].Has(Trait.Smoker) && people.Traits[0].Has(Trait.Pregnant) && !people.Traits[0].Has(Trait.Diabetes));
        Assert.Equal(5, Efi.Count(people.Deficits[3]));
        Assert.Equal(-1, people.Practices[3]);

        var caseload = new Caseload(people, RiskStratification.Run(people, RiskModel.Default));
        Assert.Equal("p-004", caseload.PersonId(3));
        Assert.Equal("h-01", caseload.HouseholdId(caseload.HouseholdOf[1]));
        var listed = await app.Get<PersonCohorts>().ListAsync("age >= 65", new Viewer("analyst", ["Analyst"]), "export", ct);
        Assert.Equal(["p-004", "p-005"], listed.Value!.Select(p => p.PersonId));
        await using var db = database.CreateContext();
        Assert.True(await db.Audit.AnyAsync(a => a.Actor == "tester" && a.Action == "population.import", ct));
    }

    [Theory]
    [InlineData("p-1,h-1,E01900001,40,male,Y90001,1,0,0,\np-1,h-2,E01900001,41,male,Y90001,0,0,0,", "bad.csv:3:1: field 'person_id': the person_id 'p-1' is on an earlier line")]
    [InlineData("p-1,h-1,E01999999,40,male,Y90001,1,0,0,", "bad.csv:2:3: field 'lsoa_code': 'E01999999' is not a 2021 LSOA")]
    [InlineData("p-1,h-1,E01900001,40,male,Y90001,1,0,0,\np-2,h-1,E01900002,41,male,Y90001,0,0,0,", "household 'h-1' is in E01900001 on an earlier line")]
    [InlineData("p-1,h-1,E01900001,forty,male,Y90001,1,0,0,", "bad.csv:2:4: field 'age'")]
    [InlineData("p-1,h-1,E01900001,40,x,Y90001,1,0,0,", "'x' is not a sex")]
    [InlineData("p-1,h-1,E01900001,40,male,12345,1,0,0,", "'12345' is not an ODS practice code")]
    [InlineData("p-1,h-1,E01900001,40,male,Y90001,maybe,0,0,", "'maybe' is not yes or no for smoker")]
    [InlineData("p-1,h-1,E01900001,80,male,Y90001,0,0,0,FALL;NOPE", "'NOPE' is not an eFI deficit code")]
    [InlineData("4010232137,h-1,E01900001,40,male,Y90001,0,0,0,", "pass the NHS number check digit")]
    [InlineData("NHS-943-476-5919,h-1,E01900001,40,male,Y90001,0,0,0,", "pass the NHS number check digit")]
    [InlineData("-A1,h-1,E01900001,40,male,Y90001,0,0,0,", "starting with a letter or digit")]
    [InlineData("Jane Smith,h-1,E01900001,40,male,Y90001,0,0,0,", "is not a pseudonymised identifier")]
    public async Task A_bad_row_refuses_the_whole_extract_with_its_line_and_field_and_the_store_keeps_its_population(string rows, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        var good = await app.Get<ExtractImport>().ImportAsync(Write("good.csv", Header, "p-9,h-9,E01900003,50,female,Y90001,1,0,0,"), "tester", ct);
        var before = await app.Get<PopulationStore>().HashAsync(ct);

        var refused = await app.Get<ExtractImport>().ImportAsync(Write("bad.csv", [Header, .. rows.Split('\n')]), "tester", ct);

        Assert.Null(good.Refusal);
        Assert.NotNull(refused.Refusal);
        Assert.Contains(message, refused.Refusal.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await app.Get<PopulationStore>().HashAsync(ct));
    }

    [Fact]
    public async Task An_extract_without_a_required_column_or_without_people_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var missing = await app.Get<ExtractImport>().ImportAsync(Write("missing.csv", "person_id,household_id,lsoa_code,age,sex", "p-1,h-1,E01900001,3,m"), "tester", ct);
        var empty = await app.Get<ExtractImport>().ImportAsync(Write("empty.csv", Header), "tester", ct);
        Assert.Contains("the required column 'practice_code' is missing", missing.Refusal!.Detail, StringComparison.Ordinal);
        Assert.Contains("the extract has a header but no people", empty.Refusal!.Detail, StringComparison.Ordinal);
        Assert.Null(await app.Get<PopulationStore>().DescribeAsync(ct));
    }
}

public sealed class SqliteExtractImportTests() : ExtractImportTests(DatabaseProvider.Sqlite);

public sealed class PostgresExtractImportTests() : ExtractImportTests(DatabaseProvider.Postgres);
