using System.Globalization;
using System.Threading.RateLimiting;

namespace Commonweal.Web.Hosting;

/// <summary>
/// Rate limits (OWASP ASVS 2.2.1, 11.1.4): sign-in attempts per client address per minute
/// (<c>Commonweal:RateLimits:SignInPerMinute</c>, default 10: a person never needs more, a password-guessing script
/// is slowed to a crawl on top of the per-account lockout), and API requests per signed-in user, or per address for
/// anonymous callers, per minute (<c>Commonweal:RateLimits:ApiPerMinute</c>, default 600), and requests to the FHIR
/// front door per system client (or user, or address), per minute (<c>Commonweal:RateLimits:FhirPerMinute</c>, default
/// 6000: a GP system sends referrals in bursts). Over the limit: 429 with Retry-After, a problem details body for the
/// API, an OperationOutcome for FHIR and the error page for the sign-in form.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddCommonwealRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("Commonweal:RateLimits:SignInPerMinute", 10);
        var apiPerMinute = configuration.GetValue("Commonweal:RateLimits:ApiPerMinute", 600);
        var fhirPerMinute = configuration.GetValue("Commonweal:RateLimits:FhirPerMinute", 6000);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (IsSignIn(context.Request))
                {
                    return RateLimitPartition.GetFixedWindowLimiter("sign-in " + address, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = signInPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
                }

                if (FhirOutcomeBody.IsFhir(context.Request))
                {
                    // A bearer token under /fhir has signed the request in already (the default scheme), so a system is its own partition.
                    var caller = context.User.FindFirst(ApiKeyAuthentication.ClientClaim)?.Value is { } client ? "client " + client
                        : context.User.Identity is { IsAuthenticated: true, Name: { } user } ? "user " + user
                        : "address " + address;
                    return RateLimitPartition.GetTokenBucketLimiter("fhir " + caller, _ => PerMinute(fhirPerMinute));
                }

                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    var caller = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "user " + name : "address " + address;
                    return RateLimitPartition.GetTokenBucketLimiter("api " + caller, _ => PerMinute(apiPerMinute));
                }

                return RateLimitPartition.GetNoLimiter(string.Empty);
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                if (FhirOutcomeBody.IsFhir(context.Request))
                {
                    await FhirOutcomeBody.WriteAsync(context.Response, StatusCodes.Status429TooManyRequests, "throttled",
                        $"More than {fhirPerMinute} requests in a minute from this client. Try again in {context.Response.Headers.RetryAfter} seconds.");
                    return;
                }

                if (!context.Request.Path.StartsWithSegments("/api")) return; // the error page says it
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "too many requests",
                        Detail = $"More than {apiPerMinute} API requests in a minute. Try again in {context.Response.Headers.RetryAfter} seconds.",
                    },
                });
            };
        });
    }

    /// <summary>A bucket of the given size, refilled whole each minute: a burst up to the limit, then the limit a minute.</summary>
    private static TokenBucketRateLimiterOptions PerMinute(int permits) => new()
    {
        TokenLimit = permits,
        TokensPerPeriod = permits,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>A sign-in, or a resident's look for their referral by reference and date of birth: guesses are limited alike.</summary>
    private static bool IsSignIn(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) && (request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/refer/status", StringComparison.OrdinalIgnoreCase)))
        || request.Path.StartsWithSegments("/account/login/oidc", StringComparison.OrdinalIgnoreCase);
}
