using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Ics;

/// <summary>
/// Reads an ICS description file (JSON). Two ship inside the application: <c>mid-and-south-essex</c> (the default) and
/// <c>essex</c> (NHS Essex ICB from 1 April 2026); <c>Commonweal:Ics</c> (environment <c>COMMONWEAL_ICS</c>, CLI
/// <c>--ics</c>) names one of them or the path of an ICS's own file.
/// </summary>
public static class IcsConfiguration
{
    public const string DefaultName = "mid-and-south-essex";

    /// <summary>The descriptions that ship with Commonweal, by name.</summary>
    public static readonly IReadOnlyList<string> Shipped = [DefaultName, "essex"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IcsDefinition Default() => Load(null);

    /// <summary>Loads a shipped description by name, the file at a path, or the default when null.</summary>
    public static IcsDefinition Load(string? nameOrPath)
    {
        var shipped = nameOrPath is null ? DefaultName : Shipped.FirstOrDefault(s => string.Equals(s, nameOrPath, StringComparison.OrdinalIgnoreCase));
        var source = shipped is null ? nameOrPath! : shipped + ".json";
        if (shipped is null && !File.Exists(nameOrPath))
            throw new InvalidDataException($"{nameOrPath}: no such ICS description (give a file, or one of the shipped ones: {string.Join(", ", Shipped)})");
        using var stream = shipped is null
            ? File.OpenRead(nameOrPath!)
            : typeof(IcsConfiguration).Assembly.GetManifestResourceStream($"ics/{shipped}.json")!;
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

        DateOnly? Date(string? text, string what)
        {
            if (text is null) return null;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new InvalidDataException($"{source}: {what}: '{text}' is not a date in the form YYYY-MM-DD");
            return date;
        }

        Validity Period(string? from, string? to, string what)
        {
            var period = new Validity(Date(from, what + ".from"), Date(to, what + ".to"));
            if (period.IsEmpty) throw new InvalidDataException($"{source}: {what}: 'to' ({to}) is before 'from' ({from})");
            return period;
        }

        if (string.IsNullOrWhiteSpace(file.Name)) throw new InvalidDataException($"{source}: 'name' is required");
        var code = file.Code is null ? Code(Slug(file.Name), "name (as a code)") : Code(file.Code, "code");
        if (code.Scheme != AreaCodeScheme.Local)
            throw new InvalidDataException($"{source}: code: '{code}' is not a local code (lower-case words joined by hyphens, e.g. ics-mid-and-south-essex)");
        var validity = Period(file.From, file.To, "the ICS");

        var icbs = (file.Icbs ?? []).Select((i, n) =>
        {
            var icb = Code(i.Code, $"icbs[{n}].code");
            if (!icb.IsIcbShaped) throw new InvalidDataException($"{source}: icbs[{n}].code: '{icb}' is not an ICB's ODS code (e.g. QH8, D7T5G)");
            return new IcsIcb(icb, Required(source, i.Name, $"icbs[{n}].name"), i.OnsCode, Period(i.From, i.To, $"icbs[{n}]"));
        }).ToList();
        if (file.IcbCode is not null)
        {
            if (icbs.Count > 0) throw new InvalidDataException($"{source}: give either 'icbCode' or 'icbs', not both");
            icbs.Add(new IcsIcb(Code(file.IcbCode, "icbCode"), file.IcbName ?? $"{file.Name} ICB", file.IcbOnsCode, Validity.Always));
        }

        if (icbs.Count == 0) throw new InvalidDataException($"{source}: at least one ICB is required ('icbs')");
        for (var a = 0; a < icbs.Count; a++)
        {
            for (var b = a + 1; b < icbs.Count; b++)
            {
                if (!icbs[a].Validity.Intersect(icbs[b].Validity).IsEmpty)
                    throw new InvalidDataException($"{source}: icbs[{a}] ({icbs[a].Code}, {icbs[a].Validity}) and icbs[{b}] ({icbs[b].Code}, {icbs[b].Validity}) overlap: an ICS is in one ICB at a time");
            }
        }

        var subIcbs = (file.SubIcbs ?? []).Select((s, n) =>
        {
            var subIcb = Code(s, $"subIcbs[{n}]");
            return subIcb.IsSubIcbShaped ? subIcb : throw new InvalidDataException($"{source}: subIcbs[{n}]: '{subIcb}' is not a sub-ICB location's ODS code (e.g. 06Q)");
        }).ToList();

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

        return new IcsDefinition(file.Name, code, validity, icbs, subIcbs, districts, alliances, neighbourhoods, file.NeighbourhoodsFromPcns);
    }

    /// <summary>"Mid and South Essex" → "ics-mid-and-south-essex".</summary>
    private static string Slug(string name) =>
        "ics-" + string.Join('-', new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Required(string source, string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"{source}: '{what}' is required") : value;

    private sealed record IcsFile(
        string Name,
        string? Code,
        string? From,
        string? To,
        List<IcbEntry>? Icbs,
        string? IcbCode,
        string? IcbOnsCode,
        string? IcbName,
        List<string>? SubIcbs,
        List<DistrictEntry>? Districts,
        List<AllianceEntry>? Alliances,
        List<NeighbourhoodEntry>? Neighbourhoods,
        bool NeighbourhoodsFromPcns);

    private sealed record IcbEntry(string? Code, string? OnsCode, string? Name, string? From, string? To);

    private sealed record DistrictEntry(string? Code, string? Name, string? County, string? CountyName);

    private sealed record AllianceEntry(string? Code, string? Name, List<string>? Districts);

    private sealed record NeighbourhoodEntry(string? Code, string? Name, List<string>? Members);
}
