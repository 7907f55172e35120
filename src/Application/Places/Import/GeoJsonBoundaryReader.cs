using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Commonweal.Application.Files;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// Reads the ONS boundary GeoJSON files (generalised, clipped to the coastline, WGS84), one file per district or one for
/// many: LSOAs of 2011 or 2021, MSOAs of 2011 or 2021, wards (of any year: WD25CD…) or districts (LAD23CD…), each
/// feature an area with its code, name and outline. Recognised by the properties of its features (LSOA21CD, WD25CD…),
/// whatever the file is called. Gives the boundaries (dated by their geography's release), the areas (added when
/// missing) and, for MSOAs and wards, their district; a ward file lists every ward of its districts in that year.
/// </summary>
public sealed partial class GeoJsonBoundaryReader : IReferenceFileReader
{
    /// <summary>GSS entities of the areas that can hold wards and MSOAs: unitary, non-metropolitan, metropolitan, London, Welsh.</summary>
    private static readonly string[] DistrictEntities = ["E06", "E07", "E08", "E09", "W06"];

    private const string DistrictExpected = "a district code (E06…, E07…, E08…, E09… or W06…)";

    private readonly AreaType type;
    private readonly Regex codeKey;
    private readonly string[] gssEntities;
    private readonly string codeExpected;

    private readonly string defaultKey;

    private GeoJsonBoundaryReader(string kind, string description, AreaType type, Regex codeKey, string defaultKey, string[] gssEntities, string codeExpected, int order)
    {
        this.defaultKey = defaultKey;
        Kind = kind;
        Description = description;
        this.type = type;
        this.codeKey = codeKey;
        this.gssEntities = gssEntities;
        this.codeExpected = codeExpected;
        Order = order;
    }

    /// <summary>The readers: LSOA (2011, 2021), MSOA (2011, 2021), ward and district boundaries.</summary>
    public static IReadOnlyList<GeoJsonBoundaryReader> All { get; } =
    [
        new("boundaries-lsoa", "LSOA (2011) boundaries, GeoJSON (WGS84)", AreaType.Lsoa, Lsoa11Key(), "LSOA11CD", ["E01"], "an LSOA code (E01…)", 60),
        new("boundaries-lsoa21", "LSOA (2021) boundaries, GeoJSON (WGS84)", AreaType.Lsoa, Lsoa21Key(), "LSOA21CD", ["E01"], "an LSOA code (E01…)", 61),
        new("boundaries-msoa", "MSOA (2011 or 2021) boundaries, GeoJSON (WGS84)", AreaType.Msoa, MsoaKey(), "MSOA11CD", ["E02"], "an MSOA code (E02…)", 62),
        new("boundaries-ward", "Electoral ward boundaries (any year), GeoJSON (WGS84)", AreaType.Ward, WardKey(), "WD25CD", ["E05"], "a ward code (E05…)", 63),
        new("boundaries-lad", "Local authority district boundaries (any year), GeoJSON (WGS84)", AreaType.District, DistrictKey(), "LAD23CD", ["E06", "E07", "E08", "E09"], "a district code (E06–E09)", 64),
    ];

    public string Kind { get; }

    public string Description { get; }

    public string Source => "ONS Open Geography Portal (geoportal.statistics.gov.uk): the boundary layer's GeoJSON download (generalised, clipped, WGS84), whole or cut per district";

    public int Order { get; }

    /// <summary>A GeoJSON file whose first features carry this kind's code property (e.g. "LSOA21CD").</summary>
    public double Recognise(FileSniff sniff) => sniff.Kind == SniffKind.Json && CodeProperty(sniff.Path) is not null ? 1 : 0;

