using System.Text;

namespace Commonweal.Cli.Tests;

/// <summary>
/// Joint commissioning from the command line on the real places: partners, a pooled fund, contracts with a variation that
/// adds a KPI on 1 April 2023, funding, returns, the register as at the days around the variation, coverage and the fund's
/// balance — each with exactly the documented columns — and bad input refused with its file, line and column, exit code 2
/// and nothing saved.
/// </summary>
[Collection(PopulationCollection.Name)]
public sealed class CommissioningCliTests(PopulationStore store) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("commonweal-cli-commissioning-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Partners, a fund with contributions, and contract CLI-IWS with its variation, lines, KPIs and funding, once per store.</summary>
    private async Task SetUpAsync()
    {
        var (_, listed, _) = await store.RunAsync("contracts", "list", "--format", "csv");
        if (listed.Contains("CLI-IWS", StringComparison.Ordinal)) return;
        var partners = File("partners.csv", "name,type,role,ods_code,gss_code,charity_number,company_number\n"
            + "Essex County Council,council,commissioner,,E10000012,,\n"
            + "NHS Mid and South Essex ICB,nhs,commissioner,QH8,,,\n"
            + "Wellbeing CIC,vcse,provider,,,,13000001\n"
            + "Chelmsford City Council,council,both,,E07000070,,\n");
        Assert.Equal(0, (await store.RunAsync("partners", "import", partners)).Exit);
        Assert.Equal(0, (await store.RunAsync("funds", "define", "CLI-POOL", "--name", "Prevention pool", "--arrangement", "section75", "--host", "E10000012")).Exit);
        Assert.Equal(0, (await store.RunAsync("funds", "contribute", "CLI-POOL", "--year", "2026/27", "--partner", "Essex County Council", "--amount", "600000")).Exit);
        Assert.Equal(0, (await store.RunAsync("funds", "contribute", "CLI-POOL", "--year", "2026/27", "--partner", "QH8", "--amount", "400000.50")).Exit);
        var contracts = File("contracts.csv", "contract_ref,provider,title,start_date,end_date,annual_value_pence,commissioner,route,baseline_contract,description\n"
            + "CLI-IWS,Wellbeing CIC,Integrated wellbeing service,2021-04-01,2026-03-31,50000000,Essex County Council,pcr2015,,One pathway\n"
            + "CLI-LEIS,Chelmsford City Council,Active Chelmsford,2024-04-01,2027-03-31,25000000,Chelmsford City Council,direct-award,,\n");
        var variations = File("variations.csv", "contract_ref,number,effective_from,summary,annual_value_pence,end_date\n"
            + "CLI-IWS,1,2023-04-01,Weight-management performance measure added,,\n"
            + "CLI-IWS,2,2026-04-01,Extended a year,52000000,2027-03-31\n");
        var lines = File("lines.csv", "contract_ref,code,name,focus_area,area_code,annual_value_pence,effective_from,effective_to\n"
            + "CLI-IWS,WM,Weight management,DietAndExercise,E07000070,20000000,,\n"
            + "CLI-IWS,SC,Stop smoking,TobaccoUse,E07000066,10000000,,\n"
            + "CLI-LEIS,ACT,Activity,DietAndExercise,E07000070,25000000,,\n");
        var kpis = File("kpis.csv", "contract_ref,kpi_id,indicator,area_code,role,baseline_period,baseline_value,target_value,deadline_period,trajectory,lead,effective_from,effective_to\n"
            + "CLI-IWS,PEOPLE,1800001,,activity,Mar-21,80,120,Mar-27,,Service manager,,\n"
            + "CLI-IWS,WM5,1800002,,outcome,Mar-23,22,30,Mar-27,,Service manager,2023-04-01,\n");
        var funding = File("funding.csv", "contract_ref,fund,year,partner,earmark,amount_pence\n"
            + "CLI-IWS,CLI-POOL,2026/27,Essex County Council,,25000000\n"
            + "CLI-IWS,CLI-POOL,2026/27,QH8,,35000000\n");
        var (exit, output, error) = await store.RunAsync("contracts", "import", contracts, "--variations", variations, "--lines", lines, "--kpis", kpis, "--funding", funding);
        Assert.True(exit == 0, error);
        Assert.Equal("11 records added to the register.\n", output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Contracts_list_gives_the_register_with_exactly_the_documented_columns()
    {
        await SetUpAsync();
        var (exit, output, error) = await store.RunAsync("contracts", "list", "--as-at", "2026-12-01", "--format", "csv");
        Assert.True(exit == 0, error);
        Assert.Equal(
            "contract_ref,provider,title,start_date,end_date,annual_value_pence\n"
            + "CLI-IWS,Wellbeing CIC,Integrated wellbeing service,2021-04-01,2027-03-31,52000000\n"
            + "CLI-LEIS,Chelmsford City Council,Active Chelmsford,2024-04-01,2027-03-31,25000000\n",
            output.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("2023-03-31", "CLI-IWS,PEOPLE,1800001,120,Mar-27,2021-04-01,\n")]
    [InlineData("2023-04-01", "CLI-IWS,PEOPLE,1800001,120,Mar-27,2021-04-01,\nCLI-IWS,WM5,1800002,30,Mar-27,2023-04-01,\n")]
    [InlineData("2024-06-30", "CLI-IWS,PEOPLE,1800001,120,Mar-27,2021-04-01,\nCLI-IWS,WM5,1800002,30,Mar-27,2023-04-01,\n")]
    [InlineData("2027-04-01", "")]
    public async Task Contracts_show_as_at_a_day_gives_the_KPIs_in_force_that_day(string day, string rows)
    {
        await SetUpAsync();
        var (exit, output, error) = await store.RunAsync("contracts", "show", "CLI-IWS", "--as-at", day, "--format", "csv");
        Assert.True(exit == 0, error);
        Assert.Equal("contract_ref,kpi_id,indicator,target_value,deadline_period,effective_from,effective_to\n" + rows, output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Coverage_marks_the_overlap_the_covered_cells_and_the_gaps_on_the_real_districts()
    {
        await SetUpAsync();
        var (exit, output, error) = await store.RunAsync("coverage", "--as-at", "2026-12-01", "--format", "csv");
        Assert.True(exit == 0, error);
        Assert.StartsWith("focus_area,area_code,provider,contract_ref,annual_value_pence,status\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var rows = ReferenceStore.Rows(output);
        Assert.Contains(rows, r => r.SequenceEqual(["DietAndExercise", "E07000070", "Chelmsford City Council", "CLI-LEIS", "25000000", "overlap"]));
        Assert.Contains(rows, r => r.SequenceEqual(["DietAndExercise", "E07000070", "Wellbeing CIC", "CLI-IWS", "20000000", "overlap"]));
        Assert.Contains(rows, r => r.SequenceEqual(["TobaccoUse", "E07000066", "Wellbeing CIC", "CLI-IWS", "10000000", "covered"]));
        Assert.Contains(rows, r => r.SequenceEqual(["TobaccoUse", "E06000034", "", "", "0", "gap"]));
        Assert.All(rows, r => Assert.Matches("^(covered|gap|overlap)$", r[5]));
    }

    [Fact]
    public async Task Funds_balance_is_contributed_less_committed_in_whole_pence()
    {
        await SetUpAsync();
        var (exit, output, error) = await store.RunAsync("funds", "balance", "--format", "csv");
        Assert.True(exit == 0, error);
        Assert.Equal(
            "fund,year,partner,contributed_pence,committed_pence,spent_pence,balance_pence\n"
            + "CLI-POOL,2026/27,Essex County Council,60000000,25000000,0,35000000\n"
            + "CLI-POOL,2026/27,NHS Mid and South Essex ICB,40000050,35000000,0,5000050\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_return_with_bad_rows_is_refused_whole_and_a_good_one_reports_each_KPIs_status()
    {
        await SetUpAsync();
        var bad = File("bad-return.csv", "kpi_id,period,numerator,denominator,value,note\nPEOPLE,Apr-23,100,,,\nNOPE,Apr-23,1,,,\nWM5,Mar-23,10,50,,\nWM5,May-23,ten,50,,\n");
        var (exit, output, error) = await store.RunAsync("returns", "import", bad, "--contract", "CLI-IWS");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("error: bad-return.csv:3:1: field 'kpi_id': CLI-IWS has no KPI 'NOPE' (its KPIs: PEOPLE, WM5)", error, StringComparison.Ordinal);
        Assert.Contains("error: bad-return.csv:4:2: field 'period': WM5 was not in force in Mar-23 (from 2023-04-01)", error, StringComparison.Ordinal);
        Assert.Contains("error: bad-return.csv:5:3: field 'numerator': 'ten' is not a number", error, StringComparison.Ordinal);
        Assert.Contains("3 problems: nothing was saved.", error, StringComparison.Ordinal);

        var good = File("good-return.csv", "kpi_id,period,numerator,denominator\nPEOPLE,Apr-23,110,\nWM5,Apr-23,13,50\n");
        (exit, output, error) = await store.RunAsync("returns", "import", good, "--contract", "CLI-IWS", "--format", "csv");
        Assert.True(exit == 0, error);
        var rows = ReferenceStore.Rows(output);
        Assert.Equal(["PEOPLE", "WM5"], rows.Select(r => r[1]));
        Assert.All(rows, r => Assert.Equal("Apr-23", r[2]));
        Assert.Equal("on_track", rows[0][3]);
        Assert.Contains("stored", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contracts show NOPE-1", "No contract NOPE-1 is in the register.")]
    [InlineData("contracts show CLI-IWS --as-at 2023-13-01", "--as-at '2023-13-01' is not a date in the form YYYY-MM-DD")]
    [InlineData("coverage --level Ward,Icb", "is not a place type")]
    [InlineData("funds contribute CLI-POOL --year 2026/27 --partner QH8 --amount 12.345", "is not an amount in pounds")]
    [InlineData("funds contribute CLI-POOL --year 2026/28 --partner QH8 --amount 1", "'2026/28' is not a financial year (e.g. 2023/24)")]
    [InlineData("funds contribute NOPE --year 2026/27 --partner QH8 --amount 1", "No fund has the code 'NOPE'.")]
    [InlineData("value --year 2020", "'2020' is not a financial year")]
    public async Task Bad_options_are_refused_with_a_message_and_exit_code_2(string command, string message)
    {
        await SetUpAsync();
        var (exit, _, error) = await store.RunAsync(command.Split(' '));
        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partners_file_with_bad_identifiers_is_refused_with_line_and_column_and_nothing_is_saved()
    {
        await SetUpAsync();
        var (_, before, _) = await store.RunAsync("partners", "list", "--format", "csv");
        var file = File("bad-partners.csv", "name,type,role,ods_code,gss_code,charity_number,company_number\n"
            + "New Trust,nhs,provider,,,,\n"
            + "New Council,council,both,,E92000001,,\n"
            + "New Charity,vcse,sideways,,,12,\n");
        var (exit, _, error) = await store.RunAsync("partners", "import", file);
        Assert.Equal(2, exit);
        Assert.Contains("bad-partners.csv:2:4: field 'ods_code': an NHS body needs its ODS code", error, StringComparison.Ordinal);
        Assert.Contains("bad-partners.csv:3:5: field 'gss_code': 'E92000001' is not a council's GSS code", error, StringComparison.Ordinal);
        Assert.Contains("bad-partners.csv:4:3: field 'role': 'sideways' is not a role", error, StringComparison.Ordinal);
        Assert.Contains("bad-partners.csv:4:6: field 'charity_number': '12' is not a charity number", error, StringComparison.Ordinal);
        Assert.Equal(before, (await store.RunAsync("partners", "list", "--format", "csv")).Out);
    }
}
