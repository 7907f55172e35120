using System.Security.Claims;
using Commonweal.Application.Places;
using Commonweal.Application.Targeting;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting;
using Commonweal.Core.Targeting.Risk;
using Commonweal.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web.Features.Targeting;

/// <summary>
/// Person cohorts, risk and the First 5,000 Families over the API and as CSV downloads: counts for every signed-in role
/// (small numbers suppressed; never public, as counts of people from a real extract are not published statistics), lists
/// of people for the roles that need them (403 for others), every list audited.
/// </summary>
public static class TargetingEndpoints
{
    public static void MapTargetingEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Targeting");
        api.MapGet("/cohorts/count", CountAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("People a person rule selects in each place of a type (as `commonweal cohort count`): counts 1–4 suppressed, with the next smallest where one alone is");
        api.MapGet("/cohorts/people", PeopleAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The people a person rule selects, pseudonymous, with their risk factors (Analyst and Referrer only; 403 otherwise; audited)");
        api.MapGet("/targeting/risk", RiskAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("People in each risk tier by place, and the whole population by tier and Bridges to Health segment");
        api.MapGet("/targeting/families", FamiliesAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The latest saved First 5,000 Families snapshot, family by family (Analyst and Referrer only; 403 otherwise; audited)");

        var csv = app.MapGroup("/targeting").WithTags("Downloads");
        csv.MapGet("/cohorts.csv", CountCsvAsync).RequireAuthorization(Policies.SignedIn).WithSummary("A person rule's counts by place, as commonweal cohort count");
        csv.MapGet("/cohorts/people.csv", PeopleCsvAsync).RequireAuthorization(Policies.SignedIn).WithSummary("The people a person rule selects, as commonweal cohort export (Analyst and Referrer only; audited)");
        csv.MapGet("/risk.csv", RiskCsvAsync).RequireAuthorization(Policies.SignedIn).WithSummary("People in each risk tier by place");
        csv.MapGet("/families.csv", FamiliesCsvAsync).RequireAuthorization(Policies.SignedIn).WithSummary("The latest First 5,000 Families snapshot, as commonweal targeting families (Analyst and Referrer only; audited)");
        csv.MapGet("/families/districts.csv", FamilyDistrictsCsvAsync).RequireAuthorization(Policies.SignedIn).WithSummary("The latest First 5,000 Families snapshot by district (small counts suppressed)");
        csv.MapGet("/shares.csv", SharesCsvAsync).RequireAuthorization(Policies.Aggregates).WithSummary("Each district's LSOAs and residents and those a place rule selects, as commonweal targeting shares");
        csv.MapGet("/lsoas.csv", LsoasCsvAsync).RequireAuthorization(Policies.Aggregates).WithSummary("The LSOAs a place rule selects within a place, with residents and every domain's decile, as commonweal targeting lsoas");
        csv.MapGet("/core20.csv", Core20CsvAsync).RequireAuthorization(Policies.Aggregates).WithSummary("The Core20 LSOAs of the ICS, as commonweal targeting core20");
        csv.MapGet("/calibration.csv", CalibrationCsvAsync).RequireAuthorization(Policies.Aggregates).WithSummary("The synthetic population against the published figures, as commonweal population calibration");
    }

    public sealed record CohortRowDto(string AreaCode, string AreaName, long? Count, long? Population, double? Share);

    /// <param name="Count">The whole ICS's count (null when suppressed: a small number, or the rest of the population is).</param>
    public sealed record CohortCountsDto(string Rule, string By, bool ByRegistration, long? Count, long Population, IReadOnlyList<CohortRowDto> Rows);

    public sealed record FactorDto(string Code, string Label, string Group, double Points);

    public sealed record PersonDto(string PersonId, string HouseholdId, int Age, string Sex, string LsoaCode, string? DistrictCode, string? PracticeCode,
        double RiskScore, string Tier, string Segment, int? EfiDeficits, IReadOnlyList<string> Characteristics, IReadOnlyList<FactorDto> RiskFactors);

    public sealed record RiskRowDto(string AreaCode, string AreaName, long? Population, IReadOnlyDictionary<string, long?> Tiers);

    public sealed record RiskDto(string Model, string By, bool ByRegistration, long People, IReadOnlyDictionary<string, long> Tiers, IReadOnlyDictionary<string, long> Segments, IReadOnlyList<RiskRowDto> Rows);

    public sealed record FamilyDto(int Rank, string HouseholdId, string LsoaCode, string DistrictCode, double Score, string Reasons);

    public sealed record FamiliesDto(long Snapshot, DateTimeOffset TakenAt, string TakenBy, int Size, string PopulationHash, string Model, IReadOnlyList<FamilyDto> Families);

    /// <summary>
    /// Who is asking, for the use cases that decide on people: the user's name and roles, as each identity carries them
    /// (a local sign-in's role claims, single sign-on's "roles").
    /// </summary>
    public static Viewer ViewerOf(ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? "unknown", SignedInRoles.Of(user));

    private static ProblemHttpResult? ByProblem(string? by, out AreaType type)
    {
        type = AreaType.District;
        if (string.IsNullOrWhiteSpace(by)) return null;
        if (AreaTypeNames.TryParse(by, out type)) return null;
        return ApiProblems.BadParameter("by", "not a place type", $"'{by}' is not a place type ({string.Join(", ", Enum.GetNames<AreaType>())}).");
    }

    /// <summary>The counts, or the problem: a bad parameter (400), or a refusal (an unreadable rule, no population).</summary>
    private static async Task<(CohortCounts? Counts, ProblemHttpResult? Problem)> CountsAsync(HttpContext context, string? rule, string? by, string? asAt)
    {
        if (ByProblem(by, out var type) is { } bad) return (null, bad);
        var view = ViewParameters.Parse(asAt, null);
        if (view.Problems is [var wrong, ..]) return (null, ApiProblems.BadParameter(wrong));
        var services = context.RequestServices;
        await services.GetRequiredService<DemoPopulation>().EnsureAsync(context.RequestAborted);
        var answer = await services.GetRequiredService<PersonCohorts>().CountAsync(rule, type, view.AsAt, cancellationToken: context.RequestAborted);
        return answer.Refusal is { } refusal ? (null, ApiProblems.Refused(refusal, "rule")) : (answer.Value, null);
    }

    private static async Task<Results<Ok<CohortCountsDto>, ProblemHttpResult>> CountAsync(HttpContext context, string? rule, string? by, string? asAt)
    {
        var (c, problem) = await CountsAsync(context, rule, by, asAt);
        if (c is null) return problem!;
        return TypedResults.Ok(new CohortCountsDto(c.Rule, c.By.ToString(), c.ByRegistration, c.Count, c.Population,
            [.. c.Rows.Select(r => new CohortRowDto(r.Area.Code.Value, r.Area.Name, r.Count, r.Population, r.Share))]));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CountCsvAsync(HttpContext context, string? rule, string? by, string? asAt)
    {
        var (c, problem) = await CountsAsync(context, rule, by, asAt);
        if (c is null) return problem!;
        return Csv.File(Csv.FileName("cohort", c.By.ToString().ToLowerInvariant()), TargetingTables.CohortCounts(c));
    }

    private static async Task<Answer<IReadOnlyList<CohortMember>>> MembersAsync(HttpContext context, string? rule, string purpose)
    {
        var services = context.RequestServices;
        await services.GetRequiredService<DemoPopulation>().EnsureAsync(context.RequestAborted);
        return await services.GetRequiredService<PersonCohorts>().ListAsync(rule, ViewerOf(context.User), purpose, context.RequestAborted);
    }

    private static async Task<Results<Ok<IReadOnlyList<PersonDto>>, ProblemHttpResult>> PeopleAsync(HttpContext context, string? rule)
    {
        var answer = await MembersAsync(context, rule, "list");
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal, "rule");
        return TypedResults.Ok<IReadOnlyList<PersonDto>>([.. answer.Value!.Select(p => new PersonDto(p.PersonId, p.HouseholdId, p.Age, p.Sex, p.Lsoa.Value, p.District?.Value,
            p.Practice?.Value, p.Score, p.Tier, p.Segment, p.EfiDeficits, p.Traits, [.. p.Factors.Select(f => new FactorDto(f.Code, f.Label, f.Group.ToString(), f.Points))]))]);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PeopleCsvAsync(HttpContext context, string? rule)
    {
        var answer = await MembersAsync(context, rule, "download");
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal, "rule");
        return Csv.File(Csv.FileName("cohort", "people"), TargetingTables.CohortMembers(answer.Value!));
    }

    private static async Task<(RiskByPlace? Risk, ProblemHttpResult? Problem)> RiskByAsync(HttpContext context, string? by)
    {
        if (ByProblem(by, out var type) is { } bad) return (null, bad);
        var services = context.RequestServices;
        await services.GetRequiredService<DemoPopulation>().EnsureAsync(context.RequestAborted);
        var answer = await services.GetRequiredService<PersonCohorts>().RiskAsync(type, cancellationToken: context.RequestAborted);
        return answer.Refusal is { } refusal ? (null, ApiProblems.Refused(refusal)) : (answer.Value, null);
    }

    private static async Task<Results<Ok<RiskDto>, ProblemHttpResult>> RiskAsync(HttpContext context, string? by)
    {
        var (r, problem) = await RiskByAsync(context, by);
        if (r is null) return problem!;
        var tiers = r.Model.Tiers.Select(Caseload.TierCode).ToList();
        return TypedResults.Ok(new RiskDto(r.Model.Label, r.By.ToString(), r.ByRegistration, r.People,
            tiers.Select((t, k) => (t, k)).ToDictionary(x => x.t, x => r.Tiers[x.k]),
            Segments.All.ToDictionary(s => s.Code(), s => r.Segments[(int)s]),
            [.. r.Rows.Select(row => new RiskRowDto(row.Area.Code.Value, row.Area.Name, row.Population, tiers.Select((t, k) => (t, k)).ToDictionary(x => x.t, x => row.Tiers[x.k])))]));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RiskCsvAsync(HttpContext context, string? by)
    {
        var (r, problem) = await RiskByAsync(context, by);
        if (r is null) return problem!;
        return Csv.File(Csv.FileName("risk", r.By.ToString().ToLowerInvariant()), TargetingTables.RiskByPlace(r));
    }

    private static async Task<Results<Ok<FamiliesDto>, ProblemHttpResult>> FamiliesAsync(HttpContext context, CancellationToken cancellationToken)
    {
        await context.RequestServices.GetRequiredService<DemoPopulation>().EnsureFamiliesAsync(cancellationToken);
        var answer = await context.RequestServices.GetRequiredService<FamilyCohorts>().LatestAsync(ViewerOf(context.User), "list", cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        var f = answer.Value!;
        return TypedResults.Ok(new FamiliesDto(f.Snapshot.Id, f.Snapshot.TakenAt, f.Snapshot.TakenBy, f.Snapshot.Size, f.Snapshot.PopulationHash, f.Snapshot.RiskModel,
            [.. f.Families.Select(m => new FamilyDto(m.Rank, m.HouseholdId, m.Lsoa, m.District, m.Score, m.Reasons))]));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FamiliesCsvAsync(HttpContext context, CancellationToken cancellationToken)
    {
        await context.RequestServices.GetRequiredService<DemoPopulation>().EnsureFamiliesAsync(cancellationToken);
        var answer = await context.RequestServices.GetRequiredService<FamilyCohorts>().LatestAsync(ViewerOf(context.User), "download", cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        return Csv.File(Csv.FileName("families", "snapshot", answer.Value!.Snapshot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), TargetingTables.Families(answer.Value!.Families));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FamilyDistrictsCsvAsync(FamilyCohorts families, DemoPopulation demo, CancellationToken cancellationToken)
    {
        await demo.EnsureFamiliesAsync(cancellationToken);
        if (await families.SummaryAsync(cancellationToken) is not { } summary) return ApiProblems.Refused(FamilyCohorts.NoSnapshot);
        return Csv.File(Csv.FileName("families", "snapshot", summary.Snapshot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "districts"), TargetingTables.FamilyDistricts(summary));
    }

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> SharesCsvAsync(TargetingQueries targeting, string? rule, string? vintage, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "in")] string? within, string? asAt, CancellationToken cancellationToken) =>
        PlaceCohortCsvAsync(targeting, rule, vintage, within, asAt, "shares", TargetingTables.Shares, cancellationToken);

    private static Task<Results<FileContentHttpResult, ProblemHttpResult>> LsoasCsvAsync(TargetingQueries targeting, string? rule, string? vintage, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "in")] string? within, string? asAt, CancellationToken cancellationToken) =>
        PlaceCohortCsvAsync(targeting, rule, vintage, within, asAt, "lsoas", TargetingTables.SelectedLsoas, cancellationToken);

    /// <summary>A place rule's LSOAs within a place (default the ICS) as a table: each district's shares, or the LSOAs with their deciles.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PlaceCohortCsvAsync(TargetingQueries targeting, string? rule, string? vintage, string? within, string? asAt,
        string name, Func<PlaceCohort, TextTable> table, CancellationToken cancellationToken)
    {
        var view = ViewParameters.Parse(asAt, vintage);
        if (view.Problems is [var bad, ..]) return ApiProblems.BadParameter(bad);
        if (DeprivationEndpoints.ParseWithin(within) is { Problem: { } problem }) return ApiProblems.BadParameter(problem);
        var answer = await targeting.SelectAsync(rule, view.Vintage, DeprivationEndpoints.ParseWithin(within).Code, view.AsAt, cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal, "rule");
        return Csv.File(Csv.FileName("targeting", name, answer.Value!.Place.Code.Value, answer.Value.Vintage.Code()), table(answer.Value!));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Core20CsvAsync(DeprivationQueries deprivation, string? vintage, string? asAt, CancellationToken cancellationToken)
    {
        var view = ViewParameters.Parse(asAt, vintage);
        if (view.Problems is [var bad, ..]) return ApiProblems.BadParameter(bad);
        var answer = await deprivation.ListAsync(view.Vintage, null, view.AsAt, cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        return Csv.File(Csv.FileName("core20", answer.Value!.Vintage.Code()), TargetingTables.Core20(answer.Value!));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CalibrationCsvAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        await services.GetRequiredService<DemoPopulation>().EnsureAsync(cancellationToken);
        var answer = await services.GetRequiredService<PopulationGeneration>().ReportAsync(cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal);
        return Csv.File(Csv.FileName("population", "calibration"), TargetingTables.Calibration(answer.Value!));
    }
}
