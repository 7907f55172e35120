namespace Commonweal.Core.Commissioning;

/// <summary>One partner's position in one fund's year: contributed, committed to contracts, spent; balance = contributed − committed.</summary>
public sealed record FundPosition(int Fund, int Year, int Partner, long Contributed, long Committed, long Spent)
{
    public long Balance => Contributed - Committed;
}

/// <summary>An earmark's position: its amount, what is committed from it and spent; balance = amount − committed.</summary>
public sealed record EarmarkPosition(FundEarmark Earmark, long Committed, long Spent)
{
    public long Balance => Earmark.AmountPence - Committed;
}

/// <summary>
/// The arithmetic of pooled funds, in whole pence, and its rules (docs/methods/pooled-funds.md): a partner's commitments
/// in a fund's year never exceed what it contributed (so the fund never goes below zero); a commitment from an earmark
/// never exceeds what is left of the earmark; the earmarks of a fund's year never add up to more than its contributions;
/// spend never exceeds its commitment and falls in the commitment's financial year. Each change is checked against
/// everything added before it, so a batch is checked as a whole; a refusal says why with the figures and changes nothing.
/// </summary>
public sealed class FundLedger
{
    private readonly Dictionary<(int Fund, int Year, int Partner), long> contributed = [];
    private readonly Dictionary<(int Fund, int Year, int Partner), long> committed = [];
    private readonly Dictionary<(int Fund, int Year, int Partner), long> spent = [];
    private readonly Dictionary<int, FundEarmark> earmarks = [];
    private readonly Dictionary<int, long> earmarkCommitted = [];
    private readonly Dictionary<int, long> earmarkSpent = [];
    private readonly Dictionary<int, FundCommitment> commitments = [];
    private readonly Dictionary<int, long> commitmentSpent = [];
    private readonly Func<int, string> fundName;
    private readonly Func<int, string> partnerName;

    /// <param name="fundName">A fund's name for messages, by id.</param>
    /// <param name="partnerName">A partner's name for messages, by id.</param>
    public FundLedger(Func<int, string> fundName, Func<int, string> partnerName)
    {
        this.fundName = fundName;
        this.partnerName = partnerName;
    }

    /// <summary>A ledger of what is stored, applied in order without checks (it was checked when it was saved).</summary>
    public static FundLedger Of(
        IEnumerable<FundContribution> contributions, IEnumerable<FundEarmark> earmarks, IEnumerable<FundCommitment> commitments,
        IEnumerable<FundSpend> spends, Func<int, string> fundName, Func<int, string> partnerName)
    {
        var ledger = new FundLedger(fundName, partnerName);
        foreach (var c in contributions) Add(ledger.contributed, (c.Fund, c.Year, c.Partner), c.AmountPence);
        foreach (var e in earmarks) ledger.earmarks[e.Id] = e;
        foreach (var c in commitments) ledger.Apply(c);
        foreach (var s in spends) ledger.Apply(s);
        return ledger;
    }

    /// <summary>Adds a contribution; refused when it is not more than zero or above £1 trillion.</summary>
    public string? Contribute(FundContribution contribution)
    {
        ArgumentNullException.ThrowIfNull(contribution);
        if (contribution.AmountPence is <= 0 or > Pence.Most)
            return $"A contribution must be more than £0.00 and at most {Pence.Format(Pence.Most)} ({Pence.Format(contribution.AmountPence)} given).";
        Add(contributed, (contribution.Fund, contribution.Year, contribution.Partner), contribution.AmountPence);
        return null;
    }

    /// <summary>Adds an earmark; refused when the fund's year would have more earmarked than contributed.</summary>
    public string? Earmark(FundEarmark earmark)
    {
        ArgumentNullException.ThrowIfNull(earmark);
        if (earmark.AmountPence is <= 0 or > Pence.Most)
            return $"An earmark must be more than £0.00 and at most {Pence.Format(Pence.Most)} ({Pence.Format(earmark.AmountPence)} given).";
        var year = new FinancialYear(earmark.Year);
        var total = Contributed(earmark.Fund, earmark.Year);
        var already = earmarks.Values.Where(e => e.Fund == earmark.Fund && e.Year == earmark.Year).Sum(e => e.AmountPence);
        if (already + earmark.AmountPence > total)
            return $"Earmarking {Pence.Format(earmark.AmountPence)} for '{earmark.Name}' would take {fundName(earmark.Fund)} {year} below zero: "
                + $"contributed {Pence.Format(total)}, already earmarked {Pence.Format(already)}, so {Pence.Format(total - already)} is left to earmark "
                + $"(short by {Pence.Format(already + earmark.AmountPence - total)}).";
        earmarks[earmark.Id] = earmark;
        return null;
    }

