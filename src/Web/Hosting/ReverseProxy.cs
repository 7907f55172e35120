using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Commonweal.Web.Hosting;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies named in configuration
/// (<c>Commonweal:ReverseProxy:KnownProxies</c>, addresses, and <c>KnownNetworks</c>, CIDR ranges, each comma-separated);
/// from anyone else they are ignored. With none named, the headers are ignored from everyone (not even loopback is trusted;
/// the framework would trust every sender if given an empty list, so the middleware is then left out).
/// </summary>
public static class ReverseProxy
{
    public static IApplicationBuilder UseReverseProxy(this IApplicationBuilder app, IConfiguration configuration) =>
        Options(configuration) is { } options ? app.UseForwardedHeaders(options) : app;

    private static ForwardedHeadersOptions? Options(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = configuration.GetValue("Commonweal:ReverseProxy:ForwardLimit", 1),
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in List(configuration["Commonweal:ReverseProxy:KnownProxies"]))
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"Commonweal:ReverseProxy:KnownProxies: '{proxy}' is not an IP address"));
        }

        foreach (var network in List(configuration["Commonweal:ReverseProxy:KnownNetworks"]))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Commonweal:ReverseProxy:KnownNetworks: '{network}' is not a CIDR range such as 10.0.0.0/8"));
        }

        return options.KnownProxies.Count + options.KnownIPNetworks.Count > 0 ? options : null;
    }

    private static IEnumerable<string> List(string? setting) =>
        (setting ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
