using Commonweal.Application.Access;
using Commonweal.Application.Allocation;
using Commonweal.Application.Places;
using Commonweal.Core;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Commissioning;

/// <summary>One row of the balance sheet: a partner's position in a fund's year (the columns of <c>funds balance</c>).</summary>
public sealed record FundBalanceRow(string Fund, string Year, string Partner, long Contributed, long Committed, long Spent)
{
    public long Balance => Contributed - Committed;
}

/// <summary>A fund with its years' positions and earmarks, for its page.</summary>
public sealed record FundView(PooledFund Fund, string Host, IReadOnlyList<FundBalanceRow> Positions, IReadOnlyList<(EarmarkPosition Position, string? Place)> Earmarks);

/// <summary>
/// Pooled funds (docs/methods/pooled-funds.md): defining a fund, partners' yearly contributions, earmarks (by hand or one per
/// place from a saved allocation run), commitments to contracts and actual spend, all in whole pence and checked by
/// <see cref="FundLedger"/> against everything stored, so that no commitment takes a partner's contribution, the fund or
/// an earmark below zero. Each change is audited in the same transaction.
/// </summary>
public sealed class FundBook(
    CommonwealDbContext db, IDbContextFactory<CommonwealDbContext> contexts, PlaceGraphCache placeCache, AuditLog audit, TimeProvider clock, AllocationRuns runs)
{
    public async Task<IReadOnlyList<PooledFund>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Funds.AsNoTracking().OrderBy(f => f.Code).ToListAsync(cancellationToken);

    public async Task<Answer<PooledFund>> DefineAsync(string code, string name, string arrangement, string host, string description, string actor, CancellationToken cancellationToken = default)
    {
        var c = (code ?? "").Trim();
        if (!ContractImport.IsReference(c)) return Invalid("code", $"'{code}' is not a fund code (letters, digits, '.', '-', '_' or '/', up to 32, e.g. MSE-PREV)");
        if (c.Length > 32) return Invalid("code", "the code is longer than 32 characters");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200) return Invalid("name", "a name of up to 200 characters is required");
        if (!FundArrangements.TryParse(arrangement, out var kind)) return Invalid("arrangement", $"'{arrangement}' is not an arrangement (section75, bcf, aligned or other)");
        var partners = await db.Partners.AsNoTracking().ToListAsync(cancellationToken);
        if (PartnerRegister.Find(partners, host) is not { } hostPartner) return Invalid("host", $"no partner is called '{host}' (partners import adds them)");
        if (await db.Funds.AnyAsync(f => f.Code == c, cancellationToken)) return Invalid("code", $"a fund with the code {c} already exists");
        var fund = new PooledFund(0, c, name.Trim(), kind, hostPartner.Id, (description ?? "").Trim(), clock.GetUtcNow(), actor);
        db.Funds.Add(fund);
        audit.Record(actor, "fund.define", "fund", c, $"{fund.Name}; {kind.Label()}; hosted by {hostPartner.Name}");
        await db.SaveChangesAsync(cancellationToken);
        return fund;
    }

    public async Task<Answer<FundContribution>> ContributeAsync(string fundCode, string year, string partner, long pence, string note, string actor, CancellationToken cancellationToken = default)
    {
        var (fund, fy, who, refusal) = await ResolveAsync(fundCode, year, partner, cancellationToken);
        if (refusal is not null) return refusal;
        if (!who!.Commissions) return Invalid("partner", $"{who.Name} is not recorded as a commissioner, so it does not contribute to pooled funds");
        var ledger = await LedgerAsync(cancellationToken);
        var contribution = new FundContribution(0, fund!.Id, fy.StartYear, who.Id, pence, (note ?? "").Trim(), clock.GetUtcNow(), actor);
        if (ledger.Contribute(contribution) is { } problem) return Invalid("amount", problem);
        db.FundContributions.Add(contribution);
        audit.Record(actor, "fund.contribute", "fund", fund.Code, $"{who.Name} {fy}: {Pence.Format(pence)}");
        await db.SaveChangesAsync(cancellationToken);
        return contribution;
    }

    public async Task<Answer<FundEarmark>> EarmarkAsync(
        string fundCode, string year, string name, string? domain, string? area, long pence, string actor, CancellationToken cancellationToken = default)
    {
        var (fund, fy, _, refusal) = await ResolveAsync(fundCode, year, null, cancellationToken);
        if (refusal is not null) return refusal;
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200) return Invalid("name", "an earmark needs a name of up to 200 characters");
        string? domainCode = null;
        if (!string.IsNullOrWhiteSpace(domain))
        {
            if (!FrameworkDomain.TryParse(domain, out var d)) return Invalid("domain", $"'{domain}' is not a domain of the outcomes framework (a focus area such as DietAndExercise, or a factor group)");
            domainCode = d.Code;
        }

        AreaCode? place = null;
        if (!string.IsNullOrWhiteSpace(area))
        {
            if (!AreaCode.TryParse(area.Trim(), out var code) || (await placeCache.GetAsync(contexts, cancellationToken)).Find(code) is null)
                return Invalid("area", $"'{area}' is not a place Commonweal knows");
            place = code;
        }

        var ledger = await LedgerAsync(cancellationToken);
        var earmark = new FundEarmark(0, fund!.Id, fy.StartYear, name.Trim(), domainCode, place, pence, null, clock.GetUtcNow(), actor);
        if (ledger.Earmark(earmark with { Id = -1 }) is { } problem) return Invalid("amount", problem);
        db.FundEarmarks.Add(earmark);
        audit.Record(actor, "fund.earmark", "fund", fund.Code, $"{fy} '{earmark.Name}' {domainCode} {place}: {Pence.Format(pence)}");
        await db.SaveChangesAsync(cancellationToken);
        return earmark;
    }

    /// <summary>One earmark per place of a saved allocation run, each the run's allocation there; the run's budget must fit what the fund's year has left to earmark.</summary>
    public async Task<Answer<IReadOnlyList<FundEarmark>>> EarmarkFromRunAsync(
        string fundCode, string year, long runId, string? domain, string actor, CancellationToken cancellationToken = default)
    {
        var (fund, fy, _, refusal) = await ResolveAsync(fundCode, year, null, cancellationToken);
        if (refusal is not null) return refusal;
        string? domainCode = null;
        if (!string.IsNullOrWhiteSpace(domain))
        {
            if (!FrameworkDomain.TryParse(domain, out var d)) return Invalid("domain", $"'{domain}' is not a domain of the outcomes framework");
            domainCode = d.Code;
        }

        var found = await runs.GetAsync(runId, cancellationToken);
        if (found.Value is not { } run) return found.Refusal!;
        var ledger = await LedgerAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var earmarks = new List<FundEarmark>();
        var id = -1;
        foreach (var line in run.Lines.Where(l => l.Allocation > 0))
        {
            var earmark = new FundEarmark(0, fund!.Id, fy.StartYear, $"{run.Label}: {line.Place.Name}", domainCode, line.Place.Code, line.Allocation, runId, now, actor);
            if (ledger.Earmark(earmark with { Id = id-- }) is { } problem)
                return Invalid("run", $"The run's allocations add up to {Pence.Format(run.Budget)}. {problem}");
            earmarks.Add(earmark);
        }

        db.FundEarmarks.AddRange(earmarks);
        audit.Record(actor, "fund.earmark-run", "fund", fund!.Code, $"{fy}: run {runId} '{run.Label}', {earmarks.Count} places, {Pence.Format(earmarks.Sum(e => e.AmountPence))}");
        await db.SaveChangesAsync(cancellationToken);
        return earmarks;
    }

    public async Task<Answer<FundSpend>> SpendAsync(int commitment, DateOnly on, long pence, string description, string actor, CancellationToken cancellationToken = default)
    {
        var answer = await SpendAsync([(commitment, on, pence, description)], actor, cancellationToken);
        return answer.Value is { } spent ? spent[0] : answer.Refusal!;
    }

    /// <summary>Several items of spend, checked in order against the ledger read once; all or nothing.</summary>
    public async Task<Answer<IReadOnlyList<FundSpend>>> SpendAsync(
        IReadOnlyList<(int Commitment, DateOnly On, long Pence, string Description)> items, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ledger = await LedgerAsync(cancellationToken);
        var spends = new List<FundSpend>();
        foreach (var (commitment, on, pence, description) in items)
        {
            var spend = new FundSpend(0, commitment, on, pence, (description ?? "").Trim(), clock.GetUtcNow(), actor);
            if (ledger.Spend(spend) is { } problem) return Invalid("amount", problem);
            spends.Add(spend);
            audit.Record(actor, "fund.spend", "commitment", commitment.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{on:yyyy-MM-dd}: {Pence.Format(pence)} {spend.Description}");
        }

        db.FundSpend.AddRange(spends);
        await db.SaveChangesAsync(cancellationToken);
        return spends;
    }

    /// <summary>The ledger of everything stored, with the funds' and partners' names for its messages.</summary>
    public async Task<FundLedger> LedgerAsync(CancellationToken cancellationToken = default) => (await BookAsync(cancellationToken)).Ledger;

    /// <summary>Every partner's position in every fund's year: the rows of <c>funds balance</c>, by fund code, year and partner name.</summary>
    public async Task<IReadOnlyList<FundBalanceRow>> BalancesAsync(CancellationToken cancellationToken = default)
    {
        var book = await BookAsync(cancellationToken);
        return [.. book.Ledger.Positions().Select(book.Row)
            .OrderBy(r => r.Fund, StringComparer.Ordinal).ThenBy(r => r.Year, StringComparer.Ordinal).ThenBy(r => r.Partner, StringComparer.Ordinal)];
    }

    public async Task<FundView?> ViewAsync(string code, CancellationToken cancellationToken = default)
    {
        var book = await BookAsync(cancellationToken);
        if (book.Funds.Values.FirstOrDefault(f => f.Code == code) is not { } fund) return null;
        var places = await placeCache.GetAsync(contexts, cancellationToken);
        return new FundView(
            fund,
            book.Partners[fund.Host],
            [.. book.Ledger.Positions().Where(p => p.Fund == fund.Id).Select(book.Row)],
            [.. book.Ledger.Earmarks().Where(e => e.Earmark.Fund == fund.Id).Select(e => (e, e.Earmark.Area is { } a ? places.Find(a)?.Name : null))]);
    }

    /// <summary>The stored ledger with the funds and the partners' names it speaks of, read once.</summary>
    private sealed record Book(FundLedger Ledger, Dictionary<int, PooledFund> Funds, Dictionary<int, string> Partners)
    {
        public FundBalanceRow Row(FundPosition p) =>
            new(Funds[p.Fund].Code, new FinancialYear(p.Year).Label, Partners[p.Partner], p.Contributed, p.Committed, p.Spent);
    }

    private async Task<Book> BookAsync(CancellationToken cancellationToken)
    {
        var funds = await db.Funds.AsNoTracking().ToDictionaryAsync(f => f.Id, cancellationToken);
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var ledger = FundLedger.Of(
            await db.FundContributions.AsNoTracking().ToListAsync(cancellationToken),
            await db.FundEarmarks.AsNoTracking().ToListAsync(cancellationToken),
            await db.FundCommitments.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken),
            await db.FundSpend.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken),
            id => funds.TryGetValue(id, out var f) ? f.Name : $"fund {id}",
            id => partners.GetValueOrDefault(id, $"partner {id}"));
        return new Book(ledger, funds, partners);
    }

    private async Task<(PooledFund? Fund, FinancialYear Year, Partner? Partner, Refusal? Refusal)> ResolveAsync(
        string fundCode, string year, string? partner, CancellationToken cancellationToken)
    {
        var code = (fundCode ?? "").Trim();
        var fund = await db.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Code == code, cancellationToken);
        if (fund is null) return (null, default, null, new Refusal("fund not found", $"No fund has the code '{fundCode}'.", RefusalKind.NotFound));
        if (!FinancialYear.TryParse(year, out var fy, out var error)) return (null, default, null, new Refusal("year", error));
        if (partner is null) return (fund, fy, null, null);
        var partners = await db.Partners.AsNoTracking().ToListAsync(cancellationToken);
        return PartnerRegister.Find(partners, partner) is { } who
            ? (fund, fy, who, null)
            : (null, default, null, new Refusal("partner", $"No partner is called '{partner}' (partners import adds them)."));
    }

    private static Refusal Invalid(string field, string detail) => new($"invalid {field}", detail);
}
