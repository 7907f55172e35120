using System.Globalization;
using Commonweal.Application.Files;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Cli.Tests;

/// <summary>
/// <c>targets import</c> and <c>targets status</c> as a commissioner runs them, on the real places and Fingertips'
/// smoking prevalence (91547), and a stewardship tracker: the monthly cancer diagnosis backlog loaded through the counts format.
/// </summary>
public sealed class TargetsCliTests(ReferenceStore store) : IClassFixture<ReferenceStore>
{
    private const string Header = "indicator_id,area_code,sex,age,category,baseline_period,target_value,deadline_period,trajectory,owner,lead,rationale";

    private const string StatusHeader =
        "target_id,indicator_id,area_code,sex,age,category,period,value,lower_95,upper_95,trajectory_value,target_value,status,variation_icon,assurance_icon,compared_to_england,owner";

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var database = store.Require();
        await using (var db = database.CreateContext())
        {
            if (!await db.IndicatorValues.AnyAsync(v => v.Indicator == new Core.Indicators.IndicatorId(91547)))
            {
                var path = ReferenceData.File("indicators/fingertips_91547_smoking_prevalence_qof.csv");
                Assert.Equal(0, await CliApp.RunAsync(["indicators", "import", path, "--database", database.Setting], new StringWriter(), new StringWriter(), new StringReader(string.Empty)));
            }

            await db.TargetChanges.ExecuteDeleteAsync();
            await db.Targets.ExecuteDeleteAsync();
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "--database", database.Setting], output, error, new StringReader(string.Empty));
        return (exit, output.ToString(), error.ToString());
    }

    private static List<Dictionary<string, string>> Records(string csv)
    {
        using var table = Table.OpenCsv(new StringReader(csv), "output");
        return [.. table.Rows().Select(r => table.Header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => r.Text(c.i, required: false)))];
    }

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Targets_on_real_data_import_and_report_every_period_from_the_baseline_by_the_rule_under_the_exact_header()
    {
        var file = Importing.TempFile("targets.csv", Header + "\n"
            + "91547,QH8,,,,2019/20,12,2025/26,linear,NHS Mid and South Essex ICB,Director of Public Health,Tobacco control plan\n"
            + "91547,E38000007,Persons,15+ yrs,,2020/21,11,2025/26,profile:2022/23=14.5;2025/26=11,Basildon Borough Council,Head of Public Health,\n");

        var (exit, output, error) = await RunAsync("targets", "import", file);
        Assert.True(exit == 0, error);
        Assert.StartsWith("2 targets imported", output, StringComparison.Ordinal);

        var (statusExit, csv, _) = await RunAsyncKeeping("targets", "status", "--format", "csv");
        Assert.Equal(0, statusExit);
        Assert.Equal(StatusHeader, csv.Split('\n')[0]);
        var rows = Records(csv).Where(r => r["area_code"] == "QH8").ToList();
        Assert.Equal(["2019/20", "2020/21", "2021/22", "2022/23", "2023/24"], rows.Select(r => r["period"]));
        Assert.All(rows, r => Assert.Equal(("91547", "Persons", "15+ yrs", "12", "NHS Mid and South Essex ICB"), (r["indicator_id"], r["sex"], r["age"], r["target_value"], r["owner"])));
        Assert.Equal(("15.822646887908153", "15.822646887908153", "not_measurable"), (rows[0]["value"], rows[0]["trajectory_value"], rows[0]["status"]));

        // The rule, worked independently: the trajectory is linear by the periods' start dates (1 April 2019 → 1 April 2025).
        var from = new DateOnly(2019, 4, 1).DayNumber;
        var span = new DateOnly(2025, 4, 1).DayNumber - from;
        foreach (var row in rows.Skip(1))
        {
            var start = new DateOnly(int.Parse(row["period"][..4], CultureInfo.InvariantCulture), 4, 1).DayNumber;
            var expected = 15.822646887908153 + (12 - 15.822646887908153) * (start - from) / span;
            Assert.Equal(expected, D(row["trajectory_value"]), 9);
            var (value, lower) = (D(row["value"]), D(row["lower_95"]));
            var status = value <= expected ? "on_track" : lower <= expected ? "at_risk" : "off_track";
            Assert.Equal(status, row["status"]);
            Assert.Equal(string.Empty, row["variation_icon"]); // five annual points: too few for SPC icons
        }

        var latest = Records((await RunAsyncKeeping("targets", "status", "--format", "csv", "--latest")).Out);
        Assert.Equal([("QH8", "2023/24"), ("E38000007", "2023/24")], latest.Select(r => (r["area_code"], r["period"])));
    }

    [Fact]
    public async Task A_file_with_several_bad_rows_reports_every_reason_with_its_line_exits_2_and_saves_nothing()
    {
        var file = Importing.TempFile("bad-targets.csv", Header + "\n"
            + "91547,QH8,,,,2019/20,12,2025/26,linear,NHS Mid and South Essex ICB,Lead,ok\n"
            + "91547,QH8,,,,2019/20,19,2018/19,linear,,Lead,wrong side and deadline before\n"
            + "abc,E99999999,,,,2019/20,x,,linear,Owner,Lead,unreadable\n"
            + "91547,QH8,Female,,,2019/20,12,2025/26,linear,Owner,Lead,no such breakdown\n"
            + "91547,QH8,,,,2010/11,12,2025/26,profile:2022/23=14;2025/26=11,Owner,Lead,no baseline value and a profile that misses the target\n");

        var (exit, output, error) = await RunAsync("targets", "import", file);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        foreach (var expected in new[]
        {
            "bad-targets.csv:3:8: field 'deadline_period': the deadline 2018/19 is not after the baseline 2019/20",
            "bad-targets.csv:3:10: field 'owner': no owner",
            "bad-targets.csv:3:7: field 'target_value': the target 19 is on the wrong side of the baseline value 15.823",
            "bad-targets.csv:4:1: field 'indicator_id': 'abc' is not an indicator id",
            "bad-targets.csv:4:7: field 'target_value': 'x' is not a number",
            "bad-targets.csv:4:8: field 'deadline_period': no deadline",
            "bad-targets.csv:5:3: field 'sex': indicator 91547 has no data for QH8",
            "bad-targets.csv:6:6: field 'baseline_period': no baseline value",
            "bad-targets.csv:6:9: field 'trajectory': the profile does not end at the target",
        })
        {
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("bad-targets.csv:2:", error, StringComparison.Ordinal);
        Assert.Contains("nothing was saved", error, StringComparison.Ordinal);
        await using var db = store.Require().CreateContext();
        Assert.Equal(0, await db.Targets.CountAsync());
    }

    [Fact]
    public async Task A_stewardship_tracker_on_a_monthly_count_is_monitored_by_value_alone_with_SPC_icons_from_twelve_months()
    {
        // Patients waiting over 62 days for a cancer diagnosis (seed 004): about 1,000 in November 2022, 595 later, under 100 by March 2023.
        int[] backlog = [820, 860, 905, 940, 980, 1010, 990, 1000, 870, 740, 595, 430];
        string[] months = ["Apr-22", "May-22", "Jun-22", "Jul-22", "Aug-22", "Sep-22", "Oct-22", "Nov-22", "Dec-22", "Jan-23", "Feb-23", "Mar-23"];
        var counts = Importing.TempFile("cancer-backlog.csv", "indicator_id,indicator_name,area_code,area_type,period,count\n"
            + string.Concat(months.Select((m, i) => $"1900777,Patients waiting over 62 days for a cancer diagnosis,QH8,Icb,{m},{backlog[i]}\n")));
        var (imported, _, importError) = await RunAsync("indicators", "import", counts, "--value-type", "count", "--polarity", "low-is-good");
        Assert.True(imported == 0, importError);
        var targets = Importing.TempFile("backlog-target.csv", Header + "\n"
            + "1900777,QH8,,,,Nov-22,100,Mar-23,linear,NHS Mid and South Essex ICB,Cancer steward,Faster diagnosis standard\n");
        Assert.Equal(0, (await RunAsyncKeeping("targets", "import", targets)).Exit);

        var rows = Records((await RunAsyncKeeping("targets", "status", "--format", "csv")).Out).Where(r => r["indicator_id"] == "1900777").ToList();

        Assert.Equal(["Nov-22", "Dec-22", "Jan-23", "Feb-23", "Mar-23"], rows.Select(r => r["period"]));
        Assert.All(rows, r => Assert.Equal((string.Empty, string.Empty), (r["lower_95"], r["upper_95"])));
        // 1,000 → 100 over Nov–Mar by start dates: Dec 771.4, Jan 535.2, Feb 299.0 (by days); then the deadline: 430 misses 100.
        Assert.Equal(["not_measurable", "off_track", "off_track", "off_track", "off_track"], rows.Select(r => r["status"]));
        Assert.Equal((string.Empty, string.Empty), (rows[^2]["variation_icon"], rows[^2]["assurance_icon"]));
        Assert.NotEqual(string.Empty, rows[^1]["variation_icon"]);
        Assert.Equal("consistent_fail", rows[^1]["assurance_icon"]);
    }

    [Fact]
    public async Task The_pack_is_written_as_a_Word_document_and_as_printable_HTML_and_bad_options_are_refused()
    {
        var file = Importing.TempFile("targets.csv", Header + "\n91547,QH8,,,,2019/20,12,2025/26,linear,NHS Mid and South Essex ICB,Director of Public Health,Tobacco control plan\n");
        Assert.Equal(0, (await RunAsync("targets", "import", file)).Exit);
        var folder = Directory.CreateTempSubdirectory("commonweal-pack-").FullName;
        var docx = Path.Combine(folder, "pack.docx");
        var html = Path.Combine(folder, "pack.html");

        var word = await RunAsyncKeeping("report", "pack", "--format", "docx", "--output", docx);
        var page = await RunAsyncKeeping("report", "pack", "--format", "html", "--output", html);
        var badFormat = await RunAsyncKeeping("report", "pack", "--format", "pdf", "--output", docx);
        var noFolder = await RunAsyncKeeping("report", "pack", "--format", "html", "--output", Path.Combine(folder, "missing", "pack.html"));

        Assert.True(word.Exit == 0, word.Err);
        Assert.Contains("1 target, 1 exception", word.Out, StringComparison.Ordinal);
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, isEditable: false))
        {
            var headings = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
            Assert.Contains(headings, h => h.StartsWith("1. Smoking Prevalence in adults", StringComparison.OrdinalIgnoreCase) && h.EndsWith("NHS Mid and South Essex Integrated Care Board", StringComparison.Ordinal));
            Assert.NotEmpty(document.MainDocumentPart.ImageParts);
        }

        Assert.Equal(0, page.Exit);
        var text = await File.ReadAllTextAsync(html);
        Assert.StartsWith("<!DOCTYPE html>", text, StringComparison.Ordinal);
        Assert.Contains("<h2>1. ", text, StringComparison.Ordinal);
        Assert.Contains("<svg", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((2, "error: --format 'pdf' is not a format of the pack (docx or html)"), (badFormat.Exit, badFormat.Err.Trim()));
        Assert.Equal(2, noFolder.Exit);
        Assert.Contains("the folder of --output does not exist", noFolder.Err, StringComparison.Ordinal);
    }

    /// <summary>Runs a command without clearing the targets the test has just imported.</summary>
    private async Task<(int Exit, string Out, string Err)> RunAsyncKeeping(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "--database", store.Require().Setting], output, error, new StringReader(string.Empty));
        return (exit, output.ToString(), error.ToString());
    }
}
