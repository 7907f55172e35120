using System.Globalization;
using Commonweal.Application.Indicators;
using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Commonweal.Core.Statistics;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Referrals;

/// <summary>
/// Referral outcomes as indicators (docs/methods/referral-outcomes.md): three proportions, each a count of completed
/// cases over a count of completed cases, by district of residence and financial quarter of completion — completers of
/// weight management who lost at least 5 % of their starting weight; four-week quits among those who set a quit date
/// (Russell Standard: lost to follow-up counts as smoking); completers whose ONS4 life satisfaction rose by a point or
/// more. They are written at completion, in the same save as the case, into the indicator store as counts (values
/// "computed"), so the indicator engine does the rest exactly as for any indicator: Wilson intervals, adding up to
/// alliance and ICS, small numbers suppressed with their complements, trends, pages, downloads and targets. Each value is
/// worked out again from every kept outcome of its district and quarter, never incremented, so it is always what the
/// outcomes say.
/// </summary>
public sealed class OutcomeIndicators(CommonwealDbContext db, IDbContextFactory<CommonwealDbContext> contexts, PlaceGraphCache placeCache, IndicatorCache cache, IcsDefinition ics)
{
    public const string Source = "Commonweal referral outcomes (cases completed with a structured outcome)";

    /// <summary>The first indicator's id (local ids, below the contract measures').</summary>
    public const int FirstId = 1_700_001;

    public static readonly IndicatorId WeightLoss = new(FirstId);
    public static readonly IndicatorId FourWeekQuits = new(FirstId + 1);
    public static readonly IndicatorId LifeSatisfactionImproved = new(FirstId + 2);

    private readonly HashSet<IndicatorId> touched = [];

    public static IReadOnlyList<Indicator> Catalogue { get; } =
    [
        Measure(WeightLoss, "Completers of weight management who lost at least 5 % of their starting weight",
            "Numerator: people whose case with a weight support line was completed in the quarter and whose weight at completion was at least 5 % below their weight at referral. Denominator: people whose case with a weight support line was completed in the quarter with both weights recorded.",
            HealthFactor.HealthBehaviours, FocusArea.DietAndExercise),
        Measure(FourWeekQuits, "Four-week quit rate among people supported to stop smoking who set a quit date",
            "Numerator: people whose case with a smoking support line was completed in the quarter and who had quit four weeks after their quit date (CO-verified or self-reported, Russell Standard). Denominator: people whose case with a smoking support line was completed in the quarter having set a quit date (those lost to follow-up count as smoking).",
            HealthFactor.HealthBehaviours, FocusArea.TobaccoUse),
        Measure(LifeSatisfactionImproved, "Completers whose life satisfaction rose (ONS4)",
            "Numerator: people whose case was completed in the quarter and whose ONS4 life satisfaction rating (0 to 10) at completion was at least 1 point above their rating at referral. Denominator: people whose case was completed in the quarter with all four ONS4 ratings at referral and at completion.",
            HealthFactor.QualityOfLife, null),
    ];

    /// <summary>
    /// Whether an outcome is in the measure's denominator and, if so, its numerator; null when it is not counted (no such
    /// line, a figure missing). The contracts' KPIs count by the same rules.
    /// </summary>
    public static bool? Counts(IndicatorId measure, RecordedOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var o = outcome.Outcome;
        if (measure == WeightLoss || measure == Commissioning.ContractMeasures.WeightLoss)
            return outcome.Lines.HasFlag(OutcomeLines.Weight) ? o.LostFivePercent : null;
        if (measure == FourWeekQuits || measure == Commissioning.ContractMeasures.FourWeekQuits)
            return outcome.Lines.HasFlag(OutcomeLines.Smoking) && o.Quit is { } quit ? QuitStatuses.IsQuit(quit) : null;
        if (measure == LifeSatisfactionImproved)
            return o.Ons4Change is { } change ? change.LifeSatisfaction >= 1 : null;
        return null;
    }

    /// <summary>The measures outcomes count towards: these three and the contract measures of weight loss and four-week quits.</summary>
    public static bool Measures(IndicatorId measure) =>
        Catalogue.Any(i => i.Id == measure) || measure == Commissioning.ContractMeasures.WeightLoss || measure == Commissioning.ContractMeasures.FourWeekQuits;

