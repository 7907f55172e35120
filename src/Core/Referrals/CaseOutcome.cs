using System.Globalization;

namespace Commonweal.Core.Referrals;

/// <summary>A problem with one field of an outcome: the field's name (as the form and the API name it) and what is wrong, in words.</summary>
public sealed record OutcomeProblem(string Field, string Message);

/// <summary>
/// The outcome of a completed case, structured so that it can be counted: the ONS4 ratings at the end, the weight at the end
/// (a case with a weight line), the smoking status four weeks after the quit date (a case with a smoking line), whether
/// the goals were met, and a short summary in words. The <see cref="Baseline"/> — where the person started, from the
/// referral's assessment — is kept with it, so an outcome is self-contained: the changes below are worked out from the two.
/// Check it with <see cref="Problems"/> before it is kept.
/// </summary>
/// <param name="Ons4After">The four ratings at completion, or null when the person did not give them.</param>
/// <param name="WeightAfterKg">The weight at completion in kg (a case with a weight line).</param>
/// <param name="Quit">Smoking status four weeks after the quit date (a case with a smoking line); null when no quit date was set.</param>
public sealed record CaseOutcome(string Summary, GoalsMet Goals, Ons4Scores? Ons4After = null, decimal? WeightAfterKg = null, QuitStatus? Quit = null)
{
    public const int SummaryLength = 1000;
    public const decimal LightestKg = 25m;
    public const decimal HeaviestKg = 350m;

    /// <summary>The share of the starting weight a person must lose to count as a clinically meaningful loss (NICE: 5 %).</summary>
    public const decimal MeaningfulLoss = 0.05m;

    /// <summary>Where the person started (from the referral's assessment); none until the case's use case adds it.</summary>
    public OutcomeBaseline Baseline { get; init; } = OutcomeBaseline.None;

    /// <summary>Weight at the end less weight at the start, kg to one decimal place (negative is a loss); null without both.</summary>
    public decimal? WeightChangeKg => WeightAfterKg is { } after && Baseline.WeightKg is { } before ? Math.Round(after - before, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>The change as a percentage of the starting weight, to one decimal place (negative is a loss).</summary>
    public decimal? WeightChangePercent => WeightAfterKg is { } after && Baseline.WeightKg is { } before
        ? Math.Round((after - before) / before * 100m, 1, MidpointRounding.AwayFromZero)
        : null;

    /// <summary>Whether the person lost at least 5 % of their starting weight (exactly, before any rounding); null without both weights.</summary>
    public bool? LostFivePercent => WeightAfterKg is { } after && Baseline.WeightKg is { } before ? before - after >= before * MeaningfulLoss : null;

    /// <summary>BMI at the start, from the starting weight and the height (<see cref="BmiReading"/>).</summary>
    public decimal? BmiBefore => Baseline.WeightKg is { } w && Baseline.HeightCm is { } h ? new BmiReading(w, h).Value : null;

    /// <summary>BMI at the end, from the end weight and the height at the start (adults' height does not change in a programme).</summary>
    public decimal? BmiAfter => WeightAfterKg is { } w && Baseline.HeightCm is { } h ? new BmiReading(w, h).Value : null;

    /// <summary>Each ONS4 rating at the end less at the start; null without both. For anxiety a fall is the improvement.</summary>
    public Ons4Change? Ons4Change => Ons4After is { } after && Baseline.Ons4 is { } before
        ? new Ons4Change(after.LifeSatisfaction - before.LifeSatisfaction, after.Worthwhile - before.Worthwhile, after.Happiness - before.Happiness, after.Anxiety - before.Anxiety)
        : null;

    /// <summary>Every problem with the outcome for a case with these lines, each naming its field; empty when it may be kept.</summary>
    public IReadOnlyList<OutcomeProblem> Problems(OutcomeLines lines)
    {
        var problems = new List<OutcomeProblem>();
        if (string.IsNullOrWhiteSpace(Summary)) problems.Add(new(OutcomeFields.Summary, "Say in a few words how the support ended"));
        else if (Summary.Trim().Length > SummaryLength) problems.Add(new(OutcomeFields.Summary, $"The summary must be {SummaryLength:N0} characters or fewer"));
        if (!Enum.IsDefined(Goals)) problems.Add(new(OutcomeFields.Goals, $"Say whether the goals were met ({GoalsMetCodes.CodeList})"));
        if (Ons4After is { } ons4)
        {
            int[] ratings = [ons4.LifeSatisfaction, ons4.Worthwhile, ons4.Happiness, ons4.Anxiety];
            for (var k = 0; k < 4; k++)
            {
                if (ratings[k] is < 0 or > 10) problems.Add(new(Ons4.LinkIds[k], $"{OutcomeFields.Ons4Label(k)} must be a whole number from 0 to 10"));
            }
        }

        if (WeightAfterKg is { } weight)
        {
            if (!lines.HasFlag(OutcomeLines.Weight))
                problems.Add(new(OutcomeFields.Weight, "A weight is recorded only for a case with a weight support line"));
            else if (weight < LightestKg || weight > HeaviestKg)
                problems.Add(new(OutcomeFields.Weight, $"Weight must be between {LightestKg:0} kg and {HeaviestKg:0} kg"));
        }
        else if (lines.HasFlag(OutcomeLines.Weight))
        {
            problems.Add(new(OutcomeFields.Weight, "Enter the weight at the end of support, in kg"));
        }

        if (Quit is { } quit)
        {
            if (!lines.HasFlag(OutcomeLines.Smoking))
                problems.Add(new(OutcomeFields.Quit, "A quit status is recorded only for a case with a smoking support line"));
            else if (!Enum.IsDefined(quit))
                problems.Add(new(OutcomeFields.Quit, $"Choose the smoking status four weeks after the quit date ({QuitStatuses.CodeList})"));
        }

        return problems;
    }

    /// <summary>The outcome in one line, for the case's history, the notification and the audit trail.</summary>
    public string Words()
    {
        // The summary's own full stop would stand before the semicolon ("…walking group.; goals met").
        var parts = new List<string> { Summary.Trim().TrimEnd('.', ';', ',').TrimEnd(), $"goals {GoalsMetCodes.Words(Goals)}" };
        if (WeightAfterKg is { } after)
        {
            parts.Add(WeightChangePercent is { } percent
                ? $"weight {Plain(after)} kg ({Signed(WeightChangeKg!.Value)} kg, {Signed(percent)} %)"
                : $"weight {Plain(after)} kg");
        }

        if (Quit is { } quit) parts.Add($"at four weeks {QuitStatuses.Words(quit)}");
        if (Ons4Change is { } change) parts.Add($"life satisfaction {Signed(change.LifeSatisfaction)}");
        else if (Ons4After is { } ons4) parts.Add($"life satisfaction {ons4.LifeSatisfaction} of 10");
        return string.Join("; ", parts);
    }

    internal static string Plain(decimal d) => d.ToString("0.#", CultureInfo.InvariantCulture);

    internal static string Signed(decimal d) => d > 0 ? "+" + Plain(d) : d < 0 ? "−" + Plain(-d) : "0";

    internal static string Signed(int d) => Signed((decimal)d);
}

/// <summary>The change in each ONS4 rating from the start to the end of support (end less start).</summary>
public readonly record struct Ons4Change(int LifeSatisfaction, int Worthwhile, int Happiness, int Anxiety);
