using System.Globalization;
using Commonweal.Application.Files;
using Commonweal.Core.Outcomes;

namespace Commonweal.Application.Outcomes;

/// <summary>
/// A file of proposed targets for <c>targets import</c>: a CSV whose header names the columns
/// <c>indicator_id,area_code,sex,age,category,baseline_period,target_value,deadline_period,trajectory,owner,lead,rationale</c>
/// (in any order, any case). Each record becomes a <see cref="TargetInput"/>; a field that cannot be read (an indicator id
/// that is not a whole number, a target value that is not a number) is kept as a reason with the record, so that the
/// import reports every reason of every line at once. A file that is not such a table (no header, a missing column, a
/// truncated record) is a <see cref="FileProblemException"/>.
/// </summary>
public sealed class TargetFile
{
    public static readonly IReadOnlyList<string> Columns =
        ["indicator_id", "area_code", "sex", "age", "category", "baseline_period", "target_value", "deadline_period", "trajectory", "owner", "lead", "rationale"];

    private readonly Dictionary<string, int> columns;
    private readonly IReadOnlyList<string> header;

    private TargetFile(string fileName, IReadOnlyList<string> header, Dictionary<string, int> columns, IReadOnlyList<TargetInput> inputs)
    {
        FileName = fileName;
        this.header = header;
        this.columns = columns;
        Inputs = inputs;
    }

    public string FileName { get; }

    public IReadOnlyList<TargetInput> Inputs { get; }

    public static TargetFile Read(string path)
    {
        using var table = Table.OpenCsv(path, new TableOptions { BlankLines = BlankLines.Skip });
        return Read(table);
    }

    public static TargetFile Read(Stream stream, string fileName)
    {
        using var table = Table.OpenCsv(stream, fileName, options: new TableOptions { BlankLines = BlankLines.Skip });
        return Read(table);
    }

    /// <summary>Where a refusal is in the file, as every importer names a place in a file: <c>targets.csv:3:7: field 'target_value': …</c>.</summary>
    public FileProblem Where(TargetRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return columns.TryGetValue(refusal.Problem.Field, out var index)
            ? new FileProblem(FileName, null, refusal.Line, index + 1, header[index], refusal.Problem.Reason)
            : new FileProblem(FileName, null, refusal.Line, null, null, refusal.Problem.ToString());
    }

    private static TargetFile Read(Table table)
    {
        var columns = Columns.ToDictionary(c => c, c => table.Column(c), StringComparer.Ordinal);
        var inputs = new List<TargetInput>();
        foreach (var row in table.Rows())
        {
            string Field(string name) => row.Text(columns[name], required: false).Trim();
            var unreadable = new List<TargetProblem>();
            int? indicator = null;
            var indicatorText = Field("indicator_id");
            if (indicatorText.Length > 0)
            {
                if (int.TryParse(indicatorText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) indicator = id;
                else unreadable.Add(new TargetProblem("indicator_id", $"'{indicatorText}' is not an indicator id (a whole number)"));
            }

            double? goal = null;
            var goalText = Field("target_value");
            if (goalText.Length > 0)
            {
                if (double.TryParse(goalText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
                    && double.IsFinite(value))
                    goal = value;
                else unreadable.Add(new TargetProblem("target_value", $"'{goalText}' is not a number"));
            }

            var draft = new TargetDraft(indicator, Field("area_code"), Field("sex"), Field("age"), Field("category"), Empty(Field("baseline_period")), goal,
                Empty(Field("deadline_period")), Empty(Field("trajectory")), Empty(Field("owner")), Empty(Field("lead")), Empty(Field("rationale")));
            inputs.Add(new TargetInput(row.Line, draft, unreadable));
        }

        if (inputs.Count == 0) throw new FileProblemException(table.Problem(0, null, "the file has a header but no targets"));
        return new TargetFile(table.FileName, [.. table.Header], columns, inputs);
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
