using System.Text.Json;
using System.Text.Json.Serialization;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Ics;

/// <summary>
/// Reads an ICS description file (JSON). Mid and South Essex ships inside the application as the default; another
/// ICS points <c>Commonweal:Ics</c> (environment <c>COMMONWEAL_ICS</c>) at its own file.
/// </summary>
public static class IcsConfiguration
{
    public const string DefaultName = "mid-and-south-essex.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IcsDefinition Default() => Load(null);

    /// <summary>Loads the file at <paramref name="path"/>, or the shipped Mid and South Essex default when null.</summary>
    public static IcsDefinition Load(string? path)
    {
        var source = path ?? DefaultName;
        using var stream = path is null
            ? typeof(IcsConfiguration).Assembly.GetManifestResourceStream("ics/" + DefaultName)!
            : File.OpenRead(path);
        IcsFile file;
        try
        {
            file = JsonSerializer.Deserialize<IcsFile>(stream, Json) ?? throw new InvalidDataException($"{source}: the file is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: line {e.LineNumber + 1}: {e.Message}", e);
        }

        return Validate(source, file);
    }

    private static IcsDefinition Validate(string source, IcsFile file)
    {
        AreaCode Code(string? text, string what)
        {
            if (!AreaCode.TryParse(text, out var code, out var error))
                throw new InvalidDataException($"{source}: {what}: {error}");
            return code;
        }

        if (string.IsNullOrWhiteSpace(file.Name)) throw new InvalidDataException($"{source}: 'name' is required");
        var icb = Code(file.IcbCode, "icbCode");
        var districts = (file.Districts ?? []).Select((d, i) => new IcsDistrict(
            Code(d.Code, $"districts[{i}].code"),
            Required(source, d.Name, $"districts[{i}].name"),
            d.County is null ? null : Code(d.County, $"districts[{i}].county"),
            d.CountyName)).ToList();
        if (districts.Count == 0) throw new InvalidDataException($"{source}: at least one district is required");
        var known = districts.Select(d => d.Code).ToHashSet();
        var alliances = (file.Alliances ?? []).Select((a, i) =>
        {
            var members = (a.Districts ?? []).Select((d, j) => Code(d, $"alliances[{i}].districts[{j}]")).ToList();
            var unknown = members.Where(m => !known.Contains(m)).ToList();
            if (unknown.Count > 0)
                throw new InvalidDataException($"{source}: alliances[{i}] names {string.Join(", ", unknown)}, which is not one of the ICS's districts");
            return new IcsAlliance(Code(a.Code, $"alliances[{i}].code"), Required(source, a.Name, $"alliances[{i}].name"), members);
        }).ToList();
        var neighbourhoods = (file.Neighbourhoods ?? []).Select((n, i) => new IcsNeighbourhood(
            Code(n.Code, $"neighbourhoods[{i}].code"),
            Required(source, n.Name, $"neighbourhoods[{i}].name"),
            (n.Members ?? []).Select((m, j) => Code(m, $"neighbourhoods[{i}].members[{j}]")).ToList())).ToList();

        return new IcsDefinition(file.Name, icb, file.IcbOnsCode, districts, alliances, neighbourhoods, file.NeighbourhoodsFromPcns)
        {
            IcbName = file.IcbName ?? $"{file.Name} ICB",
        };
    }

    private static string Required(string source, string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"{source}: '{what}' is required") : value;

    private sealed record IcsFile(
        string Name,
        string? IcbCode,
        string? IcbOnsCode,
        string? IcbName,
        List<DistrictEntry>? Districts,
        List<AllianceEntry>? Alliances,
        List<NeighbourhoodEntry>? Neighbourhoods,
        bool NeighbourhoodsFromPcns);

    private sealed record DistrictEntry(string? Code, string? Name, string? County, string? CountyName);

    private sealed record AllianceEntry(string? Code, string? Name, List<string>? Districts);

    private sealed record NeighbourhoodEntry(string? Code, string? Name, List<string>? Members);
}
