using System.Globalization;
using Commonweal.Application.Places.Demo;
using Commonweal.Application.Places.Import;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Indicators.Demo;

/// <summary>What the demo adds to the indicator catalogue: the indicators, their values and the age-band counts behind them.</summary>
public sealed record DemoIndicatorSet(IReadOnlyList<Indicator> Indicators, IReadOnlyList<IndicatorValue> Values, IReadOnlyList<IndicatorAgeCount> AgeCounts);

/// <summary>
/// Synthetic indicators for the demo's places (<see cref="DemoDataset"/>), so the indicator pages have something to show
/// before any real file is imported: counts at the demo's GP practices and LSOAs, reproducible from the seed, higher
/// where the demo's LSOAs are more deprived, with England's values of each period so that comparisons work. Six
/// indicators, one of each kind the engine handles: a QOF-style proportion at practices over twelve years; a crude rate
/// and a proportion from LSOA counts; a directly standardised rate from LSOA counts by age band; a monthly practice
/// series for SPC charts; and a district series published without counts. Every one says in its name, source and
/// definition that it is not real.
/// </summary>
public static class DemoIndicators
{
    /// <summary>The source every demo indicator carries.</summary>
    public const string Source = "Synthetic demo data — not real";

    /// <summary>The first demo indicator's id (local ids, far above those an import gives a file without ids).</summary>
    public const int FirstId = 1_900_001;

    public static readonly IndicatorId Smoking = new(FirstId);
    public static readonly IndicatorId Falls = new(FirstId + 1);
    public static readonly IndicatorId CardiovascularDeaths = new(FirstId + 2);
    public static readonly IndicatorId EmergencyAdmissions = new(FirstId + 3);
    public static readonly IndicatorId LifeExpectancy = new(FirstId + 4);
    public static readonly IndicatorId ChildPoverty = new(FirstId + 5);

    /// <summary>The demo's indicator ids.</summary>
    public static IReadOnlyList<IndicatorId> Ids { get; } = [Smoking, Falls, CardiovascularDeaths, EmergencyAdmissions, LifeExpectancy, ChildPoverty];

    private static readonly AreaCode England = IndicatorEngine.England;

    /// <summary>Five-year bands (grouped) of the European Standard Population under 75, and deaths per 100,000 in each.</summary>
    private static readonly (AgeBand Band, double Share, double Rate)[] Under75 =
    [
        (AgeBand.Range(0, 34), 0.44, 4), (AgeBand.Range(35, 44), 0.13, 22), (AgeBand.Range(45, 54), 0.14, 65),
        (AgeBand.Range(55, 64), 0.12, 170), (AgeBand.Range(65, 74), 0.10, 400),
    ];

