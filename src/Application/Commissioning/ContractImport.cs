using System.Globalization;
using System.Text.RegularExpressions;
using Commonweal.Application.Access;
using Commonweal.Application.Files;
using Commonweal.Application.Places;
using Commonweal.Core;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Commissioning;

/// <summary>
/// <c>contracts import</c> (docs/commissioning-formats.md): contracts, variations, service lines, KPIs and funding from up to
/// five files, checked together against the register, the partners, the catalogue, the places and the pooled funds, and
/// saved all or nothing in one transaction. Every problem of every file is given with its file, line, column and field.
/// The rules: a contract's reference is new, its provider provides and its commissioner commissions, its route suits its
/// provider, its term runs forward; variations are numbered on from the last, take effect within the term; a service line
/// or KPI that starts after the contract does starts on a variation's effective date (and one that ends before the
/// contract does ends the day before one); a KPI is a SMART target (the outcomes framework's check) and no two KPIs of one
/// code are in force on the same day; funding comes from a partner's contribution to a fund's year that overlaps the term,
/// never taking it or an earmark below zero.
/// </summary>
public sealed partial class ContractImport(
    CommonwealDbContext db, IDbContextFactory<CommonwealDbContext> contexts, PlaceGraphCache placeCache, AuditLog audit, TimeProvider clock, IcsDefinition ics)
{
    private sealed record Known(
        List<Partner> Partners,
        Dictionary<string, Contract> Contracts,
        List<ContractVariation> Variations,
        List<ServiceLine> Lines,
        List<ContractKpi> Kpis,
        Dictionary<IndicatorId, Indicator> Indicators,
        HashSet<AreaCode> Places);

    public async Task<ImportOutcome> ImportAsync(ContractFiles files, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.IsEmpty) return ImportOutcome.Refused(new FileProblem("(none)", null, 0, null, null, "no file was given: name a contracts, variations, lines, KPIs or funding file"));
        var known = new Known(
            await db.Partners.AsNoTracking().ToListAsync(cancellationToken),
            await db.Contracts.AsNoTracking().ToDictionaryAsync(c => c.Ref, StringComparer.OrdinalIgnoreCase, cancellationToken),
            await db.ContractVariations.AsNoTracking().ToListAsync(cancellationToken),
            await db.ServiceLines.AsNoTracking().ToListAsync(cancellationToken),
            await db.ContractKpis.AsNoTracking().ToListAsync(cancellationToken),
            ContractMeasures.With(await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Id, cancellationToken)),
            [.. (await placeCache.GetAsync(contexts, cancellationToken)).Areas.Select(a => a.Code)]);
        var problems = new FileProblems();
        var now = clock.GetUtcNow();

        // New contracts get negative ids until they are saved, so that the rows after them can refer to them.
        var contracts = new List<Contract>();
        var variations = new List<ContractVariation>();
        var lines = new List<ServiceLine>();
        var kpis = new List<ContractKpi>();
        var funding = new List<FundCommitment>();
        try
        {
            if (files.Contracts is { } c) ReadContracts(c, known, contracts, problems, actor, now);
            var all = known.Contracts.Values.Concat(contracts).ToDictionary(x => x.Ref, StringComparer.OrdinalIgnoreCase);
            if (files.Variations is { } v) ReadVariations(v, known, all, variations, problems, actor, now);
            var allVariations = known.Variations.Concat(variations).ToList();
            if (files.Lines is { } l) ReadLines(l, known, all, allVariations, lines, problems);
            if (files.Kpis is { } k) ReadKpis(k, known, all, allVariations, lines, kpis, problems);
            if (files.Funding is { } f) await ReadFundingAsync(f, known, all, allVariations, funding, problems, actor, now, cancellationToken);
        }
        catch (FileProblemException e)
        {
            problems.Add(e.Problem);
        }

        if (problems.Any) return new ImportOutcome(0, 0, problems.All);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The new contracts are saved together (their ids then known); a baseline that is another new contract is set after.
        var saved = contracts.ToDictionary(c => c.Id, c => c with { Id = 0, Baseline = c.Baseline is < 0 ? null : c.Baseline });
        db.Contracts.AddRange(saved.Values);
        foreach (var contract in saved.Values)
            audit.Record(actor, "contract.add", "contract", contract.Ref, $"{contract.Title}; {contract.Start:yyyy-MM-dd} to {contract.End:yyyy-MM-dd}; {Pence.Format(contract.AnnualValuePence)} a year; {contract.Route.Code()}");
        await db.SaveChangesAsync(cancellationToken);
        foreach (var contract in contracts.Where(c => c.Baseline is < 0))
            db.Entry(saved[contract.Id]).CurrentValues.SetValues(saved[contract.Id] with { Baseline = saved[contract.Baseline!.Value].Id });

        int Id(int contract) => contract < 0 ? saved[contract].Id : contract;
        var references = contracts.Concat(known.Contracts.Values).ToDictionary(c => c.Id, c => c.Ref);
        string Ref(int contract) => references[contract];
        foreach (var variation in variations)
        {
            db.ContractVariations.Add(variation with { Id = 0, Contract = Id(variation.Contract) });
            audit.Record(actor, "contract.vary", "contract", Ref(variation.Contract), $"variation {variation.Number} from {variation.EffectiveFrom:yyyy-MM-dd}: {variation.Summary}");
        }

        foreach (var line in lines)
        {
            db.ServiceLines.Add(line with { Id = 0, Contract = Id(line.Contract) });
            audit.Record(actor, "contract.line", "contract", Ref(line.Contract), $"{line.Code} {line.FocusArea} {line.Area} {Pence.Format(line.AnnualValuePence)} from {line.EffectiveFrom:yyyy-MM-dd}{(line.EffectiveTo is { } to ? $" to {to:yyyy-MM-dd}" : "")}");
        }

        foreach (var kpi in kpis)
        {
            db.ContractKpis.Add(kpi with { Id = 0, Contract = Id(kpi.Contract) });
            audit.Record(actor, "contract.kpi", "contract", Ref(kpi.Contract), $"{kpi.Code}: indicator {kpi.Indicator} {kpi.BaselineValue}→{kpi.TargetValue} by {kpi.DeadlinePeriod}, from {kpi.EffectiveFrom:yyyy-MM-dd}{(kpi.EffectiveTo is { } to ? $" to {to:yyyy-MM-dd}" : "")}");
        }

        foreach (var commitment in funding)
        {
            db.FundCommitments.Add(commitment with { Id = 0, Contract = Id(commitment.Contract) });
            audit.Record(actor, "fund.commit", "contract", Ref(commitment.Contract), $"fund {commitment.Fund} {new FinancialYear(commitment.Year)}: {Pence.Format(commitment.AmountPence)}");
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(contracts.Count + variations.Count + lines.Count + kpis.Count + funding.Count, 0, []);
    }

    /// <summary>A reference: a letter or digit, then letters, digits, '.', '-', '_' or '/', up to 50 in all.</summary>
    public static bool IsReference(string? text) => text is not null && Reference().IsMatch(text);

    private static void ReadContracts(string path, Known known, List<Contract> contracts, FileProblems problems, string actor, DateTimeOffset now)
    {
        using var table = TabularFile.Open(path);
        var col = ContractFiles.ContractColumns.ToDictionary(c => c, c => table.Column(c));
        var next = -1;
        var baselines = new List<(Contract Contract, string Baseline, int Line)>();
        foreach (var row in table.Rows())
        {
            string Field(string name) => row.Text(col[name], required: false).Trim();
            var before = problems.All.Count;
            var reference = Field("contract_ref");
            if (!IsReference(reference)) problems.Add(row, col["contract_ref"], $"'{reference}' is not a contract reference (a letter or digit, then letters, digits, '.', '-', '_' or '/', up to 50)");
            else if (known.Contracts.ContainsKey(reference)) problems.Add(row, col["contract_ref"], $"{reference} is already in the register: change it by a variation");
            else if (contracts.Any(c => string.Equals(c.Ref, reference, StringComparison.OrdinalIgnoreCase))) problems.Add(row, col["contract_ref"], $"{reference} is on an earlier line");
            var provider = PartnerRegister.Find(known.Partners, Field("provider"));
            if (provider is null) problems.Add(row, col["provider"], $"no partner is called '{Field("provider")}' (partners import adds them)");
            else if (!provider.Provides) problems.Add(row, col["provider"], $"{provider.Name} is not recorded as a provider (its role is {provider.Role?.Code() ?? "not recorded"})");
            var commissioner = PartnerRegister.Find(known.Partners, Field("commissioner"));
            if (commissioner is null) problems.Add(row, col["commissioner"], $"no partner is called '{Field("commissioner")}'");
            else if (!commissioner.Commissions) problems.Add(row, col["commissioner"], $"{commissioner.Name} is not recorded as a commissioner (its role is {commissioner.Role?.Code() ?? "not recorded"})");
            var title = Field("title");
            if (title.Length is 0 or > 300) problems.Add(row, col["title"], "a title of up to 300 characters is required");
            if (!ProcurementRoutes.TryParse(Field("route"), out var route))
                problems.Add(row, col["route"], $"'{Field("route")}' is not a procurement route ({string.Join(", ", Enum.GetValues<ProcurementRoute>().Select(r => r.Code()))})");
            else if (provider is not null && route.Problem(provider) is { } unsuitable) problems.Add(row, col["route"], unsuitable);
            var start = Date(row, col["start_date"], Field("start_date"), problems);
            var end = Date(row, col["end_date"], Field("end_date"), problems);
            if (start is { } s && end is { } e && e < s) problems.Add(row, col["end_date"], $"the term ends ({e:yyyy-MM-dd}) before it starts ({s:yyyy-MM-dd})");
            var value = Money(row, col["annual_value_pence"], Field("annual_value_pence"), problems);
            var description = Field("description");
            if (description.Length > 8000) problems.Add(row, col["description"], "the description is longer than 8,000 characters");
            if (problems.All.Count > before) continue;
            var contract = new Contract(next--, reference, title, provider!.Id, commissioner!.Id, route, start!.Value, end!.Value, value!.Value, null, null, description, now, actor);
            contracts.Add(contract);
            if (Field("baseline_contract") is { Length: > 0 } baseline) baselines.Add((contract, baseline, row.Line));
        }

        for (var i = 0; i < baselines.Count; i++)
        {
            var (contract, baseline, line) = baselines[i];
            var found = contracts.FirstOrDefault(c => string.Equals(c.Ref, baseline, StringComparison.OrdinalIgnoreCase))
                ?? known.Contracts.GetValueOrDefault(baseline);
            if (found is null) problems.Add(table.Problem(line, col["baseline_contract"], $"no contract {baseline} is in the register or the file"));
            else if (found.Id == contract.Id) problems.Add(table.Problem(line, col["baseline_contract"], "a contract cannot be its own baseline"));
            else contracts[contracts.IndexOf(contract)] = contract with { Baseline = found.Id };
        }
    }

    private static void ReadVariations(string path, Known known, Dictionary<string, Contract> all, List<ContractVariation> variations, FileProblems problems, string actor, DateTimeOffset now)
    {
        using var table = TabularFile.Open(path);
        var col = ContractFiles.VariationColumns.ToDictionary(c => c, c => table.Column(c));
        foreach (var row in table.Rows())
        {
            string Field(string name) => row.Text(col[name], required: false).Trim();
            var before = problems.All.Count;
            var contract = Contract(row, col["contract_ref"], Field("contract_ref"), all, problems);
            if (!int.TryParse(Field("number"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
                problems.Add(row, col["number"], $"'{Field("number")}' is not a variation number (1, 2, …)");
            var from = Date(row, col["effective_from"], Field("effective_from"), problems);
            var summary = Field("summary");
            if (summary.Length is 0 or > 4000) problems.Add(row, col["summary"], "a summary of up to 4,000 characters is required (what the variation changes and why)");
            long? value = Field("annual_value_pence").Length > 0 ? Money(row, col["annual_value_pence"], Field("annual_value_pence"), problems) : null;
            DateOnly? end = Field("end_date").Length > 0 ? Date(row, col["end_date"], Field("end_date"), problems) : null;
            if (problems.All.Count > before || contract is null) continue;
            var earlier = known.Variations.Concat(variations).Where(x => x.Contract == contract.Id).ToList();
            var expected = earlier.Count == 0 ? 1 : earlier.Max(x => x.Number) + 1;
            if (number != expected) problems.Add(row, col["number"], $"{contract.Ref}'s next variation is number {expected}, not {number}");
            var termEnd = ContractTimeline.FinalEnd(contract, earlier);
            // An extension may take effect on the day after the term it extends would have ended.
            var latest = end is { } newEnd && newEnd > termEnd ? termEnd.AddDays(1) : termEnd;
            if (from!.Value < contract.Start || from.Value > latest)
                problems.Add(row, col["effective_from"], $"{from.Value:yyyy-MM-dd} is outside {contract.Ref}'s term ({contract.Start:yyyy-MM-dd} to {termEnd:yyyy-MM-dd})");
            if (earlier.Count > 0 && from.Value < earlier.Max(x => x.EffectiveFrom))
                problems.Add(row, col["effective_from"], $"{from.Value:yyyy-MM-dd} is before the effective date of variation {earlier.MaxBy(x => x.EffectiveFrom)!.Number} ({earlier.Max(x => x.EffectiveFrom):yyyy-MM-dd}): variations take effect in order");
            if (end is { } e && e < from.Value) problems.Add(row, col["end_date"], $"the new end {e:yyyy-MM-dd} is before the variation takes effect ({from.Value:yyyy-MM-dd})");
            if (problems.All.Count > before) continue;
            variations.Add(new ContractVariation(-(variations.Count + 1), contract.Id, number, from.Value, summary, value, end, now, actor));
        }
    }

    private static void ReadLines(string path, Known known, Dictionary<string, Contract> all, List<ContractVariation> allVariations, List<ServiceLine> lines, FileProblems problems)
    {
        using var table = TabularFile.Open(path);
        var col = ContractFiles.LineColumns.ToDictionary(c => c, c => table.Column(c));
        foreach (var row in table.Rows())
        {
            string Field(string name) => row.Text(col[name], required: false).Trim();
            var before = problems.All.Count;
            var contract = Contract(row, col["contract_ref"], Field("contract_ref"), all, problems);
            var code = Field("code");
            if (!Code().IsMatch(code)) problems.Add(row, col["code"], $"'{code}' is not a service line code (letters, digits, '.', '-' or '_', up to 32)");
            var name = Field("name");
            if (name.Length is 0 or > 300) problems.Add(row, col["name"], "a name of up to 300 characters is required");
            if (!EnumNames.TryParse<FocusArea>(Field("focus_area"), out var focus))
                problems.Add(row, col["focus_area"], $"'{Field("focus_area")}' is not a focus area of the County Health Rankings model ({string.Join(", ", Enum.GetNames<FocusArea>())})");
            var area = Place(row, col["area_code"], Field("area_code"), known, problems);
            var value = Money(row, col["annual_value_pence"], Field("annual_value_pence"), problems);
            var (from, to) = Window(row, col["effective_from"], col["effective_to"], Field("effective_from"), Field("effective_to"), contract, allVariations, problems);
            if (problems.All.Count > before || contract is null) continue;
            var line = new ServiceLine(-(lines.Count + 1), contract.Id, code, name, focus, area!.Value, value!.Value, from!.Value, to);
            var twin = known.Lines.Concat(lines).FirstOrDefault(x => x.Contract == contract.Id && string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase) && Overlap(x.EffectiveFrom, x.EffectiveTo, line.EffectiveFrom, line.EffectiveTo));
            if (twin is not null) problems.Add(row, col["code"], $"{contract.Ref} already has a service line {code} in force from {twin.EffectiveFrom:yyyy-MM-dd}: end it the day before this one starts");
            else lines.Add(line);
        }
    }

    private void ReadKpis(
        string path, Known known, Dictionary<string, Contract> all, List<ContractVariation> allVariations, List<ServiceLine> lines, List<ContractKpi> kpis, FileProblems problems)
    {
        using var table = TabularFile.Open(path);
        var col = ContractFiles.KpiColumns.Where(c => c != "service_line").ToDictionary(c => c, c => table.Column(c));
        col["service_line"] = table.OptionalColumn("service_line");
        foreach (var row in table.Rows())
        {
            string Field(string name) => row.Text(col[name], required: false).Trim();
            var before = problems.All.Count;
            var contract = Contract(row, col["contract_ref"], Field("contract_ref"), all, problems);
            var code = Field("kpi_id");
            if (!Code().IsMatch(code)) problems.Add(row, col["kpi_id"], $"'{code}' is not a KPI id (letters, digits, '.', '-' or '_', up to 32, e.g. WM1)");
            Indicator? indicator = null;
            if (!int.TryParse(Field("indicator"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) problems.Add(row, col["indicator"], $"'{Field("indicator")}' is not an indicator id (a whole number)");
            else if (!known.Indicators.TryGetValue(new IndicatorId(id), out indicator)) problems.Add(row, col["indicator"], $"indicator {id} is not in the catalogue");
            var area = Field("area_code").Length == 0 ? ics.Code : Place(row, col["area_code"], Field("area_code"), known, problems);
            if (!KpiRoles.TryParse(Field("role"), out var role)) problems.Add(row, col["role"], $"'{Field("role")}' is not a KPI role (activity, outcome or quality)");
            double? baseline = null, goal = null;
            if (Number(Field("baseline_value")) is { } b) baseline = b;
            else problems.Add(row, col["baseline_value"], $"'{Field("baseline_value")}' is not a number (the baseline the KPI is set from)");
            if (Number(Field("target_value")) is { } t) goal = t;
            else problems.Add(row, col["target_value"], $"'{Field("target_value")}' is not a number");
            var lead = Field("lead");
            if (lead.Length > 200) problems.Add(row, col["lead"], "the lead is longer than 200 characters");
            var (from, to) = Window(row, col["effective_from"], col["effective_to"], Field("effective_from"), Field("effective_to"), contract, allVariations, problems);
            var line = col["service_line"] >= 0 ? Field("service_line") : "";
            if (line.Length > 0 && contract is not null && !known.Lines.Concat(lines).Any(l => l.Contract == contract.Id && string.Equals(l.Code, line, StringComparison.OrdinalIgnoreCase)))
                problems.Add(row, col["service_line"], $"{contract.Ref} has no service line '{line}'");
            if (problems.All.Count > before || contract is null || indicator is null) continue;

            // A KPI is a SMART target scoped to the contract: the outcomes framework's check, its baseline as agreed.
            var provider = known.Partners.First(p => p.Id == contract.Provider);
            var draft = new TargetDraft(id, area!.Value.Value, "Persons", "", "", Field("baseline_period"), goal, Field("deadline_period"),
                Field("trajectory").Length == 0 ? null : Field("trajectory"), provider.Name, lead, null);
            var check = draft.Check(new TargetFacts(indicator, PlaceExists: true, BreakdownHasData: true, baseline));
            foreach (var problem in check.Problems)
            {
                var field = problem.Field switch { "indicator_id" => "indicator", "owner" => "lead", "sex" => "area_code", var f => f };
                problems.Add(row, col.GetValueOrDefault(field, col["kpi_id"]), problem.Reason);
            }

            if (problems.All.Count > before) continue;
            var kpi = new ContractKpi(-(kpis.Count + 1), contract.Id, code, indicator.Id, area.Value, role, Field("baseline_period"), baseline!.Value, goal!.Value,
                Field("deadline_period"), Field("trajectory").Length == 0 ? "linear" : Field("trajectory"), lead, from!.Value, to, line.Length == 0 ? null : line);
            var twin = known.Kpis.Concat(kpis).FirstOrDefault(x => x.Contract == contract.Id && string.Equals(x.Code, code, StringComparison.OrdinalIgnoreCase) && Overlap(x.EffectiveFrom, x.EffectiveTo, kpi.EffectiveFrom, kpi.EffectiveTo));
            if (twin is not null) problems.Add(row, col["kpi_id"], $"{contract.Ref} already has a KPI {code} in force from {twin.EffectiveFrom:yyyy-MM-dd}{(twin.EffectiveTo is { } end ? $" to {end:yyyy-MM-dd}" : "")}: a KPI changed by a variation ends the day before its new version starts");
            else kpis.Add(kpi);
        }
    }

    private async Task ReadFundingAsync(
        string path, Known known, Dictionary<string, Contract> all, List<ContractVariation> allVariations, List<FundCommitment> funding, FileProblems problems, string actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var funds = await db.Funds.AsNoTracking().ToListAsync(cancellationToken);
        var earmarks = await db.FundEarmarks.AsNoTracking().ToListAsync(cancellationToken);
        var fundNames = funds.ToDictionary(f => f.Id, f => f.Name);
        var partnerNames = known.Partners.ToDictionary(p => p.Id, p => p.Name);
        var ledger = FundLedger.Of(
            await db.FundContributions.AsNoTracking().ToListAsync(cancellationToken), earmarks,
            await db.FundCommitments.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken),
            await db.FundSpend.AsNoTracking().ToListAsync(cancellationToken),
            id => fundNames.GetValueOrDefault(id, $"fund {id}"), id => partnerNames.GetValueOrDefault(id, $"partner {id}"));
        using var table = TabularFile.Open(path);
        var col = ContractFiles.FundingColumns.ToDictionary(c => c, c => table.Column(c));
        foreach (var row in table.Rows())
        {
            string Field(string name) => row.Text(col[name], required: false).Trim();
            var before = problems.All.Count;
            var contract = Contract(row, col["contract_ref"], Field("contract_ref"), all, problems);
            var fund = funds.FirstOrDefault(f => string.Equals(f.Code, Field("fund"), StringComparison.OrdinalIgnoreCase));
            if (fund is null) problems.Add(row, col["fund"], $"no pooled fund has the code '{Field("fund")}'");
            if (!FinancialYear.TryParse(Field("year"), out var year, out var yearError)) problems.Add(row, col["year"], yearError);
            var partner = PartnerRegister.Find(known.Partners, Field("partner"));
            if (partner is null) problems.Add(row, col["partner"], $"no partner is called '{Field("partner")}'");
            var amount = Money(row, col["amount_pence"], Field("amount_pence"), problems);
            if (problems.All.Count > before || contract is null) continue;
            int? earmark = null;
            if (Field("earmark") is { Length: > 0 } name)
            {
                var found = earmarks.FirstOrDefault(e => e.Fund == fund!.Id && e.Year == year.StartYear && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
                if (found is null)
                {
                    problems.Add(row, col["earmark"], $"{fund!.Code} {year} has no earmark called '{name}'");
                    continue;
                }

                earmark = found.Id;
            }

            var termEnd = ContractTimeline.FinalEnd(contract, allVariations);
            if (year.End < contract.Start || year.Start > termEnd)
            {
                problems.Add(row, col["year"], $"{year} does not overlap {contract.Ref}'s term ({contract.Start:yyyy-MM-dd} to {termEnd:yyyy-MM-dd})");
                continue;
            }

            var commitment = new FundCommitment(-(funding.Count + 1), fund!.Id, year.StartYear, partner!.Id, earmark, contract.Id, amount!.Value, now, actor);
            if (ledger.Commit(commitment) is { } refused) problems.Add(row, col["amount_pence"], refused);
            else funding.Add(commitment);
        }
    }

    private static Contract? Contract(TableRow row, int column, string reference, Dictionary<string, Contract> all, FileProblems problems)
    {
        if (all.TryGetValue(reference, out var contract)) return contract;
        problems.Add(row, column, reference.Length == 0 ? "a contract reference is required" : $"no contract {reference} is in the register or the contracts file");
        return null;
    }

    private static AreaCode? Place(TableRow row, int column, string text, Known known, FileProblems problems)
    {
        if (AreaCode.TryParse(text, out var code) && known.Places.Contains(code)) return code;
        problems.Add(row, column, text.Length == 0 ? "a place code is required" : $"'{text}' is not a place Commonweal knows");
        return null;
    }

    /// <summary>A line's or KPI's effective range: from the contract's start unless given; starting later only on a variation's date; ending before the term's end only the day before one.</summary>
    private static (DateOnly? From, DateOnly? To) Window(
        TableRow row, int fromColumn, int toColumn, string fromText, string toText, Contract? contract, List<ContractVariation> variations, FileProblems problems)
    {
        DateOnly? from = fromText.Length == 0 ? contract?.Start : Date(row, fromColumn, fromText, problems);
        DateOnly? to = toText.Length == 0 ? null : Date(row, toColumn, toText, problems);
        if (contract is null || from is null || (toText.Length > 0 && to is null)) return (from, to);
        var mine = variations.Where(v => v.Contract == contract.Id).ToList();
        var termEnd = ContractTimeline.FinalEnd(contract, mine);
        if (from < contract.Start || from > termEnd)
            problems.Add(row, fromColumn, $"{from:yyyy-MM-dd} is outside {contract.Ref}'s term ({contract.Start:yyyy-MM-dd} to {termEnd:yyyy-MM-dd})");
        else if (from > contract.Start && mine.All(v => v.EffectiveFrom != from))
            problems.Add(row, fromColumn, $"{from:yyyy-MM-dd} is after {contract.Ref} starts, and no variation of it takes effect that day: add the variation that makes the change");
        if (to is { } end)
        {
            if (end < from) problems.Add(row, toColumn, $"it ends ({end:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
            else if (end > termEnd) problems.Add(row, toColumn, $"{end:yyyy-MM-dd} is after {contract.Ref}'s term ends ({termEnd:yyyy-MM-dd})");
            else if (end < termEnd && mine.All(v => v.EffectiveFrom != end.AddDays(1)))
                problems.Add(row, toColumn, $"it ends on {end:yyyy-MM-dd}, before {contract.Ref}'s term does, and no variation of it takes effect the day after: add the variation that makes the change");
        }

        return (from, to);
    }

    private static bool Overlap(DateOnly from1, DateOnly? to1, DateOnly from2, DateOnly? to2) =>
        from1 <= (to2 ?? DateOnly.MaxValue) && from2 <= (to1 ?? DateOnly.MaxValue);

    private static DateOnly? Date(TableRow row, int column, string text, FileProblems problems)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add(row, column, text.Length == 0 ? "a date is required (YYYY-MM-DD)" : $"'{text}' is not a date (YYYY-MM-DD)");
        return null;
    }

    private static long? Money(TableRow row, int column, string text, FileProblems problems)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pence) && pence <= Pence.Most) return pence;
        problems.Add(row, column, text.Length == 0 ? "an amount in whole pence is required" : $"'{text}' is not an amount in whole pence (digits only, 0 to {Pence.Most:D})");
        return null;
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$")]
    private static partial Regex Reference();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")]
    private static partial Regex Code();
}
