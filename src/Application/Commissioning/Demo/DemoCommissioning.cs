using System.Globalization;
using System.Text;
using Commonweal.Application.Allocation.Demo;
using Commonweal.Application.Indicators.Demo;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Commissioning.Demo;

/// <summary>
/// The demo's commissioning picture, true to the seeds' story in whichever ICS is configured: the county council's
/// traditional weight-management service (2019–21, £1 million a year, about 1,000 people a year) replaced by an
/// integrated wellbeing service (from April 2021, £500,000 a year, about 30 % more people) with the weight-management
/// performance measure added by a variation on 1 April 2023 and the term extended by another from April 2026; the
/// traditional mental health first aid training (976 trained) and the digital campaign (45,000); a unitary's stop smoking
/// service; a district's leisure contract (an overlap with the integrated service); community connector grants to VCSE
/// organisations in two alliances; no stop smoking service in the other unitary (a gap); a section 75 prevention fund
/// with contributions, earmarks (one from the demo allocation run) and commitments; four intentions in the pipeline;
/// monthly returns up to the last month that has ended, a remedial plan with an overdue action; two commissioning plans
/// (one signed off) and an illustrative priority matrix. Everything goes through the same checks as users' data; names
/// end "(demo)" and it is all removed with the demo.
/// </summary>
public sealed class DemoCommissioning(
    CommonwealDbContext db, IcsDefinition ics, TimeProvider clock, ContractImport contracts, ReturnsImport returns, FundBook funds,
    CommissioningPipeline pipeline, PlanAssurance plans, RemedialPlanning remedial)
{
    public const string Actor = "demo";

    private const string Suffix = " (demo)";

    private static readonly long[] UnitaryShares = [20_000_000, 15_000_000];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Contracts.AnyAsync(cancellationToken) || ics.Districts.Count == 0) return;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var names = await PartnersAsync(cancellationToken);
        var county = ics.Districts.Where(d => d.County is not null).ToList();
        var unitaries = ics.Districts.Where(d => d.County is null).ToList();
        if (county.Count == 0) county = [.. ics.Districts];
        var leisureDistrict = county.FirstOrDefault(d => d.Code.Value == "E07000070") ?? county[^1];
        var alliances = ics.Alliances.ToList();

        await FundsAsync(names, unitaries, cancellationToken);
        var folder = Directory.CreateTempSubdirectory("commonweal-demo-");
        try
        {
            var files = Write(folder.FullName, names, county, unitaries, leisureDistrict, alliances);
            var outcome = await contracts.ImportAsync(files, Actor, cancellationToken);
            if (!outcome.Succeeded) throw new InvalidOperationException("The demo's contracts do not pass the register's checks: " + string.Join("; ", outcome.Problems));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        await ReturnsAsync(today, unitaries, alliances, cancellationToken);
        await SpendAsync(today, cancellationToken);
        await PipelineAsync(names, unitaries, cancellationToken);
        await PlansAsync(names, cancellationToken);
    }

    /// <summary>Removes the demo's commissioning (contracts and all that hangs on them, funds, intentions, plans, marks) and its partners that then own nothing.</summary>
    public static async Task ClearAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // The demo's referrals first: their support lines name the demo's partners.
        await Referrals.Demo.DemoReferrals.ClearAsync(db, cancellationToken);
        var demo = await db.Partners.Where(p => p.Name.EndsWith(Suffix)).Select(p => p.Id).ToListAsync(cancellationToken);
        var contractIds = await db.Contracts.Where(c => demo.Contains(c.Provider) || demo.Contains(c.Commissioner)).Select(c => c.Id).ToListAsync(cancellationToken);
        var fundIds = await db.Funds.Where(f => demo.Contains(f.Host)).Select(f => f.Id).ToListAsync(cancellationToken);
        var commitmentIds = await db.FundCommitments.Where(c => contractIds.Contains(c.Contract) || fundIds.Contains(c.Fund)).Select(c => c.Id).ToListAsync(cancellationToken);
        await db.FundSpend.Where(s => commitmentIds.Contains(s.Commitment)).ExecuteDeleteAsync(cancellationToken);
        await db.FundCommitments.Where(c => commitmentIds.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.FundEarmarks.Where(e => fundIds.Contains(e.Fund)).ExecuteDeleteAsync(cancellationToken);
        await db.FundContributions.Where(c => fundIds.Contains(c.Fund)).ExecuteDeleteAsync(cancellationToken);
        await db.Funds.Where(f => fundIds.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
        var intentionIds = await db.Intentions.Where(i => demo.Contains(i.Lead)).Select(i => i.Id).ToListAsync(cancellationToken);
        await db.IntentionSteps.Where(s => intentionIds.Contains(s.Intention)).ExecuteDeleteAsync(cancellationToken);
        await db.IntentionEvidence.Where(e => intentionIds.Contains(e.Intention)).ExecuteDeleteAsync(cancellationToken);
        await db.IntentionPartners.Where(p => intentionIds.Contains(p.Intention)).ExecuteDeleteAsync(cancellationToken);
        await db.Intentions.Where(i => intentionIds.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        var planIds = await db.RemedialPlans.Where(p => contractIds.Contains(p.Contract)).Select(p => p.Id).ToListAsync(cancellationToken);
        await db.RemedialActions.Where(a => planIds.Contains(a.Plan)).ExecuteDeleteAsync(cancellationToken);
        await db.RemedialPlans.Where(p => planIds.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.KpiReturns.Where(r => contractIds.Contains(r.Contract)).ExecuteDeleteAsync(cancellationToken);
        await db.ReturnBatches.Where(b => contractIds.Contains(b.Contract)).ExecuteDeleteAsync(cancellationToken);
        await db.ContractDocuments.Where(d => contractIds.Contains(d.Contract)).ExecuteDeleteAsync(cancellationToken);
        await db.ContractKpis.Where(k => contractIds.Contains(k.Contract)).ExecuteDeleteAsync(cancellationToken);
        await db.ServiceLines.Where(l => contractIds.Contains(l.Contract)).ExecuteDeleteAsync(cancellationToken);
        await db.ContractVariations.Where(v => contractIds.Contains(v.Contract)).ExecuteDeleteAsync(cancellationToken);
        await db.Contracts.Where(c => contractIds.Contains(c.Id) && c.Baseline != null).ExecuteDeleteAsync(cancellationToken);
        await db.Contracts.Where(c => contractIds.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        var planned = await db.CommissioningPlans.Where(p => demo.Contains(p.Partner)).Select(p => p.Id).ToListAsync(cancellationToken);
        await db.PlanScores.Where(s => planned.Contains(s.Plan)).ExecuteDeleteAsync(cancellationToken);
        await db.CommissioningPlans.Where(p => planned.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        await db.PriorityMarks.Where(m => m.Source.StartsWith("Demo")).ExecuteDeleteAsync(cancellationToken);
        await db.Partners.Where(p => p.Name.EndsWith(Suffix)).Unused(db).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The demo's partners (made, or given their identifiers when a target already named them): their names by role in the story.</summary>
    private async Task<Dictionary<string, string>> PartnersAsync(CancellationToken cancellationToken)
    {
        var icb = ics.Icbs.FirstOrDefault(i => i.Validity.Contains(new DateOnly(2025, 3, 31))) ?? ics.Icbs[0];
        var wanted = new List<(string Key, Partner Partner)>
        {
            ("icb", new Partner(0, icb.Name + Suffix) { Type = PartnerType.NhsBody, Role = PartnerRole.Commissioner, OdsCode = icb.Code.Value }),
            ("wellbeing", new Partner(0, "Wellbeing Partnership CIC" + Suffix) { Type = PartnerType.Vcse, Role = PartnerRole.Provider, CompanyNumber = "13000001" }),
            ("traditional", new Partner(0, "Traditional Weight Management Ltd" + Suffix) { Type = PartnerType.Other, Role = PartnerRole.Provider, CompanyNumber = "11000002" }),
            ("trust", new Partner(0, "Community Health Services Trust" + Suffix) { Type = PartnerType.NhsBody, Role = PartnerRole.Provider, OdsCode = "DEM01" }),
            ("leisure", new Partner(0, "Active Communities Leisure Trust" + Suffix) { Type = PartnerType.Vcse, Role = PartnerRole.Provider, CompanyNumber = "14000003" }),
            ("connectors-1", new Partner(0, "Community Connectors North" + Suffix) { Type = PartnerType.Vcse, Role = PartnerRole.Provider, CharityNumber = "1190001" }),
            ("connectors-2", new Partner(0, "Community Connectors South" + Suffix) { Type = PartnerType.Vcse, Role = PartnerRole.Provider, CharityNumber = "1190002" }),
        };
        foreach (var county in ics.Districts.Where(d => d.County is not null).GroupBy(d => d.County!.Value).Select(g => g.First()))
            wanted.Add(("county", new Partner(0, $"{county.CountyName ?? "County"} County Council{Suffix}") { Type = PartnerType.Council, Role = PartnerRole.Commissioner, GssCode = county.County }));
        foreach (var district in ics.Districts)
            wanted.Add((district.Code.Value, new Partner(0, $"{district.Name} Council{Suffix}") { Type = PartnerType.Council, Role = PartnerRole.Both, GssCode = district.Code }));

        var existing = await db.Partners.ToListAsync(cancellationToken);
        var names = new Dictionary<string, string>();
        foreach (var (key, partner) in wanted)
        {
            names.TryAdd(key, partner.Name);
            var known = existing.FirstOrDefault(p => string.Equals(p.Name, partner.Name, StringComparison.OrdinalIgnoreCase));
            if (known is null) db.Partners.Add(partner);
            else db.Entry(known).CurrentValues.SetValues(partner with { Id = known.Id, Name = known.Name });
        }

        await db.SaveChangesAsync(cancellationToken);
        names.TryAdd("county", names["icb"]);
        return names;
    }

    private async Task FundsAsync(Dictionary<string, string> names, List<IcsDistrict> unitaries, CancellationToken cancellationToken)
    {
        const string Fund = "PREV-POOL";
        var host = names["county"];
        if ((await funds.DefineAsync(Fund, "Prevention and wellbeing pooled fund" + Suffix, "section75", host,
            "Demo: a section 75 pooled budget for prevention and wellbeing, hosted by the county council, with the ICB and the unitary councils.", Actor, cancellationToken)).Value is null) return;
        foreach (var (year, scale) in new[] { ("2025/26", 0.9), ("2026/27", 1.0) })
        {
            await funds.ContributeAsync(Fund, year, host, (long)(150_000_000 * scale), "Demo: section 75 agreement", Actor, cancellationToken);
            await funds.ContributeAsync(Fund, year, names["icb"], (long)(90_000_000 * scale), "Demo: section 75 agreement", Actor, cancellationToken);
            foreach (var (unitary, share) in unitaries.Zip(UnitaryShares))
                await funds.ContributeAsync(Fund, year, names[unitary.Code.Value], (long)(share * scale), "Demo: section 75 agreement", Actor, cancellationToken);
        }

        var run = await db.AllocationRuns.AsNoTracking().Where(r => r.CreatedBy == DemoAllocations.Actor).OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (run is { } id) await funds.EarmarkFromRunAsync(Fund, "2026/27", id, null, Actor, cancellationToken);
        await funds.EarmarkAsync(Fund, "2026/27", "Community connectors", "FamilyAndSocialSupport", null, 12_000_000, Actor, cancellationToken);
    }

    /// <summary>The demo's register as the five files of <c>contracts import</c>.</summary>
    private static ContractFiles Write(
        string folder, Dictionary<string, string> names, List<IcsDistrict> county, List<IcsDistrict> unitaries, IcsDistrict leisure, List<IcsAlliance> alliances)
    {
        string Path(string name) => System.IO.Path.Combine(folder, name);
        var countyCouncil = names["county"];
        var contracts = new StringBuilder("contract_ref,provider,title,start_date,end_date,annual_value_pence,commissioner,route,baseline_contract,description\n");
        var variations = new StringBuilder("contract_ref,number,effective_from,summary,annual_value_pence,end_date\n");
        var lines = new StringBuilder("contract_ref,code,name,focus_area,area_code,annual_value_pence,effective_from,effective_to\n");
        var kpis = new StringBuilder("contract_ref,kpi_id,indicator,area_code,role,baseline_period,baseline_value,target_value,deadline_period,trajectory,lead,effective_from,effective_to,service_line\n");
        var funding = new StringBuilder("contract_ref,fund,year,partner,earmark,amount_pence\n");
        void Contract(string reference, string provider, string title, string start, string end, long pence, string commissioner, string route, string baseline, string description) =>
            contracts.Append(CultureInfo.InvariantCulture, $"{reference},{Q(provider)},{Q(title)},{start},{end},{pence},{Q(commissioner)},{route},{baseline},{Q(description)}\n");
        void Lines(string reference, string code, string name, string focus, IReadOnlyList<AreaCode> places, long pence)
        {
            var each = pence / places.Count;
            foreach (var place in places) lines.Append(CultureInfo.InvariantCulture, $"{reference},{code}-{place.Value[^3..]},{Q(name)},{focus},{place.Value},{each},,\n");
        }

        void Kpi(string reference, string code, Core.Indicators.IndicatorId indicator, string role, string baseline, double from, double to, string deadline, string effectiveFrom = "", string effectiveTo = "", string line = "") =>
            kpis.Append(CultureInfo.InvariantCulture, $"{reference},{code},{indicator.Value},,{role},{baseline},{from},{to},{deadline},linear,Service manager{Suffix},{effectiveFrom},{effectiveTo},{line}\n");

        var countyCodes = county.Select(d => d.Code).ToList();
        Contract("TRAD-WM-2019", names["traditional"], "Adult weight management (traditional service)", "2019-04-01", "2021-03-31", 100_000_000, countyCouncil, "pcr2015", "",
            "Demo: a professional, clinic-based weight-management service — the traditional baseline of the seeds.");
        Lines("TRAD-WM-2019", "WM", "Weight management", "DietAndExercise", countyCodes, 100_000_000);
        Kpi("TRAD-WM-2019", "PEOPLE", ContractMeasures.PeopleSupported, "activity", "Mar-19", 80, 90, "Mar-21");

        Contract("IWS-2021", names["wellbeing"], "Integrated wellbeing service", "2021-04-01", "2026-03-31", 50_000_000, countyCouncil, "pcr2015", "TRAD-WM-2019",
            "Demo: one holistic pathway across weight, smoking and wellbeing, delivered with community partners and volunteers; one referral route.");
        variations.Append("IWS-2021,1,2023-04-01,\"Integrated weight-management pathway: performance measure added (joint contracting, seed 000)\",,\n");
        variations.Append("IWS-2021,2,2026-04-01,\"Term extended to March 2027 with an uplift; KPIs re-based for 2026/27\",52000000,2027-03-31\n");
        Lines("IWS-2021", "WM", "Weight management", "DietAndExercise", countyCodes, 20_000_000);
        Lines("IWS-2021", "SC", "Stop smoking", "TobaccoUse", countyCodes, 15_000_000);
        Lines("IWS-2021", "WB", "Wellbeing and social support", "FamilyAndSocialSupport", countyCodes, 15_000_000);
        Kpi("IWS-2021", "PEOPLE", ContractMeasures.PeopleSupported, "activity", "Mar-21", 95, 115, "Mar-26", "", "2026-03-31");
        Kpi("IWS-2021", "QUIT", ContractMeasures.FourWeekQuits, "outcome", "Mar-21", 48, 55, "Mar-26", "", "2026-03-31");
        Kpi("IWS-2021", "CONTACT", ContractMeasures.ContactedPromptly, "quality", "Mar-21", 80, 90, "Mar-26", "", "2026-03-31");
        Kpi("IWS-2021", "WM5", ContractMeasures.WeightLoss, "outcome", "Mar-23", 22, 30, "Mar-26", "2023-04-01", "2026-03-31");
        Kpi("IWS-2021", "PEOPLE", ContractMeasures.PeopleSupported, "activity", "Mar-26", 110, 120, "Mar-27", "2026-04-01");
        Kpi("IWS-2021", "QUIT", ContractMeasures.FourWeekQuits, "outcome", "Mar-26", 52, 56, "Mar-27", "2026-04-01");
        Kpi("IWS-2021", "CONTACT", ContractMeasures.ContactedPromptly, "quality", "Mar-26", 86, 90, "Mar-27", "2026-04-01");
        Kpi("IWS-2021", "WM5", ContractMeasures.WeightLoss, "outcome", "Mar-26", 28, 32, "Mar-27", "2026-04-01");
        funding.Append(CultureInfo.InvariantCulture, $"IWS-2021,PREV-POOL,2025/26,{Q(countyCouncil)},,35000000\nIWS-2021,PREV-POOL,2025/26,{Q(names["icb"])},,15000000\n");
        funding.Append(CultureInfo.InvariantCulture, $"IWS-2021,PREV-POOL,2026/27,{Q(countyCouncil)},,32000000\nIWS-2021,PREV-POOL,2026/27,{Q(names["icb"])},,20000000\n");

        Contract("MHFA-TRAD-2018", names["traditional"], "Mental health first aid training (traditional)", "2018-04-01", "2019-03-31", 15_000_000, countyCouncil, "pcr2015", "",
            "Demo: classroom training commissioned the traditional way (976 residents trained in the seeds).");
        Lines("MHFA-TRAD-2018", "MH", "Mental health first aid", "FamilyAndSocialSupport", countyCodes, 15_000_000);
        Kpi("MHFA-TRAD-2018", "TRAINED", ContractMeasures.PeopleTrained, "activity", "2017/18 Q4", 200, 250, "2018/19 Q4");
        Contract("MHFA-DIGI-2020", names["wellbeing"], "Mental health first aid and suicide prevention (digital campaign)", "2020-04-01", "2021-03-31", 12_000_000, countyCouncil, "grant", "MHFA-TRAD-2018",
            "Demo: digital community campaigns (45,000 residents trained in the seeds).");
        Lines("MHFA-DIGI-2020", "MH", "Mental health first aid", "FamilyAndSocialSupport", countyCodes, 12_000_000);
        Kpi("MHFA-DIGI-2020", "TRAINED", ContractMeasures.PeopleTrained, "activity", "2019/20 Q4", 250, 10_000, "2020/21 Q4");

        if (unitaries.Count > 0)
        {
            var southend = unitaries[0];
            Contract("STOP-2024", names["trust"], $"Stop smoking service ({southend.Name})", "2024-04-01", "2027-03-31", 18_000_000, names[southend.Code.Value], "psr-most-suitable", "",
                "Demo: a unitary council's specialist stop smoking service. The other unitary has none: a gap in the coverage matrix.");
            lines.Append(CultureInfo.InvariantCulture, $"STOP-2024,SC,Stop smoking,TobaccoUse,{southend.Code.Value},18000000,,\n");
            Kpi("STOP-2024", "QUIT", ContractMeasures.FourWeekQuits, "outcome", "Mar-24", 45, 52, "Mar-27", line: "SC");
            Kpi("STOP-2024", "PEOPLE", ContractMeasures.PeopleSupported, "activity", "Mar-24", 40, 50, "Mar-27", line: "SC");
            funding.Append(CultureInfo.InvariantCulture, $"STOP-2024,PREV-POOL,2026/27,{Q(names[southend.Code.Value])},,15000000\n");
        }

        Contract("LEIS-2025", names["leisure"], $"Active communities ({leisure.Name})", "2025-04-01", "2028-03-31", 25_000_000, names[leisure.Code.Value], "direct-award", "",
            "Demo: a district's leisure and physical activity contract — the same focus area and place as the integrated service's weight management (an overlap).");
        lines.Append(CultureInfo.InvariantCulture, $"LEIS-2025,ACT,Physical activity,DietAndExercise,{leisure.Code.Value},25000000,,\n");
        Kpi("LEIS-2025", "SESSIONS", ContractMeasures.ActivitySessions, "activity", "Mar-25", 2000, 2600, "Mar-28", line: "ACT");

        foreach (var (alliance, i) in alliances.Take(2).Select((a, i) => (a, i + 1)))
        {
            var reference = $"GRANT-CC{i}-2025";
            Contract(reference, names[$"connectors-{i}"], $"Community connectors ({alliance.Name})", "2025-04-01", "2027-03-31", 6_000_000, names["icb"], "grant", "",
                "Demo: a grant to a VCSE organisation for community connectors and volunteers.");
            lines.Append(CultureInfo.InvariantCulture, $"{reference},CC,Community connectors,FamilyAndSocialSupport,{alliance.Code.Value},6000000,,\n");
            Kpi(reference, "WELLBEING", ContractMeasures.WellbeingImproved, "outcome", "2024/25 Q4", 55, 65, "2026/27 Q4");
            funding.Append(CultureInfo.InvariantCulture, $"{reference},PREV-POOL,2026/27,{Q(names["icb"])},Community connectors,6000000\n");
        }

        File.WriteAllText(Path("contracts.csv"), contracts.ToString());
        File.WriteAllText(Path("variations.csv"), variations.ToString());
        File.WriteAllText(Path("lines.csv"), lines.ToString());
        File.WriteAllText(Path("kpis.csv"), kpis.ToString());
        File.WriteAllText(Path("funding.csv"), funding.ToString());
        return new ContractFiles(Path("contracts.csv"), Path("variations.csv"), Path("lines.csv"), Path("kpis.csv"), Path("funding.csv"));
    }

    /// <summary>Returns for every period that has ended, from a seeded generator: the traditional service ~1,000 people a year, the integrated one ~30 % more; the weight-management outcome falling in the last two months.</summary>
    private async Task ReturnsAsync(DateOnly today, List<IcsDistrict> unitaries, List<IcsAlliance> alliances, CancellationToken cancellationToken)
    {
        var random = new Random(20230401);
        var viewer = CommissioningViewer.Console(Actor);
        IEnumerable<(string Label, DateOnly End)> Months(DateOnly from, DateOnly to)
        {
            for (var m = new DateOnly(from.Year, from.Month, 1); m <= to && m.AddMonths(1).AddDays(-1) < today; m = m.AddMonths(1))
                yield return (Core.Indicators.IndicatorPeriod.Month(m.Year, m.Month).Label, m.AddMonths(1).AddDays(-1));
        }

        async Task SubmitAsync(string contract, List<ReturnRow> rows)
        {
            if (rows.Count == 0) return;
            var outcome = await returns.ImportAsync(contract, $"{contract}-returns.csv", ReturnRows.Columns, rows, viewer, cancellationToken);
            if (!outcome.Succeeded) throw new InvalidOperationException($"The demo's returns for {contract} do not pass the checks: " + string.Join("; ", outcome.Problems));
        }

        ReturnRow Row(int n, string kpi, string period, double numerator, double? denominator = null) =>
            new(n, kpi, period, numerator.ToString(CultureInfo.InvariantCulture), denominator?.ToString(CultureInfo.InvariantCulture) ?? "", "", "");

        var traditional = new List<ReturnRow>();
        foreach (var (label, _) in Months(new DateOnly(2019, 4, 1), new DateOnly(2021, 3, 31))) traditional.Add(Row(traditional.Count + 2, "PEOPLE", label, random.Next(76, 91)));
        await SubmitAsync("TRAD-WM-2019", traditional);

        var integrated = new List<ReturnRow>();
        var all = Months(new DateOnly(2021, 4, 1), new DateOnly(2027, 3, 31)).ToList();
        foreach (var (i, (label, end)) in all.Index())
        {
            var late = i >= all.Count - 2;
            var current = end >= new DateOnly(2026, 4, 30);
            integrated.Add(Row(integrated.Count + 2, "PEOPLE", label, current ? random.Next(122, 131) : random.Next(100, 118)));
            var quitters = random.Next(110, 131);
            integrated.Add(Row(integrated.Count + 2, "QUIT", label, Math.Round(quitters * (current ? 0.56 + (random.NextDouble() * 0.04) : 0.5 + (random.NextDouble() * 0.08))), quitters));
            var referrals = random.Next(300, 360);
            integrated.Add(Row(integrated.Count + 2, "CONTACT", label, Math.Round(referrals * (current ? 0.91 + (random.NextDouble() * 0.03) : 0.84 + (random.NextDouble() * 0.06))), referrals));
            if (end >= new DateOnly(2023, 4, 30))
            {
                var completers = random.Next(90, 111);
                integrated.Add(Row(integrated.Count + 2, "WM5", label, Math.Round(completers * (late ? 0.16 : 0.25 + (random.NextDouble() * 0.06))), completers));
            }
        }

        await SubmitAsync("IWS-2021", integrated);
        await SubmitAsync("MHFA-TRAD-2018", [Row(2, "TRAINED", "2018/19 Q1", 240), Row(3, "TRAINED", "2018/19 Q2", 251), Row(4, "TRAINED", "2018/19 Q3", 238), Row(5, "TRAINED", "2018/19 Q4", 247)]);
        await SubmitAsync("MHFA-DIGI-2020", [Row(2, "TRAINED", "2020/21 Q1", 15_200), Row(3, "TRAINED", "2020/21 Q2", 12_400), Row(4, "TRAINED", "2020/21 Q3", 9_800), Row(5, "TRAINED", "2020/21 Q4", 7_600)]);
        if (unitaries.Count > 0)
        {
            var stop = new List<ReturnRow>();
            foreach (var (label, _) in Months(new DateOnly(2024, 4, 1), new DateOnly(2027, 3, 31)))
            {
                var quitters = random.Next(40, 61);
                stop.Add(Row(stop.Count + 2, "QUIT", label, Math.Round(quitters * (0.5 + (random.NextDouble() * 0.08))), quitters));
                stop.Add(Row(stop.Count + 2, "PEOPLE", label, random.Next(46, 58)));
            }

            await SubmitAsync("STOP-2024", stop);
        }

        var sessions = new List<ReturnRow>();
        foreach (var (label, _) in Months(new DateOnly(2025, 4, 1), new DateOnly(2028, 3, 31))) sessions.Add(Row(sessions.Count + 2, "SESSIONS", label, random.Next(2100, 2500)));
        await SubmitAsync("LEIS-2025", sessions);
        foreach (var i in Enumerable.Range(1, Math.Min(2, alliances.Count)))
        {
            var quarters = new[] { ("2025/26 Q1", new DateOnly(2025, 6, 30)), ("2025/26 Q2", new DateOnly(2025, 9, 30)), ("2025/26 Q3", new DateOnly(2025, 12, 31)), ("2025/26 Q4", new DateOnly(2026, 3, 31)), ("2026/27 Q1", new DateOnly(2026, 6, 30)), ("2026/27 Q2", new DateOnly(2026, 9, 30)) };
            var rows = quarters.Where(q => q.Item2 < today).Select((q, n) =>
            {
                var leavers = random.Next(60, 90);
                return Row(n + 2, "WELLBEING", q.Item1, Math.Round(leavers * (0.57 + (random.NextDouble() * 0.08))), leavers);
            }).ToList();
            await SubmitAsync($"GRANT-CC{i}-2025", rows);
        }

        // The plan the falling weight-management outcome opened gets an action, now overdue: it is escalated.
        var open = await remedial.ListAsync(viewer, openOnly: true, cancellationToken: cancellationToken);
        if (open.FirstOrDefault(p => p.Contract.Ref == "IWS-2021" && p.Plan.Kpi == "WM5") is { } plan)
            await remedial.AddActionAsync(plan.Plan.Id, "Review the light-touch pathway's follow-up at 12 weeks with the community delivery partners", "Head of Commissioning, Public Health" + Suffix, today.AddDays(-5), viewer, cancellationToken);
    }

    private async Task SpendAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var commitments = await db.FundCommitments.AsNoTracking().Where(c => c.Year == 2026).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var invoices = new List<(int, DateOnly, long, string)>();
        foreach (var commitment in commitments)
            for (var month = new DateOnly(2026, 4, 30); month < today && month <= new FinancialYear(2026).End; month = new DateOnly(month.Year, month.Month, 1).AddMonths(2).AddDays(-1))
                invoices.Add((commitment.Id, month, commitment.AmountPence / 12, $"Demo: invoice {month:MMM yyyy}"));
        await funds.SpendAsync(invoices, Actor, cancellationToken);
    }

    private async Task PipelineAsync(Dictionary<string, string> names, List<IcsDistrict> unitaries, CancellationToken cancellationToken)
    {
        var countyCouncil = names["county"];
        var run = await db.AllocationRuns.AsNoTracking().Where(r => r.CreatedBy == DemoAllocations.Actor).OrderBy(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var target = await db.Targets.AsNoTracking().Where(t => t.Indicator == DemoIndicators.Smoking).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);
        var evidence = new List<(EvidenceKind, string, string)> { (EvidenceKind.Indicator, DemoIndicators.Smoking.Value.ToString(CultureInfo.InvariantCulture), "Smoking prevalence above England's in the most deprived places") };
        if (target is { } t) evidence.Add((EvidenceKind.Target, t.ToString(CultureInfo.InvariantCulture), "The ICB's smoking target"));
        if (run is { } r) evidence.Add((EvidenceKind.AllocationRun, r.ToString(CultureInfo.InvariantCulture), "The 2026/27 prevention allocation by district"));
        evidence.Add((EvidenceKind.Cohort, "core20", "Residents of the most deprived 20 % of neighbourhoods"));

        async Task<int?> CreateAsync(string title, string lead, string focus, long pence, IReadOnlyList<(string, int)> partners, DateOnly on, IReadOnlyList<(EvidenceKind, string, string)> links) =>
            (await pipeline.CreateAsync(new IntentionDraft(title, "Demo: " + title + ".", lead, focus, pence, partners, links, on, "Head of Commissioning" + Suffix), Actor, cancellationToken)).Value?.Id;

        if (await CreateAsync("Integrated wellbeing service from April 2027", countyCouncil, "DietAndExercise", 55_000_000, [(countyCouncil, 6_000), (names["icb"], 4_000)], new DateOnly(2026, 5, 1), evidence) is { } next)
        {
            await pipeline.StepAsync(next, CommissioningStage.Specification, new DateOnly(2026, 7, 1), "Public Health Commissioning Manager" + Suffix, "Specification agreed with the ICB", null, null, null, Actor, cancellationToken);
            await pipeline.StepAsync(next, CommissioningStage.Procurement, new DateOnly(2026, 10, 1), "Procurement Lead" + Suffix, "Competitive process under the Provider Selection Regime", "psr-competitive", null, null, Actor, cancellationToken);
        }

        if (unitaries.Count > 1 && await CreateAsync($"Stop smoking service ({unitaries[1].Name})", names[unitaries[1].Code.Value], "TobaccoUse", 15_000_000, [], new DateOnly(2026, 9, 1),
                [(EvidenceKind.Indicator, DemoIndicators.Smoking.Value.ToString(CultureInfo.InvariantCulture), "No stop smoking service: a gap in the coverage matrix")]) is { } gap)
            await pipeline.StepAsync(gap, CommissioningStage.Specification, new DateOnly(2026, 11, 2), "Public Health Lead" + Suffix, "Drafting the specification", null, null, null, Actor, cancellationToken);

        if (await CreateAsync("Community connectors grants, round 2", names["icb"], "FamilyAndSocialSupport", 12_000_000, [], new DateOnly(2026, 6, 1),
                [(EvidenceKind.Cohort, "core20", "Socially isolated residents in the most deprived neighbourhoods")]) is { } grants)
        {
            await pipeline.StepAsync(grants, CommissioningStage.Specification, new DateOnly(2026, 6, 15), "VCSE Partnership Lead" + Suffix, "Grant prospectus", null, null, null, Actor, cancellationToken);
            await pipeline.StepAsync(grants, CommissioningStage.Procurement, new DateOnly(2026, 7, 1), "VCSE Partnership Lead" + Suffix, "Open grant round", "grant", null, null, Actor, cancellationToken);
            await pipeline.StepAsync(grants, CommissioningStage.Award, new DateOnly(2026, 9, 30), "VCSE Partnership Lead" + Suffix, "Panel decision", null, names["connectors-1"], null, Actor, cancellationToken);
        }

        if (await CreateAsync("Integrated wellbeing service 2021", countyCouncil, "DietAndExercise", 50_000_000, [], new DateOnly(2020, 6, 1),
                [(EvidenceKind.Indicator, DemoIndicators.Smoking.Value.ToString(CultureInfo.InvariantCulture), "Lifestyle risk factors looked at together")]) is { } done)
        {
            await pipeline.StepAsync(done, CommissioningStage.Specification, new DateOnly(2020, 7, 1), "Public Health Commissioning Manager" + Suffix, "One holistic specification", null, null, null, Actor, cancellationToken);
            await pipeline.StepAsync(done, CommissioningStage.Procurement, new DateOnly(2020, 9, 1), "Procurement Lead" + Suffix, "Light-touch regime tender", "pcr2015", null, null, Actor, cancellationToken);
            await pipeline.StepAsync(done, CommissioningStage.Award, new DateOnly(2020, 12, 1), "Procurement Lead" + Suffix, "Award after standstill", null, names["wellbeing"], null, Actor, cancellationToken);
            await pipeline.StepAsync(done, CommissioningStage.Contract, new DateOnly(2021, 3, 1), "Contract Manager" + Suffix, "Contract signed", null, null, "IWS-2021", Actor, cancellationToken);
        }
    }

    private async Task PlansAsync(Dictionary<string, string> names, CancellationToken cancellationToken)
    {
        var signed = await plans.CreateAsync("Public health commissioning plan 2026–2028" + Suffix, names["county"], "2026/27", "2027/28",
            ["DietAndExercise", "TobaccoUse", "FamilyAndSocialSupport", "AlcoholAndDrugUse"], Actor, cancellationToken);
        if (signed.Value is { } plan)
        {
            foreach (var (criterion, i) in AlignmentTemplate.Criteria.Select((c, i) => (c, i)))
                await plans.ScoreAsync(plan.Id, criterion.Code, i % 4 == 3 ? 1 : 3 - (i % 2), $"Demo: {criterion.Evidence}", "", Actor, cancellationToken);
            await plans.SubmitAsync(plan.Id, Actor, cancellationToken);
            await plans.DecideAsync(plan.Id, PlanDecision.AlignedWithConditions, new DateOnly(2026, 3, 12),
                "Demo: aligned, on condition that the co-production evidence is brought to the June board.", Actor, cancellationToken);
        }

        var draft = await plans.CreateAsync("Prevention commissioning intentions 2026/27" + Suffix, names["icb"], "2026/27", "2026/27", ["AccessToCare", "QualityOfCare"], Actor, cancellationToken);
        if (draft.Value is { } icb)
            foreach (var criterion in AlignmentTemplate.Criteria.Take(6))
                await plans.ScoreAsync(icb.Id, criterion.Code, 2, $"Demo: {criterion.Evidence}", "", Actor, cancellationToken);

        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"commonweal-demo-marks-{Guid.NewGuid():N}.csv");
        try
        {
            var marks = new StringBuilder("organisation,theme,level,source\n");
            var organisations = new[] { names["icb"], names["county"], $"{ics.Districts[0].Name} Council{Suffix}", "Healthwatch" + Suffix };
            var themes = AlignmentTemplate.PriorityThemes.SelectMany(g => g.Themes).ToList();
            var random = new Random(2022);
            foreach (var organisation in organisations)
                foreach (var theme in themes.Where(_ => random.NextDouble() < 0.4))
                    marks.Append(CultureInfo.InvariantCulture, $"{Q(organisation)},{Q(theme)},{(random.NextDouble() < 0.4 ? "high" : "priority")},Demo: illustrative (the review's marks are colours the seed's text does not carry)\n");
            await File.WriteAllTextAsync(file, marks.ToString(), cancellationToken);
            await plans.ImportMatrixAsync(file, Actor, cancellationToken);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Q(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
