using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Commissioning;

/// <summary>
/// The measures contracts' KPIs commonly use, in the indicator catalogue so that a KPI names one like any indicator (its
/// value type fixes how returns are worked out, its polarity which way is better): people supported, the weight-management
/// outcome of the seeds' 2023 variation, four-week quits, contact within five working days, improved wellbeing, residents
/// trained, physical activity sessions. Their values come only from providers' returns, which only those who may see the
/// contract see, so nothing is suppressed on contract pages. They ship with the product and stand beside the indicator
/// catalogue (they are not population indicators, so the catalogue's lists and pages do not show them); a KPI may also
/// use any indicator of the catalogue.
/// </summary>
public static class ContractMeasures
{
    public const string Source = "Providers' KPI returns (Commonweal contract measures)";

    /// <summary>The first measure's id (local ids, below the demo indicators').</summary>
    public const int FirstId = 1_800_001;

    public static readonly IndicatorId PeopleSupported = new(FirstId);
    public static readonly IndicatorId WeightLoss = new(FirstId + 1);
    public static readonly IndicatorId FourWeekQuits = new(FirstId + 2);
    public static readonly IndicatorId ContactedPromptly = new(FirstId + 3);
    public static readonly IndicatorId WellbeingImproved = new(FirstId + 4);
    public static readonly IndicatorId PeopleTrained = new(FirstId + 5);
    public static readonly IndicatorId ActivitySessions = new(FirstId + 6);

    public static IReadOnlyList<Indicator> Catalogue { get; } =
    [
        Measure(PeopleSupported, "People supported by the service", IndicatorValueType.Count, 1, "people", ReportingFrequency.Monthly,
            "People who started support from the service in the period (each person counted once per period).", null, null),
        Measure(WeightLoss, "Adults completing a weight-management programme who lost at least 5 % of their starting weight", IndicatorValueType.Proportion, 100, "%", ReportingFrequency.Monthly,
            "Numerator: adults completing a 12-week weight-management programme in the period whose weight at completion was at least 5 % below their starting weight. Denominator: adults completing the programme in the period.",
            HealthFactor.HealthBehaviours, FocusArea.DietAndExercise),
        Measure(FourWeekQuits, "Four-week quits as a percentage of quit dates set", IndicatorValueType.Proportion, 100, "%", ReportingFrequency.Monthly,
            "Numerator: people who set a quit date in the period and were not smoking four weeks later (self-reported, CO-validated where possible). Denominator: people who set a quit date in the period (Russell Standard).",
            HealthFactor.HealthBehaviours, FocusArea.TobaccoUse),
        Measure(ContactedPromptly, "Referrals contacted within 5 working days", IndicatorValueType.Proportion, 100, "%", ReportingFrequency.Monthly,
            "Numerator: referrals received in the period first contacted within 5 working days. Denominator: referrals received in the period.",
            HealthFactor.ClinicalCare, FocusArea.AccessToCare),
        Measure(WellbeingImproved, "People whose wellbeing improved by a meaningful amount (SWEMWBS)", IndicatorValueType.Proportion, 100, "%", ReportingFrequency.Quarterly,
            "Numerator: people leaving support in the period whose Short Warwick-Edinburgh Mental Wellbeing Scale score rose by 3 points or more. Denominator: people leaving support in the period with scores at start and end.",
            HealthFactor.QualityOfLife, null),
        Measure(PeopleTrained, "Residents trained in mental health first aid or suicide prevention", IndicatorValueType.Count, 1, "people", ReportingFrequency.Quarterly,
            "Residents who completed mental health first aid or suicide prevention training in the period.", HealthFactor.SocialAndEconomicFactors, FocusArea.FamilyAndSocialSupport),
        Measure(ActivitySessions, "Physical activity sessions attended", IndicatorValueType.Count, 1, "attendances", ReportingFrequency.Monthly,
            "Attendances at the service's physical activity sessions in the period.", HealthFactor.HealthBehaviours, FocusArea.DietAndExercise),
    ];

    /// <summary>The measures of these ids: the store's indicators, and the contract measures the store does not hold.</summary>
    public static async Task<Dictionary<IndicatorId, Indicator>> LoadAsync(CommonwealDbContext db, IReadOnlyCollection<IndicatorId> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return With(await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken));
    }

    /// <summary>The store's indicators with the contract measures beside them (a stored indicator of the same id wins).</summary>
    public static Dictionary<IndicatorId, Indicator> With(Dictionary<IndicatorId, Indicator> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var measure in Catalogue) stored.TryAdd(measure.Id, measure);
        return stored;
    }

    private static Indicator Measure(IndicatorId id, string name, IndicatorValueType type, double multiplier, string unit, ReportingFrequency frequency, string definition, HealthFactor? group, FocusArea? area) =>
        new(id, name, type, multiplier, unit, Polarity.HighIsGood)
        {
            Definition = definition,
            Frequency = frequency,
            Source = Source,
            Licence = "Provider returns under contract; not published",
            Comparators = Comparators.None,
            FactorGroup = group,
            FocusArea = area,
            Disclosure = DisclosureRule.None,
            Profile = "Contract measures",
        };
}
