using System.Text;
using Commonweal.Application.Allocation.Demo;
using Commonweal.Application.Commissioning;
using Commonweal.Application.Places;
using Commonweal.Application.Tests.Allocation;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Tests.Commissioning;

/// <summary>
/// Joint commissioning on the demo store, on SQLite and PostgreSQL: the demo's register as at the days around its
/// variations; imports all or nothing (a bad contract, an over-commitment, a bad return row: nothing saved, every problem
/// with its file, line and column); a provider sees and submits only for its own contracts (refusals audited); returns
/// that put a KPI off track open one remedial plan; actions, escalation and closing; coverage, funds, value, the pipeline,
/// plans and documents. Each test makes its own contracts under its own references, or reads the demo's.
/// </summary>
public abstract class CommissioningStoreTests(DemoStore store) : IAsyncLifetime
{
    private ApplicationScope app = null!;
    private string folder = null!;

    private static CommissioningViewer Everyone => CommissioningViewer.Console("tester");

    public ValueTask InitializeAsync()
    {
        if (store.Database is null)
            Assert.Skip($"PostgreSQL is not available: ./test.sh starts a throwaway server (apt-get install postgresql), or set {TestDatabase.PostgresVariable} to a server connection string");
        app = new ApplicationScope(store.Database);
        folder = Directory.CreateTempSubdirectory("commonweal-commissioning-").FullName;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        if (folder is not null) Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Counts and sums of every commissioning table, to show a refused change saved nothing.</summary>
    private async Task<string> FingerprintAsync()
    {
        var db = app.Get<CommonwealDbContext>();
        return string.Join(' ',
            await db.Contracts.CountAsync(), await db.ContractVariations.CountAsync(), await db.ServiceLines.CountAsync(), await db.ContractKpis.CountAsync(),
            await db.FundCommitments.SumAsync(c => (long?)c.AmountPence) ?? 0, await db.KpiReturns.CountAsync(), await db.KpiReturns.SumAsync(r => r.Count) ?? 0,
            await db.ReturnBatches.CountAsync(), await db.RemedialPlans.CountAsync(), await db.Partners.CountAsync());
    }

    private async Task<int> PartnerAsync(string nameStart) =>
        await app.Get<CommonwealDbContext>().Partners.Where(p => p.Name.StartsWith(nameStart)).Select(p => p.Id).FirstAsync();

    /// <summary>A small contract of the demo's wellbeing provider under a fresh reference, with a monthly proportion KPI "Q".</summary>
    private async Task<string> ContractAsync(string reference, string start = "2025-04-01", string end = "2027-03-31")
    {
        var contracts = File($"{reference}-c.csv", "contract_ref,provider,title,start_date,end_date,annual_value_pence,commissioner,route,baseline_contract,description\n"
            + $"{reference},Wellbeing Partnership CIC (demo),Test service,{start},{end},1000000,Essex County Council (demo),pcr2015,,\n");
        var lines = File($"{reference}-l.csv", "contract_ref,code,name,focus_area,area_code,annual_value_pence,effective_from,effective_to\n"
            + $"{reference},SC,Stop smoking,TobaccoUse,E07000066,1000000,,\n");
        var kpis = File($"{reference}-k.csv", "contract_ref,kpi_id,indicator,area_code,role,baseline_period,baseline_value,target_value,deadline_period,trajectory,lead,effective_from,effective_to\n"
            + $"{reference},Q,{ContractMeasures.FourWeekQuits.Value},,outcome,Mar-25,50,60,Mar-27,,Lead,,\n");
        var outcome = await app.Get<ContractImport>().ImportAsync(new ContractFiles(contracts, Lines: lines, Kpis: kpis), "tester", TestContext.Current.CancellationToken);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Problems));
        return reference;
    }

    [Fact]
    public async Task The_demo_register_shows_the_weight_management_KPI_from_1_April_2023_and_the_extension_from_April_2026()
    {
        var ct = TestContext.Current.CancellationToken;
        var register = app.Get<ContractRegister>();
        var before = (await register.ShowAsync("IWS-2021", new DateOnly(2023, 3, 31), Everyone, ct)).Value!;
        var on = (await register.ShowAsync("IWS-2021", new DateOnly(2023, 4, 1), Everyone, ct)).Value!;
        Assert.DoesNotContain(before.State.Kpis, k => k.Code == "WM5");
        Assert.Contains(on.State.Kpis, k => k.Code == "WM5" && k.Indicator == ContractMeasures.WeightLoss);
        Assert.Equal(["CONTACT", "PEOPLE", "QUIT"], before.State.Kpis.Select(k => k.Code));
        var lastDay = (await register.ShowAsync("IWS-2021", new DateOnly(2026, 3, 31), Everyone, ct)).Value!.State;
        var extended = (await register.ShowAsync("IWS-2021", new DateOnly(2026, 4, 1), Everyone, ct)).Value!.State;
        Assert.Equal((50_000_000, new DateOnly(2026, 3, 31)), (lastDay.AnnualValuePence, lastDay.End));
        Assert.Equal((52_000_000, new DateOnly(2027, 3, 31)), (extended.AnnualValuePence, extended.End));
        Assert.Equal("Mar-27", extended.Kpis.Single(k => k.Code == "WM5").DeadlinePeriod);
        var list = await register.ListAsync(new DateOnly(2026, 11, 1), Everyone, ct);
        Assert.Contains(list, c => c.Ref == "TRAD-WM-2019" && !c.InForce);
        Assert.Contains(list, c => c.Ref == "IWS-2021" && c.InForce && c.AnnualValuePence == 52_000_000);
    }

    [Fact]
    public async Task The_demos_falling_weight_management_outcome_has_an_escalated_remedial_plan_in_the_exception_pack()
    {
        var ct = TestContext.Current.CancellationToken;
        var open = await app.Get<RemedialPlanning>().ListAsync(Everyone, openOnly: true, cancellationToken: ct);
        var plan = Assert.Single(open, p => p.Contract.Ref == "IWS-2021" && p.Plan.Kpi == "WM5");
        Assert.True(plan.Escalated);
        Assert.Single(plan.Actions);
        var pack = await app.Get<Commonweal.Application.Reporting.ExceptionPacks>().BuildAsync(ct);
        Assert.Contains(pack.Plans, p => p.Plan.Id == plan.Plan.Id);
        var paper = Commonweal.Application.Reporting.ExceptionPacks.Paper(pack);
        Assert.Contains(paper.Sections, s => s.Heading.EndsWith("Contract performance: open remedial plans", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_contracts_import_with_any_bad_row_saves_nothing_and_names_every_problem()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await FingerprintAsync();
        var contracts = File("bad-c.csv", "contract_ref,provider,title,start_date,end_date,annual_value_pence,commissioner,route,baseline_contract,description\n"
            + "GOOD-1,Wellbeing Partnership CIC (demo),Fine,2025-04-01,2026-03-31,100,Essex County Council (demo),pcr2015,,\n"
            + "IWS-2021,Wellbeing Partnership CIC (demo),Again,2025-04-01,2026-03-31,100,Essex County Council (demo),pcr2015,,\n"
            + "BAD-2,Nobody Ltd,Who,2025-04-01,2024-03-31,12.5,Essex County Council (demo),grant,,\n");
        var outcome = await app.Get<ContractImport>().ImportAsync(new ContractFiles(contracts), "tester", ct);
        Assert.False(outcome.Succeeded);
        Assert.Equal(before, await FingerprintAsync());
        var problems = outcome.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("bad-c.csv:3:1: field 'contract_ref': IWS-2021 is already in the register", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("bad-c.csv:4:2: field 'provider': no partner is called 'Nobody Ltd'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("bad-c.csv:4:5: field 'end_date': the term ends (2024-03-31) before it starts", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("bad-c.csv:4:6: field 'annual_value_pence': '12.5' is not an amount in whole pence", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_commitment_beyond_a_partners_contribution_is_refused_with_the_figures_and_nothing_is_saved()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await FingerprintAsync();
        var balance = (await app.Get<FundBook>().BalancesAsync(ct)).Single(b => b.Year == "2026/27" && b.Partner.StartsWith("Thurrock", StringComparison.Ordinal)).Balance;
        var contracts = File("over-c.csv", "contract_ref,provider,title,start_date,end_date,annual_value_pence,commissioner,route,baseline_contract,description\n"
            + "OVER-1,Wellbeing Partnership CIC (demo),Too dear,2026-04-01,2027-03-31,100000000,Thurrock Council (demo),pcr2015,,\n");
        var funding = File("over-f.csv", "contract_ref,fund,year,partner,earmark,amount_pence\n"
            + $"OVER-1,PREV-POOL,2026/27,Thurrock Council (demo),,{balance + 1}\n");
        var outcome = await app.Get<ContractImport>().ImportAsync(new ContractFiles(contracts, Funding: funding), "tester", ct);
        var problem = Assert.Single(outcome.Problems).ToString();
        Assert.StartsWith("over-f.csv:2:6: field 'amount_pence': Committing", problem, StringComparison.Ordinal);
        Assert.Contains($"balance {Core.Pence.Format(balance)} (short by £0.01)", problem, StringComparison.Ordinal);
        Assert.Equal(before, await FingerprintAsync());

        var fits = File("fits-f.csv", "contract_ref,fund,year,partner,earmark,amount_pence\n" + $"OVER-1,PREV-POOL,2026/27,Thurrock Council (demo),,{balance}\n");
        Assert.True((await app.Get<ContractImport>().ImportAsync(new ContractFiles(contracts, Funding: fits), "tester", ct)).Succeeded);
        Assert.Equal(0, (await app.Get<FundBook>().BalancesAsync(ct)).Single(b => b.Year == "2026/27" && b.Partner.StartsWith("Thurrock", StringComparison.Ordinal)).Balance);
    }

    [Fact]
    public async Task A_return_with_a_bad_row_is_refused_whole_with_line_and_column()
    {
        var ct = TestContext.Current.CancellationToken;
        var reference = await ContractAsync("RET-BAD");
        var before = await FingerprintAsync();
        var path = File("bad-return.csv", "kpi_id,period,numerator,denominator,value,note\n"
            + "Q,Apr-25,10,20,,\n"
            + "NOPE,Apr-25,1,2,,\n"
            + "Q,2025/26,10,20,,\n"
            + "Q,May-25,ten,20,,\n"
            + "Q,Mar-25,1,2,,\n");
        var outcome = await app.Get<ReturnsImport>().ImportFileAsync(reference, path, Everyone, ct);
        Assert.False(outcome.Succeeded);
        Assert.Equal(before, await FingerprintAsync());
        Assert.Equal(
            [
                "bad-return.csv:3:1: field 'kpi_id': RET-BAD has no KPI 'NOPE' (its KPIs: Q)",
                "bad-return.csv:4:2: field 'period': Q is reported monthly: '2025/26' is not a month, e.g. Apr-23 or 2023-04",
                "bad-return.csv:5:3: field 'numerator': 'ten' is not a number",
                "bad-return.csv:6:2: field 'period': Mar-25 is outside RET-BAD's term (2025-04-01 to 2027-03-31)",
            ],
            outcome.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task A_return_that_puts_a_KPI_off_track_opens_one_remedial_plan_and_a_replacement_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var reference = await ContractAsync("RET-OFF");
        var good = File("good.csv", "kpi_id,period,numerator,denominator,value,note\nQ,Apr-25,60,100,,\nQ,May-25,62,100,,\n");
        var first = await app.Get<ReturnsImport>().ImportFileAsync(reference, good, Everyone, ct);
        Assert.True(first.Succeeded);
        Assert.Equal((2, 0), (first.Stored, first.Replaced));
        Assert.Equal(TargetStatus.OnTrack, Assert.Single(first.Statuses).Status);
        Assert.Null(first.Statuses[0].Opened);

        var bad = File("bad.csv", "kpi_id,period,numerator,denominator,value,note\nQ,2025-05,20,100,,\n");
        var second = await app.Get<ReturnsImport>().ImportFileAsync(reference, bad, Everyone, ct);
        Assert.Equal((0, 1), (second.Stored, second.Replaced));
        var status = Assert.Single(second.Statuses);
        Assert.Equal(TargetStatus.OffTrack, status.Status);
        Assert.NotNull(status.Opened);
        var third = await app.Get<ReturnsImport>().ImportFileAsync(reference, File("bad2.csv", "kpi_id,period,numerator,denominator\nQ,Jun-25,21,100\n"), Everyone, ct);
        Assert.Null(Assert.Single(third.Statuses).Opened);
        var db = app.Get<CommonwealDbContext>();
        Assert.Single(await db.RemedialPlans.Where(p => p.Kpi == "Q" && p.Contract == db.Contracts.First(c => c.Ref == reference).Id).ToListAsync(ct));
        Assert.Contains(await db.Audit.Where(a => a.Action == "return.replace" && a.EntityKey == reference).Select(a => a.Detail).ToListAsync(ct),
            d => d == "Q May-25: was 62/100, now 20/100");
    }

    [Fact]
    public async Task A_contract_as_at_a_past_day_reads_its_KPIs_only_against_the_returns_of_periods_ended_by_then()
    {
        var ct = TestContext.Current.CancellationToken;
        var reference = await ContractAsync("RET-ASAT");
        var returns = File("asat.csv", "kpi_id,period,numerator,denominator,value,note\nQ,Apr-25,60,100,,\nQ,May-25,20,100,,\n");
        Assert.True((await app.Get<ReturnsImport>().ImportFileAsync(reference, returns, Everyone, ct)).Succeeded);

        async Task<KpiReport> AsAtAsync(DateOnly day) => Assert.Single((await app.Get<ContractRegister>().ShowAsync(reference, day, Everyone, ct)).Value!.Kpis);
        var before = await AsAtAsync(new DateOnly(2025, 5, 30));
        var after = await AsAtAsync(new DateOnly(2025, 5, 31));

        Assert.Equal(("Apr-25", TargetStatus.OnTrack), (before.Report.Latest?.Period.Label, before.Report.Status));
        Assert.Equal(("May-25", TargetStatus.OffTrack), (after.Report.Latest?.Period.Label, after.Report.Status));
    }

    [Fact]
    public async Task A_provider_sees_and_submits_only_for_its_own_contracts_and_each_refusal_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var leisure = new CommissioningViewer("leisure-user", false, await PartnerAsync("Active Communities Leisure Trust"));
        var list = await app.Get<ContractRegister>().ListAsync(new DateOnly(2026, 11, 1), leisure, ct);
        Assert.Equal(["LEIS-2025"], list.Select(c => c.Ref));
        Assert.Equal(RefusalKind.Forbidden, (await app.Get<ContractRegister>().ShowAsync("IWS-2021", new DateOnly(2026, 11, 1), leisure, ct)).Refusal!.Kind);
        Assert.NotNull((await app.Get<ContractRegister>().ShowAsync("LEIS-2025", new DateOnly(2026, 11, 1), leisure, ct)).Value);
        var before = await FingerprintAsync();
        var refused = await app.Get<ReturnsImport>().ImportFileAsync("IWS-2021", File("theirs.csv", "kpi_id,period,numerator,denominator\nQUIT,Oct-26,1,2\n"), leisure, ct);
        Assert.Equal(RefusalKind.Forbidden, refused.Refused);
        Assert.Equal(before, await FingerprintAsync());
        Assert.Empty(await app.Get<RemedialPlanning>().ListAsync(new CommissioningViewer("nobody", false, null), openOnly: false, cancellationToken: ct));
        var db = app.Get<CommonwealDbContext>();
        var actions = await db.Audit.Where(a => a.Actor == "leisure-user").Select(a => a.Action + " " + a.EntityKey).ToListAsync(ct);
        Assert.Contains("contract.list *", actions);
        Assert.Contains("contract.refused IWS-2021", actions);
        Assert.Contains("contract.read LEIS-2025", actions);
        Assert.Contains("return.refused IWS-2021", actions);
    }

    [Fact]
    public async Task Remedial_actions_are_added_and_closed_and_an_overdue_one_escalates()
    {
        var ct = TestContext.Current.CancellationToken;
        var reference = await ContractAsync("REM-1");
        var outcome = await app.Get<ReturnsImport>().ImportFileAsync(reference, File("rem.csv", "kpi_id,period,numerator,denominator\nQ,Apr-25,5,100\n"), Everyone, ct);
        var plan = Assert.Single(outcome.Statuses).Opened!;
        var planning = app.Get<RemedialPlanning>();
        var provider = new CommissioningViewer("provider-user", false, await PartnerAsync("Wellbeing Partnership CIC"));
        var action = (await planning.AddActionAsync(plan.Id, "Call every client at 2 weeks", "Service manager", Importing.Today.AddDays(-1), provider, ct)).Value!;
        Assert.Equal(Importing.Today, (await planning.ListAsync(Everyone, true, cancellationToken: ct)).Single(p => p.Plan.Id == plan.Id).EscalatedSince);
        Assert.Equal(RefusalKind.Forbidden, (await planning.CloseAsync(plan.Id, "done", provider, ct)).Refusal!.Kind);
        var other = new CommissioningViewer("other-provider", false, await PartnerAsync("Active Communities Leisure Trust"));
        Assert.Equal(RefusalKind.Forbidden, (await planning.AddActionAsync(plan.Id, "x", "y", Importing.Today, other, ct)).Refusal!.Kind);
        await planning.SetActionStatusAsync(action.Id, ActionStatus.Done, provider, ct);
        Assert.Null((await planning.ListAsync(Everyone, true, cancellationToken: ct)).Single(p => p.Plan.Id == plan.Id).EscalatedSince);
        Assert.NotNull((await planning.CloseAsync(plan.Id, "Performance restored in June", Everyone, ct)).Value);
        Assert.DoesNotContain(await planning.ListAsync(Everyone, true, cancellationToken: ct), p => p.Plan.Id == plan.Id);
        Assert.Equal("plan closed", (await planning.AddActionAsync(plan.Id, "late", "me", Importing.Today, Everyone, ct)).Refusal!.Title);
    }

    [Fact]
    public async Task Coverage_shows_the_demos_overlap_and_gap_and_shares_a_whole_ICS_line_to_the_penny()
    {
        var ct = TestContext.Current.CancellationToken;
        var view = (await app.Get<CoverageQueries>().MatrixAsync(new DateOnly(2026, 11, 1), AreaType.District, ct)).Value!;
        var chelmsford = AreaCode.Parse("E07000070");
        var overlap = view.Cells.Single(c => c.FocusArea == FocusArea.DietAndExercise && c.Place == chelmsford);
        Assert.Equal(CoverageStatus.Overlap, overlap.Status);
        Assert.Equal(["IWS-2021", "LEIS-2025"], overlap.Contracts.Select(c => c.ContractRef).Order());
        Assert.Equal(CoverageStatus.Gap, view.Cells.Single(c => c.FocusArea == FocusArea.TobaccoUse && c.Place == AreaCode.Parse("E06000034")).Status);
        Assert.Equal(CoverageStatus.Covered, view.Cells.Single(c => c.FocusArea == FocusArea.TobaccoUse && c.Place == AreaCode.Parse("E06000033")).Status);

        // A line for the whole ICS is in every district, its value shared by residents to the penny.
        var contracts = File("ics-c.csv", "contract_ref,provider,title,start_date,end_date,annual_value_pence,commissioner,route,baseline_contract,description\n"
            + "ICS-WIDE,Wellbeing Partnership CIC (demo),Everywhere,2026-04-01,2027-03-31,1000001,Essex County Council (demo),pcr2015,,\n");
        var lines = File("ics-l.csv", "contract_ref,code,name,focus_area,area_code,annual_value_pence,effective_from,effective_to\n"
            + $"ICS-WIDE,EMP,Employment support,Employment,{app.Get<IcsDefinition>().Code.Value},1000001,,\n");
        Assert.True((await app.Get<ContractImport>().ImportAsync(new ContractFiles(contracts, Lines: lines), "tester", ct)).Succeeded);
        var after = (await app.Get<CoverageQueries>().MatrixAsync(new DateOnly(2026, 11, 1), AreaType.District, ct)).Value!;
        var employment = after.Cells.Where(c => c.FocusArea == FocusArea.Employment && c.Contracts.Any(x => x.ContractRef == "ICS-WIDE")).ToList();
        Assert.Equal(9, employment.Count);
        Assert.Equal(1_000_001, employment.Sum(c => c.Contracts.Single(x => x.ContractRef == "ICS-WIDE").AnnualValuePence));
    }

    [Fact]
    public async Task The_fund_earmarked_from_the_demo_run_holds_the_runs_budget_and_the_balance_is_contributed_less_committed()
    {
        var ct = TestContext.Current.CancellationToken;
        var view = (await app.Get<FundBook>().ViewAsync("PREV-POOL", ct))!;
        var fromRun = view.Earmarks.Where(e => e.Position.Earmark.AllocationRun is not null).ToList();
        Assert.Equal(9, fromRun.Count);
        Assert.Equal(250_000_000, fromRun.Sum(e => e.Position.Earmark.AmountPence));
        Assert.All(await app.Get<FundBook>().BalancesAsync(ct), b => Assert.Equal(b.Contributed - b.Committed, b.Balance));
        var runId = fromRun[0].Position.Earmark.AllocationRun!.Value;
        var again = await app.Get<FundBook>().EarmarkFromRunAsync("PREV-POOL", "2026/27", runId, null, "tester", ct);
        Assert.Contains("would take Prevention and wellbeing pooled fund (demo) 2026/27 below zero", again.Refusal!.Detail, StringComparison.Ordinal);
        Assert.Equal(DemoAllocations.Actor, (await app.Get<CommonwealDbContext>().AllocationRuns.FirstAsync(r => r.Id == runId, ct)).CreatedBy);
    }

    [Fact]
    public async Task Value_for_money_compares_the_integrated_service_with_the_traditional_baseline()
    {
        var ct = TestContext.Current.CancellationToken;
        var rows = await app.Get<ValueQueries>().ValueAsync(new FinancialYear(2021), Everyone, ct);
        var iws = rows.Single(r => r.ContractRef == "IWS-2021" && r.Line is null);
        Assert.Equal(50_000_000, iws.Figures.ValuePence);
        Assert.Equal(("TRAD-WM-2019", new FinancialYear(2020)), iws.Baseline);
        Assert.Equal(-0.5, iws.Comparison!.ValueChange!.Value, 10);
        Assert.InRange(iws.Comparison.PeopleChange!.Value, 0.2, 0.5);
        Assert.Equal((1 - 0.5) / (1 + iws.Comparison.PeopleChange.Value) - 1, iws.Comparison.UnitCostChange!.Value, 10);
        var digital = (await app.Get<ValueQueries>().ValueAsync(new FinancialYear(2020), Everyone, ct)).Single(r => r.ContractRef == "MHFA-DIGI-2020" && r.Line is null);
        Assert.Equal(45_000, digital.Figures.PeopleSupported);
        Assert.Equal(976, digital.Comparison!.Baseline.PeopleSupported);
    }

    [Fact]
    public async Task An_intention_moves_one_dated_step_at_a_time_and_is_refused_with_reasons()
    {
        var ct = TestContext.Current.CancellationToken;
        var pipeline = app.Get<CommissioningPipeline>();
        var refused = await pipeline.CreateAsync(new IntentionDraft("x", "", "Nobody", "Nowhere", 1, [("Essex County Council (demo)", 5_000)],
            [(EvidenceKind.Indicator, "999", "")], new DateOnly(2026, 1, 1), "me"), "tester", ct);
        Assert.Contains("lead: no partner is called 'Nobody'", refused.Refusal!.Detail, StringComparison.Ordinal);
        Assert.Contains("focus_area: 'Nowhere' is not a focus area", refused.Refusal.Detail, StringComparison.Ordinal);
        Assert.Contains("evidence: no indicator 999 is in the catalogue", refused.Refusal.Detail, StringComparison.Ordinal);
        var id = (await pipeline.CreateAsync(new IntentionDraft("Test intention", "", "Essex County Council (demo)", "TobaccoUse", 100, [],
            [(EvidenceKind.Indicator, Commonweal.Application.Indicators.Demo.DemoIndicators.Smoking.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "")], new DateOnly(2026, 1, 1), "me"), "tester", ct)).Value!.Id;
        Assert.Contains("its next step is Specification", (await pipeline.StepAsync(id, CommissioningStage.Award, new DateOnly(2026, 2, 1), "me", "", null, "Wellbeing Partnership CIC (demo)", null, "tester", ct)).Refusal!.Detail, StringComparison.Ordinal);
        Assert.NotNull((await pipeline.StepAsync(id, CommissioningStage.Specification, new DateOnly(2026, 2, 1), "me", "", null, null, null, "tester", ct)).Value);
        Assert.Contains("before the step before it", (await pipeline.StepAsync(id, CommissioningStage.Procurement, new DateOnly(2026, 1, 15), "me", "", "grant", null, null, "tester", ct)).Refusal!.Detail, StringComparison.Ordinal);
        Assert.NotNull((await pipeline.StepAsync(id, CommissioningStage.Procurement, new DateOnly(2026, 3, 1), "me", "", "grant", null, null, "tester", ct)).Value);
        Assert.Contains("not recorded as one", (await pipeline.StepAsync(id, CommissioningStage.Award, new DateOnly(2026, 4, 1), "me", "", null, "Traditional Weight Management Ltd (demo)", null, "tester", ct)).Refusal!.Detail, StringComparison.Ordinal);
        Assert.NotNull((await pipeline.StepAsync(id, CommissioningStage.Award, new DateOnly(2026, 4, 1), "me", "", null, "Community Connectors North (demo)", null, "tester", ct)).Value);
        var view = (await pipeline.ViewAsync(id, ct))!;
        Assert.Equal([CommissioningStage.Intention, CommissioningStage.Specification, CommissioningStage.Procurement, CommissioningStage.Award], view.Steps.Select(s => s.Stage));
        Assert.Equal(("Essex County Council (demo)", 10_000), Assert.Single(view.Partners));
    }

    [Fact]
    public async Task A_plan_is_scored_submitted_only_when_complete_and_signed_off_by_the_board()
    {
        var ct = TestContext.Current.CancellationToken;
        var assurance = app.Get<PlanAssurance>();
        var plan = (await assurance.CreateAsync("Test plan", "Essex County Council (demo)", "2026/27", "2027/28", ["TobaccoUse"], "tester", ct)).Value!;
        Assert.Equal("evidence needed", (await assurance.ScoreAsync(plan.Id, "J1", 2, "", "", "tester", ct)).Refusal!.Title);
        Assert.Equal("invalid score", (await assurance.ScoreAsync(plan.Id, "J1", 4, "x", "", "tester", ct)).Refusal!.Title);
        await assurance.ScoreAsync(plan.Id, "J1", 3, "JSNA chapter 4", "", "tester", ct);
        Assert.Contains("J2", (await assurance.SubmitAsync(plan.Id, "tester", ct)).Refusal!.Detail, StringComparison.Ordinal);
        foreach (var criterion in AlignmentTemplate.Criteria.Skip(1)) await assurance.ScoreAsync(plan.Id, criterion.Code, 1, "partly", "", "tester", ct);
        Assert.NotNull((await assurance.SubmitAsync(plan.Id, "tester", ct)).Value);
        Assert.Equal("note needed", (await assurance.DecideAsync(plan.Id, PlanDecision.NotAligned, new DateOnly(2026, 11, 20), "", "board", ct)).Refusal!.Title);
        var returned = (await assurance.DecideAsync(plan.Id, PlanDecision.NotAligned, new DateOnly(2026, 11, 20), "Weak on inequalities", "board", ct)).Value!;
        Assert.Equal(PlanStatus.Returned, returned.Status);
        var analysis = await assurance.AnalysisAsync(ct);
        var mine = analysis.Plans.Single(p => p.Plan.Id == plan.Id);
        Assert.Equal((3 + 10) / 33.0, mine.Alignment!.Value, 10);
        Assert.Equal(10, mine.Weak.Count);
    }

    [Fact]
    public async Task Documents_are_kept_only_when_their_content_is_an_allowed_type_and_reading_one_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var documents = app.Get<ContractDocuments>();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
        var stored = (await documents.AddAsync("IWS-2021", 1, "variation-1.pdf", pdf, Everyone, ct)).Value!;
        Assert.Equal(("application/pdf", pdf.Length), (stored.ContentType, (int)stored.Size));
        Assert.Contains("PDF", (await documents.AddAsync("IWS-2021", null, "virus.exe", [0x4D, 0x5A, 0x90, 0x00], Everyone, ct)).Refusal!.Detail, StringComparison.Ordinal);
        Assert.Contains("is a PDF but is named .docx", (await documents.AddAsync("IWS-2021", null, "x.docx", pdf, Everyone, ct)).Refusal!.Detail, StringComparison.Ordinal);
        Assert.Contains("10 MB", (await documents.AddAsync("IWS-2021", null, "big.pdf", [.. pdf, .. new byte[DocumentCheck.MostBytes]], Everyone, ct)).Refusal!.Detail, StringComparison.Ordinal);
        Assert.Equal(RefusalKind.NotFound, (await documents.AddAsync("IWS-2021", 9, "v9.pdf", pdf, Everyone, ct)).Refusal!.Kind);
        var leisure = new CommissioningViewer("leisure-reader", false, await PartnerAsync("Active Communities Leisure Trust"));
        Assert.Equal(RefusalKind.Forbidden, (await documents.GetAsync("IWS-2021", stored.Id, leisure, ct)).Refusal!.Kind);
        Assert.Equal(pdf, (await documents.GetAsync("IWS-2021", stored.Id, Everyone, ct)).Value!.Content);
        Assert.True(await app.Get<CommonwealDbContext>().Audit.AnyAsync(a => a.Action == "contract.document-read" && a.EntityKey == "IWS-2021", ct));
    }
}

public sealed class SqliteCommissioningStoreTests(SqliteDemoStore store) : CommissioningStoreTests(store), IClassFixture<SqliteDemoStore>;

public sealed class PostgresCommissioningStoreTests(PostgresDemoStore store) : CommissioningStoreTests(store), IClassFixture<PostgresDemoStore>;
