using Commonweal.Application.Places;
using Commonweal.Application.Reporting;

namespace Commonweal.Application.Tests.Reporting;

/// <summary>The printable board paper: the same content as the Word document, as one self-contained page.</summary>
public sealed class HtmlDocumentWriterTests
{
    private static BoardPaper Paper() => new(
        "Outcomes framework: monitoring by exception",
        "Health and Wellbeing Board, 1 December 2026",
        new DateOnly(2026, 12, 1),
        [new PaperHeading("Purpose", 1), new PaperParagraph("Report <b>by exception</b> & agree actions"), new PaperList(["one", "two"]), new PaperPageBreak()],
        [new PaperSection("1. Smoking — Basildon", [new PaperChart("<svg viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"#005eb8\"/></svg>", "Trend of smoking", 10, 10), new PaperHeading("Latest commentary", 2), new PaperParagraph("Line one\nLine two", Bold: true)])],
        new PaperSection("Appendix", [new PaperTable("Every target", new TextTable(["Target", "Status"], [["Smoking", "Off track"], ["Falls", null]]))]));

    [Fact]
    public void The_page_has_the_title_sections_as_headings_charts_with_captions_and_tables_with_column_headers()
    {
        var html = HtmlDocumentWriter.Write(Paper());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Outcomes framework: monitoring by exception</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Outcomes framework: monitoring by exception</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Purpose</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>1. Smoking — Basildon</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Latest commentary</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<figure><svg", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>Trend of smoking</figcaption>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Every target</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Status</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Off track</td>", html, StringComparison.Ordinal);
        Assert.Contains("<p><strong>Line one<br>Line two</strong></p>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"paper-break\"", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_escaped_and_the_page_runs_no_script()
    {
        var html = HtmlDocumentWriter.Write(Paper());

        Assert.Contains("Report &lt;b&gt;by exception&lt;/b&gt; &amp; agree actions", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_body_alone_starts_its_headings_at_the_level_asked_for()
    {
        var body = HtmlDocumentWriter.Body(Paper(), headingLevel: 2);

        Assert.StartsWith("<h2>Outcomes framework", body, StringComparison.Ordinal);
        Assert.Contains("<h3>Purpose</h3>", body, StringComparison.Ordinal);
        Assert.Contains("<h3>1. Smoking — Basildon</h3>", body, StringComparison.Ordinal);
        Assert.Contains("<h4>Latest commentary</h4>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", body, StringComparison.Ordinal);
    }
}
