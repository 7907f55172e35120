using Commonweal.Application.Files;
using Commonweal.Application.Places.Import;
using Commonweal.Core.Places;
using Commonweal.TestKit;

namespace Commonweal.Application.Tests.Places.Import;

public sealed class GeoJsonBoundaryReaderTests : IDisposable
{
    private static readonly IReferenceFileReader Lsoas = ReferenceReaders.Find("boundaries-lsoa")!;
    private static readonly IReferenceFileReader Msoas = ReferenceReaders.Find("boundaries-msoa")!;
    private static readonly IReferenceFileReader Wards = ReferenceReaders.Find("boundaries-ward")!;

    private static readonly string[] MidAndSouthEssexDistricts =
        ["E06000033", "E06000034", "E07000066", "E07000067", "E07000068", "E07000069", "E07000070", "E07000074", "E07000075"];

    private const string Square = """{ "type": "Polygon", "coordinates": [ [ [0.4, 51.6], [0.5, 51.6], [0.5, 51.7], [0.4, 51.6] ] ] }""";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "commonweal-geojson-" + Guid.NewGuid().ToString("N"));

    public GeoJsonBoundaryReaderTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // ---- the real ONS files ----

    [Fact]
    public void The_nine_district_files_hold_705_LSOA_boundaries()
    {
        var boundaries = 0;
        var rows = 0;
        foreach (var district in MidAndSouthEssexDistricts)
        {
            var batch = Lsoas.Read(ReferenceData.File($"geography/boundaries/lsoa11/{district}.geojson"), PlaceLookup.Empty);
            boundaries += batch.Boundaries.Count;
            rows += batch.Rows;
            Assert.All(batch.Areas, a => Assert.Equal(AreaType.Lsoa, a.Type));
            Assert.All(batch.Boundaries, b => Assert.Equal("E01", b.Area.GssEntity));
            Assert.Empty(batch.Memberships);
        }

        Assert.Equal(705, boundaries);
        Assert.Equal(705, rows);
    }

    [Fact]
    public void An_LSOA_of_Basildon_has_its_published_name_and_closed_rings_in_Essex()
    {
        var batch = Lsoas.Read(ReferenceData.File("geography/boundaries/lsoa11/E07000066.geojson"), PlaceLookup.Empty);

        Assert.Equal(110, batch.Boundaries.Count);
        Assert.Equal(110, batch.Areas.Count);
        var area = Assert.Single(batch.Areas, a => a.Code == AreaCode.Parse("E01021237"));
        Assert.Equal("Basildon 001A", area.Name);
        Assert.Equal((0.445825114768022, 51.64348079641166), batch.Boundaries[0].Polygons[0].Rings[0][0]);
        foreach (var boundary in batch.Boundaries)
        {
            var (minLon, minLat, maxLon, maxLat) = boundary.Bounds();
            Assert.InRange(minLon, 0.2, 0.8);
            Assert.InRange(maxLon, 0.2, 0.8);
            Assert.InRange(minLat, 51.4, 51.8);
            Assert.InRange(maxLat, 51.4, 51.8);
            foreach (var ring in boundary.Polygons.SelectMany(p => p.Rings))
            {
                Assert.True(ring.Count >= 4);
                Assert.Equal(ring[0], ring[^1]);
            }
        }
    }

    [Fact]
    public void Every_real_boundary_file_reads_and_MSOAs_and_wards_lie_in_the_district_of_their_file()
    {
        var (msoas, wards) = (0, 0);
        foreach (var district in MidAndSouthEssexDistricts)
        {
            var msoa = Msoas.Read(ReferenceData.File($"geography/boundaries/msoa11/{district}.geojson"), PlaceLookup.Empty);
            var ward = Wards.Read(ReferenceData.File($"geography/boundaries/ward/{district}.geojson"), PlaceLookup.Empty);
            msoas += msoa.Boundaries.Count;
            wards += ward.Boundaries.Count;
            Assert.Equal(msoa.Boundaries.Count, msoa.Memberships.Count);
            Assert.Equal(ward.Boundaries.Count, ward.Memberships.Count);
            Assert.All(msoa.Memberships, m => Assert.Equal(
                new AreaMembership(m.Child, AreaType.Msoa, AreaCode.Parse(district), AreaType.District, new DateOnly(2011, 3, 27)), m));
            Assert.All(ward.Memberships, m => Assert.Equal(
                new AreaMembership(m.Child, AreaType.Ward, AreaCode.Parse(district), AreaType.District, new DateOnly(2025, 5, 1)), m));
        }

        Assert.Equal(136, msoas);
        Assert.Equal(157, wards);
    }

    [Fact]
    public void Basildon_wards_are_named_and_Basildon_itself_is_added_when_missing()
    {
        var batch = Wards.Read(ReferenceData.File("geography/boundaries/ward/E07000066.geojson"), PlaceLookup.Empty);

        Assert.Equal(14, batch.Rows);
        Assert.Contains(new Area(AreaCode.Parse("E05015637"), "Billericay East", AreaType.Ward), batch.Areas);
        Assert.Contains(new Area(AreaCode.Parse("E07000066"), "Basildon", AreaType.District), batch.Areas);
        Assert.Equal(15, batch.Areas.Count);
    }

    [Theory]
    [InlineData("geography/boundaries/lsoa11/E07000066.geojson", "boundaries-lsoa")]
    [InlineData("geography/boundaries/lsoa21/E07000071.geojson", "boundaries-lsoa21")]
    [InlineData("geography/boundaries/msoa11/E07000066.geojson", "boundaries-msoa")]
    [InlineData("geography/boundaries/ward/E07000066.geojson", "boundaries-ward")]
    [InlineData("geography/boundaries/lad/LAD_DEC_2023_UK_BUC_essex14.geojson", "boundaries-lad")]
    public void Each_kind_is_recognised_by_the_properties_of_its_features_not_its_folder(string file, string kind)
    {
        var (reader, _) = ReferenceReaders.Recognise(FileSniffer.Sniff(ReferenceData.File(file)));

        Assert.Equal(kind, reader?.Kind);
    }

    // ---- small hand-made files ----

    [Fact]
    public void A_well_formed_file_gives_areas_boundaries_and_holes_as_given()
    {
        var withHole = """
            { "type": "Polygon", "coordinates": [
              [ [0, 51], [1, 51], [1, 52], [0, 52], [0, 51] ],
              [ [0.2, 51.2], [0.2, 51.8], [0.8, 51.8], [0.2, 51.2] ] ] }
            """;
        var path = Write(Collection(Lsoa("E01000001", "First 001A", withHole), Lsoa("E01000002", "Second 001B", Square)));

        var batch = Lsoas.Read(path, PlaceLookup.Empty);

        Assert.Equal(2, batch.Rows);
        Assert.Equal([new Area(AreaCode.Parse("E01000001"), "First 001A", AreaType.Lsoa), new Area(AreaCode.Parse("E01000002"), "Second 001B", AreaType.Lsoa)],
            batch.Areas);
        var rings = Assert.Single(batch.Boundaries[0].Polygons).Rings;
        Assert.Equal(2, rings.Count);
        Assert.Equal([(0.2, 51.2), (0.2, 51.8), (0.8, 51.8), (0.2, 51.2)], rings[1]);
    }

    [Fact]
    public void A_MultiPolygon_gives_one_polygon_per_part_and_an_altitude_is_dropped()
    {
        var multi = """{ "type": "MultiPolygon", "coordinates": [ [ [ [0.4, 51.6, 3], [0.5, 51.6, 3], [0.5, 51.7, 3], [0.4, 51.6, 3] ] ], [ [ [1, 52], [2, 52], [2, 53], [1, 52] ] ] ] }""";
        var path = Write(Collection(Lsoa("E01000001", "Islands 001A", multi)));

        var boundary = Assert.Single(Lsoas.Read(path, PlaceLookup.Empty).Boundaries);

        Assert.Equal(2, boundary.Polygons.Count);
        Assert.Equal((0.4, 51.6), boundary.Polygons[0].Rings[0][0]);
        Assert.Equal((1.0, 52.0), boundary.Polygons[1].Rings[0][0]);
    }

    [Fact]
    public void An_MSOA_without_a_district_property_lies_in_the_district_its_file_is_named_after()
    {
        var path = Write(Collection("""{ "type": "Feature", "properties": { "MSOA11CD": "E02004424", "MSOA11NM": "Basildon 001" }, "geometry": """ + Square + " }"),
            "E07000066.geojson");

        var membership = Assert.Single(Msoas.Read(path, PlaceLookup.Empty).Memberships);

        Assert.Equal(new AreaMembership(AreaCode.Parse("E02004424"), AreaType.Msoa, AreaCode.Parse("E07000066"), AreaType.District, new DateOnly(2011, 3, 27)), membership);
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        var problem = Problem(Lsoas, Write(""));

        Assert.Equal(new FileProblem("E07000066.geojson", null, 0, null, null, "the file is empty (expected a GeoJSON FeatureCollection)"), problem);
    }

    [Fact]
    public void Text_that_is_not_JSON_is_rejected_at_the_line_where_it_breaks()
    {
        var text = Collection(Lsoa("E01000001", "First 001A", Square), Lsoa("E01000002", "Second 001B", Square)).Replace("\"LSOA11NM\": \"Second", "\"LSOA11NM\" \"Second", StringComparison.Ordinal);

        var problem = Problem(Lsoas, Write(text));

        Assert.Equal(6, problem.Line);
        Assert.Null(problem.Field);
        Assert.StartsWith("the file is not valid JSON: ", problem.Rule, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_feature_instead_of_a_FeatureCollection_is_rejected()
    {
        var problem = Problem(Lsoas, Write("{\n  \"type\": \"Feature\",\n  \"geometry\": null\n}\n"));

        Assert.Equal((2, "type", "the file is not a GeoJSON FeatureCollection (its type is 'Feature')"), (problem.Line, problem.Field, problem.Rule));
    }

    [Fact]
    public void A_JSON_array_instead_of_a_FeatureCollection_is_rejected()
    {
        var problem = Problem(Lsoas, Write("\n[ 1, 2 ]\n"));

        Assert.Equal((2, null, "the file is not a GeoJSON FeatureCollection: it holds an array, not an object"), (problem.Line, problem.Field, problem.Rule));
    }

    [Fact]
    public void A_feature_without_geometry_is_rejected()
    {
        var text = Collection(Lsoa("E01000001", "First 001A", Square), Lsoa("E01000002", "Second 001B", "null"));

        var problem = Problem(Lsoas, Write(text));

        Assert.Equal((6, "features[1].geometry", "the feature has no geometry"), (problem.Line, problem.Field, problem.Rule));
    }

    [Fact]
    public void A_feature_without_its_code_is_rejected()
    {
        var text = Collection("""{ "type": "Feature", "properties": { "LSOA11NM": "First 001A" }, "geometry": """ + Square + " }");

        var problem = Problem(Lsoas, Write(text));

        Assert.Equal((5, "features[0].properties.LSOA11CD", "the feature has no LSOA11CD (the area code)"), (problem.Line, problem.Field, problem.Rule));
    }

    [Fact]
    public void A_feature_without_its_name_is_rejected()
    {
        var text = Collection(Lsoa("E01000001", "First 001A", Square), """{ "type": "Feature", "properties": { "LSOA11CD": "E01000002", "LSOA11NM": null }, "geometry": """ + Square + " }");

        var problem = Problem(Lsoas, Write(text));

        Assert.Equal((6, "features[1].properties.LSOA11NM", "the feature has no LSOA11NM (the area name)"), (problem.Line, problem.Field, problem.Rule));
    }

    [Fact]
    public void A_malformed_area_code_is_an_unknown_area_code()
    {
        var problem = Problem(Lsoas, Write(Collection(Lsoa("E0100001", "First 001A", Square))));

        Assert.Equal((5, "features[0].properties.LSOA11CD"), (problem.Line, problem.Field));
        Assert.StartsWith("unknown area code: 'E0100001' is not an area code", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void An_MSOA_code_in_an_LSOA_file_is_an_unknown_area_code()
    {
        var problem = Problem(Lsoas, Write(Collection(Lsoa("E01000001", "First 001A", Square), Lsoa("E02004424", "Basildon 001", Square))));

        Assert.Equal((6, "features[1].properties.LSOA11CD", "unknown area code 'E02004424': expected an LSOA code (E01…) here"), (problem.Line, problem.Field, problem.Rule));
    }

    [Fact]
    public void A_ward_in_a_county_is_an_unknown_district()
    {
        var text = Collection("""{ "type": "Feature", "properties": { "WD25CD": "E05015637", "WD25NM": "Billericay East", "LAD25CD": "E10000012" }, "geometry": """ + Square + " }");

        var problem = Problem(Wards, Write(text));

        Assert.Equal((5, "features[0].properties.LAD25CD", "unknown area code 'E10000012': expected a district code (E06…, E07…, E08…, E09… or W06…) here"),
            (problem.Line, problem.Field, problem.Rule));
    }

    [Fact]
    public void A_ward_without_its_district_is_rejected()
    {
        var text = Collection("""{ "type": "Feature", "properties": { "WD25CD": "E05015637", "WD25NM": "Billericay East" }, "geometry": """ + Square + " }");

        var problem = Problem(Wards, Write(text));

        Assert.Equal((5, "features[0].properties.LAD25CD", "the feature has no LAD25CD (the district it lies in)"), (problem.Line, problem.Field, problem.Rule));
    }

    [Fact]
    public void A_code_given_twice_names_both_lines()
    {
        var text = Collection(Lsoa("E01000001", "First 001A", Square), Lsoa("E01000002", "Second 001B", Square), Lsoa("E01000001", "First again", Square));

        var problem = Problem(Lsoas, Write(text));

        Assert.Equal((7, "features[2].properties.LSOA11CD", "duplicate area code E01000001: features on lines 5 and 7 both have it"), (problem.Line, problem.Field, problem.Rule));
    }

    [Fact]
    public void A_point_is_not_a_boundary()
    {
        var problem = Problem(Lsoas, Write(Collection(Lsoa("E01000001", "First 001A", """{ "type": "Point", "coordinates": [0.4, 51.6] }"""))));

        Assert.Equal((5, "features[0].geometry.type", "geometry type 'Point' is not supported: an area's boundary must be a Polygon or MultiPolygon"),
            (problem.Line, problem.Field, problem.Rule));
    }

    [Fact]
    public void A_ring_of_three_positions_is_rejected()
    {
        var triangle = """{ "type": "Polygon", "coordinates": [ [ [0.4, 51.6], [0.5, 51.6], [0.4, 51.6] ] ] }""";

        var problem = Problem(Lsoas, Write(Collection(Lsoa("E01000001", "First 001A", triangle))));

        Assert.Equal((5, "features[0].geometry.coordinates[0]", "a ring needs at least 4 positions (a closed triangle), found 3"), (problem.Line, problem.Field, problem.Rule));
    }

    [Fact]
    public void A_ring_that_is_not_closed_is_rejected()
    {
        var open = """{ "type": "Polygon", "coordinates": [ [ [0.4, 51.6], [0.5, 51.6], [0.5, 51.7], [0.4, 51.7] ] ] }""";

        var problem = Problem(Lsoas, Write(Collection(Lsoa("E01000001", "First 001A", open))));

        Assert.Equal((5, "features[0].geometry.coordinates[0]", "the ring is not closed: its first position [0.4, 51.6] differs from its last [0.4, 51.7]"),
            (problem.Line, problem.Field, problem.Rule));
    }

    [Theory]
    [InlineData("[0.5]", "a position must be an array of 2 or 3 numbers, found 1")]
    [InlineData("[0.5, 51.6, 0, 0]", "a position must be an array of 2 or 3 numbers, found more than 3")]
    [InlineData("[0.5, \"51.6\"]", "a position must be an array of 2 or 3 finite numbers; element 1 is not one")]
    [InlineData("[0.5, 1e400]", "a position must be an array of 2 or 3 finite numbers; element 1 is not one")]
    [InlineData("0.5", "a position must be an array of 2 or 3 numbers [longitude, latitude]")]
    public void A_position_that_is_not_two_or_three_finite_numbers_is_rejected(string position, string rule)
    {
        var geometry = $$"""{ "type": "Polygon", "coordinates": [ [ [0.4, 51.6], {{position}}, [0.5, 51.7], [0.4, 51.6] ] ] }""";

        var problem = Problem(Lsoas, Write(Collection(Lsoa("E01000001", "First 001A", geometry))));

        Assert.Equal((5, "features[0].geometry.coordinates[0][1]", rule), (problem.Line, problem.Field, problem.Rule));
    }

    [Theory]
    [InlineData("[181, 51.6]", "longitude 181 is outside −180..180 (are the coordinates in WGS84 longitude, latitude order?)")]
    [InlineData("[-180.5, 51.6]", "longitude -180.5 is outside −180..180 (are the coordinates in WGS84 longitude, latitude order?)")]
    [InlineData("[0.5, 90.25]", "latitude 90.25 is outside −90..90 (are the coordinates in WGS84 longitude, latitude order?)")]
    [InlineData("[583989, 187186]", "longitude 583989 is outside −180..180 (are the coordinates in WGS84 longitude, latitude order?)")]
    public void A_position_off_the_globe_is_rejected(string position, string rule)
    {
        var geometry = $$"""{ "type": "Polygon", "coordinates": [ [ [0.4, 51.6], [0.5, 51.6], {{position}}, [0.4, 51.6] ] ] }""";

        var problem = Problem(Lsoas, Write(Collection(Lsoa("E01000001", "First 001A", geometry))));

        Assert.Equal((5, "features[0].geometry.coordinates[0][2]", rule), (problem.Line, problem.Field, problem.Rule));
    }

    [Fact]
    public void A_bad_position_deep_in_a_MultiPolygon_is_named_by_its_own_line_and_path()
    {
        var multi = """
            { "type": "MultiPolygon", "coordinates": [
              [ [ [0.4, 51.6], [0.5, 51.6], [0.5, 51.7], [0.4, 51.6] ] ],
              [ [ [1, 52], [2, 52], [2, 53], [1, 52] ],
                [ [1.2, 52.2],
                  [1.2, 95],
                  [1.8, 52.8], [1.2, 52.2] ] ] ] }
            """;

        var problem = Problem(Lsoas, Write(Collection(Lsoa("E01000001", "First 001A", Square), Lsoa("E01000002", "Second 001B", multi))));

        Assert.Equal((10, "features[1].geometry.coordinates[1][1][1]", "latitude 95 is outside −90..90 (are the coordinates in WGS84 longitude, latitude order?)"),
            (problem.Line, problem.Field, problem.Rule));
    }

    [Fact]
    public void Coordinates_before_the_geometry_type_are_read_all_the_same()
    {
        var geometry = """{ "coordinates": [ [ [0.4, 51.6], [0.5, 51.6], [0.5, 51.7], [0.4, 51.6] ] ], "type": "Polygon" }""";

        var batch = Lsoas.Read(Write(Collection(Lsoa("E01000001", "First 001A", geometry))), PlaceLookup.Empty);

        Assert.Equal(4, Assert.Single(Assert.Single(batch.Boundaries).Polygons).Rings[0].Count);
    }

    // ---- helpers ----

    private static FileProblem Problem(IReferenceFileReader reader, string path) =>
        Assert.Throws<FileProblemException>(() => reader.Read(path, PlaceLookup.Empty)).Problem;

    /// <summary>A FeatureCollection laid out as ONS lays it out: the first feature on line 5, one feature per line.</summary>
    private static string Collection(params string[] features) =>
        "{\n\"type\": \"FeatureCollection\",\n\"name\": \"E07000066\",\n\"features\": [\n" + string.Join(",\n", features) + "\n]\n}\n";

    private static string Lsoa(string code, string name, string geometry) =>
        $$"""{ "type": "Feature", "properties": { "FID": 1, "LSOA11CD": "{{code}}", "LSOA11NM": "{{name}}", "LADCD_ACTIVE": "E07000066" }, "geometry": {{geometry}} }""";

    private string Write(string text, string fileName = "E07000066.geojson")
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, text);
        return path;
    }
}
