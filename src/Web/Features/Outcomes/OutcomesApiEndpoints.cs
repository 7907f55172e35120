using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Commonweal.Application.Outcomes;
using Commonweal.Application.Places;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Statistics.Spc;
using Commonweal.Web.Features.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace Commonweal.Web.Features.Outcomes;

/// <summary>
/// The JSON API of the outcomes framework (docs/outcomes-api.md): the framework's versions and coverage, SMART targets
/// read against the data (status, why, every period, the Making Data Count icons beside it), their history, commentary
/// and agreed actions; commissioners create and edit targets, the framework and actions, and a target's lead officer
/// comments on it. Every rule is the use case's (Application/Outcomes), as the command line and the board papers have it;
/// a refusal is a 400 whose <c>errors</c> gives every reason by field (camelCase, as the JSON names it), and nothing is saved.
/// </summary>
public static class OutcomesApiEndpoints
{
    private const string Json = "application/json";

    public static void MapOutcomesApiEndpoints(this IEndpointRouteBuilder app)
    {
        var outcomes = app.MapGroup("/api/outcomes").WithTags("Outcomes").RequireAuthorization(Policies.Aggregates);
        outcomes.MapGet("/framework", FrameworkAsync)
            .WithSummary("The current version of the outcomes framework: who agreed it and when, the ICS's priorities mapped onto its domains, and which domain each indicator measures");
        outcomes.MapGet("/framework/versions", VersionsAsync).WithSummary("Every saved version of the framework, newest first");
        outcomes.MapGet("/framework/versions/{version:int}", VersionAsync).WithSummary("One saved version of the framework (404 if there is none)");
        outcomes.MapPost("/framework", SaveFrameworkAsync).RequireAuthorization(Policies.Commissioning).JsonBody<FrameworkEditBody>()
            .WithSummary("Save the next version of the framework (commissioners and administrators): 201 with it and its changes, or 400 with every error by field; audited");
        outcomes.MapGet("/coverage", CoverageAsync)
            .WithSummary("Every domain of the framework with its indicators and targets, and the gaps (no indicator, no target)");

        var targets = app.MapGroup("/api/targets").WithTags("Outcomes").RequireAuthorization(Policies.Aggregates);
        targets.MapGet("", TargetsAsync)
            .WithSummary("Every target read against the data: baseline, target, deadline, owner and lead, its latest value, status and why, and the SPC icons beside it");
        targets.MapGet("/status", StatusAsync)
            .WithSummary("The rows of `commonweal targets status` in camelCase: each target in every period with data from its baseline on (latest=true: its latest period)");
        targets.MapGet("/{id:int}", TargetAsync)
            .WithSummary("One target as in the list, with every period from its baseline on, its history, commentary and actions");
        targets.MapPost("", CreateAsync).RequireAuthorization(Policies.Commissioning).JsonBody<TargetBody>()
            .WithSummary("Create a SMART target (commissioners and administrators), its baseline value taken from the data: 201, or 400 with every reason it is not SMART by field; nothing saved");
        targets.MapPut("/{id:int}", EditAsync).RequireAuthorization(Policies.Commissioning).JsonBody<TargetBody>()
            .WithSummary("Edit a target, saying why (commissioners and administrators): 200 with the fields changed, each kept in its history and audited");
        targets.MapGet("/{id:int}/history", HistoryAsync).WithSummary("A target's changes, newest first: field, before, after, why, when and by whom");
        targets.MapGet("/{id:int}/commentary", CommentaryAsync).WithSummary("A target's commentary, newest first");
        targets.MapPost("/{id:int}/commentary", CommentAsync).RequireAuthorization(Policies.SignedIn).JsonBody<CommentaryBody>()
            .WithSummary("Add commentary to a target: commissioners, administrators and the target's lead officer (others 403)");
        targets.MapGet("/{id:int}/actions", ActionsAsync).WithSummary("A target's agreed actions, by when they are due");
        targets.MapPost("/{id:int}/actions", AddActionAsync).RequireAuthorization(Policies.Commissioning).JsonBody<ActionBody>()
            .WithSummary("Agree an action on a target (commissioners and administrators): what, who, by when (yyyy-MM-dd); it starts open");
        targets.MapPut("/{id:int}/actions/{actionId:long}", SetActionStatusAsync).RequireAuthorization(Policies.Commissioning).JsonBody<ActionStatusBody>()
            .WithSummary("Set an action's status: open, done or dropped (commissioners and administrators)");
    }