    /// <summary>Adds a commitment; refused when it would take the partner's contribution (so the fund) or its earmark below zero.</summary>
    public string? Commit(FundCommitment commitment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        if (commitment.AmountPence is <= 0 or > Pence.Most)
            return $"A commitment must be more than £0.00 and at most {Pence.Format(Pence.Most)} ({Pence.Format(commitment.AmountPence)} given).";
        var key = (commitment.Fund, commitment.Year, commitment.Partner);
        var year = new FinancialYear(commitment.Year);
        var given = contributed.GetValueOrDefault(key);
        var taken = committed.GetValueOrDefault(key);
        if (taken + commitment.AmountPence > given)
            return $"Committing {Pence.Format(commitment.AmountPence)} of {partnerName(commitment.Partner)}'s contribution would take {fundName(commitment.Fund)} {year} below zero: "
                + $"contributed {Pence.Format(given)}, already committed {Pence.Format(taken)}, balance {Pence.Format(given - taken)} "
                + $"(short by {Pence.Format(taken + commitment.AmountPence - given)}).";
        if (commitment.Earmark is { } id)
        {
            if (!earmarks.TryGetValue(id, out var earmark) || earmark.Fund != commitment.Fund || earmark.Year != commitment.Year)
                return $"Earmark {id} is not an earmark of {fundName(commitment.Fund)} {year}.";
            var fromEarmark = earmarkCommitted.GetValueOrDefault(id);
            if (fromEarmark + commitment.AmountPence > earmark.AmountPence)
                return $"Committing {Pence.Format(commitment.AmountPence)} from the earmark '{earmark.Name}' would take it below zero: "
                    + $"earmarked {Pence.Format(earmark.AmountPence)}, already committed {Pence.Format(fromEarmark)}, balance {Pence.Format(earmark.AmountPence - fromEarmark)} "
                    + $"(short by {Pence.Format(fromEarmark + commitment.AmountPence - earmark.AmountPence)}).";
        }

        Apply(commitment);
        return null;
    }

    /// <summary>Adds spend against a commitment; refused when it would exceed the commitment or falls outside its financial year.</summary>
    public string? Spend(FundSpend spend)
    {
        ArgumentNullException.ThrowIfNull(spend);
        if (!commitments.TryGetValue(spend.Commitment, out var commitment)) return $"There is no commitment {spend.Commitment}.";
        if (spend.AmountPence is <= 0 or > Pence.Most)
            return $"Spend must be more than £0.00 and at most {Pence.Format(Pence.Most)} ({Pence.Format(spend.AmountPence)} given).";
        var year = new FinancialYear(commitment.Year);
        if (!year.Contains(spend.On)) return $"Spend on {spend.On:yyyy-MM-dd} is not in the commitment's financial year {year} ({year.Start:yyyy-MM-dd} to {year.End:yyyy-MM-dd}).";
        var already = commitmentSpent.GetValueOrDefault(commitment.Id);
        if (already + spend.AmountPence > commitment.AmountPence)
            return $"Spending {Pence.Format(spend.AmountPence)} would exceed the commitment of {Pence.Format(commitment.AmountPence)} "
                + $"({Pence.Format(already)} already spent, {Pence.Format(commitment.AmountPence - already)} left).";
        Apply(spend);
        return null;
    }

    /// <summary>Every partner's position in every fund's year it contributed to or committed from, by fund, year and partner id.</summary>
    public IReadOnlyList<FundPosition> Positions() =>
        [.. contributed.Keys.Union(committed.Keys).OrderBy(k => k.Fund).ThenBy(k => k.Year).ThenBy(k => k.Partner)
            .Select(k => new FundPosition(k.Fund, k.Year, k.Partner, contributed.GetValueOrDefault(k), committed.GetValueOrDefault(k), spent.GetValueOrDefault(k)))];

    /// <summary>Every earmark's position, by fund, year and id.</summary>
    public IReadOnlyList<EarmarkPosition> Earmarks() =>
        [.. earmarks.Values.OrderBy(e => e.Fund).ThenBy(e => e.Year).ThenBy(e => e.Id)
            .Select(e => new EarmarkPosition(e, earmarkCommitted.GetValueOrDefault(e.Id), earmarkSpent.GetValueOrDefault(e.Id)))];

    /// <summary>What a fund's year holds from every partner.</summary>
    public long Contributed(int fund, int year) => contributed.Where(c => c.Key.Fund == fund && c.Key.Year == year).Sum(c => c.Value);

    /// <summary>What a commitment has spent so far.</summary>
    public long SpentOn(int commitment) => commitmentSpent.GetValueOrDefault(commitment);

    private void Apply(FundCommitment commitment)
    {
        commitments[commitment.Id] = commitment;
        Add(committed, (commitment.Fund, commitment.Year, commitment.Partner), commitment.AmountPence);
        if (commitment.Earmark is { } id) earmarkCommitted[id] = earmarkCommitted.GetValueOrDefault(id) + commitment.AmountPence;
    }

    private void Apply(FundSpend spend)
    {
        if (!commitments.TryGetValue(spend.Commitment, out var commitment)) return;
        commitmentSpent[commitment.Id] = commitmentSpent.GetValueOrDefault(commitment.Id) + spend.AmountPence;
        Add(spent, (commitment.Fund, commitment.Year, commitment.Partner), spend.AmountPence);
        if (commitment.Earmark is { } id) earmarkSpent[id] = earmarkSpent.GetValueOrDefault(id) + spend.AmountPence;
    }

    private static void Add<TKey>(Dictionary<TKey, long> sums, TKey key, long amount)
        where TKey : notnull => sums[key] = sums.GetValueOrDefault(key) + amount;
}
