using System.Globalization;

namespace Commonweal.Cli.Tests;

/// <summary>
/// <c>cohort count|export</c> and <c>targeting families</c> on the population of the real files: counts that agree with the
/// official populations, small numbers suppressed, lists of people only for the roles that need them, each list audited.
/// </summary>
[Collection(PopulationCollection.Name)]
public sealed class CohortCliTests(PopulationStore store)
{
    private const string Password = "correct horse battery";

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Counts_by_district_of_core20_residents_are_the_census_residents_of_the_core20_lsoas()
    {
        var (exit, output, error) = await store.RunAsync("cohort", "count", "--rule", "core20", "--by", "District", "--format", "csv");
        Assert.True(exit == 0, error);
        Assert.StartsWith("area_code,count,population,share\n", output, StringComparison.Ordinal);
        var counts = ReferenceStore.Rows(output).ToDictionary(r => r[0]);
        // Independently: each district's Census 2021 residents and those in IoD2025 deciles 1-2, from the place rule over LSOAs.
        var (_, shares, _) = await store.RunAsync("targeting", "shares", "--vintage", "iod2025", "--rule", "imd_decile <= 2", "--format", "csv");
        var districts = ReferenceStore.Rows(shares).Where(r => r[0].StartsWith("E0", StringComparison.Ordinal) && r[0] != "E54000026" && counts.ContainsKey(r[0])).ToList();
        Assert.Equal(9, counts.Count);
        Assert.Equal(9, districts.Count);
        foreach (var d in districts)
        {
            Assert.Equal(d[4], counts[d[0]][2]); // residents
            Assert.Equal(d[5], counts[d[0]][1]); // residents in Core20 LSOAs
        }

        Assert.Equal(1_199_554, counts.Values.Sum(r => Long(r[2])));
    }

    [Fact]
    public async Task Counts_by_practice_and_pcn_are_of_registered_people_and_everyone_is_registered_once()
    {
        var (_, byPractice, _) = await store.RunAsync("cohort", "count", "--rule", "age >= 0", "--by", "Practice", "--format", "csv");
        var (_, byPcn, _) = await store.RunAsync("cohort", "count", "--rule", "age >= 0", "--by", "Pcn", "--format", "csv");
        var (_, whole, _) = await store.RunAsync("cohort", "count", "--rule", "age >= 0", "--by", "Ics", "--format", "csv");
        var practices = ReferenceStore.Rows(byPractice);
        var pcns = ReferenceStore.Rows(byPcn);
        Assert.True(practices.Count > 100, $"{practices.Count} practices");
        Assert.All(practices.Where(r => r[1].Length > 0), r => Assert.Equal(r[1], r[2]));
        // Everyone is registered with a practice of the ICS; a few practices (about 0.1 % of people) are in no PCN.
        Assert.Equal(1_199_554, practices.Sum(r => Long(r[2])));
        var inPcns = pcns.Sum(r => r[2].Length > 0 ? Long(r[2]) : 0);
        Assert.InRange(inPcns, 1_199_554 * 0.99, 1_199_554);
        Assert.Equal("1199554", ReferenceStore.Rows(whole).Single()[2]);
    }

    [Fact]
    public async Task Small_counts_are_never_shown_and_a_lone_suppressed_count_cannot_be_recovered_from_the_total()
    {
        var (exit, output, _) = await store.RunAsync("cohort", "count", "--rule", "homeless and age < 18", "--by", "Lsoa", "--format", "csv");
        Assert.Equal(0, exit);
        var rows = ReferenceStore.Rows(output);
        Assert.Equal(720, rows.Count);
        Assert.Contains(rows, r => r[1].Length == 0);
        Assert.DoesNotContain(rows, r => r[1].Length > 0 && Long(r[1]) is >= 1 and <= 4);
        Assert.NotEqual(1, rows.Count(r => r[1].Length == 0));
        Assert.All(rows, r => Assert.NotEmpty(r[2])); // every LSOA has at least 10 residents: populations are shown
    }

    [Fact]
    public async Task An_analyst_exports_the_people_of_a_cohort_and_the_export_is_audited()
    {
        var user = "analyst-" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(0, (await store.RunWithInputAsync(Password + "\n", "users", "add", user, "--role", "Analyst")).Exit);
        const string rule = "age >= 90 and efi_category = severe and district = E07000069";
        var (_, counted, _) = await store.RunAsync("cohort", "count", "--rule", rule, "--by", "Ics", "--format", "csv");
        var (exit, output, error) = await store.RunWithInputAsync(Password + "\n", "cohort", "export", "--user", user, "--rule", rule);
        Assert.True(exit == 0, error);
        Assert.StartsWith("person_id,household_id,age,sex,lsoa_code,district_code,practice_code,risk_score,tier,segment,efi_deficits,characteristics,risk_factors\n", output, StringComparison.Ordinal);
        var people = ReferenceStore.Rows(output);
        Assert.Equal(ReferenceStore.Rows(counted).Single()[1], people.Count.ToString(CultureInfo.InvariantCulture));
        Assert.True(people.Count > 10);
        Assert.All(people, p =>
        {
            Assert.True(int.Parse(p[2], CultureInfo.InvariantCulture) >= 90);
            Assert.Equal("E07000069", p[5]);
            Assert.True(int.Parse(p[10], CultureInfo.InvariantCulture) >= 13);
            Assert.Contains("efi_severe", p[12].Split(';'));
            Assert.StartsWith(p[1] + "-", p[0], StringComparison.Ordinal);
        });
        Assert.Equal(people.Count, people.Select(p => p[0]).Distinct().Count());

        var audit = await AuditAsync();
        Assert.Contains(audit, a => a.Actor == "cli:" + user && a.Action == "cohort.export" && a.Key == rule && a.Detail == $"{people.Count} people listed");
    }