    public sealed record PriorityDto(string Name, string Kind, string KindLabel, IReadOnlyList<string> Domains, IReadOnlyList<string> DomainLabels, IReadOnlyList<int> Indicators);

    public sealed record MappingDto(int IndicatorId, string? Domain, string Label);

    /// <param name="Version">0 for the shipped starting point before any version is saved.</param>
    /// <param name="AgreedBy">Who agreed it; null while a draft.</param>
    public sealed record FrameworkDto(int Version, string Title, string Standing, string? AgreedBy, DateOnly? AgreedOn, string Why, IReadOnlyList<PriorityDto> Priorities, IReadOnlyList<MappingDto> Mapping);

    public sealed record FrameworkVersionDto(int Version, string Title, string Standing, string? AgreedBy, DateOnly? AgreedOn, string Why, DateTimeOffset Created);

    /// <param name="Changes">What changed from the version before, a line each.</param>
    public sealed record FrameworkSavedDto(FrameworkDto Framework, IReadOnlyList<string> Changes);

    /// <summary>A priority as POST takes it: its kind by name (Core20Plus5Adults, Core20Plus5Children, HealthAndWellbeingStrategy, Local), domains by code, indicators by id.</summary>
    public sealed record PriorityBody(string? Name, string? Kind, IReadOnlyList<string>? Domains, IReadOnlyList<int>? Indicators);

    /// <summary>An indicator's domain by code (TobaccoUse, LengthOfLife); an indicator listed twice takes its last entry.</summary>
    public sealed record MappingBody(int IndicatorId, string? Domain);

    /// <summary>A new version of the framework: what GET gives (labels and standing are ignored) with why it changes.</summary>
    public sealed record FrameworkEditBody(string? Title, string? AgreedBy, DateOnly? AgreedOn, string? Why, IReadOnlyList<PriorityBody>? Priorities, IReadOnlyList<MappingBody>? Mapping);

    /// <param name="Domain">The domain's code (TobaccoUse, LengthOfLife).</param>
    /// <param name="Gap">"no indicator", "no target", or null.</param>
    public sealed record CoverageRowDto(string Domain, string Label, string Group, string? FocusArea, IReadOnlyList<int> Indicators, int Targets, string? Gap);

    public sealed record CoverageDto(int Version, string Standing, IReadOnlyList<CoverageRowDto> Rows);

    public sealed record IndicatorRefDto(int Id, string Name);

    public sealed record AreaRefDto(string Code, string Name);

    public sealed record TargetBreakdownDto(string Sex, string Age, string Category);

    /// <param name="Value">The value the data gave for the baseline period when the target was set.</param>
    public sealed record BaselineDto(string Period, double Value);

    public sealed record DomainDto(string Code, string Label);

    /// <summary>The latest period with a value: the value and its 95 % limits as outputs show them (null where suppressed), the trajectory's value for the period, the comparison with England.</summary>
    public sealed record LatestDto(string Period, double? Value, double? Lower95, double? Upper95, double? TrajectoryValue, string? ComparedToEngland);

    /// <summary>A row of <c>targets status</c>: the same fields, in camelCase; null where the command line writes nothing.</summary>
    public sealed record StatusRowDto(
        int TargetId,
        int IndicatorId,
        string AreaCode,
        string Sex,
        string Age,
        string Category,
        string Period,
        double? Value,
        double? Lower95,
        double? Upper95,
        double? TrajectoryValue,
        double TargetValue,
        string Status,
        string? VariationIcon,
        string? AssuranceIcon,
        string? ComparedToEngland,
        string Owner);

    /// <param name="Field">The field as the JSON names it (targetValue, owner).</param>
    public sealed record ChangeDto(string Field, string Before, string After, string Why, DateTimeOffset At, string By);

    public sealed record CommentaryDto(long Id, string Text, DateTimeOffset At, string Author);

    /// <param name="Status">open, done or dropped.</param>
    public sealed record ActionDto(long Id, string What, string Who, DateOnly ByWhen, string Status, DateTimeOffset At, string Author);

