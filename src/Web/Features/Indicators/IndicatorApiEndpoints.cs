using System.Text.Json.Serialization;
using Commonweal.Application.Indicators;
using Commonweal.Application.Indicators.Import;
using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web.Features.Indicators;

/// <summary>
/// The JSON API over indicators: the catalogue, an indicator's values at every level of the ICS (the command line's
/// columns), places compared with a comparator, a place's trend, SPC and inequality by deprivation decile. Every answer
/// is under the indicator's disclosure rule (small numbers suppressed, with the note saying so); analysts edit an entry.
/// </summary>
public static class IndicatorApiEndpoints
{
    private const int DefaultPageSize = 1000;
    private const int LargestPageSize = 10_000;

    public static void MapIndicatorApiEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/indicators").WithTags("Indicators").RequireAuthorization(Policies.Aggregates);
        api.MapGet("", ListAsync).WithSummary("The indicator catalogue with metadata and how much is stored, narrowed by words (q), factor group, profile or type of place");
        api.MapGet("/{id}", GetAsync).WithSummary("One indicator: metadata, periods, the types of place with values (own and added up) and counts");
        api.MapGet("/{id}/values", ValuesAsync).WithSummary("An indicator's values, as `commonweal indicators values`: by type of place, place, period, sex, age and category, a page at a time, small numbers suppressed");
        api.MapGet("/{id}/benchmarks", BenchmarksAsync).WithSummary("The places of a type in a period, each with its value, limits, the comparator's value and the benchmark (Better, Similar, Worse …)");
        api.MapGet("/{id}/series", SeriesAsync).WithSummary("A place's trend: every period's value and limits against the comparator's, with the recent trend");
        api.MapGet("/{id}/spc", SpcAsync).WithSummary("A place's monthly or quarterly series as a Making Data Count XmR chart: mean, process limits, special causes and icons");
        api.MapGet("/{id}/inequality", InequalityAsync).WithSummary("The indicator by national IMD decile within a place (default: the ICS), with the slope and relative indices of inequality");
        api.MapPut("/{id}", UpdateAsync).RequireAuthorization(Policies.Analysis)
            .WithSummary("Edit an indicator's catalogue entry (analysts and administrators): every change audited with its value before and after");
    }

    /// <param name="Periods">Periods stored (0 when none).</param>
    /// <param name="AreaTypes">The types of place with stored values (as imported).</param>
    public sealed record IndicatorDto(
        int Id,
        string Name,
        string? Definition,
        string ValueType,
        double Multiplier,
        string Unit,
        string Polarity,
        string Frequency,
        string? Source,
        string? Licence,
        IReadOnlyList<string> Comparators,
        string? FactorGroup,
        string? FocusArea,
        string Profile,
        string Disclosure,
        int Periods,
        int Areas,
        int Values,
        string? FirstPeriod,
        string? LastPeriod,
        IReadOnlyList<string> AreaTypes);

    public sealed record PeriodDto(string Label, DateOnly Start, DateOnly End);

    /// <param name="Rows">Rows of the engine's table of this type (own values and values added up).</param>
    /// <param name="Added">Of which added up from the areas within.</param>
    public sealed record AreaTypeCountDto(string AreaType, int Areas, int Rows, int Added);

    public sealed record BreakdownDto(string Sex, string Age, string CategoryType, string Category);

    public sealed record IndicatorDetailDto(IndicatorDto Indicator, IReadOnlyList<PeriodDto> Periods, IReadOnlyList<AreaTypeCountDto> AreaTypes, IReadOnlyList<BreakdownDto> Breakdowns, int Rows, string BenchmarkMethod);

    /// <summary>A row of <c>indicators values</c>: the same fields, in camelCase; empty (null) where suppressed.</summary>
    public sealed record ValueRowDto(
        int IndicatorId,
        string AreaCode,
        string AreaName,
        string AreaType,
        string Period,
        string Sex,
        string Age,
        string Category,
        double? Count,
        double? Denominator,
        double? Value,
        double? Lower95,
        double? Upper95,
        [property: JsonPropertyName("lower99_8")] double? Lower998,
        [property: JsonPropertyName("upper99_8")] double? Upper998,
        string? ComparedToEngland,
        string? RecentTrend,
        string Source);

    /// <param name="Total">Rows that match, over every page.</param>
    /// <param name="DisclosureNote">What was suppressed or rounded among the rows that match, and by which rule; null when nothing was.</param>
    public sealed record ValuesDto(int IndicatorId, string Name, string Unit, int Total, int Page, int PageSize, string? DisclosureNote, IReadOnlyList<ValueRowDto> Rows);

    /// <param name="Benchmark">Better, Similar, Worse (Higher/Lower with no judgement, a quintile's label) or Not compared.</param>
    /// <param name="Note">Why it is not compared (or not shown), or null.</param>
    public sealed record BenchmarkRowDto(
        string AreaCode, string AreaName, double? Count, double? Denominator, double? Value, double? Lower95, double? Upper95,
        [property: JsonPropertyName("lower99_8")] double? Lower998, [property: JsonPropertyName("upper99_8")] double? Upper998,
        string? ComparatorCode, string? ComparatorName, double? ComparatorValue, string Benchmark, string? Note);

    public sealed record BenchmarksDto(int IndicatorId, string Name, string Period, string AreaType, string Comparator, string Method, BreakdownDto Breakdown, string? DisclosureNote, IReadOnlyList<BenchmarkRowDto> Areas);

    public sealed record SeriesPointDto(string Period, double? Value, double? Lower95, double? Upper95, double? ComparatorValue, string? Benchmark, string? RecentTrend, string? Note);

    public sealed record SeriesDto(int IndicatorId, string Name, string AreaCode, string AreaName, string Comparator, BreakdownDto Breakdown, string? RecentTrend, IReadOnlyList<SeriesPointDto> Points);

    public sealed record SpcPointDto(string Period, double? Value, double? Mean, double? Lower, double? Upper, string SpecialCause, string PointType);

    public sealed record SpcDto(int IndicatorId, string Name, string AreaCode, BreakdownDto Breakdown, string Variation, string Assurance, bool TrialLimits, IReadOnlyList<SpcPointDto> Points);

    public sealed record DecileDto(int Decile, int Lsoas, double? Count, double? Denominator, double? Value, double? Lower95, double? Upper95, string? Note);

    public sealed record InequalityDto(int IndicatorId, string Name, string WithinCode, string WithinName, string Period, string Edition, double? Sii, double? Rii, string? Note, IReadOnlyList<DecileDto> Deciles);

    /// <summary>An entry as PUT takes it: the fields of <see cref="IndicatorDto"/> that an analyst may change (all of them; what is left out stays).</summary>
    public sealed record IndicatorEditDto(
        string? Name, string? Definition, string? Unit, string? Polarity, string? Frequency, string? Source, string? Licence, IReadOnlyList<string>? Comparators,
        string? FactorGroup, string? FocusArea, string? Profile, string? Disclosure, string? ValueType, double? Multiplier);

    /// <param name="Changes">Each field changed: "polarity: low-is-good → high-is-good".</param>
    public sealed record IndicatorEditedDto(IndicatorDto Indicator, IReadOnlyList<string> Changes);

    public static IndicatorDto Dto(CatalogueEntry e, IReadOnlyList<AreaType> areaTypes)
    {
        ArgumentNullException.ThrowIfNull(e);
        var i = e.Indicator;
        return new IndicatorDto(i.Id.Value, i.Name, i.Definition, i.ValueType.Code(), i.Multiplier, i.Unit, IndicatorInference.Name(i.Polarity), i.Frequency.ToString(),
            i.Source, i.Licence, IndicatorChoices.ComparatorNames(i.Comparators), i.FactorGroup?.ToString(), i.FocusArea?.ToString(), i.Profile, i.Disclosure.ToString(),
            e.Periods, e.Areas, e.Values, e.FirstPeriod, e.LastPeriod, [.. areaTypes.Select(t => t.ToString())]);
    }

    private static async Task<Results<Ok<IReadOnlyList<IndicatorDto>>, ProblemHttpResult>> ListAsync(
        IndicatorCatalogue catalogue, string? q, string? factorGroup, string? profile, string? areaType, CancellationToken cancellationToken)
    {
        HealthFactor? factor = null;
        if (!string.IsNullOrWhiteSpace(factorGroup))
        {
            if (!IndicatorChoices.TryParse<HealthFactor>(factorGroup, out var parsed))
                return ApiProblems.BadParameter("factorGroup", "factorGroup is not a factor group", $"factorGroup: '{factorGroup}' is not one of {string.Join(", ", Enum.GetNames<HealthFactor>())}");
            factor = parsed;
        }

        if (ParseAreaType(areaType) is { Problem: { } problem }) return ApiProblems.BadParameter(problem);
        var type = ParseAreaType(areaType).Type;
        var types = await catalogue.AreaTypesAsync(cancellationToken);
        var entries = (await catalogue.ListAsync(cancellationToken))
            .Where(e => string.IsNullOrWhiteSpace(q) || Matches(e.Indicator, q.Trim()))
            .Where(e => factor is null || e.Indicator.FactorGroup == factor)
            .Where(e => string.IsNullOrWhiteSpace(profile) || e.Indicator.Profile.Contains(profile.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(e => type is null || types.GetValueOrDefault(e.Indicator.Id, []).Contains(type.Value));
        return TypedResults.Ok<IReadOnlyList<IndicatorDto>>([.. entries.Select(e => Dto(e, types.GetValueOrDefault(e.Indicator.Id, [])))]);
    }

    private static bool Matches(Indicator indicator, string words) =>
        indicator.Id.ToString() == words
        || indicator.Name.Contains(words, StringComparison.OrdinalIgnoreCase)
        || (indicator.Definition?.Contains(words, StringComparison.OrdinalIgnoreCase) ?? false)
        || (indicator.Source?.Contains(words, StringComparison.OrdinalIgnoreCase) ?? false);

    private static async Task<Results<Ok<IndicatorDetailDto>, ProblemHttpResult>> GetAsync(
        IndicatorCatalogue catalogue, IndicatorQueries queries, string id, CancellationToken cancellationToken)
    {
        if (ParseId(id) is not { } indicatorId) return BadId(id);
        var found = await queries.TableAsync(indicatorId, cancellationToken);
        if (found.Value is not { } table) return ApiProblems.Refused(found.Refusal!, "id");
        var entry = (await catalogue.ListAsync(cancellationToken)).FirstOrDefault(e => e.Indicator.Id == indicatorId)
            ?? new CatalogueEntry(table.Indicator, 0, 0, 0, null, null);
        var types = await catalogue.AreaTypesAsync(cancellationToken);
        var byType = table.Rows.GroupBy(r => r.Value.AreaType).OrderBy(g => g.Key)
            .Select(g => new AreaTypeCountDto(g.Key.ToString(), g.Select(r => r.Area).Distinct().Count(), g.Count(), g.Count(r => r.Source == ValueSource.Aggregated)))
            .ToList();
        return TypedResults.Ok(new IndicatorDetailDto(
            Dto(entry with { Indicator = table.Indicator }, types.GetValueOrDefault(indicatorId, [])),
            [.. table.Periods.Select(p => new PeriodDto(p.Label, p.Start, p.End))],
            byType,
            [.. table.Breakdowns.Select(Dto)],
            table.Rows.Count,
            table.Method.ToString()));
    }

    private static async Task<Results<Ok<ValuesDto>, ProblemHttpResult>> ValuesAsync(
        IndicatorQueries queries, string id, string? areaType, string? area, string? period, string? sex, string? age, string? category,
        string? page, string? pageSize, CancellationToken cancellationToken)
    {
        if (ParseId(id) is not { } indicatorId) return BadId(id);
        if (ParseAreaType(areaType) is { Problem: { } typeProblem }) return ApiProblems.BadParameter(typeProblem);
        if (ParseArea(area, "area") is { Problem: { } areaProblem }) return ApiProblems.BadParameter(areaProblem);
        if (ParsePeriod(period) is { } periodProblem) return ApiProblems.BadParameter(periodProblem);
        Sex? wantedSex = null;
        if (!string.IsNullOrWhiteSpace(sex))
        {
            if (!IndicatorChoices.TryParse<Sex>(sex, out var parsed)) return ApiProblems.BadParameter("sex", "sex is not a sex", $"sex: '{sex}' is not Persons, Male or Female");
            wantedSex = parsed;
        }

        if (ParsePositive(page, "page", 1, int.MaxValue) is { Problem: { } pageProblem }) return ApiProblems.BadParameter(pageProblem);
        if (ParsePositive(pageSize, "pageSize", DefaultPageSize, LargestPageSize) is { Problem: { } sizeProblem }) return ApiProblems.BadParameter(sizeProblem);
        var number = ParsePositive(page, "page", 1, int.MaxValue).Value;
        var size = ParsePositive(pageSize, "pageSize", DefaultPageSize, LargestPageSize).Value;

        var answer = await queries.ValuesAsync(
            new ValuesQuery(indicatorId, ParseAreaType(areaType).Type, ParseArea(area, "area").Code, string.IsNullOrWhiteSpace(period) ? null : period.Trim()), cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal, Blame(refusal, area, period));
        var listing = answer.Value!;
        var rows = listing.Rows
            .Where(r => wantedSex is null || r.Row.Value.Sex == wantedSex)
            .Where(r => string.IsNullOrWhiteSpace(age) || string.Equals(r.Row.Value.Age, age.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(r => category is null || string.Equals(r.Row.Value.Category, category.Trim(), StringComparison.OrdinalIgnoreCase))
            .ToList();
        var table = listing.Table;
        return TypedResults.Ok(new ValuesDto(table.Indicator.Id.Value, table.Indicator.Name, table.Indicator.Unit, rows.Count, number, size,
            IndicatorTables.DisclosureNote(rows, listing.Policy),
            [.. rows.Skip((int)Math.Min(int.MaxValue, (long)(number - 1) * size)).Take(size).Select(r => Row(table.Indicator.Id, r))]));
    }

    public static ValueRowDto Row(IndicatorId indicator, DisclosedRow r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var v = r.Row.Value;
        return new ValueRowDto(indicator.Value, v.Area.Value, v.AreaName, v.AreaType.ToString(), v.Period, v.Sex.ToString(), v.Age, v.Category,
            Finite(r.Count), Finite(r.Denominator), Finite(r.Value), Finite(r.Limits95.Lower), Finite(r.Limits95.Upper), Finite(r.Limits998.Lower), Finite(r.Limits998.Upper),
            IndicatorTables.Compared(r.ComparedToEngland), r.Trend?.Label, IndicatorTables.SourceName(v.Source));
    }

    private static async Task<Results<Ok<BenchmarksDto>, ProblemHttpResult>> BenchmarksAsync(
        IndicatorQueries queries, string id, string? areaType, string? period, string? comparator, CancellationToken cancellationToken)
    {
        if (ParseId(id) is not { } indicatorId) return BadId(id);
        if (string.IsNullOrWhiteSpace(areaType)) return ApiProblems.BadParameter("areaType", "areaType is required", "areaType: give the type of place to compare, e.g. District or SubIcb");
        if (ParseAreaType(areaType) is { Problem: { } typeProblem }) return ApiProblems.BadParameter(typeProblem);
        if (ParsePeriod(period) is { } periodProblem) return ApiProblems.BadParameter(periodProblem);
        if (ParseComparator(comparator) is { Problem: { } comparatorProblem }) return ApiProblems.BadParameter(comparatorProblem);
        var against = ParseComparator(comparator).Comparator;
        var answer = await queries.CompareAreasAsync(indicatorId, ParseAreaType(areaType).Type!.Value, string.IsNullOrWhiteSpace(period) ? null : period.Trim(), null, against,
            cancellationToken: cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal, Blame(refusal, null, period));
        var c = answer.Value!;
        var policy = c.Table.Indicator.Disclosure.Policy();
        var rows = c.Areas.Select(a =>
        {
            var shown = a.Row;
            var other = a.Benchmark.Against is { } row ? c.Table.Disclosed(row, policy) : null;
            return new BenchmarkRowDto(shown.Row.Area.Value, shown.Row.Value.AreaName, Finite(shown.Count), Finite(shown.Denominator), Finite(shown.Value),
                Finite(shown.Limits95.Lower), Finite(shown.Limits95.Upper), Finite(shown.Limits998.Lower), Finite(shown.Limits998.Upper),
                other?.Row.Area.Value, other?.Row.Value.AreaName, Finite(other?.Value), a.Benchmark.Label, a.Benchmark.Note ?? shown.Note);
        }).ToList();
        return TypedResults.Ok(new BenchmarksDto(c.Table.Indicator.Id.Value, c.Table.Indicator.Name, c.Period.Label, c.Type.ToString(), IndicatorChoices.ComparatorCode(against),
            c.Table.Method.ToString(), Dto(c.Breakdown), IndicatorTables.DisclosureNote([.. c.Areas.Select(a => a.Row)], policy), rows));
    }

    private static async Task<Results<Ok<SeriesDto>, ProblemHttpResult>> SeriesAsync(
        IndicatorQueries queries, string id, string? area, string? comparator, CancellationToken cancellationToken)
    {
        if (ParseId(id) is not { } indicatorId) return BadId(id);
        if (string.IsNullOrWhiteSpace(area)) return ApiProblems.BadParameter("area", "area is required", "area: give the place's code, e.g. E07000066");
        if (ParseArea(area, "area") is { Problem: { } areaProblem }) return ApiProblems.BadParameter(areaProblem);
        if (ParseComparator(comparator) is { Problem: { } comparatorProblem }) return ApiProblems.BadParameter(comparatorProblem);
        var against = ParseComparator(comparator).Comparator;
        var answer = await queries.SeriesAsync(indicatorId, ParseArea(area, "area").Code!.Value, null, against, cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal, Blame(refusal, area, null));
        var s = answer.Value!;
        return TypedResults.Ok(new SeriesDto(s.Table.Indicator.Id.Value, s.Table.Indicator.Name, s.Area.Value, s.AreaName, IndicatorChoices.ComparatorCode(against), Dto(s.Breakdown),
            s.LatestTrend?.Label,
            [.. s.Points.Select(p => new SeriesPointDto(p.Period.Label, Finite(p.Row?.Value), Finite(p.Row?.Limits95.Lower), Finite(p.Row?.Limits95.Upper), Finite(p.Comparator?.Value),
                p.Benchmark?.Label, p.Row?.Trend?.Label, p.Row?.Note ?? p.Benchmark?.Note))]));
    }

    private static async Task<Results<Ok<SpcDto>, ProblemHttpResult>> SpcAsync(IndicatorQueries queries, string id, string? area, CancellationToken cancellationToken)
    {
        if (ParseId(id) is not { } indicatorId) return BadId(id);
        if (string.IsNullOrWhiteSpace(area)) return ApiProblems.BadParameter("area", "area is required", "area: give the place's code, e.g. E07000066");
        if (ParseArea(area, "area") is { Problem: { } areaProblem }) return ApiProblems.BadParameter(areaProblem);
        var answer = await queries.SpcAsync(indicatorId, ParseArea(area, "area").Code!.Value, cancellationToken: cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal, Blame(refusal, area, null));
        var s = answer.Value!;
        return TypedResults.Ok(new SpcDto(s.Table.Indicator.Id.Value, s.Table.Indicator.Name, s.Area.Value, Dto(s.Breakdown), s.Chart.Variation.ToString(), s.Chart.Assurance.ToString(),
            s.Chart.TrialLimits,
            [.. s.Periods.Select((p, i) => (Period: p, Value: s.Values[i], Point: i < s.Chart.Points.Count ? s.Chart.Points[i] : (Core.Statistics.Spc.XmrPoint?)null))
                .Select(x => new SpcPointDto(x.Period.Label, Finite(x.Value), Finite(x.Point?.Limits.Mean), Finite(x.Point?.Limits.Lower), Finite(x.Point?.Limits.Upper),
                    x.Point?.SpecialCause.ToString() ?? "None", x.Point?.PointType.ToString() ?? "None"))]));
    }

    private static async Task<Results<Ok<InequalityDto>, ProblemHttpResult>> InequalityAsync(
        IndicatorQueries queries, string id, string? area, string? period, CancellationToken cancellationToken)
    {
        if (ParseId(id) is not { } indicatorId) return BadId(id);
        if (ParseArea(area, "area") is { Problem: { } areaProblem }) return ApiProblems.BadParameter(areaProblem);
        if (ParsePeriod(period) is { } periodProblem) return ApiProblems.BadParameter(periodProblem);
        var answer = await queries.InequalityAsync(indicatorId, ParseArea(area, "area").Code, string.IsNullOrWhiteSpace(period) ? null : period.Trim(), cancellationToken: cancellationToken);
        if (answer.Refusal is { } refusal) return ApiProblems.Refused(refusal, Blame(refusal, area, period));
        var g = answer.Value!;
        return TypedResults.Ok(new InequalityDto(g.Table.Indicator.Id.Value, g.Table.Indicator.Name, g.Within.Code.Value, g.Within.Name, g.Period.Label, g.Edition.Code(),
            Finite(g.Slope?.Sii), Finite(g.Slope?.Rii), g.Note,
            [.. g.Deciles.Select(d => new DecileDto(d.Decile, d.Lsoas, Finite(d.Count), Finite(d.Denominator), Finite(d.Value), Finite(d.Limits95.Lower), Finite(d.Limits95.Upper), d.Note))]));
    }

    private static async Task<Results<Ok<IndicatorEditedDto>, ProblemHttpResult>> UpdateAsync(
        CatalogueEditing editing, IndicatorCatalogue catalogue, HttpContext context, string id, IndicatorEditDto body, CancellationToken cancellationToken)
    {
        if (ParseId(id) is not { } indicatorId) return BadId(id);
        if (await editing.FindAsync(indicatorId, cancellationToken) is not { } found) return NotFound(indicatorId);
        var (edit, problems) = IndicatorChoices.Read(body, IndicatorEdit.Of(found.Indicator));
        problems = IndicatorChoices.Problems(problems, edit, found.Indicator, found.HasValues);
        if (problems.Count > 0) return Invalid(problems);
        var outcome = await editing.UpdateAsync(indicatorId, edit, context.User.Identity?.Name ?? "unknown", cancellationToken);
        if (outcome.NotFound) return NotFound(indicatorId);
        if (!outcome.Succeeded) return Invalid(outcome.Errors);
        var entry = (await catalogue.ListAsync(cancellationToken)).First(e => e.Indicator.Id == indicatorId);
        var types = await catalogue.AreaTypesAsync(cancellationToken);
        return TypedResults.Ok(new IndicatorEditedDto(Dto(entry, types.GetValueOrDefault(indicatorId, [])), [.. outcome.Changes.Select(c => c.ToString())]));
    }

    /// <summary>A 400 whose <c>parameter</c> is the first field in error (camelCase, as the JSON names it) and whose <c>errors</c> has every one.</summary>
    private static ProblemHttpResult Invalid(IReadOnlyList<FieldError> errors) =>
        TypedResults.Problem(title: "the entry is not valid", detail: string.Join("; ", errors.Select(e => $"{JsonName(e.Field)}: {e.Message}")),
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?>
            {
                ["parameter"] = JsonName(errors[0].Field),
                ["errors"] = errors.GroupBy(e => JsonName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            });

    private static string JsonName(string field) => char.ToLowerInvariant(field[0]) + field[1..];

    private static ProblemHttpResult NotFound(IndicatorId id) =>
        ApiProblems.Refused(new Refusal("indicator not found", $"No indicator {id} is in the catalogue.", RefusalKind.NotFound), "id");

    private static BreakdownDto Dto(Breakdown b) => new(b.Sex.ToString(), b.Age, b.CategoryType, b.Category);

    private static double? Finite(double? x) => x is { } v && double.IsFinite(v) ? v : null;

    private static IndicatorId? ParseId(string id) => IndicatorId.TryParse(id, out var parsed) ? parsed : null;

    private static ProblemHttpResult BadId(string id) =>
        ApiProblems.BadParameter("id", "id is not an indicator id", $"id: '{id}' is not an indicator id (a positive whole number, e.g. 91547)");

    /// <summary>Which parameter a refusal is about: the place when no values for it, the period when none for it, else the indicator.</summary>
    private static string Blame(Refusal refusal, string? area, string? period) => refusal.Title switch
    {
        "no values for the place" or "place not found" when area is not null => "area",
        "no such period" when period is not null => "period",
        _ => "id",
    };

    private static (AreaType? Type, ParameterProblem? Problem) ParseAreaType(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        return IndicatorChoices.TryParse<AreaType>(text, out var type)
            ? (type, null)
            : (null, new ParameterProblem("areaType", "areaType is not a type of place", $"areaType: '{text}' is not one of {string.Join(", ", Enum.GetNames<AreaType>())}"));
    }

    private static (AreaCode? Code, ParameterProblem? Problem) ParseArea(string? text, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        return AreaCode.TryParse(text.Trim(), out var code, out var error)
            ? (code, null)
            : (null, new ParameterProblem(parameter, $"{parameter} is not an area code", $"{parameter}: {error}"));
    }

    private static ParameterProblem? ParsePeriod(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || IndicatorPeriod.TryParse(text, out _, out var error)) return null;
        return new ParameterProblem("period", "period is not a period", "period: " + error);
    }

    private static (int Value, ParameterProblem? Problem) ParsePositive(string? text, string parameter, int fallback, int largest)
    {
        if (string.IsNullOrWhiteSpace(text)) return (fallback, null);
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= largest
            ? (value, null)
            : (fallback, new ParameterProblem(parameter, $"{parameter} is not a whole number from 1 to {largest:N0}", $"{parameter}: '{text}' is not a whole number from 1 to {largest:N0}"));
    }

    private static (Comparators Comparator, ParameterProblem? Problem) ParseComparator(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (Comparators.England, null);
        return IndicatorChoices.TryParseComparator(text, out var comparator)
            ? (comparator, null)
            : (Comparators.England, new ParameterProblem("comparator", "comparator is not a comparator", $"comparator: '{text}' is not england, region, parent or ics"));
    }
}
