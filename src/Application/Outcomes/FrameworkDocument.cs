using System.Text.Json;
using System.Text.Json.Serialization;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;

namespace Commonweal.Application.Outcomes;

/// <summary>
/// A framework version's priorities and indicator mapping as the store keeps them: a small JSON document
/// (<c>{"priorities":[{"name":…,"kind":…,"domains":["QualityOfCare"],"indicators":[90366]}],"mapping":{"90366":"TobaccoUse","1900004":""}}</c>,
/// an empty domain putting the indicator in none),
/// the same on SQLite and PostgreSQL.
/// </summary>
public static class FrameworkDocument
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new JsonStringEnumConverter() } };

    public static string Write(IReadOnlyList<FrameworkPriority> priorities, IReadOnlyDictionary<IndicatorId, FrameworkDomain?> mapping)
    {
        ArgumentNullException.ThrowIfNull(priorities);
        ArgumentNullException.ThrowIfNull(mapping);
        var document = new Stored(
            [.. priorities.Select(p => new StoredPriority(p.Name, p.Kind, [.. p.Domains.Select(d => d.Code)], [.. p.Indicators.Select(i => i.Value)]))],
            mapping.OrderBy(m => m.Key.Value).ToDictionary(m => m.Key.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), m => m.Value?.Code ?? string.Empty));
        return JsonSerializer.Serialize(document, Json);
    }

    public static OutcomesFramework Read(FrameworkVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var stored = JsonSerializer.Deserialize<Stored>(version.Document, Json) ?? new Stored([], []);
        var priorities = stored.Priorities.Select(p => new FrameworkPriority(p.Name, p.Kind,
            [.. p.Domains.Select(d => FrameworkDomain.TryParse(d, out var domain) ? domain : (FrameworkDomain?)null).OfType<FrameworkDomain>()],
            [.. p.Indicators.Select(i => new IndicatorId(i))])).ToList();
        var mapping = new Dictionary<IndicatorId, FrameworkDomain?>();
        foreach (var (key, code) in stored.Mapping)
        {
            if (!int.TryParse(key, System.Globalization.CultureInfo.InvariantCulture, out var id)) continue;
            if (code.Length == 0) mapping[new IndicatorId(id)] = null;
            else if (FrameworkDomain.TryParse(code, out var domain)) mapping[new IndicatorId(id)] = domain;
        }

        return new OutcomesFramework(version.Version, version.Title, version.AgreedBy, version.AgreedOn, version.Why, priorities, mapping, version.Created, version.CreatedBy);
    }

    private sealed record Stored(List<StoredPriority> Priorities, Dictionary<string, string> Mapping);

    private sealed record StoredPriority(string Name, PriorityKind Kind, List<string> Domains, List<int> Indicators);
}
