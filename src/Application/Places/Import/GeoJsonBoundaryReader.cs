using System.Globalization;
using System.Text.Json;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// Reads the ONS boundary GeoJSON files (generalised, clipped to the coastline, WGS84), one file per district:
/// LSOA 2011, MSOA 2011 or May 2025 ward boundaries, each feature an area with its code, name and outline.
/// Gives the boundaries, the areas (added when missing) and, for MSOAs and wards, their district.
/// </summary>
public sealed class GeoJsonBoundaryReader : IReferenceFileReader
{
    /// <summary>2011 Census day: when the 2011 MSOAs came into use.</summary>
    private static readonly DateOnly Census2011 = new(2011, 3, 27);

    /// <summary>The local elections of 1 May 2025, when the May 2025 ward pattern took effect.</summary>
    private static readonly DateOnly Wards2025 = new(2025, 5, 1);

    /// <summary>GSS entities of the areas that can hold wards and MSOAs: unitary, non-metropolitan, metropolitan, London, Welsh.</summary>
    private static readonly string[] DistrictEntities = ["E06", "E07", "E08", "E09", "W06"];

    private const string DistrictExpected = "a district code (E06…, E07…, E08…, E09… or W06…)";

    private readonly AreaType type;
    private readonly string codeProperty;
    private readonly string nameProperty;
    private readonly string gssEntity;
    private readonly string codeExpected;
    private readonly string? districtProperty;
    private readonly string? districtNameProperty;
    private readonly DateOnly membershipFrom;

    /// <param name="type"><see cref="AreaType.Lsoa"/>, <see cref="AreaType.Msoa"/> or <see cref="AreaType.Ward2025"/> (the boundary files hold May 2025 wards, the LSOA lookup 2019 ones).</param>
    public GeoJsonBoundaryReader(AreaType type)
    {
        this.type = type;
        switch (type)
        {
            case AreaType.Lsoa:
                (Kind, FolderPattern, codeProperty, nameProperty, gssEntity) =
                    ("boundaries-lsoa", "geography/boundaries/lsoa11/*.geojson", "LSOA11CD", "LSOA11NM", "E01");
                codeExpected = "an LSOA code (E01…)";
                Description = "LSOA (2011) boundaries, generalised and clipped, WGS84 GeoJSON, one file per district (ONS Open Geography Portal)";
                break;
            case AreaType.Msoa:
                (Kind, FolderPattern, codeProperty, nameProperty, gssEntity) =
                    ("boundaries-msoa", "geography/boundaries/msoa11/*.geojson", "MSOA11CD", "MSOA11NM", "E02");
                codeExpected = "an MSOA code (E02…)";
                Description = "MSOA (2011) boundaries, generalised and clipped, WGS84 GeoJSON, one file per district (ONS Open Geography Portal)";
                districtProperty = "LADCD_ACTIVE";
                membershipFrom = Census2011;
                break;
            case AreaType.Ward2025:
                (Kind, FolderPattern, codeProperty, nameProperty, gssEntity) =
                    ("boundaries-ward", "geography/boundaries/ward/*.geojson", "WD25CD", "WD25NM", "E05");
                codeExpected = "a ward code (E05…)";
                Description = "Electoral ward (May 2025) boundaries, generalised and clipped, WGS84 GeoJSON, one file per district (ONS Open Geography Portal)";
                districtProperty = "LAD25CD";
                districtNameProperty = "LAD25NM";
                membershipFrom = Wards2025;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, "boundary files exist for LSOAs, MSOAs and wards only");
        }
    }

    /// <summary>The three readers: LSOA, MSOA and ward boundaries.</summary>
    public static IReadOnlyList<GeoJsonBoundaryReader> All { get; } =
        [new(AreaType.Lsoa), new(AreaType.Msoa), new(AreaType.Ward2025)];

    public string Kind { get; }

    public string Description { get; }

    public string FolderPattern { get; }

    public ImportBatch Read(string path, PlaceLookup lookup)
    {
        ReadOnlyMemory<byte> bytes = File.ReadAllBytes(path);

        // RFC 8259 lets a parser ignore a byte-order mark; dropping it keeps byte offsets and lines in step.
        if (bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        var source = new GeoJsonSource(Path.GetFileName(path), bytes);
        var json = bytes.Span;
        if (json.TrimStart(" \t\r\n"u8).IsEmpty)
            throw new ImportProblemException(new ImportProblem(source.FileName, 0, null, null,
                "the file is empty (expected a GeoJSON FeatureCollection)"));

        var file = new FileReading(this, source);
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
            throw new ImportProblemException(new ImportProblem(source.FileName, (int)(e.LineNumber ?? 0) + 1, null, null,
                $"the file is not valid JSON: {WithoutPosition(e.Message)}"));
        }

        return file.Batch;
    }

    // System.Text.Json appends "LineNumber: 3 | BytePositionInLine: 10." to its messages; the problem has the line already.
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    /// <summary>The state of reading one file: the batch so far and the line of each code already seen.</summary>
    private sealed class FileReading(GeoJsonBoundaryReader format, GeoJsonSource source)
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
            var codeText = Required(properties.Code, start, path, format.codeProperty, "area code");
            var name = Required(properties.Name, start, path, format.nameProperty, "area name");
            var code = Code(codeText, [format.gssEntity], format.codeExpected, properties.Code.Offset, $"{path}.properties.{format.codeProperty}");

            if (!featureStartByCode.TryAdd(code, start))
                throw source.Problem(start, $"{path}.properties.{format.codeProperty}",
                    $"duplicate area code {code}: features on lines {source.LineAt(featureStartByCode[code])} and {source.LineAt(start)} both have it");

            Batch.Boundaries.Add(new AreaBoundary(code, polygons));
            Batch.AreasIfMissing.Add(new Area(code, name, format.type));
            if (format.districtProperty is not null)
                AddDistrictMembership(properties, code, start, path);
        }

        private void AddDistrictMembership(FeatureProperties properties, AreaCode code, long start, string path)
        {
            var districtField = $"{path}.properties.{format.districtProperty}";
            AreaCode district;
            if (properties.District.Text is { } districtText)
            {
                district = Code(districtText, DistrictEntities, DistrictExpected, properties.District.Offset, districtField);
            }
            else if (format.type == AreaType.Msoa && districtOfFile is { } fromFileName)
            {
                // MSOA files are split by district, so a file named after a district code places its MSOAs there.
                district = fromFileName;
            }
            else
            {
                var fallback = format.type == AreaType.Msoa ? " and the file is not named after a district code (e.g. E07000066.geojson)" : string.Empty;
                throw source.Problem(start, districtField, $"the feature has no {format.districtProperty} (the district it lies in){fallback}");
            }

            Batch.Memberships.Add(new AreaMembership(code, format.type, district, AreaType.District, format.membershipFrom));

            // Ward files name the district too, so the parent of the membership exists even before a district file is read.
            if (properties.DistrictName.Text is { Length: > 0 } districtName && districtsNamed.Add(district))
                Batch.AreasIfMissing.Add(new Area(district, districtName, AreaType.District));
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
                if (member == format.codeProperty)
                    properties.Code = TextProperty(ref reader, $"{path}.{member}");
                else if (member == format.nameProperty)
                    properties.Name = TextProperty(ref reader, $"{path}.{member}");
                else if (member == format.districtProperty)
                    properties.District = TextProperty(ref reader, $"{path}.{member}");
                else if (member == format.districtNameProperty)
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
