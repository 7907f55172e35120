using System.Globalization;
using Commonweal.Core.Indicators;

namespace Commonweal.Core.Outcomes;

/// <summary>
/// A target as proposed (a row of <c>targets import</c>, a form, an API call): the indicator, place and breakdown, the
/// baseline and deadline periods, the target value, the trajectory (<c>linear</c>, or <c>profile:PERIOD=VALUE;…</c>),
/// the owner, lead officer and rationale. <see cref="Check"/> says whether it is SMART, with every reason at once.
/// </summary>
public sealed record TargetDraft(
    int? IndicatorId,
    string AreaCode,
    string Sex,
    string Age,
    string Category,
    string? BaselinePeriod,
    double? TargetValue,
    string? DeadlinePeriod,
    string? Trajectory,
    string? Owner,
    string? Lead,
    string? Rationale)
{
    /// <summary>
    /// Every reason the draft is not SMART, each naming its field, given what the store knows of it; or, when there is
    /// none, its trajectory and direction.
    /// </summary>
    public TargetCheck Check(TargetFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var reasons = new List<TargetProblem>();
        void Refuse(string field, string reason) => reasons.Add(new TargetProblem(field, reason));

        if (IndicatorId is null) Refuse("indicator_id", "no indicator is named");
        else if (facts.Indicator is null) Refuse("indicator_id", $"indicator {IndicatorId} does not exist in the catalogue");
        if (string.IsNullOrWhiteSpace(AreaCode)) Refuse("area_code", "no place is named");
        else if (!facts.PlaceExists) Refuse("area_code", $"place {AreaCode} does not exist");
        var knownSeries = facts.Indicator is not null && facts.PlaceExists;
        if (knownSeries && !facts.BreakdownHasData)
            Refuse("sex", $"indicator {IndicatorId} has no data for {AreaCode} in the breakdown {Breakdown}");

        var baseline = Period("baseline_period", BaselinePeriod, "no baseline period", reasons);
        var deadline = Period("deadline_period", DeadlinePeriod, "no deadline", reasons);
        if (baseline is not null && knownSeries && facts.BreakdownHasData && facts.BaselineValue is null)
            Refuse("baseline_period", $"no baseline value: indicator {IndicatorId} has no value for {AreaCode} ({Breakdown}) in {baseline.Label}");
        if (baseline is not null && deadline is not null && deadline.Start <= baseline.Start)
            Refuse("deadline_period", $"the deadline {deadline.Label} is not after the baseline {baseline.Label}");
        if (TargetValue is null || !double.IsFinite(TargetValue.Value)) Refuse("target_value", "no target value");
        if (string.IsNullOrWhiteSpace(Owner)) Refuse("owner", "no owner (the partner organisation accountable for the target)");

        TargetDirection? direction = null;
        if (facts.Indicator is { } indicator && facts.BaselineValue is { } start && TargetValue is { } goal && double.IsFinite(goal))
        {
            direction = TargetDirections.Of(indicator.Polarity, start, goal);
            if (direction is null)
                Refuse("target_value", $"the target {N(goal)} equals the baseline value and the indicator has no polarity, so the target does not say which way is better");
            else if (TargetStatusRule.Meets(start, goal, direction.Value) && start != goal)
                Refuse("target_value", $"the target {N(goal)} is on the wrong side of the baseline value {N(start)}: for this indicator {(direction == TargetDirection.Lower ? "lower" : "higher")} is better");
        }

        var trajectory = ReadTrajectory(baseline, deadline, facts.BaselineValue, reasons);
        return new TargetCheck(reasons, trajectory, direction);
    }

    /// <summary>The breakdown in words: "Persons, 15+ yrs" and the category if any (no sex given is persons).</summary>
    public string Breakdown => string.Join(", ", new[] { string.IsNullOrWhiteSpace(Sex) ? "Persons" : Sex, Age, Category }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private Trajectory? ReadTrajectory(IndicatorPeriod? baseline, IndicatorPeriod? deadline, double? baselineValue, List<TargetProblem> reasons)
    {
        var text = Trajectory?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Equals("linear", StringComparison.OrdinalIgnoreCase))
        {
            return baseline is not null && deadline is not null && baselineValue is { } b && TargetValue is { } t && deadline.Start > baseline.Start
                ? Outcomes.Trajectory.Linear(baseline, b, deadline, t)
                : null;
        }

        if (!text.StartsWith("profile:", StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add(new TargetProblem("trajectory", $"'{text}' is not a trajectory: write linear, or profile:PERIOD=VALUE;PERIOD=VALUE…"));
            return null;
        }

        var points = new List<(IndicatorPeriod Period, double Value)>();
        foreach (var part in text["profile:".Length..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.LastIndexOf('=');
            if (equals <= 0 || !IndicatorPeriod.TryParse(part[..equals].Trim(), out var period, out _)
                || !double.TryParse(part[(equals + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                reasons.Add(new TargetProblem("trajectory", $"'{part}' is not PERIOD=VALUE (e.g. 2024/25=14.5)"));
                return null;
            }

            points.Add((period, value));
        }

        if (points.Count == 0)
        {
            reasons.Add(new TargetProblem("trajectory", "the profile gives no period"));
            return null;
        }

        if (baseline is null || deadline is null || TargetValue is not { } goal) return null;
        var before = reasons.Count;
        var outside = points.Where(p => p.Period.Start <= baseline.Start || p.Period.Start > deadline.Start).Select(p => p.Period.Label).ToList();
        if (outside.Count > 0) reasons.Add(new TargetProblem("trajectory", $"the profile's periods must lie after the baseline {baseline.Label} and up to the deadline {deadline.Label}: not {string.Join(", ", outside)}"));
        if (points.Select(p => p.Period.Start).Distinct().Count() != points.Count) reasons.Add(new TargetProblem("trajectory", "the profile gives a period twice"));
        var last = points.MaxBy(p => p.Period.Start);
        if (last.Period.Start != deadline.Start || last.Value != goal)
            reasons.Add(new TargetProblem("trajectory", $"the profile does not end at the target: its last point is {last.Period.Label}={N(last.Value)}, the target is {deadline.Label}={N(goal)}"));
        return reasons.Count > before || baselineValue is not { } start ? null : Outcomes.Trajectory.Profiled(baseline, start, points);
    }

    private static IndicatorPeriod? Period(string field, string? label, string missing, List<TargetProblem> reasons)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            reasons.Add(new TargetProblem(field, missing));
            return null;
        }

        if (IndicatorPeriod.TryParse(label.Trim(), out var period, out var error)) return period;
        reasons.Add(new TargetProblem(field, $"'{label}' is not a period: {error}"));
        return null;
    }

    private static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>What the store knows of a draft's indicator, place and breakdown, looked up before it is checked.</summary>
/// <param name="Indicator">The catalogue's indicator, or null when it does not exist.</param>
/// <param name="BaselineValue">The value of the place and breakdown in the baseline period, if any.</param>
public sealed record TargetFacts(Indicator? Indicator, bool PlaceExists, bool BreakdownHasData, double? BaselineValue);

/// <summary>One reason a target is not SMART, naming its field.</summary>
public sealed record TargetProblem(string Field, string Reason)
{
    public override string ToString() => $"{Field}: {Reason}";
}

/// <summary>
/// The outcome of <see cref="TargetDraft.Check"/>: the reasons it is not SMART (none when it is), and its trajectory and
/// direction where they could be read (both are given for a SMART target).
/// </summary>
public sealed record TargetCheck(IReadOnlyList<TargetProblem> Problems, Trajectory? Trajectory, TargetDirection? Direction)
{
    public bool IsSmart => Problems.Count == 0 && Trajectory is not null && Direction is not null;
}
