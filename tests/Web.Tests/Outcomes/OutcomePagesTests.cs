using System.Net;
using Commonweal.Application.Outcomes;
using Commonweal.Core.Access;
using Commonweal.Core.Outcomes;
using Commonweal.TestKit;
using Commonweal.Web.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Outcomes;

/// <summary>The outcomes pages, forms and downloads as commissioners, providers and the board see them.</summary>
public abstract class OutcomePagesTests<TPlatform>(TPlatform platform)
    where TPlatform : OutcomePlatform
{
    private async Task<TargetReport> ReportAsync(int id)
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<OutcomeQueries>().ReportAsync(id))!;
    }

    /// <summary>How many targets the store holds now (other tests of the class add some).</summary>
    private async Task<int> CountAsync()
    {
        await using var scope = platform.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<OutcomeQueries>().ReportsAsync()).Count;
    }

    [Fact]
    public async Task The_scorecard_shows_each_target_under_its_domain_with_the_status_worked_out_from_the_data()
    {
        var (client, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Analyst);

        var page = await Html.GetAsync(client, "/outcomes");

        foreach (var id in platform.Targets)
        {
            var report = await ReportAsync(id);
            var row = page.QuerySelector($"tr[data-target='{id}']");
            Assert.NotNull(row);
            Assert.Equal(report.Status.Code(), row!.QuerySelector("[data-status]")!.GetAttribute("data-status"));
            Assert.Contains(report.Owner, row.TextContent, StringComparison.Ordinal);
        }

        Assert.NotNull(page.QuerySelector("[data-testid='scorecard-TobaccoUse']"));
        Assert.StartsWith($"{await CountAsync()} targets", page.Text("counts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_page_says_why_its_status_is_what_it_is_with_its_charts_and_a_table_of_every_period()
    {
        var (client, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Analyst);
        var id = platform.Targets[1];
        var report = await ReportAsync(id);

        var page = await Html.GetAsync(client, $"/outcomes/targets/{id}");

        Assert.Equal(Html.Normalise(report.Why), page.Text("why"));
        Assert.NotNull(page.QuerySelector("[data-testid='trend-chart'] svg"));
        Assert.NotNull(page.QuerySelector("[data-testid='spc-chart'] svg"));
        Assert.Equal(report.Periods.Count, page.QuerySelectorAll("[data-testid='periods-table'] tbody tr").Length);
        Assert.Null(page.QuerySelector("[data-testid='edit-target']"));
        await Html.GetAsync(client, "/outcomes/targets/999999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_commissioner_adds_a_target_with_the_form_and_a_target_that_is_not_smart_is_refused_with_every_reason()
    {
        var (client, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Commissioner);
        var fields = new Dictionary<string, string>
        {
            ["Input.Indicator"] = OutcomePlatform.Smoking.ToString(), ["Input.Area"] = "E38000007", ["Input.Sex"] = "Persons", ["Input.Baseline"] = "2020/21",
            ["Input.Target"] = "11", ["Input.Deadline"] = "2026/27", ["Input.Trajectory"] = "linear", ["Input.Owner"] = "Basildon Borough Council", ["Input.Lead"] = "Head of Public Health",
        };

        var bad = await Forms.PostAsync(client, "/outcomes/targets/new", "target", new Dictionary<string, string>(fields) { ["Input.Target"] = "30", ["Input.Deadline"] = "2019/20", ["Input.Owner"] = "" });
        var good = await Forms.PostAsync(client, "/outcomes/targets/new", "target", fields);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await Html.ParseAsync(await bad.Content.ReadAsStringAsync())).QuerySelectorAll("[data-testid='error-summary'] li").Select(li => li.GetAttribute("id") ?? li.TextContent).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var id = int.Parse(good.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Basildon Borough Council", (await ReportAsync(id)).Owner);
    }

    [Fact]
    public async Task A_provider_can_neither_edit_a_target_nor_comment_on_one_that_is_not_theirs()
    {
        var (provider, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Provider);
        var id = platform.Targets[0];

        var edit = await provider.GetAsync($"/outcomes/targets/{id}/edit");
        var page = await Html.GetAsync(provider, $"/outcomes/targets/{id}");

        Assert.True(edit.StatusCode is HttpStatusCode.Forbidden || edit.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true, edit.StatusCode.ToString());
        Assert.Null(page.QuerySelector("[data-testid='add-commentary']"));
        Assert.Null(page.QuerySelector("[data-testid='add-action']"));
    }

    [Fact]
    public async Task Commentary_added_by_a_commissioner_is_in_the_pack_on_the_page_in_Word_and_in_print()
    {
        var (client, name) = await platform.Factory.SignedInAsNewUserAsync(Roles.Commissioner);
        var id = platform.Targets[1];
        var text = "Winter pressures: a frailty hub opens in January " + Guid.NewGuid().ToString("N")[..6];

        var posted = await Forms.PostAsync(client, $"/outcomes/targets/{id}", "commentary", new Dictionary<string, string> { ["Comment.Text"] = text });
        var pack = await client.GetStringAsync("/outcomes/pack");
        var html = await client.GetStringAsync("/outcomes/pack.html");
        var word = await client.GetByteArrayAsync("/outcomes/pack.docx");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains(text, pack, StringComparison.Ordinal);
        Assert.Contains(text, html, StringComparison.Ordinal);
        Assert.Contains(name, pack, StringComparison.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(word), isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Contains(body.Descendants<Paragraph>(), p => p.InnerText.Contains(text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_Word_pack_has_a_summary_row_per_target_a_section_per_exception_with_its_charts_and_an_appendix()
    {
        var (client, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Analyst);
        Scorecard scorecard;
        int plans;
        await using (var scope = platform.Factory.Services.CreateAsyncScope())
        {
            scorecard = await scope.ServiceProvider.GetRequiredService<OutcomeQueries>().ScorecardAsync();
            plans = (await scope.ServiceProvider.GetRequiredService<Commonweal.Application.Commissioning.RemedialPlanning>()
                .ListAsync(Commonweal.Application.Commissioning.CommissioningViewer.Console("test"), openOnly: true)).Count;
        }

        var exceptions = scorecard.Exceptions.ToList();
        // The demo's contracts have open remedial plans: they follow the exceptions in a section of their own.
        Assert.True(plans > 0);

        var response = await client.GetAsync("/outcomes/pack.docx");

        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        string? Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        Assert.Equal("Outcomes framework: monitoring by exception", body.Descendants<Paragraph>().First(p => Style(p) == "Title").InnerText);
        var headings = body.Descendants<Paragraph>().Where(p => Style(p) == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(["Purpose", "Summary", .. exceptions.Select((e, k) => $"{k + 1}. {e.Report.Indicator.Name} — {e.Report.AreaName}"),
            $"{exceptions.Count + 1}. Contract performance: open remedial plans", "Appendix: every target, and how its status is worked out"], headings);
        var overview = body.Descendants<Table>().First();
        Assert.Equal(scorecard.Targets.Count() + 1, overview.Descendants<TableRow>().Count());
        var pictures = body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Inline>().Count();
        Assert.True(pictures >= exceptions.Count * 2, $"{pictures} pictures for {exceptions.Count} exceptions (trend and SPC each)");
        Assert.All(document.MainDocumentPart.ImageParts.Where(i => i.ContentType == "image/png"), part =>
        {
            using var stream = part.GetStream();
            var signature = new byte[4];
            stream.ReadExactly(signature);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, signature);
        });
    }

    [Fact]
    public async Task Every_table_downloads_as_CSV_and_as_a_workbook_that_reads_back()
    {
        var (client, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Analyst);

        var status = await client.GetStringAsync("/outcomes/status.csv");
        var workbook = XlsxReading.Sheets(await client.GetStreamAsync("/outcomes/scorecard.xlsx"));
        var coverage = await client.GetStringAsync("/outcomes/coverage.csv");
        var periods = await client.GetStringAsync($"/outcomes/targets/{platform.Targets[0]}/periods.csv");

        Assert.StartsWith(string.Join(",", TargetTables.StatusColumns), status, StringComparison.Ordinal);
        var sheet = workbook[0].Rows;
        Assert.Equal(["Domain", "Target", "Latest", "Status", "Variation", "Assurance", "Compared with England", "Owner"], sheet[0]);
        Assert.Equal(await CountAsync(), sheet.Count - 1);
        Assert.Equal("About", workbook[1].Name);
        Assert.Contains("Physical environment: Housing and transit", coverage, StringComparison.Ordinal);
        Assert.Equal((await ReportAsync(platform.Targets[0])).Periods.Count + 1, periods.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public async Task The_composite_ranks_the_districts_with_its_caveat_a_table_and_a_download()
    {
        var (client, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Analyst);
        Composite composite;
        await using (var scope = platform.Factory.Services.CreateAsyncScope())
            composite = await scope.ServiceProvider.GetRequiredService<CompositeQueries>().ComputeAsync();

        var page = await Html.GetAsync(client, "/outcomes/composite");
        var csv = await client.GetStringAsync("/outcomes/composite.csv");

        Assert.Contains("hides as much as it shows", page.Text("caveat"), StringComparison.Ordinal);
        Assert.Equal(9, composite.Result.Places.Count(p => p.Factors is not null));
        Assert.Equal(composite.Result.Places.Count, page.QuerySelectorAll("[data-testid='composite-table'] tbody tr").Length);
        var best = composite.Result.Places.Single(p => p.FactorsRank == 1);
        Assert.Equal(composite.Names[best.Place], page.QuerySelector("[data-testid='composite-table'] tbody tr th")!.TextContent.Trim());
        Assert.StartsWith("District,Code,Length of life,Quality of life,Health behaviours", csv, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-testid='composite-chart'] svg"));
    }

    [Fact]
    public async Task A_commissioner_saves_a_new_version_of_the_framework_and_the_coverage_follows_its_mapping()
    {
        var (client, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Commissioner);
        var (provider, _) = await platform.Factory.SignedInAsNewUserAsync(Roles.Provider);
        var form = await Html.GetAsync(client, "/outcomes/framework/edit");
        var fields = form.QuerySelectorAll("form[method='post'] input[name], form[method='post'] select[name]")
            .Where(e => e.GetAttribute("name") is { } n && !n.StartsWith("__", StringComparison.Ordinal) && n != "_handler")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.TagName == "SELECT" ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? string.Empty : e.GetAttribute("value") ?? string.Empty);
        fields["Input.Title"] = "Essex prevention outcomes framework";
        fields["Input.AgreedBy"] = "Essex Health and Wellbeing Board";
        fields["Input.AgreedOn"] = "2026-03-14";
        fields["Input.Why"] = "Agreed at the March board";
        var admissions = fields.First(f => f.Key.EndsWith(".Id", StringComparison.Ordinal) && f.Value == OutcomePlatform.Admissions.ToString()).Key.Replace(".Id", ".Domain", StringComparison.Ordinal);
        fields[admissions] = "HousingAndTransit";

        var denied = await provider.GetAsync("/outcomes/framework/edit");
        var saved = await Forms.PostAsync(client, "/outcomes/framework/edit", "framework", fields);
        var page = await Html.GetAsync(client, "/outcomes/framework");
        var coverage = await client.GetStringAsync("/outcomes/coverage.csv");

        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("Version", page.Text("standing"), StringComparison.Ordinal);
        Assert.Contains("as agreed by Essex Health and Wellbeing Board on 14 March 2026", page.Text("standing"), StringComparison.Ordinal);
        var housing = coverage.Split('\n').Single(l => l.StartsWith("Physical environment: Housing and transit", StringComparison.Ordinal));
        Assert.Contains(OutcomePlatform.Admissions.ToString(), housing, StringComparison.Ordinal);
        await using var db = new Persistence.CommonwealDbContext(Persistence.PersistenceServices.Options(platform.Factory.Services.GetRequiredService<Persistence.DatabaseSettings>()));
        Assert.True(await db.Audit.AnyAsync(a => a.Action == "framework.change" && a.Detail!.Contains("Housing and transit")));
    }
}

public sealed class SqliteOutcomePagesTests(SqliteOutcomePlatform platform) : OutcomePagesTests<SqliteOutcomePlatform>(platform), IClassFixture<SqliteOutcomePlatform>;

public sealed class PostgresOutcomePagesTests(PostgresOutcomePlatform platform) : OutcomePagesTests<PostgresOutcomePlatform>(platform), IClassFixture<PostgresOutcomePlatform>;