    [Theory]
    [InlineData("Commissioner")]
    [InlineData("Provider")]
    [InlineData("Administrator")]
    public async Task Roles_without_access_to_people_are_refused_a_list_and_the_refusal_is_audited(string role)
    {
        var user = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(0, (await store.RunWithInputAsync(Password + "\n", "users", "add", user, "--role", role)).Exit);
        var (exit, output, error) = await store.RunWithInputAsync(Password + "\n", "cohort", "export", "--user", user, "--rule", "age >= 0");
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("Lists of people are for the roles that need them (Analyst, Referrer)", error, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(), a => a.Actor == "cli:" + user && a.Action == "cohort.list.refused");
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_user_gets_no_list_and_counts_towards_the_lockout()
    {
        var user = "analyst-" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(0, (await store.RunWithInputAsync(Password + "\n", "users", "add", user, "--role", "Analyst")).Exit);
        var wrong = await store.RunWithInputAsync("not the password\n", "cohort", "export", "--user", user, "--rule", "age >= 0");
        Assert.Equal(2, wrong.Exit);
        Assert.Empty(wrong.Out);
        Assert.Contains("the user name or password is not right", wrong.Err, StringComparison.Ordinal);
        var nobody = await store.RunWithInputAsync(Password + "\n", "cohort", "export", "--user", "nobody-" + user, "--rule", "age >= 0");
        Assert.Equal(2, nobody.Exit);
        var none = await store.RunAsync("cohort", "export", "--user", user, "--rule", "age >= 0");
        Assert.Equal(2, none.Exit);
        Assert.Contains("give your password on standard input", none.Err, StringComparison.Ordinal);
        var audit = await AuditAsync();
        Assert.Contains(audit, a => a.Action == "user.verify.failed" && a.Key == user && a.Detail == "wrong password");
        Assert.DoesNotContain(audit, a => a.Actor == "cli:" + user && a.Action == "cohort.export");
    }

    [Theory]
    [InlineData("diabtes", "--by", "District", "'diabtes' is not a field (did you mean diabetes?)")]
    [InlineData("age >= ", "--by", "District", "the rule cannot be read")]
    [InlineData("smoker", "--by", "Parish", "--by 'Parish' is not a place type")]
    [InlineData("smoker", "--as-at", "2026-13-01", "is not a date")]
    public async Task Bad_rules_and_options_are_refused_with_the_reason(string rule, string option, string value, string message)
    {
        string[] args = option == "--by" ? ["cohort", "count", "--rule", rule, "--by", value] : ["cohort", "count", "--rule", rule, "--by", "District", option, value];
        var (exit, output, error) = await store.RunAsync(args);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_5000_families_are_5000_distinct_households_in_rank_order_the_same_each_time_and_saved()
    {
        var (exit, output, error) = await store.RunAsync("targeting", "families", "--size", "5000", "--format", "csv");
        Assert.True(exit == 0, error);
        Assert.StartsWith("rank,household_id,lsoa_code,district_code,score,reasons\n", output, StringComparison.Ordinal);
        var rows = ReferenceStore.Rows(output);
        Assert.Equal(5000, rows.Count);
        Assert.Equal(Enumerable.Range(1, 5000).Select(r => r.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r[0]));
        Assert.Equal(5000, rows.Select(r => r[1]).Distinct().Count());
        var scores = rows.Select(r => double.Parse(r[4], CultureInfo.InvariantCulture)).ToList();
        Assert.True(scores.Zip(scores.Skip(1)).All(p => p.First >= p.Second), "scores fall with rank");
        Assert.All(rows, r =>
        {
            Assert.StartsWith(r[2] + "-", r[1], StringComparison.Ordinal);
            var reasons = r[5].Split("; ").Select(x => double.Parse(x[(x.LastIndexOf('=') + 2)..], CultureInfo.InvariantCulture)).Sum();
            Assert.Equal(double.Parse(r[4], CultureInfo.InvariantCulture), reasons, 2);
        });
        Assert.Matches(@"^saved as snapshot \d+ \(", error);

        var again = await store.RunAsync("targeting", "families", "--size", "5000", "--format", "csv");
        Assert.Equal(output, again.Out);
        var fewer = await store.RunAsync("targeting", "families", "--size", "100", "--format", "csv");
        Assert.Equal(output.Split('\n').Take(101), fewer.Out.Split('\n').Take(101));
        Assert.Contains(await AuditAsync(), a => a.Action == "families.rank" && a.Detail!.StartsWith("5,000 of ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    [InlineData("100001")]
    public async Task A_family_cohort_size_that_is_not_a_whole_number_in_range_is_refused(string size)
    {
        var (exit, output, error) = await store.RunAsync("targeting", "families", "--size", size);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains($"--size '{size}' is not a whole number from 1 to 100,000", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Named_cohorts_are_listed_defined_in_versions_and_counted_by_name()
    {
        var (exit, listed, _) = await store.RunAsync("cohort", "list", "--format", "csv");
        Assert.Equal(0, exit);
        var rows = ReferenceStore.Rows(listed);
        Assert.Contains(rows, r => r[0] == "core20-places" && r[1] == "1" && r[2] == "place" && r[3] == "imd_decile <= 2" && r[6] == "commonweal");
        Assert.Contains(rows, r => r[0] == "cyp-asthma" && r[2] == "person" && r[3] == "asthma and age < 18");

        var name = "frail-" + Guid.NewGuid().ToString("N")[..6];
        var first = await store.RunAsync("cohort", "define", "--name", name, "--about", "person", "--rule", "age >= 65 and efi_category = severe", "--description", "Severely frail older people");
        var second = await store.RunAsync("cohort", "define", "--name", name, "--about", "person", "--rule", "age >= 75 and efi_category = severe", "--description", "Severely frail people aged 75 and over");
        Assert.Equal($"defined {name} version 1 (person): age >= 65 and efi_category = severe", first.Out.Trim());
        Assert.StartsWith($"defined {name} version 2", second.Out, StringComparison.Ordinal);

        var byName = await store.RunAsync("cohort", "count", "--cohort", name, "--by", "Ics", "--format", "csv");
        var byRule = await store.RunAsync("cohort", "count", "--rule", "age >= 75 and efi_category = severe", "--by", "Ics", "--format", "csv");
        var firstVersion = await store.RunAsync("cohort", "count", "--cohort", name + "@1", "--by", "Ics", "--format", "csv");
        var older = await store.RunAsync("cohort", "count", "--rule", "age >= 65 and efi_category = severe", "--by", "Ics", "--format", "csv");
        Assert.Equal(byRule.Out, byName.Out);
        Assert.Equal(older.Out, firstVersion.Out);
        Assert.NotEqual(byName.Out, firstVersion.Out);
        Assert.Contains(await AuditAsync(), a => a.Action == "cohort.define" && a.Key == name + " v2");
    }

    [Theory]
    [InlineData("Bad Name", "person", "smoker", "is not a cohort name")]
    [InlineData("ok-name", "thing", "smoker", "--about 'thing' is not person or place")]
    [InlineData("ok-name", "person", "local_imd_percent <= 10", "the person rule cannot be read")]
    [InlineData("ok-name", "place", "smoker", "the place rule cannot be read")]
    [InlineData("core20", "place", "imd_decile <= 1", "is a cohort of people")]
    public async Task A_definition_that_cannot_be_used_is_refused_and_nothing_is_stored(string name, string about, string rule, string message)
    {
        var before = (await store.RunAsync("cohort", "list", "--format", "csv")).Out;
        var (exit, _, error) = await store.RunAsync("cohort", "define", "--name", name, "--about", about, "--rule", rule, "--description", "x");
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(before, (await store.RunAsync("cohort", "list", "--format", "csv")).Out);
    }

    [Fact]
    public async Task Counting_needs_exactly_one_of_a_rule_or_a_cohort_of_people()
    {
        var neither = await store.RunAsync("cohort", "count", "--by", "District");
        var both = await store.RunAsync("cohort", "count", "--rule", "smoker", "--cohort", "carers", "--by", "District");
        var place = await store.RunAsync("cohort", "count", "--cohort", "core20-places", "--by", "District");
        var missing = await store.RunAsync("cohort", "count", "--cohort", "no-such-cohort", "--by", "District");
        Assert.All(new[] { neither, both, place, missing }, r => Assert.Equal(2, r.Exit));
        Assert.Contains("give either --rule", neither.Err, StringComparison.Ordinal);
        Assert.Contains("give either --rule", both.Err, StringComparison.Ordinal);
        Assert.Contains("is a cohort of places", place.Err, StringComparison.Ordinal);
        Assert.Contains("There is no cohort called 'no-such-cohort'", missing.Err, StringComparison.Ordinal);
    }

    private async Task<List<Audited>> AuditAsync() =>
        [.. (await store.AuditAsync()).Select(a => new Audited(a.Actor, a.Action, a.EntityKey, a.Detail))];

    private sealed record Audited(string Actor, string Action, string Key, string? Detail);
}
