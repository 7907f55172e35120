using System.Globalization;
namespace Commonweal.Cli.Tests;

/// <summary>
/// <c>allocate</c> on the real files: one row per place with exactly the issue's columns, the allocation adding up to the
/// budget to the penny at every level, populations that are the official ones, more per head where the need is greater,
/// and a baseline file that turns on the pace of change.
/// </summary>
[Collection(PopulationCollection.Name)]
public sealed class AllocationCliTests(PopulationStore store)
{
    private const string Header = "place_code,place_name,population,need_index,target_share,target_allocation,baseline,allocation,allocation_per_head\n";

    private static long Pence(string pounds) => (long)Math.Round(decimal.Parse(pounds, CultureInfo.InvariantCulture) * 100);

    [Theory]
    [InlineData("District", 9, 1_199_554)]
    [InlineData("Lsoa", 720, 1_199_554)]
    [InlineData("Alliance", 4, 1_199_554)]
    public async Task The_default_model_allocates_the_budget_exactly_to_every_place_of_a_level(string level, int places, long population)
    {
        var (exit, output, error) = await store.RunAsync("allocate", "--budget", "2500000.01", "--level", level, "--format", "csv", "--dry-run");

        Assert.True(exit == 0, error);
        Assert.StartsWith(Header, output, StringComparison.Ordinal);
        var rows = ReferenceStore.Rows(output);
        Assert.Equal(places, rows.Count);
        Assert.Equal(250_000_001, rows.Sum(r => Pence(r[7])));
        Assert.Equal(250_000_001, rows.Sum(r => Pence(r[5])));
        Assert.Equal(population, rows.Sum(r => long.Parse(r[2], CultureInfo.InvariantCulture)));
        Assert.All(rows, r => Assert.Equal("", r[6]));
        Assert.All(rows, r => Assert.Matches(@"^\d+\.\d\d$", r[7]));
        Assert.Contains("not saved (--dry-run)", error, StringComparison.Ordinal);
        // More where needed: the district of highest need gets more a head than the one of least.
        var byNeed = rows.OrderBy(r => double.Parse(r[3], CultureInfo.InvariantCulture)).ToList();
        Assert.True(decimal.Parse(byNeed[^1][8], CultureInfo.InvariantCulture) > decimal.Parse(byNeed[0][8], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Districts_with_the_most_deprivation_get_the_most_and_a_pcn_run_uses_the_registered_lists()
    {
        var (_, districts, _) = await store.RunAsync("allocate", "--budget", "1000000", "--format", "csv", "--dry-run");
        var rows = ReferenceStore.Rows(districts).ToDictionary(r => r[0]);
        // IoD2025: Basildon and Southend have the most Core20 residents; Brentwood none (docs/methods/allocation.md).
        Assert.True(Pence(rows["E07000066"][8]) > Pence(rows["E07000068"][8]));
        Assert.True(Pence(rows["E06000033"][8]) > Pence(rows["E07000070"][8]));

        var (exit, pcns, error) = await store.RunAsync("allocate", "--budget", "1000000", "--level", "Pcn", "--format", "csv", "--dry-run");
        Assert.True(exit == 0, error);
        Assert.Contains("registered patients, lists of", error, StringComparison.Ordinal);
        var list = ReferenceStore.Rows(pcns);
        Assert.True(list.Count >= 27, $"{list.Count} PCNs");
        Assert.Equal(100_000_000, list.Sum(r => Pence(r[7])));
        Assert.Contains(list, r => r[0] == "U02453" && r[2] == "34833"); // Southend West Central's published list
    }

    [Fact]
    public async Task A_baseline_file_paces_the_change_and_a_bad_one_is_refused_with_its_line_and_nothing_saved()
    {
        var (_, first, _) = await store.RunAsync("allocate", "--budget", "1000000", "--format", "csv", "--dry-run");
        var folder = Directory.CreateTempSubdirectory("baseline-").FullName;
        try
        {
            var good = Path.Combine(folder, "last-year.csv");
            File.WriteAllText(good, "place_code,baseline\n" + string.Concat(ReferenceStore.Rows(first).Select(r => $"{r[0]},{r[7]}\n")));
            var (exit, paced, error) = await store.RunAsync("allocate", "--budget", "1050000", "--baseline", good, "--format", "csv", "--dry-run");
            Assert.True(exit == 0, error);
            var rows = ReferenceStore.Rows(paced);
            Assert.Equal(105_000_000, rows.Sum(r => Pence(r[7])));
            // The default pace of change: no place gets less than last year or more than 10 % more.
            Assert.All(rows, r => Assert.InRange(Pence(r[7]), Pence(r[6]), Pence(r[6]) * 11 / 10 + 1));

            var runsBefore = (await store.RunAsync("allocation", "runs", "--format", "csv")).Out;
            var bad = Path.Combine(folder, "bad.csv");
            File.WriteAllText(bad, "place_code,baseline\nE06000033,600000\nE06000034,12.345\n");
            var refused = await store.RunAsync("allocate", "--budget", "1050000", "--baseline", bad);
            Assert.Equal(2, refused.Exit);
            Assert.Equal("error: bad.csv:3:2: field 'baseline': '12.345' is not an amount in pounds of 0 or more with at most two decimals (e.g. 1234567.89)\n", refused.Err.Replace("\r", "", StringComparison.Ordinal));
            var partial = Path.Combine(folder, "partial.csv");
            File.WriteAllText(partial, "place_code,baseline\nE06000033,600000\n");
            var incomplete = await store.RunAsync("allocate", "--budget", "1050000", "--baseline", partial);
            Assert.Equal(2, incomplete.Exit);
            Assert.Contains("The baseline has no row for 8 of the 9 places", incomplete.Err, StringComparison.Ordinal);
            Assert.Equal(runsBefore, (await store.RunAsync("allocation", "runs", "--format", "csv")).Out);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_saved_run_is_listed_shown_again_to_the_same_pence_and_compared()
    {
        var (exit, output, error) = await store.RunAsync("allocate", "--budget", "750000", "--format", "csv", "--label", "cli test");
        Assert.True(exit == 0, error);
        var id = System.Text.RegularExpressions.Regex.Match(error, @"saved as run (\d+)").Groups[1].Value;
        var (_, shown, shownError) = await store.RunAsync("allocation", "show", id, "--format", "csv");
        Assert.Equal(output, shown);
        Assert.Contains("its saved inputs give the same pence", shownError, StringComparison.Ordinal);
        var (_, detail, _) = await store.RunAsync("allocation", "show", id, "--detail", "--format", "csv");
        Assert.StartsWith("place_code,place_name,population,weighted_population,need_imd_score,need_core20_share,need_index,uplift,unit_cost,target_share,", detail, StringComparison.Ordinal);
        var (_, runs, _) = await store.RunAsync("allocation", "runs", "--format", "csv");
        Assert.Contains(ReferenceStore.Rows(runs), r => r[0] == id && r[6] == "cli test" && r[4] == "750000.00");
        var (_, second, secondError) = await store.RunAsync("allocate", "--budget", "800000", "--format", "csv", "--baseline-run", id);
        var other = System.Text.RegularExpressions.Regex.Match(secondError, @"saved as run (\d+)").Groups[1].Value;
        var (compareExit, compared, _) = await store.RunAsync("allocation", "compare", id, other, "--format", "csv");
        Assert.Equal(0, compareExit);
        Assert.Equal(5_000_000, ReferenceStore.Rows(compared).Sum(r => Pence(r[6])));
        Assert.Contains(await store.AuditAsync(), a => a.Action == "allocation.run" && a.EntityKey == id);
        Assert.Equal(80_000_000, ReferenceStore.Rows(second).Sum(r => Pence(r[7])));
    }

    [Theory]
    [InlineData("--budget", "1e6", "--budget '1e6' is not an amount in pounds of 0 or more with at most two decimals")]
    [InlineData("--budget", "-10", "--budget '-10' is not an amount in pounds")]
    [InlineData("--level", "Planet", "--level 'Planet' is not a place type")]
    [InlineData("--model", "nope", "There is no allocation model called 'nope'; the models are")]
    [InlineData("--baseline", "/no/such/file.csv", "--baseline: no file at /no/such/file.csv")]
    [InlineData("--baseline-run", "99999", "There is no allocation run 99999.")]
    public async Task Bad_options_are_refused_with_the_reason_and_nothing_is_saved(string option, string value, string message)
    {
        var runsBefore = (await store.RunAsync("allocation", "runs", "--format", "csv")).Out;
        string[] args = option == "--budget" ? ["allocate", option, value] : ["allocate", "--budget", "1000", option, value];
        var (exit, _, error) = await store.RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(runsBefore, (await store.RunAsync("allocation", "runs", "--format", "csv")).Out);
    }

    [Fact]
    public async Task A_model_file_with_problems_is_refused_field_by_field_and_a_good_one_is_defined_and_used()
    {
        var folder = Directory.CreateTempSubdirectory("model-").FullName;
        try
        {
            var bad = Path.Combine(folder, "bad.json");
            File.WriteAllText(bad, """{ "name": "cli-model", "need": { "combine": "weighted_sum", "weights_total": 100, "components": [ { "source": "imd_score", "weight": 60 }, { "source": "indicator:91547", "weight": 30 } ] }, "limits": { "per_head_floor": 0.9, "per_head_cap": 0.95 } }""");
            var refused = await store.RunAsync("allocation", "define", bad);
            Assert.Equal(2, refused.Exit);
            Assert.Contains("need.weights_total: the weights add up to 90, not the 100 declared", refused.Err, StringComparison.Ordinal);
            Assert.Contains("limits.per_head_cap: a cap is a ratio to the equal per-head share of 1 or more", refused.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("cli-model", (await store.RunAsync("allocation", "models", "--format", "csv")).Out, StringComparison.Ordinal);

            // QOF smoking prevalence (Fingertips 91547, real values for districts) as 30 % of the need.
            var good = Path.Combine(folder, "good.json");
            File.WriteAllText(good, """{ "name": "cli-model", "need": { "combine": "weighted_sum", "weights_total": 100, "components": [ { "source": "imd_score", "weight": 70 }, { "source": "indicator:91547", "weight": 30 } ] } }""");
            var defined = await store.RunAsync("allocation", "define", good);
            Assert.True(defined.Exit == 0, defined.Err);
            Assert.Equal("defined cli-model v1\n", defined.Out.Replace("\r", "", StringComparison.Ordinal));
            var (exit, output, error) = await store.RunAsync("allocate", "--model", "cli-model", "--budget", "100000", "--format", "csv", "--dry-run");
            Assert.True(exit == 0, error);
            Assert.Equal(10_000_000, ReferenceStore.Rows(output).Sum(r => Pence(r[7])));
            var (_, shown, _) = await store.RunAsync("allocate", "--model", "cli-model", "--budget", "100000", "--format", "csv", "--dry-run", "--level", "Lsoa");
            Assert.Equal(720, ReferenceStore.Rows(shown).Count); // LSOAs take their district's smoking prevalence
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