    /// <summary>
    /// A target read against the data. <see cref="Periods"/>, <see cref="History"/>, <see cref="Commentary"/> and
    /// <see cref="Actions"/> are given for one target (<c>GET /api/targets/{id}</c>), left out of the list.
    /// </summary>
    /// <param name="Status">not_measurable, achieved, on_track, at_risk or off_track (the latest period's).</param>
    /// <param name="VariationIcon">As <c>stats spc</c> names it; null under 12 points.</param>
    /// <param name="ExceptionReason">Why it is reported in the exception pack ("Off track; special-cause concern (SPC)"), or null.</param>
    public sealed record TargetDto(
        int Id,
        IndicatorRefDto Indicator,
        AreaRefDto Area,
        TargetBreakdownDto Breakdown,
        BaselineDto Baseline,
        double TargetValue,
        string Deadline,
        string Trajectory,
        string Owner,
        string Lead,
        string Rationale,
        DomainDto? Domain,
        LatestDto? Latest,
        string Status,
        string StatusLabel,
        string Why,
        string? VariationIcon,
        string? AssuranceIcon,
        bool IsException,
        string? ExceptionReason,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<StatusRowDto>? Periods = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ChangeDto>? History = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CommentaryDto>? Commentary = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ActionDto>? Actions = null);

    public sealed record TargetEditedDto(TargetDto Target, IReadOnlyList<ChangeDto> Changes);

    /// <summary>
    /// A target as POST and PUT take it (the fields of <c>targets import</c>, camelCase). The baseline value is never
    /// sent: it is taken from the data. Sex, age and category default to persons, the indicator's only age, the whole
    /// population; trajectory to linear (or <c>profile:PERIOD=VALUE;…</c>). <see cref="Why"/> is required by PUT.
    /// </summary>
    public sealed record TargetBody(
        int? IndicatorId,
        string? AreaCode,
        string? Sex,
        string? Age,
        string? Category,
        string? BaselinePeriod,
        double? TargetValue,
        string? DeadlinePeriod,
        string? Trajectory,
        string? Owner,
        string? Lead,
        string? Rationale,
        string? Why = null)
    {
        public TargetDraft Draft() =>
            new(IndicatorId, AreaCode ?? string.Empty, Sex ?? string.Empty, Age ?? string.Empty, Category ?? string.Empty, BaselinePeriod, TargetValue, DeadlinePeriod,
                Trajectory, Owner, Lead, Rationale);
    }

    public sealed record CommentaryBody(string? Text);

    public sealed record ActionBody(string? What, string? Who, DateOnly? ByWhen);

    public sealed record ActionStatusBody(string? Status);

    private static async Task<Ok<FrameworkDto>> FrameworkAsync(FrameworkEditing frameworks, CancellationToken cancellationToken) =>
        TypedResults.Ok(Dto(await frameworks.CurrentAsync(cancellationToken)));