    /// <summary>The financial quarter a day falls in: 2024-05-10 is "2024/25 Q1" (April to June 2024).</summary>
    public static IndicatorPeriod Quarter(DateOnly day)
    {
        var year = day.Month >= 4 ? day.Year : day.Year - 1;
        var quarter = (day.Month + 8) % 12 / 3 + 1;
        return IndicatorPeriod.Parse(string.Create(CultureInfo.InvariantCulture, $"{year}/{(year + 1) % 100:00} Q{quarter}"));
    }

    /// <summary>The ICS's district (or unitary) a place lay in on the day: the place itself, or the district it lies in; null when unknown or outside the ICS.</summary>
    public async Task<AreaCode?> DistrictAsync(AreaCode? place, DateOnly day, CancellationToken cancellationToken)
    {
        if (place is not { } code) return null;
        if (ics.Districts.Any(d => d.Code == code)) return code;
        var timeline = await placeCache.GetAsync(contexts, cancellationToken);
        var graph = timeline.At(day, PlaceTimeline.LsoaReleaseOn(day));
        if (graph.Find(code) is not { } area) return null;
        return graph.Ancestors(area.Code).Where(a => a.Type == AreaType.District).Select(a => a.Code)
            .FirstOrDefault(d => ics.Districts.Any(x => x.Code == d)) is { } district && district.Value.Length > 0 ? district : null;
    }

    /// <summary>
    /// Adds to the unit of work the values of the outcome's district and quarter that it changes, worked out again from every
    /// kept outcome with it (and the indicators' catalogue entries, the first time). An outcome with no district changes none.
    /// </summary>
    public async Task CountAsync(RecordedOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.District is not { } district) return;
        var period = Quarter(DateOnly.FromDateTime(outcome.Completed.UtcDateTime));
        var (from, to) = Span(period);
        var kept = await db.CaseOutcomes.AsNoTracking()
            .Where(o => o.District == district && o.Completed >= from && o.Completed < to && o.Case != outcome.Case).ToListAsync(cancellationToken);
        kept.Add(outcome);
        foreach (var indicator in Catalogue)
        {
            if (Counts(indicator.Id, outcome) is null) continue;
            var counted = kept.Select(o => Counts(indicator.Id, o)).OfType<bool>().ToList();
            if (await db.Indicators.FindAsync([indicator.Id], cancellationToken) is null) db.Indicators.Add(indicator);
            var value = new IndicatorValue(indicator.Id, district, AreaType.District, "", period.Label, period.Start, period.End, Sex.Persons, IndicatorValue.AllAges, "", "",
                counted.Count(c => c), counted.Count, null, null, null, null, null, $"from the outcomes of {counted.Count:N0} completed cases", null, null, ValueSource.Computed);
            var stored = await db.IndicatorValues.FirstOrDefaultAsync(
                v => v.Indicator == indicator.Id && v.Area == district && v.Period == period.Label && v.Sex == Sex.Persons && v.Age == IndicatorValue.AllAges && v.CategoryType == "" && v.Category == "",
                cancellationToken);
            if (stored is null) db.IndicatorValues.Add(value);
            else db.Entry(stored).CurrentValues.SetValues(value);
            touched.Add(indicator.Id);
        }
    }

    /// <summary>After the save: the indicators' tables built before it are forgotten, so the next read shows the new values.</summary>
    public void Refresh()
    {
        foreach (var id in touched) cache.Forget(id);
        touched.Clear();
    }

    /// <summary>The instants a period spans: from its first day, to (not including) the day after its last, in UTC.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Span(IndicatorPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return (new DateTimeOffset(period.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(period.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    }

    private static Indicator Measure(IndicatorId id, string name, string definition, HealthFactor group, FocusArea? area) =>
        new(id, name, IndicatorValueType.Proportion, 100, "%", Polarity.HighIsGood)
        {
            Definition = definition,
            Frequency = ReportingFrequency.Quarterly,
            Source = Source,
            Licence = "Local management information; small numbers suppressed",
            Comparators = Comparators.None,
            FactorGroup = group,
            FocusArea = area,
            Disclosure = DisclosureRule.Default,
            Profile = "Referral outcomes",
        };
}
