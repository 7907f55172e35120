using Commonweal.Application.Files;
using static Commonweal.Application.Tests.Files.FileAssert;
using Commonweal.TestKit;
using static Commonweal.Application.Tests.Files.Cells;

namespace Commonweal.Application.Tests.Files;

/// <summary>Worksheets through <see cref="Table"/>: small workbooks made with the Open XML SDK, and MHCLG's IoD2025 File 1.</summary>
public sealed class SheetTableTests : IDisposable
{
    private const string Iod2025 = "deprivation/iod2025/File_1_IoD2025_Index_of_Multiple_Deprivation";

    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Cells_read_as_text_shared_and_inline_strings_numbers_booleans_and_gaps()
    {
        var path = files.Workbook("t.xlsx", ["code", "E01021988"],
            ("Data", [
                Row(1, Shared("A1", 0), Inline("B1", "score"), Inline("C1", "rank"), Inline("D1", "flag"), Inline("E1", "date")),
                Row(2, Shared("A2", 1), Number("B2", "94.223"), Number("C2", "26525"), Boolean("D2", true), Number("E2", "45962")),
                Row(3, Inline("A3", "E01000001"), Number("B3", "0.75"), Number("C3", "1.0E3"), Boolean("D3", false)),
                Row(4, Inline("A4", "E01000002"), Number("C4", "2")),
            ]));

        using var table = Table.OpenSheet(path, "Data");
        var rows = table.Rows().Select(row => $"{row.Line}: {string.Join("|", Enumerable.Range(0, row.FieldCount).Select(i => row.Text(i, required: false)))}").ToList();

        Assert.Equal(["code", "score", "rank", "flag", "date"], table.Header);
        Assert.Equal(["2: E01021988|94.223|26525|TRUE|45962", "3: E01000001|0.75|1000|FALSE|", "4: E01000002||2||"], rows);
    }

    [Fact]
    public void Typed_accessors_name_the_sheet_row_column_and_letter()
    {
        var path = files.Workbook("t.xlsx", [],
            ("IMD25", [TextRow(1, "code", "name", "rank"), Row(2, Inline("A2", "E01000001"), Inline("B2", "City"), Number("C2", "26525")), Row(5, Inline("A5", "E01000002"), Inline("B5", "City"), Inline("C5", "n/a"))]));
        using var table = Table.OpenSheet(path, "IMD25", options: new TableOptions { BlankLines = BlankLines.Skip });

        var problem = Refused(() =>
        {
            foreach (var row in table.Rows()) row.Integer(2, NumberStyle.Plain);
        });

        Assert.Equal("t.xlsx [sheet IMD25]:5:3 (column C): field 'rank': 'n/a' is not a whole number", problem.ToString());
        Assert.Equal(new FileProblem("t.xlsx", "IMD25", 5, 3, "rank", "'n/a' is not a whole number") { PartKind = FilePartKind.Sheet }, problem);
    }

    [Fact]
    public void A_missing_sheet_names_the_sheets_the_workbook_has()
    {
        var path = files.Workbook("t.xlsx", [], ("Notes", []), ("IMD 2025", [TextRow(1, "code")]));

        Assert.Equal("t.xlsx: the workbook has no sheet 'IMD25' (its sheets: 'Notes', 'IMD 2025')", Refused(() => Table.OpenSheet(path, "IMD25")).ToString());
    }

    [Fact]
    public void A_missing_or_misplaced_column_is_named_with_its_letter()
    {
        var path = files.Workbook("t.xlsx", [], ("S", [TextRow(1, "code", "name", "decile")]));
        using var table = Table.OpenSheet(path, "S");

        Assert.Equal(
            "t.xlsx [sheet S]:1:3 (column C): wrong header: expected 'rank', found 'decile'",
            Refused(() => table.RequireHeader(["code", "name", "rank", "decile"])).ToString());
        Assert.Equal("t.xlsx [sheet S]:1: the required column 'rank' is missing (the header has: code, name, decile)", Refused(() => table.Column("rank")).ToString());
    }

