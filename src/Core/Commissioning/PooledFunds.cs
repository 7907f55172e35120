using Commonweal.Core.Places;

namespace Commonweal.Core.Commissioning;

/// <summary>The legal form of a pooled fund.</summary>
public enum FundArrangement
{
    /// <summary>A pooled budget under section 75 of the NHS Act 2006.</summary>
    Section75,

    /// <summary>The Better Care Fund (itself pooled under section 75), signed off by the Health and Wellbeing Board.</summary>
    BetterCareFund,

    /// <summary>Budgets aligned but not legally pooled: each partner keeps its own, planned together.</summary>
    AlignedBudget,

    Other,
}

/// <summary>A pooled fund (section 75 / Better Care Fund style) hosted by one partner.</summary>
/// <param name="Code">A short code files name it by, e.g. "MSE-PREV".</param>
/// <param name="Host">The partner that hosts the fund (holds the money and accounts for it).</param>
public sealed record PooledFund(int Id, string Code, string Name, FundArrangement Arrangement, int Host, string Description, DateTimeOffset Created, string CreatedBy);

/// <summary>What one partner puts into a fund for one financial year (whole pence; several rows add up).</summary>
/// <param name="Year">The financial year's first calendar year (2023 for 2023/24).</param>
public sealed record FundContribution(int Id, int Fund, int Year, int Partner, long AmountPence, string Note, DateTimeOffset At, string By);

/// <summary>
/// Money of a fund's year set aside for a domain of the outcomes framework and, where given, a place — by hand or from a
/// need-based allocation run (<paramref name="AllocationRun"/>), one earmark per place of the run.
/// </summary>
/// <param name="Domain">The framework domain's code (a focus area or factor group, e.g. DietAndExercise); null for any.</param>
/// <param name="Area">The place; null for the whole ICS.</param>
public sealed record FundEarmark(int Id, int Fund, int Year, string Name, string? Domain, AreaCode? Area, long AmountPence, long? AllocationRun, DateTimeOffset At, string By);

/// <summary>Money of one partner's contribution to a fund's year committed to a contract (its funding source), optionally from an earmark.</summary>
public sealed record FundCommitment(int Id, int Fund, int Year, int Partner, int? Earmark, int Contract, long AmountPence, DateTimeOffset At, string By);

/// <summary>Actual spend against a commitment, on a day of its financial year.</summary>
public sealed record FundSpend(int Id, int Commitment, DateOnly On, long AmountPence, string Description, DateTimeOffset At, string By);

public static class FundArrangements
{
    /// <summary>The code files and the API write: section75, bcf, aligned, other.</summary>
    public static string Code(this FundArrangement arrangement) => arrangement switch
    {
        FundArrangement.Section75 => "section75",
        FundArrangement.BetterCareFund => "bcf",
        FundArrangement.AlignedBudget => "aligned",
        _ => "other",
    };

    public static string Label(this FundArrangement arrangement) => arrangement switch
    {
        FundArrangement.Section75 => "Section 75 pooled budget",
        FundArrangement.BetterCareFund => "Better Care Fund",
        FundArrangement.AlignedBudget => "Aligned budget",
        _ => "Other arrangement",
    };

    public static bool TryParse(string? text, out FundArrangement arrangement) => EnumNames.TryParseCode(text, Code, out arrangement);
}
