using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Cli.Tests;

/// <summary>The reference folder and its indicators imported into SQLite, and a population generated from seed 42 on them.</summary>
public sealed class PopulationStore : IAsyncLifetime
{
    private readonly ReferenceStore reference = new();

    public string? Unavailable { get; private set; }

    public string GeneratedOutput { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        await reference.InitializeAsync();
        if (reference.Unavailable is { } why)
        {
            Unavailable = why;
            return;
        }

        var indicators = await reference.RunAsync(string.Empty, "indicators", "import", Path.Combine(ReferenceData.Folder!, "indicators"));
        if (indicators.Exit != 0) Unavailable = "the reference indicators did not import: " + indicators.Err;
        var generated = await reference.RunAsync(string.Empty, "population", "generate", "--seed", "42");
        if (generated.Exit != 0) Unavailable = "the population was not generated: " + generated.Err;
        GeneratedOutput = generated.Out;
    }

    public ValueTask DisposeAsync() => reference.DisposeAsync();

    public Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>The store's audit trail, oldest first.</summary>
    public async Task<List<Core.Access.AuditEntry>> AuditAsync()
    {
        await using var db = reference.Require().CreateContext();
        return [.. db.Audit.AsNoTracking().OrderBy(a => a.Id)];
    }

    /// <summary>Runs the command line with this standard input (a password).</summary>
    public Task<(int Exit, string Out, string Err)> RunWithInputAsync(string input, params string[] args)
    {
        if (Unavailable is not null) Assert.Skip(Unavailable);
        return reference.RunAsync(input, args);
    }
}

/// <summary>The classes that use the generated population share one store (it takes a minute to make) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PopulationCollection : ICollectionFixture<PopulationStore>
{
    public const string Name = "population";
}

