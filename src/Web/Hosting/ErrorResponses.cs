using Microsoft.AspNetCore.Diagnostics;

namespace Commonweal.Web.Hosting;

/// <summary>
/// Errors as their callers can read them. An unhandled exception is logged with a correlation id (the request's trace
/// identifier); the API answers with problem details carrying that id, pages with the error page showing it. A request the
/// framework could not bind (e.g. <c>page=abc</c>) is a 400 whose problem details name the parameter and the value.
/// Empty error responses (404 for an unknown path, 429, a failed antiforgery check) get the error page, or problem details
/// under /api. Under /fhir every error is a FHIR OperationOutcome, so a system reads each the same way.
/// </summary>
public static partial class ErrorResponses
{
    public static bool IsApi(HttpRequest request) => IsApi(request.Path);

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UseErrorResponses(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            CreateScopeForErrors = true,
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(context => IsApi(context.Request), api => api.UseStatusCodePages());
        app.UseWhen(context => FhirOutcomeBody.IsFhir(context.Request), fhir => fhir.UseStatusCodePages(context =>
            FhirOutcomeBody.WriteAsync(context.HttpContext.Response, context.HttpContext.Response.StatusCode, FhirIssue(context.HttpContext.Response.StatusCode),
                FhirWords(context.HttpContext.Response.StatusCode, context.HttpContext.Request))));
        app.UseWhen(context => !IsApi(context.Request) && !FhirOutcomeBody.IsFhir(context.Request), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true));

        // The error page is shown, not posted to: a failed form post re-executes as a GET (no form handling, no second
        // antiforgery check of the form that just failed one).
        // A page's form whose antiforgery check failed answers an empty 400 marked as HTML: cleared, so the error page explains.
        app.Use(async (context, next) =>
        {
            var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
            if (!reExecuted || HttpMethods.IsGet(context.Request.Method))
            {
                await next(context);
                if (!context.Response.HasStarted && context.Response.StatusCode == StatusCodes.Status400BadRequest
                    && context.Response.ContentLength is null or 0 && context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false })
                {
                    context.Response.ContentType = null;
                    context.Response.ContentLength = null;
                }

                return;
            }

            var method = context.Request.Method;
            context.Request.Method = HttpMethods.Get;
            try
            {
                await next(context);
            }
            finally
            {
                context.Request.Method = method;
            }
        });
        return app;
    }

    /// <summary>The FHIR issue type of an error status.</summary>
    private static string FhirIssue(int status) => status switch
    {
        StatusCodes.Status404NotFound => "not-found",
        StatusCodes.Status405MethodNotAllowed => "not-supported",
        StatusCodes.Status413PayloadTooLarge => "too-long",
        StatusCodes.Status415UnsupportedMediaType => "not-supported",
        >= 500 => "exception",
        _ => "invalid",
    };

    private static string FhirWords(int status, HttpRequest request) => status switch
    {
        StatusCodes.Status404NotFound => $"There is nothing at {request.Path.Value}: see /fhir/metadata for what the front door serves.",
        StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not supported on {request.Path.Value}: see /fhir/metadata.",
        >= 500 => $"Something went wrong on the server. Give this reference to your administrator: {request.HttpContext.TraceIdentifier}",
        _ => $"The request was refused ({status}).",
    };

    /// <summary>Logs every unhandled exception with its correlation id; answers API requests with problem details.</summary>
    public sealed partial class Handler(IProblemDetailsService problems, ILogger<Handler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var id = httpContext.TraceIdentifier;
            // The middleware has already pointed the request at the error page: the feature keeps where it was going.
            var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? string.Empty;
            var api = IsApi(new PathString(path));
            var fhir = new PathString(path).StartsWithSegments("/fhir", StringComparison.OrdinalIgnoreCase);
            if (exception is BadHttpRequestException bad)
            {
                LogBadRequest(logger, id, httpContext.Request.Method, path, bad.Message);
                if (fhir)
                {
                    await FhirOutcomeBody.WriteAsync(httpContext.Response, bad.StatusCode, FhirIssue(bad.StatusCode), bad.Message);
                    return true;
                }

                if (!api) return false;
                httpContext.Response.StatusCode = bad.StatusCode;
                return await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    Exception = exception,
                    ProblemDetails = { Status = bad.StatusCode, Title = "bad request", Detail = bad.Message },
                });
            }

            LogUnhandled(logger, exception, id, httpContext.Request.Method, path);
            if (fhir)
            {
                await FhirOutcomeBody.WriteAsync(httpContext.Response, StatusCodes.Status500InternalServerError, "exception",
                    $"Something went wrong on the server. Give this reference to your administrator: {id}");
                return true;
            }

            if (!api) return false;
            httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails =
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "server error",
                    Detail = $"Something went wrong on the server. Give this reference to your administrator: {id}",
                    Extensions = { ["correlationId"] = id },
                },
            });
        }

        [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error, correlation id {CorrelationId}, on {Method} {Path}")]
        private static partial void LogUnhandled(ILogger logger, Exception exception, string correlationId, string method, string path);

        [LoggerMessage(Level = LogLevel.Information, Message = "Bad request, correlation id {CorrelationId}, on {Method} {Path}: {Reason}")]
        private static partial void LogBadRequest(ILogger logger, string correlationId, string method, string path, string reason);
    }
}
