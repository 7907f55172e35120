using Commonweal.Application.Places;

namespace Commonweal.Application.Reporting;

/// <summary>
/// A board paper as a document, knowing nothing of the domain: a title and subtitle ("Health and Wellbeing Board,
/// 1 December 2026"), the meeting date (printed in every page's footer), the front matter (purpose, summary), one
/// section a heading 1, and an optional appendix. <see cref="WordDocumentWriter"/> writes it as a .docx.
/// </summary>
public sealed record BoardPaper(
    string Title,
    string Subtitle,
    DateOnly Date,
    IReadOnlyList<PaperBlock> Front,
    IReadOnlyList<PaperSection> Sections,
    PaperSection? Appendix = null);

/// <summary>A section of a paper: its heading (a heading 1) and what follows it.</summary>
public sealed record PaperSection(string Heading, IReadOnlyList<PaperBlock> Blocks);

/// <summary>One block of a paper: a heading, paragraph, table, chart, list or page break — a closed set.</summary>
public abstract record PaperBlock
{
    private protected PaperBlock()
    {
    }
}

/// <summary>A heading inside the front matter or a section: level 1, 2 or 3 (a section's own heading is level 1).</summary>
public sealed record PaperHeading(string Text, int Level) : PaperBlock
{
    public int Level { get; init; } = Level is >= 1 and <= 3 ? Level : throw new ArgumentOutOfRangeException(nameof(Level), Level, "a heading is of level 1, 2 or 3");
}

/// <summary>A paragraph of text; a line break in the text ('\n') is a line break in the paragraph.</summary>
public sealed record PaperParagraph(string Text, bool Bold = false) : PaperBlock;

/// <summary>A table with its caption (said above it and given to screen readers as the table's title); the header row repeats on each page.</summary>
public sealed record PaperTable(string Caption, TextTable Table) : PaperBlock
{
    public string Caption { get; init; } = !string.IsNullOrWhiteSpace(Caption) ? Caption : throw new ArgumentException("a table needs its caption", nameof(Caption));
}

/// <summary>
/// A chart as SVG made on the server, with the text that says what it shows (required: every chart has a text
/// alternative) and its size in CSS pixels (the SVG is drawn into that box; the document fits it to the page width).
/// </summary>
public sealed record PaperChart(string Svg, string AltText, int WidthPx, int HeightPx) : PaperBlock
{
    public string AltText { get; init; } = !string.IsNullOrWhiteSpace(AltText) ? AltText : throw new ArgumentException("a chart needs its text alternative", nameof(AltText));

    public int WidthPx { get; init; } = WidthPx > 0 ? WidthPx : throw new ArgumentOutOfRangeException(nameof(WidthPx), WidthPx, "a chart's width is positive");

    public int HeightPx { get; init; } = HeightPx > 0 ? HeightPx : throw new ArgumentOutOfRangeException(nameof(HeightPx), HeightPx, "a chart's height is positive");
}

/// <summary>A bulleted list, an item a line.</summary>
public sealed record PaperList(IReadOnlyList<string> Items) : PaperBlock;

/// <summary>What follows starts on a new page (put one at the end of the front matter or of a section to start the next section on a new page).</summary>
public sealed record PaperPageBreak : PaperBlock;
