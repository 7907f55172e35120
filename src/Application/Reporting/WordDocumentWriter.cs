using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using Pic = DocumentFormat.OpenXml.Drawing.Pictures;
using ASvg = DocumentFormat.OpenXml.Office2019.Drawing.SVG;

namespace Commonweal.Application.Reporting;

/// <summary>
/// The one way a <see cref="BoardPaper"/> is written as a Word document (Open XML SDK): A4 portrait, 2 cm margins,
/// Arial 11 pt; Title, Heading 1–3 (with outline levels, so the navigation pane and screen readers find them), Caption
/// and List Paragraph styles defined in the document; tables in a bordered style whose header row is bold, shaded and
/// marked as a header (repeated on each page, read as headers); charts as inline pictures fitted to the page width,
/// each a PNG drawn from its SVG with the SVG itself attached (Office 2016+ shows the SVG, older readers and LibreOffice
/// the PNG) and the chart's text alternative as the picture's description. The footer says the title, the meeting date
/// and "Page n of m". Ids are counted, so the same paper and clock give the same bytes.
/// </summary>
public static class WordDocumentWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // A4 in twentieths of a point, 2 cm margins; EMU (914,400 an inch) for drawings.
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int Margin = 1134;
    private const int TextWidth = PageWidth - 2 * Margin;
    private const long EmuPerTwip = 635;
    private const long TextWidthEmu = TextWidth * EmuPerTwip;

    /// <summary>A chart is at most this tall (three quarters of the text height), so a tall one keeps its heading on its page.</summary>
    private const long ChartMaxHeightEmu = (PageHeight - 2 * Margin) * EmuPerTwip * 3 / 4;

    private const string Font = "Arial";
    private const string TextColour = "212B32";
    private const string HeadingColour = "005EB8";
    private const string SecondaryColour = "4C6272";
    private const string RuleColour = "768692";
    private const string HeaderShading = "E8EDEE";
    private const string SvgBlipExtension = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";
    private const int BulletList = 1;

    /// <summary>The paper as .docx bytes, created now.</summary>
    public static byte[] Write(BoardPaper paper) => Write(paper, TimeProvider.System);

    /// <summary>The paper as .docx bytes, its created and modified dates (and its zip entries' times) the clock's now.</summary>
    public static byte[] Write(BoardPaper paper, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(clock);
        var created = clock.GetUtcNow();
        created = new DateTimeOffset(created.Year, created.Month, created.Day, created.Hour, created.Minute, created.Second, TimeSpan.Zero);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            WriteCoreProperties(document.AddNewPart<CoreFilePropertiesPart>("rIdCore"), paper, created);
            var main = document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rIdMain");
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = Styles();
            main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering").Numbering = Numbering();
            main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = Settings();
            var footer = main.AddNewPart<FooterPart>("rIdFooter");
            footer.Footer = Footer(paper);

            var body = new Body();
            new BodyWriter(main, body, Pictures(paper)).Write(paper);
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" },
                new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = Margin, Right = Margin, Bottom = Margin, Left = Margin, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);
        }

        StampEntries(stream, created);
        return stream.ToArray();
    }

    /// <summary>Text as XML 1.0 allows it: control characters (other than tab and line breaks) and lone surrogates left out.</summary>
    internal static string XmlText(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
        }

        return clean.ToString();
    }

    /// <summary>Device pixels a CSS pixel of the PNG pictures: 1,000 pixels across the 17 cm text width, about 150 dots an inch.</summary>
    public const float PictureScale = 1.25f;

    /// <summary>
    /// The PNG of every chart of the paper, drawn on every core at once before the document is written (reading, drawing
    /// and encoding the pictures is most of the work of a pack with many exceptions). The PNG is the fallback for readers
    /// without SVG; Word 2016 and later draw the SVG beside it, sharp at any size.
    /// </summary>
    private static Dictionary<PaperChart, byte[]> Pictures(BoardPaper paper)
    {
        var charts = paper.Front.Concat(paper.Sections.Concat(paper.Appendix is null ? [] : [paper.Appendix]).SelectMany(s => s.Blocks))
            .OfType<PaperChart>().Distinct().ToList();
        var pictures = new byte[charts.Count][];
        Parallel.For(0, charts.Count, i => pictures[i] = SvgRaster.ToPng(charts[i].Svg, charts[i].WidthPx, charts[i].HeightPx, scale: PictureScale));
        return charts.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => pictures[x.i]);
    }

    /// <summary>Writes the blocks in order, counting the ids of pictures and their parts, and carrying a page break to the next paragraph.</summary>
    private sealed class BodyWriter(MainDocumentPart main, Body body, Dictionary<PaperChart, byte[]> pictures)
    {
        private int charts;
        private bool breakBefore;
        private bool afterTable;

        public void Write(BoardPaper paper)
        {
            Paragraph("Title", Runs(paper.Title));
            if (!string.IsNullOrWhiteSpace(paper.Subtitle)) Paragraph("Subtitle", Runs(paper.Subtitle));
            Blocks(paper.Front);
            foreach (var section in paper.Sections) Section(section);
            if (paper.Appendix is { } appendix) Section(appendix);
        }

        private void Section(PaperSection section)
        {
            Paragraph("Heading1", Runs(section.Heading));
            Blocks(section.Blocks);
        }

        private void Blocks(IEnumerable<PaperBlock> blocks)
        {
            foreach (var block in blocks)
            {
                switch (block)
                {
                    case PaperHeading heading:
                        Paragraph($"Heading{heading.Level}", Runs(heading.Text));
                        break;
                    case PaperParagraph paragraph:
                        Paragraph(null, Runs(paragraph.Text, paragraph.Bold));
                        break;
                    case PaperTable table:
                        Paragraph("Caption", Runs(table.Caption));
                        body.Append(Table(table));
                        afterTable = true;
                        break;
                    case PaperChart chart:
                        Paragraph(null, [new Run(Chart(chart))]);
                        break;
                    case PaperList list:
                        foreach (var item in list.Items)
                            Paragraph("ListParagraph", Runs(item), new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = BulletList }));
                        break;
                    case PaperPageBreak:
                        breakBefore = true;
                        break;
                    default:
                        throw new UnreachableException($"a block of type {block.GetType().Name} has no writer");
                }
            }
        }

        private void Paragraph(string? style, IEnumerable<OpenXmlElement> content, NumberingProperties? numbering = null)
        {
            var properties = new ParagraphProperties
            {
                ParagraphStyleId = style is null ? null : new ParagraphStyleId { Val = style },
                PageBreakBefore = breakBefore ? new PageBreakBefore() : null,
                NumberingProperties = numbering,

                // A table has no space below it: a plain paragraph or list after it keeps its distance (headings and captions have their own).
                SpacingBetweenLines = afterTable && style is null or "ListParagraph" ? new SpacingBetweenLines { Before = "240" } : null,
            };
            breakBefore = false;
            afterTable = false;
            var paragraph = new Paragraph();
            if (properties.HasChildren) paragraph.Append(properties);
            paragraph.Append(content);
            body.Append(paragraph);
        }

        private Drawing Chart(PaperChart chart)
        {
            var n = ++charts;
            var (pngId, svgId) = ($"rIdChart{n}Png", $"rIdChart{n}Svg");
            var png = main.AddImagePart(ImagePartType.Png, pngId);
            using (var bytes = new MemoryStream(pictures[chart])) png.FeedData(bytes);
            var svg = main.AddImagePart(ImagePartType.Svg, svgId);
            using (var bytes = new MemoryStream(Encoding.UTF8.GetBytes(chart.Svg))) svg.FeedData(bytes);

            var (cx, cy) = Fit(chart.WidthPx, chart.HeightPx);
            var name = $"Chart {n}";
            var alt = XmlText(chart.AltText);
            var blip = new A.Blip(new A.BlipExtensionList(new A.BlipExtension(new ASvg.SVGBlip { Embed = svgId }) { Uri = SvgBlipExtension }))
            {
                Embed = pngId,
            };
            var picture = new Pic.Picture(
                new Pic.NonVisualPictureProperties(new Pic.NonVisualDrawingProperties { Id = 0U, Name = name, Description = alt }, new Pic.NonVisualPictureDrawingProperties()),
                new Pic.BlipFill(blip, new A.Stretch(new A.FillRectangle())),
                new Pic.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
            return new Drawing(new Dw.Inline(
                new Dw.Extent { Cx = cx, Cy = cy },
                new Dw.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
                new Dw.DocProperties { Id = (uint)n, Name = name, Description = alt },
                new Dw.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
            });
        }
    }

    private static (long Cx, long Cy) Fit(int widthPx, int heightPx)
    {
        var cx = TextWidthEmu;
        var cy = cx * heightPx / widthPx;
        if (cy <= ChartMaxHeightEmu) return (cx, cy);
        return (ChartMaxHeightEmu * widthPx / heightPx, ChartMaxHeightEmu);
    }

    private static Table Table(PaperTable paper)
    {
        var header = paper.Table.Header;
        var columnWidth = TextWidth / Math.Max(1, header.Count);
        var table = new Table(
            new TableProperties
            {
                TableStyle = new TableStyle { Val = "BoardTable" },
                TableWidth = new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                TableLook = new TableLook { Val = "0620", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true },
                TableCaption = new TableCaption { Val = XmlText(paper.Caption) },
            },
            new TableGrid(header.Select(_ => new GridColumn { Width = columnWidth.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(header, header.Count, columnWidth, isHeader: true, 1));
        var line = 1;
        foreach (var row in paper.Table.Rows) table.Append(Row(row, header.Count, columnWidth, isHeader: false, ++line));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string?> cells, int columns, int columnWidth, bool isHeader, int line)
    {
        if (cells.Count > columns) throw new ArgumentException($"row {line} of the table has {cells.Count} cells, more than the header's {columns}", nameof(cells));
        var row = new TableRow(new TableRowProperties(isHeader ? [new CantSplit(), new TableHeader()] : [new CantSplit()]));
        for (var i = 0; i < columns; i++)
        {
            var text = i < cells.Count ? cells[i] ?? string.Empty : string.Empty;
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = columnWidth.ToString(CultureInfo.InvariantCulture) }),
                new Paragraph(Runs(text, bold: isHeader))));
        }

        return row;
    }

    /// <summary>The text as one run, a line break where it has '\n' (bold when asked: the header cells say so themselves, for readers that ignore table styles).</summary>
    private static OpenXmlElement[] Runs(string text, bool bold = false)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        var lines = XmlText(text).ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }

        return [run];
    }

    private static Footer Footer(BoardPaper paper) => new(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
        new Run(new Text(XmlText($"{paper.Title}, {paper.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}")) { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new TabChar()),
        new Run(new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
        new Run(new Text(" of ") { Space = SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new Text("1"))) { Instruction = " NUMPAGES " }));

    private static void WriteCoreProperties(CoreFilePropertiesPart part, BoardPaper paper, DateTimeOffset created)
    {
        const string Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string Dc = "http://purl.org/dc/elements/1.1/";
        const string DcTerms = "http://purl.org/dc/terms/";
        const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var when = created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var stream = part.GetStream(FileMode.Create);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement("cp", "coreProperties", Cp);
        xml.WriteAttributeString("xmlns", "dc", null, Dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, DcTerms);
        xml.WriteAttributeString("xmlns", "xsi", null, Xsi);
        xml.WriteElementString("dc", "title", Dc, XmlText(paper.Title));
        if (!string.IsNullOrWhiteSpace(paper.Subtitle)) xml.WriteElementString("dc", "subject", Dc, XmlText(paper.Subtitle));
        xml.WriteElementString("dc", "creator", Dc, "Commonweal");
        xml.WriteElementString("dc", "language", Dc, "en-GB");
        foreach (var name in new[] { "created", "modified" })
        {
            xml.WriteStartElement("dcterms", name, DcTerms);
            xml.WriteAttributeString("xsi", "type", Xsi, "dcterms:W3CDTF");
            xml.WriteString(when);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>Every zip entry's time set to the document's (the zip writer stamps the machine's local now otherwise).</summary>
    private static void StampEntries(MemoryStream stream, DateTimeOffset created)
    {
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true);
        foreach (var entry in zip.Entries) entry.LastWriteTime = created;
    }

    private static Settings Settings() => new(
        new Zoom { Percent = "100" },
        new DefaultTabStop { Val = 720 },
        new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
        new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }),
        new ThemeFontLanguages { Val = "en-GB" });

    private static Numbering Numbering() => new(
        new AbstractNum(new Level(
            new StartNumberingValue { Val = 1 },
            new NumberingFormat { Val = NumberFormatValues.Bullet },
            new LevelText { Val = "•" },
            new LevelJustification { Val = LevelJustificationValues.Left },
            new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }),
            new NumberingSymbolRunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font }))
        { LevelIndex = 0 })
        { AbstractNumberId = 0 },
        new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = BulletList });

    private static Styles Styles()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                Color = new Color { Val = TextColour },
                FontSize = new FontSize { Val = "22" },
                FontSizeComplexScript = new FontSizeComplexScript { Val = "22" },
                Languages = new Languages { Val = "en-GB", EastAsia = "en-GB", Bidi = "ar-SA" },
            }),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
            {
                SpacingBetweenLines = new SpacingBetweenLines { After = "160", Line = "264", LineRule = LineSpacingRuleValues.Auto },
            })));

        styles.Append(
            ParagraphStyle("Normal", "Normal", basedOn: null, isDefault: true, new StyleParagraphProperties(), new StyleRunProperties()),
            new Style(new StyleName { Val = "Default Paragraph Font" }, new UIPriority { Val = 1 }, new SemiHidden(), new UnhideWhenUsed())
            { Type = StyleValues.Character, StyleId = "DefaultParagraphFont", Default = true },
            ParagraphStyle("Title", "Title", "Normal", isDefault: false,
                new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "120" } },
                new StyleRunProperties { Bold = new Bold(), Color = new Color { Val = HeadingColour }, FontSize = new FontSize { Val = "48" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "48" } }),
            ParagraphStyle("Subtitle", "Subtitle", "Normal", isDefault: false,
                new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "360" } },
                new StyleRunProperties { Color = new Color { Val = SecondaryColour }, FontSize = new FontSize { Val = "28" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "28" } }),
            Heading(1, size: 32, before: 360),
            Heading(2, size: 28, before: 280),
            Heading(3, size: 24, before: 240),
            ParagraphStyle("Caption", "caption", "Normal", isDefault: false,
                new StyleParagraphProperties { KeepNext = new KeepNext(), SpacingBetweenLines = new SpacingBetweenLines { Before = "240", After = "120" } },
                new StyleRunProperties { Bold = new Bold(), BoldComplexScript = new BoldComplexScript() }),
            ParagraphStyle("ListParagraph", "List Paragraph", "Normal", isDefault: false,
                new StyleParagraphProperties { Indentation = new Indentation { Left = "720" }, ContextualSpacing = new ContextualSpacing() },
                new StyleRunProperties()),
            ParagraphStyle("Footer", "footer", "Normal", isDefault: false,
                new StyleParagraphProperties
                {
                    Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidth }),
                    SpacingBetweenLines = new SpacingBetweenLines { After = "0" },
                },
                new StyleRunProperties { Color = new Color { Val = SecondaryColour }, FontSize = new FontSize { Val = "18" }, FontSizeComplexScript = new FontSizeComplexScript { Val = "18" } }),
            new Style(
                new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
                new StyleTableProperties(
                    new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true },
            BoardTableStyle());
        return styles;
    }

    private static Style Heading(int level, int size, int before)
    {
        var points = size.ToString(CultureInfo.InvariantCulture);
        return ParagraphStyle($"Heading{level}", $"heading {level}", "Normal", isDefault: false,
            new StyleParagraphProperties
            {
                KeepNext = new KeepNext(),
                KeepLines = new KeepLines(),
                SpacingBetweenLines = new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = "120" },
                OutlineLevel = new OutlineLevel { Val = level - 1 },
            },
            new StyleRunProperties
            {
                Bold = new Bold(),
                BoldComplexScript = new BoldComplexScript(),
                Color = new Color { Val = HeadingColour },
                FontSize = new FontSize { Val = points },
                FontSizeComplexScript = new FontSizeComplexScript { Val = points },
            });
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault, StyleParagraphProperties paragraph, StyleRunProperties run) => new()
    {
        Type = StyleValues.Paragraph,
        StyleId = id,
        Default = isDefault ? true : null,
        StyleName = new StyleName { Val = name },
        BasedOn = basedOn is null ? null : new BasedOn { Val = basedOn },
        NextParagraphStyle = new NextParagraphStyle { Val = "Normal" },
        UIPriority = new UIPriority { Val = 9 },
        PrimaryStyle = new PrimaryStyle(),
        StyleParagraphProperties = paragraph.HasChildren ? paragraph : null,
        StyleRunProperties = run.HasChildren ? run : null,
    };

    /// <summary>Thin grey rules round every cell; the first row bold on a pale grey ground, repeated on each page.</summary>
    private static Style BoardTableStyle()
    {
        static T Rule<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Space = 0, Color = RuleColour };
        var style = new Style
        {
            Type = StyleValues.Table,
            StyleId = "BoardTable",
            StyleName = new StyleName { Val = "Board table" },
            BasedOn = new BasedOn { Val = "TableNormal" },
            UIPriority = new UIPriority { Val = 59 },
            StyleParagraphProperties = new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { Before = "40", After = "40", Line = "240", LineRule = LineSpacingRuleValues.Auto } },
            StyleTableProperties = new StyleTableProperties(
                new TableBorders(Rule<TopBorder>(), Rule<LeftBorder>(), Rule<BottomBorder>(), Rule<RightBorder>(), Rule<InsideHorizontalBorder>(), Rule<InsideVerticalBorder>()),
                new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })),
        };
        style.Append(new TableStyleProperties(
            new RunPropertiesBaseStyle { Bold = new Bold(), BoldComplexScript = new BoldComplexScript() },
            new TableStyleConditionalFormattingTableRowProperties(new TableHeader()),
            new TableStyleConditionalFormattingTableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = HeaderShading }))
        { Type = TableStyleOverrideValues.FirstRow });
        return style;
    }
}
