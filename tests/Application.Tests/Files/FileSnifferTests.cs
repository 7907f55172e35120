using Commonweal.Application.Files;
using Commonweal.TestKit;
using static Commonweal.Application.Tests.Files.Cells;

namespace Commonweal.Application.Tests.Files;

/// <summary><see cref="FileSniffer"/>: a file recognised by its content, whatever it is called; odd files are described, never thrown on.</summary>
public sealed class FileSnifferTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void A_CSV_gives_its_header_unquoted_without_the_byte_order_mark()
    {
        var sniff = FileSniffer.Sniff(files.Text("download (3).txt", "\"LSOA code\",\"Rank, overall\",Decile\r\nE01000001,\"1,234\",1\r\n", bom: true));

        Assert.Equal(SniffKind.Csv, sniff.Kind);
        Assert.True(sniff.HasByteOrderMark);
        Assert.Equal(["LSOA code", "Rank, overall", "Decile"], sniff.CsvHeader);
        Assert.Null(sniff.Reason);
    }

    [Fact]
    public void Only_the_start_of_a_large_CSV_is_read_and_a_character_cut_there_is_no_problem()
    {
        var text = "code,name\n" + string.Concat(Enumerable.Repeat("E01000001,Café Row €\n", 20_000));

        var sniff = FileSniffer.Sniff(files.Text("big.csv", text));

        Assert.Equal(SniffKind.Csv, sniff.Kind);
        Assert.Equal(["code", "name"], sniff.CsvHeader);
    }

    [Fact]
    public void A_workbook_gives_each_sheet_and_its_first_rows()
    {
        var path = files.Workbook("book.bin", ["LSOA code"],
            ("Notes", [TextRow(2, "About this file")]),
            ("Data", [.. Enumerable.Range(1, 20).Select(r => r == 1 ? Row(1, Shared("A1", 0), Inline("B1", "Rank")) : Row((uint)r, Inline($"A{r}", $"E0{r}"), Number($"C{r}", "0.5")))]));

        var sniff = FileSniffer.Sniff(path);

        Assert.Equal(SniffKind.Xlsx, sniff.Kind);
        Assert.Equal(["Notes", "Data"], sniff.Sheets.Select(s => s.Name));
        Assert.Equal([[], ["About this file"]], sniff.Sheets[0].FirstRows);
        var data = sniff.Sheets[1].FirstRows;
        Assert.Equal(FileSniffer.SheetRows, data.Count);
        Assert.Equal(["LSOA code", "Rank"], data[0]);
        Assert.Equal(["E02", "", "0.5"], data[1]);
    }

    [Fact]
    public void A_zip_file_lists_its_members_each_sniffed()
    {
        var path = files.Zip("download.zip", ("data/map.csv", "PRACTICE_CODE,PCN_CODE\nF81001,U1\n"), ("notes.json", "{\"a\":1}"), ("empty.txt", string.Empty));

        var sniff = FileSniffer.Sniff(path);

        Assert.Equal(SniffKind.Zip, sniff.Kind);
        Assert.Equal(["data/map.csv", "notes.json", "empty.txt"], sniff.Members.Select(m => m.Path));
        Assert.Equal([SniffKind.Csv, SniffKind.Json, SniffKind.Other], sniff.Members.Select(m => m.Kind));
        Assert.Equal(["PRACTICE_CODE", "PCN_CODE"], sniff.Members[0].CsvHeader);
    }

    [Fact]
    public void Binary_empty_other_text_and_JSON_files_are_described()
    {
        var binary = FileSniffer.Sniff(files.Bytes("a.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]));
        var latin1 = FileSniffer.Sniff(files.Bytes("b.csv", [.. "name,town\nJos"u8, 0xE9, .. ",Paris\n"u8]));
        var empty = FileSniffer.Sniff(files.Text("c.csv", string.Empty));
        var prose = FileSniffer.Sniff(files.Text("d.csv", "Just a note\nwith no fields\n"));
        var json = FileSniffer.Sniff(files.Text("e.csv", "\n  {\"type\": \"FeatureCollection\", \"features\": []}"));

        Assert.Equal((SniffKind.Other, "binary data (a zero byte at offset 8)"), (binary.Kind, binary.Reason));
        Assert.Equal((SniffKind.Other, "not UTF-8 text (bad byte at offset 13)"), (latin1.Kind, latin1.Reason));
        Assert.Equal((SniffKind.Other, "the file is empty"), (empty.Kind, empty.Reason));
        Assert.Equal(SniffKind.Other, prose.Kind);
        Assert.Equal(SniffKind.Json, json.Kind);
    }

    [Fact]
    public void A_missing_file_or_a_folder_is_unreadable_with_a_reason()
    {
        var missing = FileSniffer.Sniff(Path.Combine(files.Folder, "nowhere.csv"));
        var folder = FileSniffer.Sniff(files.Folder);
        var broken = FileSniffer.Sniff(files.Bytes("broken.zip", [.. "PK\u0003\u0004"u8, 1, 2, 3]));

        Assert.Equal(SniffKind.Unreadable, missing.Kind);
        Assert.NotNull(missing.Reason);
        Assert.Equal(SniffKind.Unreadable, folder.Kind);
        Assert.Equal(SniffKind.Unreadable, broken.Kind);
        Assert.StartsWith("the file starts as a zip file but cannot be read as one", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_publishers_files_are_recognised_by_content()
    {
        var workbook = FileSniffer.Sniff(ReferenceData.File("deprivation/iod2025/File_1_IoD2025_Index_of_Multiple_Deprivation.xlsx"));
        var zip = FileSniffer.Sniff(ReferenceData.File("primary-care/2026-08/gp-reg-pat-prac-map.zip"));
        var csv = FileSniffer.Sniff(ReferenceData.File("deprivation/iod2025/File_1_IoD2025_Index_of_Multiple_Deprivation.csv"));
        var geojson = FileSniffer.Sniff(ReferenceData.File("geography/boundaries/lad/LAD_DEC_2023_UK_BUC_essex14.geojson"));

        Assert.Equal(SniffKind.Xlsx, workbook.Kind);
        Assert.Equal(["Notes", "IMD25"], workbook.Sheets.Select(s => s.Name));
        Assert.Equal("LSOA code (2021)", workbook.Sheets[1].FirstRows[0][0]);
        Assert.Equal(["E01000001", "City of London 001A", "E09000001", "City of London", "26525", "8"], workbook.Sheets[1].FirstRows[1]);
        var member = Assert.Single(zip.Members);
        Assert.Equal(("gp-reg-pat-prac-map.csv", SniffKind.Csv), (member.Path, member.Kind));
        Assert.Contains("PRACTICE_CODE", member.CsvHeader!);
        Assert.Equal(SniffKind.Csv, csv.Kind);
        Assert.True(csv.HasByteOrderMark);
        Assert.Equal(workbook.Sheets[1].FirstRows[0], csv.CsvHeader);
        Assert.Equal(SniffKind.Json, geojson.Kind);
    }
}