    public ImportBatch Read(string path, PlaceLookup lookup)
    {
        ReadOnlyMemory<byte> bytes = File.ReadAllBytes(path);

        // RFC 8259 lets a parser ignore a byte-order mark; dropping it keeps byte offsets and lines in step.
        if (bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        var source = new GeoJsonSource(Path.GetFileName(path), bytes);
        var json = bytes.Span;
        if (json.TrimStart(" \t\r\n"u8).IsEmpty)
            throw new FileProblemException(new FileProblem(source.FileName, null, 0, null, null, "the file is empty (expected a GeoJSON FeatureCollection)"));

        // A file without the kind's code property is read as if it had it, so the problem is named where it is.
        var codeProperty = CodeProperty(path) ?? defaultKey;
        var file = new FileReading(this, Format.For(type, codeProperty), source);
        var reader = new Utf8JsonReader(json);
        try
        {
            reader.Read();
            file.ReadFeatureCollection(ref reader);

            // Anything after the collection is an error, which Read reports as a JsonException.
            reader.Read();
        }
        catch (JsonException e)
        {
            throw new FileProblemException(new FileProblem(source.FileName, null, (int)(e.LineNumber ?? 0) + 1, null, null,
                $"the file is not valid JSON: {WithoutPosition(e.Message)}"));
        }

        return file.Batch;
    }

    /// <summary>The code property of the file's features ("LSOA21CD", "WD25CD"…), from the first 64 KB of the file.</summary>
    private string? CodeProperty(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[65_536];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var match = codeKey.Match(System.Text.Encoding.UTF8.GetString(buffer, 0, read));
            return match.Success ? match.Groups[1].Value : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // System.Text.Json appends "LineNumber: 3 | BytePositionInLine: 10." to its messages; the problem has the line already.
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    [GeneratedRegex("\"(LSOA11CD)\"\\s*:")]
    private static partial Regex Lsoa11Key();

    [GeneratedRegex("\"(LSOA21CD)\"\\s*:")]
    private static partial Regex Lsoa21Key();

    [GeneratedRegex("\"(MSOA(?:11|21)CD)\"\\s*:")]
    private static partial Regex MsoaKey();

    [GeneratedRegex("\"(WD\\d\\dCD)\"\\s*:")]
    private static partial Regex WardKey();

    [GeneratedRegex("\"(LAD\\d\\dCD)\"\\s*:")]
    private static partial Regex DistrictKey();

    /// <summary>
    /// The property names of one file and the date of the geography its outlines belong to: Census day for LSOAs and
    /// MSOAs, 1 May of the year for wards (the local elections), 1 December for districts (ONS's December release).
    /// </summary>
    private sealed record Format(string CodeProperty, string NameProperty, string? DistrictProperty, string? DistrictNameProperty, DateOnly Release)
    {
        public static Format For(AreaType type, string code)
        {
            var name = code[..^2] + "NM";
            var year = 2000 + int.Parse(code.AsSpan(code.Length - 4, 2), CultureInfo.InvariantCulture);
            return type switch
            {
                AreaType.Lsoa or AreaType.Msoa => new(code, name, type == AreaType.Msoa ? "LADCD_ACTIVE" : null, null, year == 2011 ? Reorganisations.Census[0] : Reorganisations.Census[1]),
                AreaType.Ward => new(code, name, $"LAD{year % 100:00}CD", $"LAD{year % 100:00}NM", new DateOnly(year, 5, 1)),
                _ => new(code, name, null, null, new DateOnly(year, 12, 1)),
            };
        }
    }

    /// <summary>The state of reading one file: the batch so far and the line of each code already seen.</summary>
    private sealed class FileReading(GeoJsonBoundaryReader owner, Format format, GeoJsonSource source)
    {
        private readonly Dictionary<AreaCode, long> featureStartByCode = [];
        private readonly HashSet<AreaCode> districtsNamed = [];
        private readonly AreaCode? districtOfFile = DistrictFromFileName(source.FileName);

        public ImportBatch Batch { get; } = new();

        public void ReadFeatureCollection(ref Utf8JsonReader reader)
        {
            var start = reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartObject)
                throw source.Problem(start, null, $"the file is not a GeoJSON FeatureCollection: it holds {Describe(reader.TokenType)}, not an object");

            var typeSeen = false;
            var featuresSeen = false;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var member = reader.GetString();
                reader.Read();
                switch (member)
                {
                    case "type":
                        var collectionType = reader.TokenType == JsonTokenType.String ? Text(ref reader, "type") : null;
                        if (collectionType != "FeatureCollection")
                            throw source.Problem(reader.TokenStartIndex, "type",
                                $"the file is not a GeoJSON FeatureCollection (its type is {Quoted(collectionType, reader.TokenType)})");
                        typeSeen = true;
                        break;
                    case "features":
                        if (reader.TokenType != JsonTokenType.StartArray)
                            throw source.Problem(reader.TokenStartIndex, "features", "the features of a FeatureCollection must be an array");
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                            ReadFeature(ref reader, Batch.Rows++);
                        featuresSeen = true;
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (!typeSeen)
                throw source.Problem(start, "type", "the file is not a GeoJSON FeatureCollection: it has no \"type\": \"FeatureCollection\"");
            if (!featuresSeen)
                throw source.Problem(start, "features", "the FeatureCollection has no features array");
        }

        private void ReadFeature(ref Utf8JsonReader reader, int index)
        {
            var start = reader.TokenStartIndex;
            var path = $"features[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (reader.TokenType != JsonTokenType.StartObject)
                throw source.Problem(start, path, $"a feature must be an object, found {Describe(reader.TokenType)}");

            string? featureType = null;
            var properties = new FeatureProperties();
            List<Polygon>? polygons = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var member = reader.GetString();
                reader.Read();
                switch (member)
                {
                    case "type":
                        featureType = reader.TokenType == JsonTokenType.String ? Text(ref reader, path + ".type") : null;
                        if (featureType != "Feature")
                            throw source.Problem(reader.TokenStartIndex, path + ".type",
                                $"not a GeoJSON Feature (its type is {Quoted(featureType, reader.TokenType)})");
                        break;
                    case "properties":
                        properties = ReadProperties(ref reader, path + ".properties");
                        break;
                    case "geometry":
                        polygons = ReadGeometry(ref reader, path + ".geometry");
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (featureType is null)
                throw source.Problem(start, path + ".type", "the feature has no \"type\": \"Feature\"");
            if (polygons is null)
                throw source.Problem(start, path + ".geometry", "the feature has no geometry");
            AddArea(properties, polygons, start, path);
        }

        private void AddArea(FeatureProperties properties, List<Polygon> polygons, long start, string path)
        {
            var codeText = Required(properties.Code, start, path, format.CodeProperty, "area code");
            var name = Required(properties.Name, start, path, format.NameProperty, "area name");
            var code = Code(codeText, owner.gssEntities, owner.codeExpected, properties.Code.Offset, $"{path}.properties.{format.CodeProperty}");

            if (!featureStartByCode.TryAdd(code, start))
                throw source.Problem(start, $"{path}.properties.{format.CodeProperty}",
                    $"duplicate area code {code}: features on lines {source.LineAt(featureStartByCode[code])} and {source.LineAt(start)} both have it");

            Batch.Boundaries.Add(new AreaBoundary(code, format.Release, polygons));
            Batch.Areas.Add(new Area(code, name, owner.type));
            if (format.DistrictProperty is not null)
                AddDistrictMembership(properties, code, name, start, path);
        }

        private void AddDistrictMembership(FeatureProperties properties, AreaCode code, string name, long start, string path)
        {
            var districtField = $"{path}.properties.{format.DistrictProperty}";
            AreaCode district;
            if (properties.District.Text is { } districtText)
            {
                district = Code(districtText, DistrictEntities, DistrictExpected, properties.District.Offset, districtField);
            }
            else if (owner.type == AreaType.Msoa && districtOfFile is { } fromFileName)
            {
                // MSOA files are split by district, so a file named after a district code places its MSOAs there.
                district = fromFileName;
            }
            else
            {
                var fallback = owner.type == AreaType.Msoa ? " and the file is not named after a district code (e.g. E07000066.geojson)" : string.Empty;
                throw source.Problem(start, districtField, $"the feature has no {format.DistrictProperty} (the district it lies in){fallback}");
            }

            Batch.Memberships.Add(new AreaMembership(code, owner.type, district, AreaType.District, format.Release));

            // A ward file lists every ward of its districts in that year (so a ward of an earlier year missing from it had gone).
            if (owner.type == AreaType.Ward)
            {
                var release = new GeographyRelease(AreaType.Ward, format.Release, district);
                if (!Batch.Releases.Contains(release)) Batch.Releases.Add(release);
                Batch.ReleasedAreas.Add(new ReleasedArea(code, AreaType.Ward, format.Release, name));
            }

            // Ward files name the district too, so the parent of the membership exists even before a district file is read.
            if (properties.DistrictName.Text is { Length: > 0 } districtName && districtsNamed.Add(district))
                Batch.Areas.Add(new Area(district, districtName, AreaType.District));
        }

        private FeatureProperties ReadProperties(ref Utf8JsonReader reader, string path)
        {
            var properties = new FeatureProperties();
            if (reader.TokenType == JsonTokenType.Null)
                return properties;
            if (reader.TokenType != JsonTokenType.StartObject)
                throw source.Problem(reader.TokenStartIndex, path, $"the properties of a feature must be an object, found {Describe(reader.TokenType)}");

            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var member = reader.GetString();
                reader.Read();
                if (member == format.CodeProperty)
                    properties.Code = TextProperty(ref reader, $"{path}.{member}");
                else if (member == format.NameProperty)
                    properties.Name = TextProperty(ref reader, $"{path}.{member}");
                else if (member == format.DistrictProperty)
                    properties.District = TextProperty(ref reader, $"{path}.{member}");
                else if (member == format.DistrictNameProperty)
                    properties.DistrictName = TextProperty(ref reader, $"{path}.{member}");
                else
                    reader.Skip();
            }

            return properties;
        }

        private List<Polygon>? ReadGeometry(ref Utf8JsonReader reader, string path)
        {
            if (reader.TokenType == JsonTokenType.Null)
                return null;
            var start = reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartObject)
                throw source.Problem(start, path, $"a geometry must be an object, found {Describe(reader.TokenType)}");

            string? geometryType = null;
            var typeStart = start;
            var coordinatesSeen = false;
            var coordinates = default(Utf8JsonReader);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var member = reader.GetString();
                reader.Read();
                switch (member)
                {
                    case "type":
                        typeStart = reader.TokenStartIndex;
                        if (reader.TokenType != JsonTokenType.String)
                            throw source.Problem(typeStart, path + ".type", $"the geometry type must be text, found {Describe(reader.TokenType)}");
                        geometryType = Text(ref reader, path + ".type");
                        break;
                    case "coordinates":
                        // GeoJSON does not order members, so keep a copy of the reader here and read the coordinates once the type is known.
                        coordinates = reader;
                        coordinatesSeen = true;
                        reader.Skip();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (geometryType is null)
                throw source.Problem(start, path + ".type", "the geometry has no type");
            if (geometryType is not (GeoJsonGeometry.PolygonType or GeoJsonGeometry.MultiPolygonType))
                throw source.Problem(typeStart, path + ".type",
                    $"geometry type '{geometryType}' is not supported: an area's boundary must be a Polygon or MultiPolygon");
            if (!coordinatesSeen)
                throw source.Problem(start, path + ".coordinates", "the geometry has no coordinates");
            return GeoJsonGeometry.ReadCoordinates(ref coordinates, geometryType, path + ".coordinates", source);
        }

        private PropertyValue TextProperty(ref Utf8JsonReader reader, string field) => reader.TokenType switch
        {
            JsonTokenType.Null => new PropertyValue(null, reader.TokenStartIndex),
            JsonTokenType.String => new PropertyValue(Text(ref reader, field), reader.TokenStartIndex),
            _ => throw source.Problem(reader.TokenStartIndex, field, $"must be text, found {Describe(reader.TokenType)}"),
        };

        private string Text(ref Utf8JsonReader reader, string field)
        {
            try
            {
                return reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                throw source.Problem(reader.TokenStartIndex, field, "the text is not valid UTF-8");
            }
        }

        private string Required(PropertyValue value, long featureStart, string path, string property, string what)
        {
            if (!string.IsNullOrWhiteSpace(value.Text))
                return value.Text;
            var offset = value.Text is null ? featureStart : value.Offset;
            throw source.Problem(offset, $"{path}.properties.{property}", $"the feature has no {property} (the {what})");
        }

        private AreaCode Code(string text, string[] expectedEntities, string expected, long offset, string field)
        {
            if (!AreaCode.TryParse(text, out var code, out var error))
                throw source.Problem(offset, field, $"unknown area code: {error}");
            if (Array.IndexOf(expectedEntities, code.GssEntity) < 0)
                throw source.Problem(offset, field, $"unknown area code '{text}': expected {expected} here");
            return code;
        }

        private static AreaCode? DistrictFromFileName(string fileName) =>
            AreaCode.TryParse(Path.GetFileNameWithoutExtension(fileName), out var code)
            && Array.IndexOf(DistrictEntities, code.GssEntity) >= 0
                ? code
                : null;
    }

    private static string Quoted(string? text, JsonTokenType token) => text is null ? Describe(token) : $"'{text}'";

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "text",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private struct FeatureProperties
    {
        public PropertyValue Code;
        public PropertyValue Name;
        public PropertyValue District;
        public PropertyValue DistrictName;
    }

    /// <summary>A text property as found (null when absent or JSON null) and where its value starts.</summary>
    private readonly record struct PropertyValue(string? Text, long Offset);
}