/// <summary><c>population generate|hash|calibration</c> on the real files: reproducible, and calibrated to the published figures.</summary>
[Collection(PopulationCollection.Name)]
public sealed class PopulationCliTests(PopulationStore store)
{
    private static string HashLine(string output) => output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("hash ", StringComparison.Ordinal))[5..];

    [Fact]
    public async Task The_population_of_mid_and_south_essex_is_its_census_residents_in_households_with_a_hash_that_the_stored_people_reproduce()
    {
        var hash = await store.RunAsync("population", "hash");
        Assert.Equal(0, hash.Exit);
        Assert.Matches("^[0-9a-f]{64}$", hash.Out.Trim());
        Assert.Equal(HashLine(store.GeneratedOutput), hash.Out.Trim());
        Assert.Contains("generated 1,199,554 people in ", store.GeneratedOutput, StringComparison.Ordinal); // Census 2021 residents of the 720 LSOAs
        Assert.Contains("720 LSOAs (2021) of Mid and South Essex", store.GeneratedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_hash_and_another_seed_another()
    {
        var first = HashLine(store.GeneratedOutput);
        var other = await store.RunAsync("population", "generate", "--seed", "43");
        Assert.Equal(0, other.Exit);
        Assert.NotEqual(first, HashLine(other.Out));
        var again = await store.RunAsync("population", "generate", "--seed", "42");
        Assert.Equal(first, HashLine(again.Out));
        Assert.Equal(first, (await store.RunAsync("population", "hash")).Out.Trim());
    }

    [Fact]
    public async Task Calibration_is_within_the_published_intervals_or_the_documented_tolerances()
    {
        var (exit, output, _) = await store.RunAsync("population", "calibration", "--format", "csv");
        Assert.Equal(0, exit);
        Assert.StartsWith("characteristic,area_code,synthetic_value,published_value,published_lower_95,published_upper_95,within_ci", output, StringComparison.Ordinal);
        var rows = ReferenceStore.Rows(output);
        string[] calibrated = ["excess_weight", "inactive", "depression", "hypertension", "diabetes", "copd", "smi", "cancer", "learning_disability", "asthma", "epilepsy", "low_income", "unemployed"];
        foreach (var characteristic in calibrated)
        {
            var districts = rows.Where(r => r[0] == characteristic).ToList();
            Assert.Equal(9, districts.Count);
            Assert.All(districts, r => Assert.Equal("true", r[6]));
        }

        var practices = rows.Where(r => r[0] == "smoker" && !r[1].StartsWith('E')).ToList();
        Assert.True(practices.Count > 100, $"{practices.Count} practices with QOF smoking (91547)");
        Assert.All(practices, r => Assert.Equal("true", r[6]));
        Assert.All(practices, r => Assert.NotEqual(string.Empty, r[4]));
        Assert.All(rows.Where(r => r[0].StartsWith("residents_", StringComparison.Ordinal)), r => Assert.Equal(r[3], r[2]));
        Assert.Equal(9 * 6, rows.Count(r => r[0].StartsWith("residents_", StringComparison.Ordinal)));
        Assert.All(rows.Where(r => r[0] == "practice_list_share" || r[0].StartsWith("efi_", StringComparison.Ordinal)), r => Assert.Equal("true", r[6]));
        // Hypertension in Castle Point: QOF modelled prevalence 2019-20, 0.1866 (register ÷ list).
        Assert.Equal("0.1866", rows.Single(r => r[0] == "hypertension" && r[1] == "E07000069")[3]);
    }

    [Fact]
    public async Task Risk_stratify_scores_everyone_and_counts_them_by_tier_and_segment()
    {
        var (exit, output, _) = await store.RunAsync("risk", "stratify");
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("scored 1,199,554 people with commonweal-default v1 in ", lines[0], StringComparison.Ordinal);
        long Sum(string kind) => lines.Where(l => l.StartsWith(kind, StringComparison.Ordinal)).Sum(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1_199_554, Sum("tier "));
        Assert.Equal(1_199_554, Sum("segment "));
        Assert.Equal(4, lines.Count(l => l.StartsWith("tier ", StringComparison.Ordinal)));
        Assert.Equal(8, lines.Count(l => l.StartsWith("segment ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("--seed", "abc", "--seed 'abc' is not a whole number from 0 to 9,223,372,036,854,775,807")]
    [InlineData("--seed", "99999999999999999999", "--seed '99999999999999999999' is not a whole number from 0 to 9,223,372,036,854,775,807")]
    [InlineData("--seed", "-1", "--seed '-1' is not a whole number from 0 to 9,223,372,036,854,775,807")]
    [InlineData("--scale", "0", "--scale '0' is not a whole number from 1 to 50")]
    public async Task Bad_options_are_refused_and_the_stored_population_is_left_as_it_was(string option, string value, string message)
    {
        var before = (await store.RunAsync("population", "hash")).Out;
        string[] args = option == "--seed" ? ["population", "generate", option, value] : ["population", "generate", "--seed", "1", option, value];
        var (exit, output, error) = await store.RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.Equal(before, (await store.RunAsync("population", "hash")).Out);
    }
}

/// <summary>Population commands on a store without a population.</summary>
public sealed class PopulationAbsentCliTests
{
    [Fact]
    public async Task Hash_calibration_stratify_cohorts_and_families_say_there_is_no_population_and_how_to_make_one()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        foreach (var command in new[] { "population hash", "population calibration", "risk stratify", "cohort count --rule smoker --by District", "targeting families --size 10" })
        {
            var error = new StringWriter();
            var exit = await CliApp.RunAsync([.. command.Split(' '), "--database", database.Setting], new StringWriter(), error, new StringReader(string.Empty));
            Assert.Equal(2, exit);
            Assert.Contains("There is no person-level population in the store: run `commonweal population generate --seed <n>`", error.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Importing_an_extract_that_is_not_there_or_has_a_bad_row_says_why_and_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var bad = Path.Combine(Path.GetTempPath(), "extract-" + Guid.NewGuid().ToString("N")[..6] + ".csv");
        await File.WriteAllTextAsync(bad, "person_id,household_id,lsoa_code,age,sex,practice_code\np-1,h-1,E01900001,3,dog,\n", TestContext.Current.CancellationToken);
        try
        {
            foreach (var (file, message) in new[] { ("/no/such/extract.csv", "there is no file '/no/such/extract.csv'"), (bad, ":2:5: field 'sex': 'dog' is not a sex") })
            {
                var error = new StringWriter();
                var exit = await CliApp.RunAsync(["population", "import", file, "--database", database.Setting], new StringWriter(), error, new StringReader(string.Empty));
                Assert.Equal(2, exit);
                Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
            }

            var hash = new StringWriter();
            Assert.Equal(2, await CliApp.RunAsync(["population", "hash", "--database", database.Setting], new StringWriter(), hash, new StringReader(string.Empty)));
        }
        finally
        {
            File.Delete(bad);
        }
    }
}
