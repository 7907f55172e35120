using System.IO.Compression;
using Commonweal.Application.Places;
using Commonweal.Application.Reporting;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Time.Testing;
using A = DocumentFormat.OpenXml.Drawing;
using ASvg = DocumentFormat.OpenXml.Office2019.Drawing.SVG;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Commonweal.Application.Tests.Reporting;

/// <summary>Board papers written as .docx and read back with the Open XML SDK: structure, accessibility marks, pictures, validity.</summary>
public sealed class WordDocumentWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 14, TimeSpan.Zero);

    private static string ChartSvg(string title, string colour) => $"""
        <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="c-title c-desc" viewBox="0 0 800 320" width="800" height="320" class="trend-chart" font-family="system-ui, sans-serif" font-size="13">
        <title id="c-title">{title}</title><desc id="c-desc">Values by year</desc>
        <g class="trend-axis" fill="#4c6272" stroke="none"><line x1="64" x2="788" y1="286" y2="286" stroke="#d8dde0"/><text x="58" y="290" text-anchor="end">10</text></g>
        <path class="trend-comparator" fill="none" stroke="#212b32" stroke-width="2.5" d="M100,200 L300,180 L500,150"/>
        <circle class="trend-point" cx="300" cy="160" r="6" fill="{colour}" stroke="#212b32"><title>2024: 12</title></circle>
        </svg>
        """;

    private static readonly PaperChart Trend = new(ChartSvg("Smoking prevalence", "#da291c"), "Smoking prevalence in adults rose from 11 % in 2022 to 14 % in 2024, above England's 12 %.", 800, 320);
    private static readonly PaperChart Spc = new(ChartSvg("A and E waits", "#005eb8"), "A and E waits: the last six months are above the mean, a shift (special cause, concern).", 800, 400);

    private static BoardPaper Paper() => new(
        "Outcomes exception report",
        "Health and Wellbeing Board, 1 December 2026",
        new DateOnly(2026, 12, 1),
        [
            new PaperHeading("Purpose", 2),
            new PaperParagraph("To tell the Board which targets are off track.\nAnd what is being done.", Bold: false),
            new PaperTable("Summary of targets by status", new TextTable(["Status", "Targets"], [["Off track", "2"], ["On track", "14"], ["No data", null]])),
            new PaperList(["Smoking prevalence", "A and E waits"]),
            new PaperPageBreak(),
        ],
        [
            new PaperSection("Smoking prevalence", [new PaperParagraph("Off track since 2024.", Bold: true), Trend, new PaperHeading("Actions", 2), new PaperList(["Stop smoking service outreach"]), new PaperPageBreak()]),
            new PaperSection("A and E waits", [Spc, new PaperHeading("Commentary", 3), new PaperParagraph("Winter pressures.")]),
        ],
        new PaperSection("Appendix: all targets", [new PaperTable("All targets", new TextTable(["Target", "Owner", "Status"], [["Smoking", "Public health", "Off track"], ["A and E", "Trust", "Off track"], ["Falls", "ICB", "On track"]]))]));

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);

    private static byte[] Write(BoardPaper paper) => WordDocumentWriter.Write(paper, new FakeTimeProvider(Now));

    private static Body Body(WordprocessingDocument document) => document.MainDocumentPart!.Document!.Body!;

    private static string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    [Fact]
    public void The_title_and_subtitle_open_the_document_in_their_styles()
    {
        using var document = Open(Write(Paper()));

        var paragraphs = Body(document).Elements<Paragraph>().ToList();
        Assert.Equal(("Title", "Outcomes exception report"), (Style(paragraphs[0]), paragraphs[0].InnerText));
        Assert.Equal(("Subtitle", "Health and Wellbeing Board, 1 December 2026"), (Style(paragraphs[1]), paragraphs[1].InnerText));
    }

    [Fact]
    public void Each_section_and_the_appendix_is_a_heading_1_in_order_and_inner_headings_keep_their_level()
    {
        using var document = Open(Write(Paper()));

        var headings = Body(document).Elements<Paragraph>().Where(p => Style(p)?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => $"{Style(p)}: {p.InnerText}").ToList();
        Assert.Equal(["Heading2: Purpose", "Heading1: Smoking prevalence", "Heading2: Actions", "Heading1: A and E waits", "Heading3: Commentary", "Heading1: Appendix: all targets"], headings);
    }

    [Fact]
    public void A_page_break_starts_the_next_paragraph_on_a_new_page_and_leaves_no_empty_paragraph()
    {
        using var document = Open(Write(Paper()));

        var broken = Body(document).Elements<Paragraph>().Where(p => p.ParagraphProperties?.PageBreakBefore is not null).Select(p => p.InnerText).ToList();
        Assert.Equal(["Smoking prevalence", "A and E waits"], broken);
        Assert.DoesNotContain(Body(document).Elements<Paragraph>(), p => !p.Descendants<Text>().Any() && !p.Descendants<Drawing>().Any());
    }

    [Fact]
    public void Styles_define_the_headings_with_outline_levels_and_normal_in_arial_11_point()
    {
        using var document = Open(Write(Paper()));

        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var byId = styles.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        string[] headings = ["Heading1", "Heading2", "Heading3"];
        Assert.Equal([0, 1, 2], headings.Select(id => byId[id].StyleParagraphProperties!.OutlineLevel!.Val!.Value));
        Assert.Equal(["heading 1", "heading 2", "heading 3", "Title"], headings.Append("Title").Select(id => byId[id].StyleName!.Val!.Value));
        Assert.True(byId["Normal"].Default?.Value);
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal(("Arial", "22", "en-GB"), (defaults.RunFonts!.Ascii!.Value, defaults.FontSize!.Val!.Value, defaults.Languages!.Val!.Value));
        var firstRow = byId["BoardTable"].Elements<TableStyleProperties>().Single(p => p.Type!.Value == TableStyleOverrideValues.FirstRow);
        Assert.NotNull(firstRow.GetFirstChild<RunPropertiesBaseStyle>()?.Bold);
    }

    [Fact]
    public void A_table_has_its_caption_a_header_row_marked_to_repeat_and_one_row_a_data_row()
    {
        using var document = Open(Write(Paper()));

        var tables = Body(document).Elements<Table>().ToList();
        Assert.Equal(2, tables.Count);
        var summary = tables[0];
        var rows = summary.Elements<TableRow>().ToList();
        Assert.Equal(1 + 3, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.All(rows.Skip(1), row => Assert.Null(row.TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.All(rows[0].Descendants<Run>(), run => Assert.NotNull(run.RunProperties?.Bold));
        Assert.Equal(["Status|Targets", "Off track|2", "On track|14", "No data|"], rows.Select(r => string.Join("|", r.Elements<TableCell>().Select(c => c.InnerText))));
        Assert.Equal("Summary of targets by status", summary.GetFirstChild<TableProperties>()!.TableCaption!.Val!.Value);
        Assert.Equal("BoardTable", summary.GetFirstChild<TableProperties>()!.TableStyle!.Val!.Value);
        var caption = summary.PreviousSibling<Paragraph>()!;
        Assert.Equal(("Caption", "Summary of targets by status"), (Style(caption), caption.InnerText));
        Assert.Equal(1 + 3, tables[1].Elements<TableRow>().Count());
    }

    [Fact]
    public void A_row_with_more_cells_than_the_header_is_refused()
    {
        var paper = Paper() with { Front = [new PaperTable("T", new TextTable(["a"], [["1", "2"]]))] };

        var refused = Assert.Throws<ArgumentException>(() => Write(paper));

        Assert.Contains("row 2 of the table has 2 cells, more than the header's 1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_chart_is_an_inline_png_with_its_svg_and_its_text_alternative()
    {
        using var document = Open(Write(Paper()));
        var main = document.MainDocumentPart!;

        var inlines = Body(document).Descendants<Dw.Inline>().ToList();
        Assert.Equal([Trend.AltText, Spc.AltText], inlines.Select(i => i.DocProperties!.Description!.Value));
        Assert.Equal([1u, 2u], inlines.Select(i => i.DocProperties!.Id!.Value));
        foreach (var (inline, chart) in inlines.Zip([Trend, Spc]))
        {
            var blip = inline.Descendants<A.Blip>().Single();
            var png = (ImagePart)main.GetPartById(blip.Embed!.Value!);
            Assert.Equal("image/png", png.ContentType);
            using (var stream = png.GetStream())
            {
                var bytes = new byte[8];
                stream.ReadExactly(bytes);
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes);
            }

            var extension = blip.Descendants<A.BlipExtension>().Single();
            Assert.Equal("{96DAC541-7B7A-43D3-8B79-37D633B846F1}", extension.Uri!.Value);
            var svg = (ImagePart)main.GetPartById(extension.GetFirstChild<ASvg.SVGBlip>()!.Embed!.Value!);
            Assert.Equal("image/svg+xml", svg.ContentType);
            using (var reader = new StreamReader(svg.GetStream())) Assert.Equal(chart.Svg, reader.ReadToEnd());
        }
    }

    [Fact]
    public void A_chart_fills_the_text_width_and_keeps_its_aspect_ratio()
    {
        using var document = Open(Write(Paper()));

        var extents = Body(document).Descendants<Dw.Inline>().Select(i => (i.Extent!.Cx!.Value, i.Extent.Cy!.Value)).ToList();
        const long textWidth = (11906 - 2 * 1134) * 635L;
        Assert.Equal([(textWidth, textWidth * 320 / 800), (textWidth, textWidth * 400 / 800)], extents);
    }

    [Fact]
    public void A_tall_chart_is_no_taller_than_three_quarters_of_the_text_height()
    {
        var tall = new PaperChart(ChartSvg("Tall", "#000000"), "A tall chart", 400, 2000);
        using var document = Open(Write(Paper() with { Sections = [new PaperSection("Tall", [tall])] }));

        var extent = Body(document).Descendants<Dw.Inline>().Single().Extent!;
        const long maxHeight = (16838 - 2 * 1134) * 635L * 3 / 4;
        Assert.Equal((maxHeight * 400 / 2000, maxHeight), (extent.Cx!.Value, extent.Cy!.Value));
    }

    [Fact]
    public void The_page_is_a4_portrait_with_2_cm_margins_and_a_footer_with_the_date_and_page_numbers()
    {
        using var document = Open(Write(Paper()));

        var section = Body(document).Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        Assert.Equal((1134, 1134u, 1134, 1134u), (margin.Top!.Value, margin.Right!.Value, margin.Bottom!.Value, margin.Left!.Value));
        var footer = document.MainDocumentPart!.FooterParts.Single().Footer!;
        Assert.StartsWith("Outcomes exception report, 1 December 2026", footer.InnerText, StringComparison.Ordinal);
        Assert.Equal([" PAGE ", " NUMPAGES "], footer.Descendants<SimpleField>().Select(f => f.Instruction!.Value));
    }

    [Fact]
    public void Lists_are_bulleted_through_the_numbering_part()
    {
        using var document = Open(Write(Paper()));

        var items = Body(document).Elements<Paragraph>().Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        Assert.Equal(["Smoking prevalence", "A and E waits", "Stop smoking service outreach"], items.Select(p => p.InnerText));
        Assert.Equal("240", items[0].ParagraphProperties!.SpacingBetweenLines?.Before?.Value);
        var numbering = document.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        var id = items[0].ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;
        var abstractId = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == id).AbstractNumId!.Val!.Value;
        var level = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == abstractId).Elements<Level>().First();
        Assert.Equal(NumberFormatValues.Bullet, level.NumberingFormat!.Val!.Value);
    }

    [Fact]
    public void A_line_break_in_a_paragraph_is_a_break_and_bold_paragraphs_are_bold()
    {
        using var document = Open(Write(Paper()));

        var purpose = Body(document).Elements<Paragraph>().Single(p => p.InnerText.StartsWith("To tell", StringComparison.Ordinal));
        Assert.Single(purpose.Descendants<Break>());
        Assert.Equal(["To tell the Board which targets are off track.", "And what is being done."], purpose.Descendants<Text>().Select(t => t.Text));
        var bold = Body(document).Elements<Paragraph>().Single(p => p.InnerText == "Off track since 2024.");
        Assert.NotNull(bold.Descendants<RunProperties>().Single().Bold);
    }

    [Fact]
    public void Core_properties_give_the_title_and_the_created_date()
    {
        using var document = Open(Write(Paper()));

        Assert.Equal("Outcomes exception report", document.PackageProperties.Title);
        Assert.Equal("Health and Wellbeing Board, 1 December 2026", document.PackageProperties.Subject);
        Assert.Equal(Now.UtcDateTime, document.PackageProperties.Created?.ToUniversalTime());
        Assert.Equal("docProps/core.xml", document.CoreFilePropertiesPart!.Uri.OriginalString.TrimStart('/'));
    }

    [Fact]
    public void The_document_is_valid_open_xml()
    {
        using var document = Open(Write(Paper()));

        // Validated against the newest schemas: the table caption (w:tblCaption) is Office 2010 markup and the SVG
        // picture (asvg:svgBlip) Office 2019's; nothing is filtered out.
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document)
            .Select(e => $"{e.Id} {e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void Control_characters_in_text_are_left_out_rather_than_breaking_the_file()
    {
        var paper = Paper() with { Title = "Report\u0001 one", Front = [new PaperParagraph("a\u0007b \U0001F600")] };

        using var document = Open(Write(paper));

        Assert.Equal("Report one", Body(document).Elements<Paragraph>().First().InnerText);
        Assert.Contains(Body(document).Elements<Paragraph>(), p => p.InnerText == "ab \U0001F600");
        Assert.Equal("Report one", document.PackageProperties.Title);
    }

    [Fact]
    public void The_same_paper_at_the_same_time_gives_the_same_bytes_and_every_zip_entry_has_that_time()
    {
        var docx = Write(Paper());

        Assert.Equal(docx, Write(Paper()));
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        Assert.All(zip.Entries, entry => Assert.Equal(Now.DateTime, entry.LastWriteTime.DateTime));
    }

    [Fact]
    public void Relationship_ids_are_counted_not_random()
    {
        using var document = Open(Write(Paper()));

        var ids = document.MainDocumentPart!.Parts.Select(p => p.RelationshipId).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["rIdChart1Png", "rIdChart1Svg", "rIdChart2Png", "rIdChart2Svg", "rIdFooter", "rIdNumbering", "rIdSettings", "rIdStyles"], ids);
    }

    [Fact]
    public void A_paper_with_only_a_title_is_written()
    {
        using var document = Open(Write(new BoardPaper("Short", string.Empty, new DateOnly(2026, 1, 1), [], [])));

        Assert.Equal(["Short"], Body(document).Elements<Paragraph>().Select(p => p.InnerText));
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void A_heading_level_other_than_1_to_3_is_refused(int level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PaperHeading("x", level));

    [Fact]
    public void A_chart_needs_its_text_alternative_and_a_size_and_a_table_its_caption()
    {
        Assert.Throws<ArgumentException>(() => new PaperChart("<svg/>", " ", 10, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PaperChart("<svg/>", "alt", 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PaperChart("<svg/>", "alt", 10, -1));
        Assert.Throws<ArgumentException>(() => new PaperTable("", new TextTable(["a"], [])));
    }
}
