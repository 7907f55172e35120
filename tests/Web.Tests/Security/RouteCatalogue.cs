using System.Reflection;
using Commonweal.TestKit.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Security;

/// <summary>
/// Every route the platform serves, read from its own endpoint table (so a route added later is covered without editing
/// the tests): method, pattern, the policies it names, its query parameters, and an address with working sample values.
/// </summary>
public sealed record RouteEntry(string Method, RoutePattern Pattern, IReadOnlyList<string> Policies, IReadOnlyList<(string Name, Type Type)> Query)
{
    public string Text => Pattern.RawText ?? string.Empty;

    public override string ToString() => $"{Method} {Text}";

    /// <summary>The address with each route parameter given a sample value (or the value chosen for one parameter).</summary>
    public string Address(RouteSamples samples, string? parameter = null, string? value = null)
    {
        var path = "/" + string.Join("/", Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart p when p.Name == parameter => Uri.EscapeDataString(value!),
            RoutePatternParameterPart p => samples.For(p.Name, Text),
            RoutePatternSeparatorPart separator => separator.Content,
            _ => string.Empty,
        }))));
        return path.Replace("//", "/", StringComparison.Ordinal);
    }
}

/// <summary>
/// Values for route parameters that reach real records of the demo (an indicator, a target, a place, a user, a contract,
/// one of its documents, its remedial plan and that plan's action), so that each route reaches its authorisation and
/// its handler rather than a 404.
/// </summary>
public sealed record RouteSamples(string Place, string Indicator, string Target, string UserName, CommissioningSamples Commissioning)
{
    public string For(string parameter, string route) => parameter.ToLowerInvariant() switch
    {
        "code" when route.StartsWith("/error", StringComparison.Ordinal) => "404",
        "code" => Place,
        "id" when route.Contains("target", StringComparison.Ordinal) => Target,
        "id" when route.Contains("/documents/", StringComparison.Ordinal) => Commissioning.Document,
        "id" when route.Contains("/remedial-plans/", StringComparison.Ordinal) => Commissioning.Plan,
        "id" when route.Contains("/remedial-actions/", StringComparison.Ordinal) => Commissioning.Action,
        "id" when route.StartsWith("/cases/", StringComparison.Ordinal) => "0f0e0d0c-0b0a-4908-8706-050403020100", // a case (by its guid) the demo does not hold: its pages answer 404 to those the policy admits
        "id" => Indicator,
        "reference" => Commissioning.Contract,
        "format" => "csv",
        "version" => "1",
        "actionid" => "1",
        "username" => UserName,
        "path" => "no-such-page",
        _ => "1",
    };
}

/// <summary>A contract of the demo (by its reference) with a document, a remedial plan and an action of that plan (by their ids).</summary>
public sealed record CommissioningSamples(string Contract, string Document, string Plan, string Action);

public static class RouteCatalogue
{
    /// <summary>Query names the pages read through the address (not as declared parameters): the date, edition and choices they keep.</summary>
    private static readonly string[] PageQueryNames = ["asAt", "vintage", "period", "area", "type", "page"];

    public static IReadOnlyList<RouteEntry> All(CommonwealFactory factory) =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/_framework/", StringComparison.Ordinal) != true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new RouteEntry(
                method,
                e.RoutePattern,
                [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct()],
                QueryOf(e))))
            .DistinctBy(r => r.ToString())
            .OrderBy(r => r.ToString(), StringComparer.Ordinal)];

    private static IReadOnlyList<(string, Type)> QueryOf(RouteEndpoint endpoint)
    {
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var declared = endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
            .Where(p => !routeNames.Contains(p.Name) && IsSimple(p.ParameterInfo.ParameterType))
            .Select(p => (p.Name, p.ParameterInfo.ParameterType));
        if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not { } component) return [.. declared];

        var fromQuery = component.Type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => (p.Attribute!.Name ?? p.Property.Name, p.Property.PropertyType));
        return [.. declared.Concat(fromQuery).Concat(PageQueryNames.Select(n => (n, typeof(string)))).DistinctBy(q => q.Item1.ToLowerInvariant())];
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(Guid)
            || (t.IsArray && IsSimple(t.GetElementType()!));
    }
}