    private static readonly string[] Months = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];

    public static IReadOnlyList<Indicator> Catalogue { get; } =
    [
        Demo(Smoking, "Smoking prevalence in adults (15+), QOF (demo)", IndicatorValueType.Proportion, 100, "%", ReportingFrequency.Annual,
            "Demo: synthetic. Patients aged 15+ recorded as current smokers, as a percentage of patients aged 15+ on the practice register.",
            HealthFactor.HealthBehaviours, FocusArea.TobaccoUse),
        Demo(Falls, "Emergency admissions due to falls in people aged 65+ (demo)", IndicatorValueType.CrudeRate, 100_000, "per 100,000", ReportingFrequency.Annual,
            "Demo: synthetic. Emergency admissions for falls of residents aged 65+, per 100,000 residents aged 65+ (crude rate).",
            HealthFactor.QualityOfLife, null),
        Demo(CardiovascularDeaths, "Under 75 mortality rate from cardiovascular disease (demo)", IndicatorValueType.Dsr, 100_000, "per 100,000", ReportingFrequency.Annual,
            "Demo: synthetic. Deaths under 75 from cardiovascular disease per 100,000, directly standardised to the 2013 European Standard Population from counts in five age bands.",
            HealthFactor.LengthOfLife, null),
        Demo(EmergencyAdmissions, "Emergency admissions per 1,000 registered patients, monthly (demo)", IndicatorValueType.CrudeRate, 1_000, "per 1,000", ReportingFrequency.Monthly,
            "Demo: synthetic. Emergency hospital admissions of a practice's registered patients in the month, per 1,000 registered patients.",
            HealthFactor.ClinicalCare, FocusArea.AccessToCare),
        Demo(LifeExpectancy, "Life expectancy at birth, persons (demo)", IndicatorValueType.LifeExpectancy, 1, "years", ReportingFrequency.MultiYear,
            "Demo: synthetic. Life expectancy at birth over three years pooled, as a publisher gives it (value and limits, no counts).",
            HealthFactor.LengthOfLife, null) with { Polarity = Polarity.HighIsGood },
        Demo(ChildPoverty, "Children in relative low income families, under 16s (demo)", IndicatorValueType.Proportion, 100, "%", ReportingFrequency.Annual,
            "Demo: synthetic. Children under 16 in families with relative low income, as a percentage of children under 16.",
            HealthFactor.SocialAndEconomicFactors, FocusArea.Income),
    ];

    /// <summary>The demo's indicators over the places of <paramref name="places"/> (a generated demo batch): the same seed gives the same values.</summary>
    public static DemoIndicatorSet Generate(ImportBatch places, int seed = DemoDataset.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(places);
        var world = DemoWorld.Of(places);
        var values = new List<IndicatorValue>(24_000);
        var ages = new List<IndicatorAgeCount>(32_000);
        // One generator per indicator, so that adding one never changes another's values.
        AddSmoking(world, values, new Random(seed));
        AddFalls(world, values, new Random(seed + 1));
        AddCardiovascularDeaths(world, values, ages, new Random(seed + 2));
        AddEmergencyAdmissions(world, values, new Random(seed + 3));
        AddLifeExpectancy(world, values, new Random(seed + 4));
        AddChildPoverty(world, values, new Random(seed + 5));
        return new DemoIndicatorSet(Catalogue, values, ages);
    }

    /// <summary>Removes the demo indicators, their values, the demo's targets on them and its allocation runs (before the demo is generated again, or real places replace it).</summary>
    public static async Task ClearAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await Commissioning.Demo.DemoCommissioning.ClearAsync(db, cancellationToken);
        await Outcomes.Demo.DemoTargets.ClearAsync(db, cancellationToken);
        await Allocation.Demo.DemoAllocations.ClearAsync(db, cancellationToken);
        var ids = Ids.ToList();
        await db.IndicatorAgeCounts.Where(a => ids.Contains(a.Indicator)).ExecuteDeleteAsync(cancellationToken);
        await db.IndicatorValues.Where(v => ids.Contains(v.Indicator)).ExecuteDeleteAsync(cancellationToken);
        await db.Indicators.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    private static Indicator Demo(
        IndicatorId id, string name, IndicatorValueType type, double multiplier, string unit, ReportingFrequency frequency, string definition,
        HealthFactor factor, FocusArea? focus) =>
        new(id, name, type, multiplier, unit, Polarity.LowIsGood)
        {
            Definition = definition,
            Frequency = frequency,
            Source = Source,
            Licence = "Generated by Commonweal for demonstration; not real data",
            FactorGroup = factor,
            FocusArea = focus,
            Profile = "Demo (synthetic)",
        };

    /// <summary>QOF-style: a practice's smokers among its patients aged 15+, 2013/14 to 2024/25, falling about half a point a year.</summary>
    private static void AddSmoking(DemoWorld world, List<IndicatorValue> values, Random rng)
    {
        var effect = world.Practices.Select(_ => 0.012 * Normal(rng)).ToArray();
        for (var year = 2013; year <= 2024; year++)
        {
            var period = FinancialYear(year);
            var t = year - 2013;
            for (var p = 0; p < world.Practices.Count; p++)
            {
                var practice = world.Practices[p];
                var adults = Math.Round(practice.ListIn(year) * 0.83);
                var rate = Math.Clamp(0.185 - (0.0048 * t) + (0.10 * (practice.Deprivation - 0.45)) + effect[p] + (0.004 * Normal(rng)), 0.03, 0.4);
                values.Add(Counted(Smoking, practice.Code, AreaType.Practice, practice.Name, period, Binomial(adults, rate, rng), adults));
            }

            var england = 46_600_000d + (400_000d * t);
            values.Add(Counted(Smoking, England, AreaType.Country, "England", period, Math.Round(england * (0.1917 - (0.0052 * t))), england));
        }
    }

    /// <summary>Falls of residents aged 65+ by LSOA, 2019/20 to 2024/25 (the demo's LSOAs lie in districts from April 2019).</summary>
    private static void AddFalls(DemoWorld world, List<IndicatorValue> values, Random rng)
    {
        for (var year = 2019; year <= 2024; year++)
        {
            var period = FinancialYear(year);
            var t = year - 2019;
            foreach (var lsoa in world.LsoasFor(period))
            {
                // Older neighbourhoods are the less deprived ones.
                var older = Math.Round(lsoa.Residents * Math.Clamp(0.2 - (0.1 * (lsoa.Deprivation - 0.5)), 0.08, 0.35));
                var rate = 2_050e-5 * (0.75 + (0.6 * lsoa.Deprivation)) * (1 + (0.012 * t)) * (year == 2020 ? 0.85 : 1);
                values.Add(Counted(Falls, lsoa.Code, AreaType.Lsoa, lsoa.Name, period, Poisson(older * rate, rng), older));
            }

            var england = 10_800_000d + (180_000d * t);
            values.Add(Counted(Falls, England, AreaType.Country, "England", period, Math.Round(england * 2_100e-5 * (1 + (0.01 * t)) * (year == 2020 ? 0.85 : 1)), england));
        }
    }

    /// <summary>Deaths under 75 from cardiovascular disease by LSOA and age band, calendar years 2019 to 2024; England as published.</summary>
    private static void AddCardiovascularDeaths(DemoWorld world, List<IndicatorValue> values, List<IndicatorAgeCount> ages, Random rng)
    {
        for (var year = 2019; year <= 2024; year++)
        {
            var period = IndicatorPeriod.Parse(year.ToString(CultureInfo.InvariantCulture));
            var trend = (1 - (0.012 * (year - 2019))) * (year is 2020 or 2021 ? 1.06 : 1);
            foreach (var lsoa in world.LsoasFor(period))
            {
                double deaths = 0, people = 0;
                foreach (var (band, share, perHundredThousand) in Under75)
                {
                    var population = Math.Round(lsoa.Residents * share);
                    var count = Poisson(population * perHundredThousand * 1e-5 * (0.6 + (0.9 * lsoa.Deprivation)) * trend, rng);
                    ages.Add(new IndicatorAgeCount(CardiovascularDeaths, lsoa.Code, period.Label, Sex.Persons, string.Empty, string.Empty, band, count, population));
                    deaths += count;
                    people += population;
                }

                values.Add(Counted(CardiovascularDeaths, lsoa.Code, AreaType.Lsoa, lsoa.Name, period, deaths, people, "<75 yrs"));
            }

            var england = 77.0 * trend;
            values.Add(PublishedValue(CardiovascularDeaths, England, AreaType.Country, "England", period, england, 0.6, "<75 yrs"));
        }
    }

    /// <summary>Emergency admissions of each practice's patients by month, April 2022 to March 2025: winter peaks, and a step up from October 2024.</summary>
    private static void AddEmergencyAdmissions(DemoWorld world, List<IndicatorValue> values, Random rng)
    {
        for (var year = 2022; year <= 2024; year++)
        {
            for (var m = 0; m < 12; m++)
            {
                var calendarYear = m < 9 ? year : year + 1;
                var period = IndicatorPeriod.Parse($"{Months[m]}-{calendarYear % 100:D2}");
                var winter = m is 8 or 9 ? 1.14 : m is 7 or 10 ? 1.07 : m is 3 or 4 ? 0.95 : 1;
                var step = period.Start >= new DateOnly(2024, 10, 1) ? 1.09 : 1;
                foreach (var practice in world.Practices)
                {
                    var patients = practice.ListIn(year);
                    var rate = 8.2e-3 * (0.8 + (0.5 * practice.Deprivation)) * winter * step;
                    values.Add(Counted(EmergencyAdmissions, practice.Code, AreaType.Practice, practice.Name, period, Poisson(patients * rate, rng), patients));
                }

                const double englandPatients = 62_500_000d;
                values.Add(Counted(EmergencyAdmissions, England, AreaType.Country, "England", period, Math.Round(englandPatients * 8.3e-3 * winter * step), englandPatients));
            }
        }
    }

    /// <summary>A district series as a publisher gives it (value and 95 % limits, no counts): three-year periods 2013–15 to 2021–23.</summary>
    private static void AddLifeExpectancy(DemoWorld world, List<IndicatorValue> values, Random rng)
    {
        for (var first = 2013; first <= 2021; first++)
        {
            var period = IndicatorPeriod.Parse($"{first} - {(first + 2) % 100:D2}");
            var change = first <= 2017 ? 0.08 * (first - 2013) : 0.32 - (0.35 * (first - 2017)) + (first >= 2020 ? 0.5 * (first - 2019) : 0);
            foreach (var district in world.Districts)
            {
                var value = 82.4 - (5.5 * (district.Deprivation - 0.4)) + change + (0.15 * Normal(rng));
                values.Add(PublishedValue(LifeExpectancy, district.Code, AreaType.District, district.Name, period, value, 0.45, IndicatorValue.AllAges));
            }

            values.Add(PublishedValue(LifeExpectancy, England, AreaType.Country, "England", period, 81.1 + change, 0.05, IndicatorValue.AllAges));
        }
    }

    /// <summary>Children in low-income families by LSOA, 2019/20 to 2023/24: the steepest gradient with deprivation of the six.</summary>
    private static void AddChildPoverty(DemoWorld world, List<IndicatorValue> values, Random rng)
    {
        for (var year = 2019; year <= 2023; year++)
        {
            var period = FinancialYear(year);
            foreach (var lsoa in world.LsoasFor(period))
            {
                var children = Math.Round(lsoa.Residents * 0.18);
                var rate = Math.Clamp(0.04 + (0.38 * Math.Pow(lsoa.Deprivation, 1.5)) + (0.01 * (year - 2019)) + (0.02 * Normal(rng)), 0.01, 0.7);
                values.Add(Counted(ChildPoverty, lsoa.Code, AreaType.Lsoa, lsoa.Name, period, Binomial(children, rate, rng), children));
            }

            var england = 10_600_000d;
            values.Add(Counted(ChildPoverty, England, AreaType.Country, "England", period, Math.Round(england * (0.19 + (0.006 * (year - 2019)))), england));
        }
    }

    private static IndicatorPeriod FinancialYear(int year) => IndicatorPeriod.Parse($"{year}/{(year + 1) % 100:D2}");

    /// <summary>A value with its counts, to be worked out by the engine (as an importer stores a row with counts).</summary>
    private static IndicatorValue Counted(
        IndicatorId id, AreaCode area, AreaType type, string name, IndicatorPeriod period, double count, double denominator, string age = IndicatorValue.AllAges) =>
        new(id, area, type, name, period.Label, period.Start, period.End, Sex.Persons, age, string.Empty, string.Empty,
            count, denominator, null, null, null, null, null, null, null, null, ValueSource.Computed);

    /// <summary>A value as published: the value and symmetric 95 % and 99.8 % limits, no counts.</summary>
    private static IndicatorValue PublishedValue(IndicatorId id, AreaCode area, AreaType type, string name, IndicatorPeriod period, double value, double halfWidth, string age) =>
        new(id, area, type, name, period.Label, period.Start, period.End, Sex.Persons, age, string.Empty, string.Empty,
            null, null, Math.Round(value, 2), Math.Round(value - halfWidth, 2), Math.Round(value + halfWidth, 2),
            Math.Round(value - (halfWidth * 1.58), 2), Math.Round(value + (halfWidth * 1.58), 2), null, null, null, ValueSource.Published);

    private static double Normal(Random rng) => DemoDataset.Normal(rng);

    /// <summary>A Poisson draw: by multiplication below 30, else the normal approximation (rounded, never negative).</summary>
    private static double Poisson(double mean, Random rng)
    {
        if (mean <= 0) return 0;
        if (mean >= 30) return Math.Max(0, Math.Round(mean + (Math.Sqrt(mean) * Normal(rng))));
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var product = rng.NextDouble(); product > limit; product *= rng.NextDouble()) k++;
        return k;
    }

    /// <summary>A binomial draw by the normal approximation (the demo's denominators are in the hundreds or more), within 0…n.</summary>
    private static double Binomial(double n, double p, Random rng) =>
        n <= 0 ? 0 : Math.Clamp(Math.Round((n * p) + (Math.Sqrt(n * p * (1 - p)) * Normal(rng))), 0, n);
}
