using System.Globalization;
using System.Net;
using System.Text;

namespace Commonweal.Application.Reporting;

/// <summary>
/// A board paper as printable HTML: one self-contained page (its styles in the head, the charts as inline SVG, no script)
/// that prints on A4 with each section on a new page, the same content as the Word document. <see cref="Body"/> gives the
/// paper's content alone, for the web page that shows the pack inside the platform's layout.
/// </summary>
public static class HtmlDocumentWriter
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>The document's one style sheet (the web platform's Content-Security-Policy allows it by its hash).</summary>
    public const string Styles = """
        body { font-family: Arial, "Helvetica Neue", sans-serif; color: #212b32; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 2rem; margin: 0 0 .25rem; } h2 { font-size: 1.5rem; margin-top: 2rem; } h3 { font-size: 1.2rem; }
        .paper-subtitle { color: #4c6272; font-size: 1.1rem; margin-top: 0; }
        .paper-table { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .9rem; }
        caption { text-align: left; font-weight: bold; padding: .25rem 0; }
        th, td { border: 1px solid #d8dde0; padding: .35rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f0f4f5; }
        figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; } figcaption { color: #4c6272; font-size: .9rem; }
        .paper-break { break-after: page; page-break-after: always; }
        footer { color: #4c6272; font-size: .85rem; border-top: 1px solid #d8dde0; margin-top: 2rem; padding-top: .5rem; }
        @page { size: A4; margin: 2cm; }
        @media print { body { max-width: none; margin: 0; padding: 0; } a { color: inherit; text-decoration: none; } }
        """;

    /// <summary>The whole printable page.</summary>
    public static string Write(BoardPaper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
            .Append(E(paper.Title)).Append("</title>\n<style>\n").Append(Styles).Append("\n</style>\n</head>\n<body>\n<main>\n");
        html.Append(Body(paper, headingLevel: 1));
        html.Append("</main>\n<footer>").Append(E($"{paper.Title}, {paper.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}")).Append("</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The paper's content: its title (at <paramref name="headingLevel"/>), subtitle, front matter, sections and appendix; a
    /// paper heading of level n is written at <paramref name="headingLevel"/> + n (at most h6).
    /// </summary>
    public static string Body(BoardPaper paper, int headingLevel = 1)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var html = new StringBuilder();
        Heading(html, headingLevel, paper.Title);
        html.Append("<p class=\"paper-subtitle\">").Append(E(paper.Subtitle)).Append("</p>\n");
        Blocks(html, paper.Front, headingLevel);
        foreach (var section in paper.Sections.Concat(paper.Appendix is null ? [] : [paper.Appendix]))
        {
            html.Append("<section>\n");
            Heading(html, headingLevel + 1, section.Heading);
            Blocks(html, section.Blocks, headingLevel);
            html.Append("</section>\n");
        }

        return html.ToString();
    }

    private static void Blocks(StringBuilder html, IReadOnlyList<PaperBlock> blocks, int level)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case PaperHeading h:
                    Heading(html, level + h.Level, h.Text);
                    break;
                case PaperParagraph p:
                    html.Append(p.Bold ? "<p><strong>" : "<p>").Append(E(p.Text).Replace("\n", "<br>", StringComparison.Ordinal)).Append(p.Bold ? "</strong></p>\n" : "</p>\n");
                    break;
                case PaperList l:
                    html.Append("<ul>\n");
                    foreach (var item in l.Items) html.Append("<li>").Append(E(item)).Append("</li>\n");
                    html.Append("</ul>\n");
                    break;
                case PaperTable t:
                    Table(html, t);
                    break;
                case PaperChart c:
                    // The chart's SVG is made by the server's own chart classes (text escaped there), never from user input.
                    html.Append("<figure>").Append(c.Svg).Append("<figcaption>").Append(E(c.AltText)).Append("</figcaption></figure>\n");
                    break;
                case PaperPageBreak:
                    html.Append("<div class=\"paper-break\"></div>\n");
                    break;
                default:
                    throw new ArgumentException($"unknown block {block.GetType().Name}", nameof(blocks));
            }
        }
    }

    private static void Table(StringBuilder html, PaperTable t)
    {
        // A focusable region named by the caption, so that a table wider than a phone's screen can be scrolled from the keyboard.
        html.Append("<div class=\"paper-table\" tabindex=\"0\" role=\"region\" aria-label=\"").Append(E(t.Caption)).Append("\">\n<table>\n<caption>").Append(E(t.Caption)).Append("</caption>\n<thead><tr>");
        foreach (var h in t.Table.Header) html.Append("<th scope=\"col\">").Append(E(h)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in t.Table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(E(cell ?? string.Empty)).Append("</td>");
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n");
    }

    private static void Heading(StringBuilder html, int level, string text)
    {
        var n = Math.Clamp(level, 1, 6);
        html.Append(CultureInfo.InvariantCulture, $"<h{n}>").Append(E(text)).Append(CultureInfo.InvariantCulture, $"</h{n}>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