    private static async Task<Ok<IReadOnlyList<FrameworkVersionDto>>> VersionsAsync(FrameworkEditing frameworks, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<FrameworkVersionDto>>([.. (await frameworks.VersionsAsync(cancellationToken)).Select(v =>
            new FrameworkVersionDto(v.Version, v.Title, FrameworkDocument.Read(v).Standing, Nothing(v.AgreedBy), v.AgreedOn, v.Why, v.Created))]);

    private static async Task<Results<Ok<FrameworkDto>, ProblemHttpResult>> VersionAsync(FrameworkEditing frameworks, int version, CancellationToken cancellationToken) =>
        await frameworks.VersionAsync(version, cancellationToken) is { } framework
            ? TypedResults.Ok(Dto(framework))
            : NotFound("version not found", $"No version {version} of the framework is saved.", "version");

    private static async Task<Results<Created<FrameworkSavedDto>, ValidationProblem, ProblemHttpResult>> SaveFrameworkAsync(
        FrameworkEditing frameworks, HttpContext context, CancellationToken cancellationToken)
    {
        var (body, unreadable) = await ReadAsync<FrameworkEditBody>(context.Request, cancellationToken);
        if (body is null) return unreadable!;
        var edit = new FrameworkEdit(
            body.Title ?? string.Empty, body.AgreedBy, body.AgreedOn, body.Why ?? string.Empty,
            [.. (body.Priorities ?? []).Select(p => new PriorityEdit(p.Name ?? string.Empty, Kind(p.Kind), p.Domains ?? [], p.Indicators ?? []))],
            (body.Mapping ?? []).GroupBy(m => m.IndicatorId).ToDictionary(g => g.Key, g => g.Last().Domain ?? string.Empty));
        var saving = await frameworks.SaveAsync(edit, Actor(context.User), cancellationToken);
        if (saving.Errors.Any(e => e.Field == "Version"))
            return TypedResults.Problem(title: "saved by someone else", detail: string.Join("; ", saving.Errors.Select(e => e.Message)), statusCode: StatusCodes.Status409Conflict);
        if (!saving.Succeeded) return Invalid("the framework is not valid", saving.Errors.Select(e => (e.Field, e.Message)));
        var framework = saving.Framework!;
        return TypedResults.Created($"/api/outcomes/framework/versions/{framework.Version}", new FrameworkSavedDto(Dto(framework), saving.Changes));
    }

    /// <summary>A kind by name; one that is not is passed on undefined, for the use case to refuse with the priority's name.</summary>
    private static PriorityKind Kind(string? name) =>
        Enum.TryParse<PriorityKind>(name?.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(name, out _) ? kind : (PriorityKind)(-1);

    private static async Task<Ok<CoverageDto>> CoverageAsync(OutcomeQueries queries, CancellationToken cancellationToken)
    {
        var (framework, rows) = await queries.CoverageAsync(cancellationToken);
        return TypedResults.Ok(new CoverageDto(framework.Version, framework.Standing, [.. rows.Select(r => new CoverageRowDto(
            new FrameworkDomain(r.Group, r.FocusArea).Code, r.Domain, r.Group.ToString(), r.FocusArea?.ToString(), [.. r.Indicators.Select(i => i.Value)], r.Targets, Nothing(r.Gap)))]));
    }

    private static async Task<Ok<IReadOnlyList<TargetDto>>> TargetsAsync(OutcomeQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<TargetDto>>([.. (await queries.ScorecardAsync(cancellationToken)).Targets.OrderBy(s => s.Id).Select(s => Dto(s.Report, s.Domain))]);

    private static async Task<Results<Ok<IReadOnlyList<StatusRowDto>>, ProblemHttpResult>> StatusAsync(OutcomeQueries queries, string? latest, CancellationToken cancellationToken)
    {
        var onlyLatest = false;
        if (!string.IsNullOrWhiteSpace(latest) && !bool.TryParse(latest.Trim(), out onlyLatest))
            return ApiProblems.BadParameter("latest", "latest is not true or false", $"latest: '{latest}' is not true or false");
        var reports = await queries.ReportsAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<StatusRowDto>>([.. reports.SelectMany(r => Rows(r, onlyLatest ? r.Periods.TakeLast(1) : r.Periods))]);
    }

    private static async Task<Results<Ok<TargetDto>, ProblemHttpResult>> TargetAsync(
        OutcomeQueries queries, FrameworkEditing frameworks, int id, CancellationToken cancellationToken)
    {
        if (await queries.ReportAsync(id, cancellationToken) is not { } report) return TargetNotFound(id);
        var framework = await frameworks.CurrentAsync(cancellationToken);
        return TypedResults.Ok(Dto(report, framework.DomainOf(report.Indicator)) with
        {
            Periods = [.. Rows(report, report.Periods)],
            History = [.. (await queries.HistoryAsync(id, cancellationToken)).Select(Dto)],
            Commentary = [.. (await queries.CommentaryAsync(id, cancellationToken)).Select(Dto)],
            Actions = [.. (await queries.ActionsAsync(id, cancellationToken)).Select(Dto)],
        });
    }

    private static async Task<Results<Created<TargetDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TargetWriting writing, OutcomeQueries queries, FrameworkEditing frameworks, HttpContext context, CancellationToken cancellationToken)
    {
        var (body, unreadable) = await ReadAsync<TargetBody>(context.Request, cancellationToken);
        if (body is null) return unreadable!;
        var creation = await writing.CreateAsync([new TargetInput(body.Draft())], Actor(context.User), cancellationToken);
        if (!creation.Succeeded) return Invalid("the target is not SMART", creation.Refusals.Select(r => (r.Problem.Field, r.Problem.Reason)));
        var id = creation.Created[0];
        return TypedResults.Created($"/api/targets/{id}", await TargetDtoAsync(queries, frameworks, id, cancellationToken));
    }

    private static async Task<Results<Ok<TargetEditedDto>, ValidationProblem, ProblemHttpResult>> EditAsync(
        TargetWriting writing, OutcomeQueries queries, FrameworkEditing frameworks, HttpContext context, int id, CancellationToken cancellationToken)
    {
        var (body, unreadable) = await ReadAsync<TargetBody>(context.Request, cancellationToken);
        if (body is null) return unreadable!;
        var editing = await writing.EditAsync(id, body.Draft(), body.Why, Actor(context.User), cancellationToken);
        if (editing.NotFound) return TargetNotFound(id);
        if (!editing.Succeeded) return Invalid("the target is not SMART", editing.Problems.Select(p => (p.Field, p.Reason)));
        return TypedResults.Ok(new TargetEditedDto(await TargetDtoAsync(queries, frameworks, id, cancellationToken), [.. editing.Changes.Select(Dto)]));
    }

    private static async Task<Results<Ok<IReadOnlyList<ChangeDto>>, ProblemHttpResult>> HistoryAsync(OutcomeQueries queries, int id, CancellationToken cancellationToken) =>
        await queries.ReportAsync(id, cancellationToken) is null
            ? TargetNotFound(id)
            : TypedResults.Ok<IReadOnlyList<ChangeDto>>([.. (await queries.HistoryAsync(id, cancellationToken)).Select(Dto)]);

    private static async Task<Results<Ok<IReadOnlyList<CommentaryDto>>, ProblemHttpResult>> CommentaryAsync(OutcomeQueries queries, int id, CancellationToken cancellationToken) =>
        await queries.ReportAsync(id, cancellationToken) is null
            ? TargetNotFound(id)
            : TypedResults.Ok<IReadOnlyList<CommentaryDto>>([.. (await queries.CommentaryAsync(id, cancellationToken)).Select(Dto)]);

    private static async Task<Results<Ok<IReadOnlyList<ActionDto>>, ProblemHttpResult>> ActionsAsync(OutcomeQueries queries, int id, CancellationToken cancellationToken) =>
        await queries.ReportAsync(id, cancellationToken) is null
            ? TargetNotFound(id)
            : TypedResults.Ok<IReadOnlyList<ActionDto>>([.. (await queries.ActionsAsync(id, cancellationToken)).Select(Dto)]);

    private static async Task<Results<Created<CommentaryDto>, ValidationProblem, ProblemHttpResult>> CommentAsync(
        TargetNotes notes, OutcomeQueries queries, HttpContext context, int id, CancellationToken cancellationToken)
    {
        var (body, unreadable) = await ReadAsync<CommentaryBody>(context.Request, cancellationToken);
        if (body is null) return unreadable!;
        var outcome = await notes.CommentAsync(id, body.Text, Writer(context.User), cancellationToken);
        if (Refused(outcome, id, "only commissioners, administrators and the target's lead officer may add commentary to it") is { } refused) return refused;
        if (!outcome.Succeeded) return Invalid("the commentary is not valid", outcome.Errors.Select(e => (e.Field, e.Message)));
        var note = (await queries.CommentaryAsync(id, cancellationToken)).First(c => c.Id == outcome.Id);
        return TypedResults.Created($"/api/targets/{id}/commentary", Dto(note));
    }

    private static async Task<Results<Created<ActionDto>, ValidationProblem, ProblemHttpResult>> AddActionAsync(
        TargetNotes notes, OutcomeQueries queries, HttpContext context, int id, CancellationToken cancellationToken)
    {
        var (body, unreadable) = await ReadAsync<ActionBody>(context.Request, cancellationToken);
        if (body is null) return unreadable!;
        var outcome = await notes.AddActionAsync(id, body.What, body.Who, body.ByWhen, Writer(context.User), cancellationToken);
        if (Refused(outcome, id, "only commissioners and administrators may agree actions") is { } refused) return refused;
        if (!outcome.Succeeded) return Invalid("the action is not valid", outcome.Errors.Select(e => (e.Field, e.Field == "ByWhen" ? "Enter the date it is due (yyyy-MM-dd)" : e.Message)));
        var action = (await queries.ActionsAsync(id, cancellationToken)).First(a => a.Id == outcome.Id);
        return TypedResults.Created($"/api/targets/{id}/actions", Dto(action));
    }

    private static async Task<Results<Ok<ActionDto>, ValidationProblem, ProblemHttpResult>> SetActionStatusAsync(
        TargetNotes notes, OutcomeQueries queries, HttpContext context, int id, long actionId, CancellationToken cancellationToken)
    {
        var (body, unreadable) = await ReadAsync<ActionStatusBody>(context.Request, cancellationToken);
        if (body is null) return unreadable!;
        var outcome = await notes.SetActionStatusAsync(id, actionId, body.Status, Writer(context.User), cancellationToken);
        if (outcome.NotFound) return NotFound("action not found", $"Target {id} has no action {actionId}.", "actionId");
        if (Refused(outcome, id, "only commissioners and administrators may change an action") is { } refused) return refused;
        if (!outcome.Succeeded) return Invalid("the status is not valid", outcome.Errors.Select(e => (e.Field, e.Message)));
        return TypedResults.Ok(Dto((await queries.ActionsAsync(id, cancellationToken)).First(a => a.Id == outcome.Id)));
    }

    /// <summary>A note refused because there is no such target (404) or the writer may not write it (403); null otherwise.</summary>
    private static ProblemHttpResult? Refused(NoteOutcome outcome, int id, string forbidden) =>
        outcome.NotFound ? TargetNotFound(id)
        : outcome.Forbidden ? TypedResults.Problem(title: "not allowed", detail: $"Target {id}: {forbidden}.", statusCode: StatusCodes.Status403Forbidden)
        : null;

    private static async Task<TargetDto> TargetDtoAsync(OutcomeQueries queries, FrameworkEditing frameworks, int id, CancellationToken cancellationToken)
    {
        var report = (await queries.ReportAsync(id, cancellationToken))!;
        return Dto(report, (await frameworks.CurrentAsync(cancellationToken)).DomainOf(report.Indicator));
    }

    private static TargetDto Dto(TargetReport r, FrameworkDomain? domain)
    {
        var t = r.Target;
        var latest = r.Latest;
        return new TargetDto(t.Id, new IndicatorRefDto(t.Indicator.Value, r.Indicator.Name), new AreaRefDto(t.Area.Value, r.AreaName),
            new TargetBreakdownDto(t.Sex.ToString(), t.Age, t.Category), new BaselineDto(t.BaselinePeriod, t.BaselineValue), t.TargetValue, t.DeadlinePeriod,
            t.Trajectory, r.Owner, t.Lead, t.Rationale, domain is { } d ? new DomainDto(d.Code, d.Label) : null,
            latest is null ? null : new LatestDto(latest.Period.Label, Finite(latest.Shown.Value), Limit(latest.Shown.Limits95.Lower, latest.Shown.Value),
                Limit(latest.Shown.Limits95.Upper, latest.Shown.Value), Finite(latest.Assessment.TrajectoryValue), latest.ComparedToEngland),
            r.Status.Code(), r.Status.Label(), r.Why, Nothing(r.Variation.Code()), Nothing(r.Assurance.Code()), r.IsException, Nothing(r.ExceptionReason));
    }

    /// <summary>The rows of <see cref="TargetTables.Status"/> for these periods of a target, typed.</summary>
    private static IEnumerable<StatusRowDto> Rows(TargetReport r, IEnumerable<TargetPeriod> periods) =>
        periods.Select(p => new StatusRowDto(r.Target.Id, r.Target.Indicator.Value, r.Target.Area.Value, r.Target.Sex.ToString(), r.Target.Age, r.Target.Category,
            p.Period.Label, Finite(p.Shown.Value), Limit(p.Shown.Limits95.Lower, p.Shown.Value), Limit(p.Shown.Limits95.Upper, p.Shown.Value),
            Finite(p.Assessment.TrajectoryValue), r.Target.TargetValue, p.Status.Code(), Nothing(p.Variation.Code()), Nothing(p.Assurance.Code()), p.ComparedToEngland, r.Owner));

    private static FrameworkDto Dto(OutcomesFramework f) =>
        new(f.Version, f.Title, f.Standing, Nothing(f.AgreedBy), f.AgreedOn, f.Why,
            [.. f.Priorities.Select(p => new PriorityDto(p.Name, p.Kind.ToString(), p.Kind.Label(), [.. p.Domains.Select(d => d.Code)], [.. p.Domains.Select(d => d.Label)],
                [.. p.Indicators.Select(i => i.Value)]))],
            [.. f.Mapping.OrderBy(m => m.Key.Value).Select(m => new MappingDto(m.Key.Value, m.Value?.Code, m.Value?.Label ?? "No domain"))]);

    private static ChangeDto Dto(TargetChange c) => new(JsonName(c.Field), c.Before, c.After, c.Why, c.At, c.By);

    private static CommentaryDto Dto(TargetCommentary c) => new(c.Id, c.Text, c.At, c.Author);

    private static ActionDto Dto(TargetAction a) => new(a.Id, a.What, a.Who, a.ByWhen, a.Status, a.At, a.Author);

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    /// <summary>The writer of a note: the user name, the display name a single sign-on provider gives (claim <c>name</c>), and whether a commissioner.</summary>
    private static NoteWriter Writer(ClaimsPrincipal user) => new(Actor(user), user.FindFirst("name")?.Value, TargetNotes.IsCommissioner(user.IsInRole));

    /// <summary>
    /// The body as JSON, or the problem: a 415 when it is not sent as JSON (which also keeps a cross-site form from
    /// posting it), a 400 naming the first field that cannot be read (a date not yyyy-MM-dd, words for a number) or the
    /// body when it is not JSON at all. The framework's own binding would answer such a body with an empty 400.
    /// </summary>
    private static async Task<(T? Body, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
            return (null, TypedResults.Problem(title: "the body is not JSON", detail: "Send the body as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType));
        try
        {
            return await request.ReadFromJsonAsync<T>(cancellationToken) is { } body
                ? (body, null)
                : (null, ApiProblems.BadParameter("body", "the body is empty", "body: null is not a request"));
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return (null, ApiProblems.BadParameter(field, "the body cannot be read", $"{field}: {e.Message} Nothing was saved."));
        }
    }

    /// <summary>
    /// The JSON body in the OpenAPI document. Not <c>Accepts</c>: with it routing answers another content type itself, by
    /// an endpoint that names no policy (so the fallback's 403 to all but administrators); <see cref="ReadAsync"/> answers a 415 problem.
    /// </summary>
    private static RouteHandlerBuilder JsonBody<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType> { [Json] = new() { Schema = schema } } };
        });

    /// <summary>A 400 whose <c>errors</c> has every reason by field (camelCase, as the JSON names it) and whose <c>parameter</c> is the first field.</summary>
    private static ValidationProblem Invalid(string title, IEnumerable<(string Field, string Message)> errors)
    {
        var named = errors.Select(e => (Field: JsonName(e.Field), e.Message)).ToList();
        return TypedResults.ValidationProblem(
            named.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join("; ", named.Select(e => $"{e.Field}: {e.Message}")) + ". Nothing was saved.",
            title: title,
            extensions: new Dictionary<string, object?> { ["parameter"] = named[0].Field });
    }

    /// <summary>A field as the JSON names it: indicator_id → indicatorId, Priorities[0] → priorities[0], ByWhen → byWhen.</summary>
    public static string JsonName(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var parts = field.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => (i == 0 ? char.ToLowerInvariant(p[0]) : char.ToUpperInvariant(p[0])) + p[1..]));
    }

    private static ProblemHttpResult TargetNotFound(int id) => NotFound("target not found", $"No target {id}.", "id");

    private static ProblemHttpResult NotFound(string title, string detail, string parameter) =>
        ApiProblems.Refused(new Refusal(title, detail, RefusalKind.NotFound), parameter);

    private static string? Nothing(string text) => text.Length == 0 ? null : text;

    private static double? Finite(double? x) => x is { } v && double.IsFinite(v) ? v : null;

    /// <summary>A limit as <c>targets status</c> writes it: none where the value is suppressed or there is no limit.</summary>
    private static double? Limit(double limit, double? value) => value is null ? null : Finite(limit);
}
