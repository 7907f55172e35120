using System.Text;
using Commonweal.Application.Files;
using static Commonweal.Application.Tests.Files.FileAssert;

namespace Commonweal.Application.Tests.Files;

/// <summary>CSV through <see cref="Table"/>: RFC 4180 held strictly, line numbers, byte-order marks, headers, field counts and the typed accessors.</summary>
public sealed class CsvTableTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void Quoted_fields_doubled_quotes_and_embedded_newlines_are_read_and_later_lines_stay_right()
    {
        var path = files.Text("t.csv", "code,name,note\nA1,\"Smith, John\",\"said \"\"hi\"\"\"\nA2,\"two\nlines\",\"three\r\nmore\nlines\"\nA3,plain,\n");

        var rows = Read(path, row => (row.Line, row.Text(0), row.Text(1), row.Text(2, required: false), row.WasQuoted(1)));

        Assert.Equal(
            [(2, "A1", "Smith, John", "said \"hi\"", true), (3, "A2", "two\nlines", "three\r\nmore\nlines", true), (7, "A3", "plain", "", false)],
            rows);
    }

    [Theory]
    [InlineData("a,b\n1,2\n3,4\n", true)]
    [InlineData("a,b\r\n1,2\r\n3,4\r\n", true)]
    [InlineData("a,b\r\n1,2\r\n3,4", false)]
    [InlineData("a,b\r1,2\r3,4\r", true)]
    public void LF_CRLF_CR_and_no_final_newline_give_the_same_records(string text, bool endsWithLineBreak)
    {
        using var table = Table.OpenCsv(files.Text("t.csv", text));

        var rows = table.Rows().Select(row => $"{row.Line}:{row.Text(0)}|{row.Text(1)}|{row.RawRecord}").ToList();

        Assert.Equal(["2:1|2|1,2", "3:3|4|3,4"], rows);
        Assert.Equal(["a", "b"], table.Header);
        Assert.Equal(endsWithLineBreak, table.EndsWithLineBreak);
    }

    [Fact]
    public void The_raw_record_is_the_text_as_written_for_pass_through()
    {
        var path = files.Text("t.csv", "a,b\n\"x, \"\"y\"\"\",\"line\r\nbreak\"\n");

        var raw = Read(path, row => row.RawRecord);

        Assert.Equal(["\"x, \"\"y\"\"\",\"line\r\nbreak\""], raw);
    }

    [Fact]
    public void A_byte_order_mark_is_detected_and_taken_off_the_header()
    {
        using var with = Table.OpenCsv(files.Text("bom.csv", "code,value\nA,1\n", bom: true));
        using var without = Table.OpenCsv(files.Text("plain.csv", "code,value\nA,1\n"));
        using var stdin = Table.OpenCsv(new StringReader("\uFEFFcode,value\nA,1\n"), "standard input");

        Assert.True(with.HasByteOrderMark);
        Assert.Equal(["code", "value"], with.Header);
        Assert.False(without.HasByteOrderMark);
        Assert.True(stdin.HasByteOrderMark);
        Assert.Equal("code", stdin.Header[0]);
    }

    [Fact]
    public void The_byte_order_mark_rule_names_a_re_saved_file()
    {
        using var with = Table.OpenCsv(files.Text("bom.csv", "code\nA\n", bom: true));
        using var without = Table.OpenCsv(files.Text("plain.csv", "code\nA\n"));

        with.RequireByteOrderMark(ByteOrderMark.Present);
        without.RequireByteOrderMark(ByteOrderMark.Absent);
        Assert.Equal(
            "bom.csv:1: the file starts with a byte-order mark, which the publisher's file does not have (was it re-saved by another program?)",
            Refused(() => with.RequireByteOrderMark(ByteOrderMark.Absent)).ToString());
        Assert.Equal(
            "plain.csv:1: the file has no byte-order mark, but the publisher's file starts with one (was it re-saved by another program?)",
            Refused(() => without.RequireByteOrderMark(ByteOrderMark.Present)).ToString());
    }

    [Theory]
    [InlineData("a,b\n1,x\"y\n", "t.csv:2:2: field 'b': a quote inside an unquoted field")]
    [InlineData("a,b\n1,2\n\"3\"x,4\n", "t.csv:3:1: field 'a': a closing quote must be followed by a comma or the end of the line")]
    [InlineData("a,b\n\"multi\nline\",\"ok\"x\n", "t.csv:3:2: field 'b': a closing quote must be followed by a comma or the end of the line")]
    [InlineData("a,b\n1,2\n3,\"4\n5,6\n", "t.csv:3:2: the file ends inside a quoted field (a closing quote is missing)")]
    [InlineData("a,b\n1,\"\"\"\n", "t.csv:2:2: the file ends inside a quoted field (a closing quote is missing)")]
    [InlineData("a,x\"\n1,2\n", "t.csv:1:2: a quote inside an unquoted field")]
    public void RFC_4180_is_held_strictly_with_the_line_and_column(string text, string problem)
    {
        Assert.Equal(problem, ReadAll(files.Text("t.csv", text)).ToString());
    }

    [Fact]
    public void A_bad_UTF8_byte_names_its_offset_and_line_even_far_into_the_file()
    {
        var text = new StringBuilder("code,name\n");
        for (var i = 0; i < 20_000; i++) text.Append(CultureInfo(i)).Append(",Café ").Append(i).Append('\n'); // ~400 kB, several buffers
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var at = Encoding.UTF8.GetByteCount(text.ToString(0, text.ToString().IndexOf("A15000,", StringComparison.Ordinal))) + 3; // in "A15000,"
        bytes[at] = 0xFF;

        var problem = ReadAll(files.Bytes("bad.csv", bytes));

        Assert.Equal(new FileProblem("bad.csv", null, 15_002, null, null, $"the file is not valid UTF-8 text (bad byte at offset {at})"), problem);

        static string CultureInfo(int i) => "A" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void A_character_cut_off_at_the_end_of_the_file_is_bad_UTF8()
    {
        var problem = ReadAll(files.Bytes("cut.csv", [.. "a\nx"u8, 0xE2, 0x82]));

        Assert.Equal("cut.csv:2: the file is not valid UTF-8 text (bad byte at offset 3)", problem.ToString());
    }

    [Fact]
    public void An_empty_file_says_what_header_was_expected()
    {
        using var empty = Table.OpenCsv(files.Text("empty.csv", string.Empty));
        using var blank = Table.OpenCsv(files.Text("blank.csv", "\r\n"));

        Assert.True(empty.IsEmpty);
        Assert.True(blank.IsEmpty);
        Assert.Equal("empty.csv: the file is empty (expected a header row: a,b)", Refused(() => empty.RequireHeader(["a", "b"])).ToString());
        Assert.Equal("blank.csv: the file is empty (a header row naming the columns is needed)", Refused(() => blank.Rows()).ToString());
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n4,5\n", "t.csv:3: truncated row: expected 3 fields, found 2")]
    [InlineData("a,b,c\n1,2,3,4\n", "t.csv:2: too many fields: expected 3, found 4")]
    [InlineData("a,b\n1,2\n\n3,4\n", "t.csv:3: an empty line")]
    [InlineData("a,b\r\n1,2\r\n\r\n\r\n3,4\r\n", "t.csv:3: an empty line")]
    public void Every_record_has_the_header_field_count_and_no_blank_line_is_skipped(string text, string problem)
    {
        Assert.Equal(problem, ReadAll(files.Text("t.csv", text)).ToString());
    }

    [Fact]
    public void Blank_lines_at_the_end_are_not_records_and_the_skip_option_passes_over_the_others()
    {
        var strict = Read(files.Text("end.csv", "a,b\n1,2\n\n\n"), row => row.Line);
        using var lenient = Table.OpenCsv(files.Text("mid.csv", "a,b\n\n1,2\n\n3,4\n"), new TableOptions { BlankLines = BlankLines.Skip });

        Assert.Equal([2], strict);
        Assert.Equal([3, 5], lenient.Rows().Select(row => row.Line));
    }

    [Fact]
    public void Without_the_field_count_check_the_reader_sees_the_count()
    {
        using var table = Table.OpenCsv(files.Text("t.csv", "a,b\n1,2,3\n"), new TableOptions { CheckFieldCount = false });

        Assert.Equal([3], table.Rows().Select(row => row.FieldCount));
    }

    [Theory]
    [InlineData("PCN,CODE", "t.csv:1:1: wrong header: expected 'CODE', found 'PCN'")]
    [InlineData("CODE", "t.csv:1:2: wrong header: column 'NAME' is missing")]
    [InlineData("CODE,NAME,EXTRA", "t.csv:1:3: wrong header: unexpected extra column 'EXTRA'")]
    public void The_exact_header_check_names_the_column(string header, string problem)
    {
        using var table = Table.OpenCsv(files.Text("t.csv", header + "\n"));

        Assert.Equal(problem, Refused(() => table.RequireHeader(["CODE", "NAME"])).ToString());
    }

    [Fact]
    public void Columns_are_found_by_name_in_any_order_case_insensitively_or_by_an_alias()
    {
        using var table = Table.OpenCsv(files.Text("t.csv", "Extra, Practice_Code ,NUMBER_OF_PATIENTS\n"));

        Assert.Equal(1, table.Column("PRACTICE_CODE"));
        Assert.Equal(2, table.Column("TOTAL_PATIENTS", "Number_Of_Patients"));
        Assert.Equal(-1, table.OptionalColumn("SEX"));
        Assert.Equal(
            "t.csv:1: the required column 'SEX' is missing (the header has: Extra,  Practice_Code , NUMBER_OF_PATIENTS; also accepted: 'GENDER')",
            Refused(() => table.Column("SEX", "GENDER")).ToString());
    }

    [Fact]
    public void A_column_named_twice_is_refused_when_asked_for_by_name()
    {
        using var table = Table.OpenCsv(files.Text("t.csv", "code,Code\n"));

        Assert.Equal("t.csv:1:2: the column 'code' is named twice in the header (columns 1 and 2)", Refused(() => table.Column("code")).ToString());
    }

    [Theory]
    [InlineData("29199", NumberStyle.Plain, 29199L, null)]
    [InlineData("-12", NumberStyle.Plain, -12L, null)]
    [InlineData("29,199", NumberStyle.Grouped, 29199L, null)]
    [InlineData("1,234,567", NumberStyle.Grouped, 1234567L, null)]
    [InlineData("999", NumberStyle.Grouped, 999L, null)]
    [InlineData("29,199", NumberStyle.Plain, 0L, "'29,199' has a thousands separator, which the publisher does not use in this column")]
    [InlineData("29199", NumberStyle.Grouped, 0L, "'29199' has no thousands separator, but the publisher writes this column with them (e.g. 29,199)")]
    [InlineData("2,91,99", NumberStyle.Grouped, 0L, "'2,91,99' has misplaced thousands separators")]
    [InlineData("12.5", NumberStyle.Plain, 0L, "'12.5' is not a whole number")]
    [InlineData("", NumberStyle.Plain, 0L, "a value is required")]
    public void Whole_numbers_follow_the_publishers_style(string value, NumberStyle style, long expected, string? rule)
    {
        using var table = Table.OpenCsv(files.Text("t.csv", $"code,rank\nA,\"{value}\"\n"));
        var row = table.Rows().First();

        if (rule is null)
        {
            Assert.Equal(expected, row.Whole(1, style));
        }
        else
        {
            var problem = Assert.IsType<FileProblemException>(Record.Exception(() => row.Whole(1, style))).Problem;
            Assert.Equal(new FileProblem("t.csv", null, 2, 2, "rank", rule), problem);
        }
    }

    [Fact]
    public void Integers_are_held_to_their_range_and_decimals_must_be_finite_numbers()
    {
        using var table = Table.OpenCsv(files.Text("t.csv", "decile,score,name\n11,94.223,\n"));
        var row = table.Rows().First();

        Assert.Equal(94.223, row.Decimal(1));
        Assert.Equal("t.csv:2:1: field 'decile': 11 is outside the allowed range 1–10", Refused(() => row.Integer(0, NumberStyle.Plain, 1, 10)).ToString());
        Assert.Equal("t.csv:2:3: field 'name': a value is required", Refused(() => row.Text(2)).ToString());
        Assert.Equal("t.csv:2:1: field 'decile': my own rule", Assert.IsType<FileProblemException>(row.Reject(0, "my own rule")).Problem.ToString());
        Assert.Equal(new FileProblem("t.csv", null, 9, 2, "score", "why"), table.Problem(9, 1, "why"));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("1e999")]
    [InlineData("1,5")]
    public void A_decimal_that_is_not_a_finite_number_is_refused(string value)
    {
        using var table = Table.OpenCsv(files.Text("t.csv", $"score\n\"{value}\"\n"));
        var row = table.Rows().First();

        Assert.Equal($"t.csv:2:1: field 'score': '{value}' is not a number", Refused(() => row.Decimal(0)).ToString());
    }

    [Fact]
    public void A_row_kept_after_the_next_is_read_is_refused_rather_than_read_wrong()
    {
        using var table = Table.OpenCsv(files.Text("t.csv", "a\n1\n2\n"));
        var kept = new List<TableRow>();
        foreach (var row in table.Rows())
        {
            if (kept.Count > 0) Assert.Throws<InvalidOperationException>(() => kept[^1].Text(0));
            Assert.Equal(row.Line - 1, row.Integer(0, NumberStyle.Plain));
            kept.Add(row);
        }

        Assert.Equal(2, kept.Count);
        Assert.Throws<InvalidOperationException>(() => kept[^1].Text(0)); // the end has been read too
    }

    [Fact]
    public void Many_random_records_across_buffers_read_back_exactly_with_their_lines()
    {
        // Fields with commas, quotes, CR/LF and non-ASCII text, written by RFC 4180 and read back: every field and
        // starting line must survive the reader's buffer boundaries.
        var random = new Random(20_251_130);
        string[] alphabet = ["a", "b", ",", "\"", "\n", "\r", "\r\n", " ", "é", "€", "😀", "1", "2"];
        var written = new StringBuilder("k,x,y\r\n");
        var expected = new List<(int Line, string X, string Y)>();
        var line = 2;
        for (var i = 0; i < 5_000; i++)
        {
            var x = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            var y = new string('z', random.Next(0, 3000));
            written.Append(i).Append(",\"").Append(x.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",").Append(y).Append("\r\n");
            expected.Add((line, x, y));
            line += 1 + LineBreaks(x);
        }

        var rows = Read(files.Text("random.csv", written.ToString()), row => (row.Line, row.Text(1, required: false), row.Text(2, required: false)));

        Assert.Equal(expected, rows);

        static int LineBreaks(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).Count(c => c is '\n' or '\r');
    }

    [Fact]
    public void FileProblem_shows_the_part_of_a_file_after_its_name()
    {
        Assert.Equal("a.csv:5:3: field 'X': bad", new FileProblem("a.csv", null, 5, 3, "X", "bad").ToString());
        Assert.Equal("a.csv:5: bad", new FileProblem("a.csv", null, 5, null, null, "bad").ToString());
        Assert.Equal("a.csv: bad", new FileProblem("a.csv", null, 0, null, null, "bad").ToString());
        Assert.Equal(
            "File_1.xlsx [sheet IMD25]:5:28 (column AB): field 'LSOA code (2021)': bad",
            new FileProblem("File_1.xlsx", "IMD25", 5, 28, "LSOA code (2021)", "bad") { PartKind = FilePartKind.Sheet }.ToString());
        Assert.Equal(
            "map.zip [gp-reg-pat-prac-map.csv]:7: bad",
            new FileProblem("map.zip", "gp-reg-pat-prac-map.csv", 7, null, null, "bad") { PartKind = FilePartKind.ZipMember }.ToString());
    }

    private static List<T> Read<T>(string path, Func<TableRow, T> select)
    {
        using var table = Table.OpenCsv(path);
        return [.. table.Rows().Select(select)];
    }

    /// <summary>Opens and reads every row, returning the problem that stopped it.</summary>
    private static FileProblem ReadAll(string path) => Refused(() =>
    {
        using var table = Table.OpenCsv(path);
        foreach (var row in table.Rows())
        {
            for (var i = 0; i < row.FieldCount; i++) _ = row.Span(i);
        }
    });
}