    [Fact]
    public void The_header_may_stand_below_title_rows_and_a_gap_between_rows_is_an_empty_row()
    {
        var path = files.Workbook("t.xlsx", [],
            ("S", [TextRow(1, "A title"), TextRow(3, "code", "value"), TextRow(4, "a", "1"), TextRow(7, "b", "2"), Row(8, Empty("A8"), Empty("B8"))]));

        using var skipping = Table.OpenSheet(path, "S", headerRow: 3, new TableOptions { BlankLines = BlankLines.Skip });
        using var strict = Table.OpenSheet(path, "S", headerRow: 3);

        Assert.Equal(3, skipping.HeaderLine);
        Assert.Equal([4, 7], skipping.Rows().Select(row => row.Line));
        Assert.Equal("t.xlsx [sheet S]:5: an empty row", Refused(() => strict.Rows().ToList()).ToString());
    }

    [Fact]
    public void Formatted_empty_rows_at_the_end_are_not_records_but_a_value_beyond_the_header_is()
    {
        var path = files.Workbook("t.xlsx", [],
            ("S", [TextRow(1, "code", "value"), TextRow(2, "a", "1"), Row(3, Empty("A3")), Row(4, Empty("A4"), Empty("Z4"))]),
            ("Wide", [TextRow(1, "code", "value"), TextRow(2, "a", "1", "stray")]));

        using var table = Table.OpenSheet(path, "S");
        using var wide = Table.OpenSheet(path, "Wide");

        Assert.Equal(["a,1"], table.Rows().Select(row => row.RawRecord));
        Assert.Equal("t.xlsx [sheet Wide]:2: too many fields: expected 2, found 3", Refused(() => wide.Rows().ToList()).ToString());
    }

    [Fact]
    public void An_empty_header_row_says_where_the_header_belongs()
    {
        var path = files.Workbook("t.xlsx", [], ("S", [TextRow(2, "code")]));
        using var table = Table.OpenSheet(path, "S");

        Assert.True(table.IsEmpty);
        Assert.Equal(
            "t.xlsx [sheet S]: row 1 of the sheet, where the header belongs, is empty (expected a header row: code)",
            Refused(() => table.RequireHeader(["code"])).ToString());
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_a_problem()
    {
        var path = files.Text("t.xlsx", "code,name\n");

        Assert.StartsWith("t.xlsx: the file is not a readable xlsx workbook", Refused(() => Table.OpenSheet(path, "S")).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_IoD2025_workbook_reads_as_published()
    {
        using var table = Table.OpenSheet(ReferenceData.File(Iod2025 + ".xlsx"), "IMD25");
        table.RequireHeader([
            "LSOA code (2021)", "LSOA name (2021)", "Local Authority District code (2024)", "Local Authority District name (2024)",
            "Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)",
            "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOA", // cut off as published
        ]);

        var rows = 0;
        var jaywick = 0;
        foreach (var row in table.Rows())
        {
            rows++;
            if (row.Integer(4, NumberStyle.Plain, 1, 33_755) == 1)
            {
                Assert.Equal("E01021988", row.Text(0));
                jaywick = row.Line;
            }

            row.Integer(5, NumberStyle.Plain, 1, 10);
        }

        Assert.Equal(33_755, rows);
        Assert.True(jaywick > 1);
    }

    [Fact]
    public void The_IoD2025_workbook_and_its_CSV_export_hold_the_same_cells()
    {
        using var sheet = Table.OpenSheet(ReferenceData.File(Iod2025 + ".xlsx"), "IMD25");
        using var csv = Table.OpenCsv(ReferenceData.File(Iod2025 + ".csv"));
        csv.RequireByteOrderMark(ByteOrderMark.Present);
        Assert.Equal(csv.Header, sheet.Header);

        var fromSheet = sheet.Rows().Select(Cells).ToList();
        var fromCsv = csv.Rows().Select(Cells).ToList();

        Assert.Equal(33_755, fromCsv.Count);
        Assert.Equal(fromCsv, fromSheet); // cell for cell, and line for row (one header line, no line breaks in fields)
        Assert.False(csv.EndsWithLineBreak);

        static string Cells(TableRow row) => $"{row.Line}:{string.Join('\u001F', Enumerable.Range(0, row.FieldCount).Select(i => row.Text(i, required: false)))}";
    }
}
