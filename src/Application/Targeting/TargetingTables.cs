using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting;
using static Commonweal.Application.Files.CsvWriting;

namespace Commonweal.Application.Targeting;

/// <summary>The targeting tables the command line prints and the web platform downloads, defined once so the two agree.</summary>
public static class TargetingTables
{
    /// <summary>
    /// The Core20 LSOAs of a deprivation listing (national IMD deciles 1–2 of its edition), in code order:
    /// lsoa_code, lsoa_name, district_code, imd_rank, imd_decile, population (the LSOA's residents in the edition's population).
    /// </summary>
    public static TextTable Core20(DeprivationList list) => new(
        ["lsoa_code", "lsoa_name", "district_code", "imd_rank", "imd_decile", "population"],
        list.Rows.Where(r => r.IsCore20).Select(r => (IReadOnlyList<string?>)
            [r.Lsoa.Code.Value, r.Lsoa.Name, r.District?.Code.Value, Number(r.Deprivation?.ImdRank), Number(r.Deprivation?.ImdDecile), Number(r.Residents)]));

    /// <summary>
    /// The LSOAs a place rule selects, in code order, with their residents and national deciles:
    /// lsoa_code, lsoa_name, district_code, population, imd_rank, imd_decile, the seven domains' deciles, local_imd_percent.
    /// </summary>
    public static TextTable SelectedLsoas(PlaceCohort cohort) => new(
        ["lsoa_code", "lsoa_name", "district_code", "population", "imd_rank", "imd_decile", .. DeprivationDomains.Seven.Select(d => d.RuleName() + "_decile"), "local_imd_percent"],
        cohort.Lsoas.Select(l => (IReadOnlyList<string?>)
        [
            l.Lsoa.Code.Value, l.Lsoa.Name, l.District?.Code.Value, Number(l.Population), Number(l.Deprivation?.ImdRank), Number(l.Deprivation?.ImdDecile),
            .. DeprivationDomains.Seven.Select(d => Number(l.Deprivation?.Decile(d))),
            l.LocalPercent.TryGetValue(DeprivationDomain.Imd, out var p) ? Number(p) : null,
        ]));

    /// <summary>
    /// Each district's LSOAs and residents and those the rule selects, then the place's (unless the place is that one district):
    /// area_code, area_name, lsoas, cohort_lsoas, population, cohort_population, share.
    /// </summary>
    public static TextTable Shares(PlaceCohort cohort) => new(
        ["area_code", "area_name", "lsoas", "cohort_lsoas", "population", "cohort_population", "share"],
        (cohort.Districts is [{ Area: { } only }] && only.Code == cohort.Place.Code ? cohort.Districts : cohort.Districts.Append(cohort.Total)).Select(s => (IReadOnlyList<string?>)
            [s.Area?.Code.Value, s.Area?.Name ?? "(no district)", Number(s.Lsoas), Number(s.CohortLsoas), Number(s.Population), Number(s.CohortPopulation), Number(s.Fraction)]));

    /// <summary>The calibration report: values rounded to 4 decimals, within_ci true or false.</summary>
    public static TextTable Calibration(IReadOnlyList<CalibrationRow> rows) => new(
        ["characteristic", "area_code", "synthetic_value", "published_value", "published_lower_95", "published_upper_95", "within_ci"],
        rows.Select(r => (IReadOnlyList<string?>)
            [r.Characteristic, r.Area.Value, Number(Math.Round(r.Synthetic, 4)), Number(Math.Round(r.Published, 4)), Number(r.Lower95), Number(r.Upper95), r.Within ? "true" : "false"]));

    /// <summary>
    /// A person rule's counts by area, in code order: area_code, count, population, share (count ÷ population, 6 decimals).
    /// Suppressed cells (small numbers) are empty.
    /// </summary>
    public static TextTable CohortCounts(CohortCounts counts) => new(
        ["area_code", "count", "population", "share"],
        counts.Rows.Select(r => (IReadOnlyList<string?>)[r.Area.Code.Value, Number(r.Count), Number(r.Population), Number(r.Share is { } x ? Math.Round(x, 6) : null)]));

    /// <summary>
    /// The people of a cohort, in canonical order, pseudonymous: person_id, household_id, age, sex, lsoa_code, district_code,
    /// practice_code, risk_score, tier, segment, efi_deficits (65+), characteristics and risk factors (each separated by ';').
    /// </summary>
    public static TextTable CohortMembers(IReadOnlyList<CohortMember> people) => new(
        ["person_id", "household_id", "age", "sex", "lsoa_code", "district_code", "practice_code", "risk_score", "tier", "segment", "efi_deficits", "characteristics", "risk_factors"],
        people.Select(p => (IReadOnlyList<string?>)
        [
            p.PersonId, p.HouseholdId, Number(p.Age), p.Sex, p.Lsoa.Value, p.District?.Value, p.Practice?.Value, Number(Math.Round(p.Score, 2)), p.Tier, p.Segment,
            Number(p.EfiDeficits), string.Join(';', p.Traits), string.Join(';', p.Factors.Select(f => f.Code)),
        ]));

    /// <summary>The First 5,000 Families in rank order: rank, household_id, lsoa_code, district_code, score, reasons.</summary>
    public static TextTable Families(IReadOnlyList<FamilyMember> families) => new(
        ["rank", "household_id", "lsoa_code", "district_code", "score", "reasons"],
        families.Select(f => (IReadOnlyList<string?>)[Number(f.Rank), f.HouseholdId, f.Lsoa, f.District, Number(f.Score), f.Reasons]));

    /// <summary>Risk tiers by place: area_code, area_name, population, then one column per tier (people; empty when suppressed).</summary>
    public static TextTable RiskByPlace(RiskByPlace risk) => new(
        ["area_code", "area_name", "population", .. risk.Model.Tiers.Select(t => Caseload.TierCode(t))],
        risk.Rows.Select(r => (IReadOnlyList<string?>)[r.Area.Code.Value, r.Area.Name, Number(r.Population), .. r.Tiers.Select(t => Number(t))]));

    /// <summary>A snapshot's families by district: district_code, families, share (of the snapshot), mean_score; suppressed cells empty.</summary>
    public static TextTable FamilyDistricts(FamilySummary summary) => new(
        ["district_code", "families", "share", "mean_score"],
        summary.Districts.Select(d => (IReadOnlyList<string?>)[d.District, Number(d.Families),
            Number(d.Families is { } n ? Math.Round((double)n / summary.Snapshot.Size, 6) : null), Number(d.MeanScore is { } m ? Math.Round(m, 2) : null)]));

    /// <summary>Named cohorts: name, version, subject, rule, description, created_at, created_by.</summary>
    public static TextTable Cohorts(IReadOnlyList<CohortDefinition> cohorts) => new(
        ["name", "version", "subject", "rule", "description", "created_at", "created_by"],
        cohorts.Select(d => (IReadOnlyList<string?>)[d.Name, Number(d.Version), d.Subject.ToString().ToLowerInvariant(), d.Rule, d.Description,
            d.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), d.CreatedBy]));
}
