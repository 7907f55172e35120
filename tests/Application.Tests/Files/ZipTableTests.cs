using Commonweal.Application.Files;
using static Commonweal.Application.Tests.Files.FileAssert;
using Commonweal.TestKit;

namespace Commonweal.Application.Tests.Files;

/// <summary>CSV members of zip files through <see cref="Table.OpenZipMember"/>: NHS Digital's zips, and hand-made ones.</summary>
public sealed class ZipTableTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void The_only_CSV_member_is_read_and_problems_name_the_member()
    {
        var path = files.Zip("data.zip", ("readme.txt", "about"), ("folder/data.csv", "code,value\nA,1\nB,x\n"));
        using var table = Table.OpenZipMember(path);

        var problem = Refused(() =>
        {
            foreach (var row in table.Rows()) row.Integer(1, NumberStyle.Plain);
        });

        Assert.Equal("folder/data.csv", table.Part);
        Assert.Equal("data.zip [folder/data.csv]:3:2: field 'value': 'x' is not a whole number", problem.ToString());
        Assert.Equal(FilePartKind.ZipMember, problem.PartKind);
    }

    [Fact]
    public void A_zip_file_without_a_CSV_member_is_a_problem_listing_what_it_holds()
    {
        var none = files.Zip("none.zip", ("readme.txt", "about"), ("map.geojson", "{}"));
        var empty = files.Zip("empty.zip");

        Assert.Equal("none.zip: the zip file holds no CSV file (it holds: readme.txt, map.geojson)", Refused(() => Table.OpenZipMember(none)).ToString());
        Assert.Equal("empty.zip: the zip file holds no CSV file (it is empty)", Refused(() => Table.OpenZipMember(empty)).ToString());
    }

    [Fact]
    public void A_zip_file_with_several_CSV_members_needs_one_named()
    {
        var path = files.Zip("two.zip", ("a.csv", "x\n1\n"), ("b.CSV", "y\n2\n"));

        Assert.Equal("two.zip: the zip file holds 2 CSV files (a.csv, b.CSV): name the one to read", Refused(() => Table.OpenZipMember(path)).ToString());
        using var b = Table.OpenZipMember(path, "B.csv");
        Assert.Equal(["y"], b.Header);
        Assert.Equal(
            "two.zip: the zip file has no member 'c.csv' (it holds: a.csv, b.CSV)",
            Refused(() => Table.OpenZipMember(path, "c.csv")).ToString());
    }

    [Fact]
    public void A_file_that_is_not_a_zip_file_is_a_problem()
    {
        var path = files.Text("fake.zip", "code\n");

        Assert.StartsWith("fake.zip: the file is not a readable zip file", Refused(() => Table.OpenZipMember(path)).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_practice_map_zip_holds_the_same_records_as_the_CSV_beside_it()
    {
        using var zipped = Table.OpenZipMember(ReferenceData.File("primary-care/2026-08/gp-reg-pat-prac-map.zip"));
        using var plain = Table.OpenCsv(ReferenceData.File("primary-care/2026-08/gp-reg-pat-prac-map.csv"));

        Assert.Equal("gp-reg-pat-prac-map.csv", zipped.Part);
        Assert.Equal(plain.Header, zipped.Header);
        Assert.Equal(plain.HasByteOrderMark, zipped.HasByteOrderMark);
        var fromZip = zipped.Rows().Select(row => (row.Line, row.RawRecord)).ToList();
        Assert.Equal(plain.Rows().Select(row => (row.Line, row.RawRecord)), fromZip);
        Assert.True(fromZip.Count > 6_000);
    }

    [Theory]
    [InlineData("primary-care/2026-08/gp-reg-pat-prac-sing-age-regions.zip", 282_253, 0L)]
    [InlineData("primary-care/2025-04/gp-reg-pat-prac-all.zip", 6_239, 63_769_849L)]
    public void NHS_Digitals_zip_files_stream_through(string file, int rows, long england)
    {
        using var table = Table.OpenZipMember(ReferenceData.File(file));
        var patients = table.Column("NUMBER_OF_PATIENTS");

        long total = 0;
        var count = 0;
        foreach (var row in table.Rows())
        {
            total += row.Whole(patients, NumberStyle.Plain);
            count++;
        }

        Assert.Equal(rows, count);
        if (england > 0) Assert.Equal(england, total);
        Assert.True(table.EndsWithLineBreak);
    }
}
