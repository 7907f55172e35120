using System.Text.RegularExpressions;
using Commonweal.Application.Files;
using Commonweal.Application.Places.Import;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Application.Indicators.Import;

/// <summary>
/// The House of Commons Library's QOF prevalence by local authority district (lad_code, lad_name, group_code,
/// register, list, prevalence): each QOF group (AF, AST, CAN …) is an indicator, named after its condition and
/// numbered locally (the same number on every import, found by name); the register is the count, the list size the
/// denominator and the prevalence a proportion (0 to 1). The file gives no period: its name must hold the QOF year
/// ("…_2019-20.csv"), a financial year.
/// </summary>
public sealed partial class QofModelledPrevalenceReader : IndicatorFileReader
{
    private static readonly Dictionary<string, string> Conditions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AF"] = "Atrial fibrillation", ["AST"] = "Asthma", ["CAN"] = "Cancer", ["CHD"] = "Coronary heart disease",
        ["CKD"] = "Chronic kidney disease", ["COPD"] = "Chronic obstructive pulmonary disease", ["CVDPP"] = "Cardiovascular disease primary prevention",
        ["DEM"] = "Dementia", ["DEP"] = "Depression", ["DM"] = "Diabetes mellitus", ["EP"] = "Epilepsy", ["HF"] = "Heart failure",
        ["HYP"] = "Hypertension", ["LD"] = "Learning disability", ["MH"] = "Mental health", ["OB"] = "Obesity", ["OST"] = "Osteoporosis",
        ["PAD"] = "Peripheral arterial disease", ["PC"] = "Palliative care", ["RA"] = "Rheumatoid arthritis", ["STIA"] = "Stroke and transient ischaemic attack",
    };

    public override string Kind => "qof-prevalence-lad";

    public override string Description => "QOF prevalence by local authority district (House of Commons Library: lad_code, lad_name, group_code, register, list, prevalence)";

    public override string Publisher => "House of Commons Library, from NHS Digital's Quality and Outcomes Framework";

    public override string Licence => "Open Parliament Licence v3.0";

    protected override TableLayout Layout { get; } = new("QOF prevalence by district", ["lad_code", "lad_name", "group_code", "register", "list", "prevalence"]) { Exact = false };

    /// <summary>The indicator's name for a QOF group: "QOF prevalence: Atrial fibrillation (AF)".</summary>
    public static string IndicatorName(string group) =>
        Conditions.TryGetValue(group, out var condition) ? $"QOF prevalence: {condition} ({group.ToUpperInvariant()})" : $"QOF prevalence: {group}";

    protected override Action<TableRow> Begin(Table table, ColumnMap columns, IndicatorBatch batch)
    {
        var period = PeriodFromName(batch.FileName)
            ?? throw batch.Reject(0, null, "the file gives no period: its name must hold the QOF year, e.g. qof_prevalence_lad_2019-20.csv");
        batch.Notes.Add($"the period {period.Label} (a QOF year) is taken from the file's name");
        var (code, name, group, register, list, prevalence) = (columns["lad_code"], columns["lad_name"], columns["group_code"], columns["register"], columns["list"], columns["prevalence"]);
        batch.Reads(code, group);
        FingertipsExportReader.MapColumns(batch, (StagedField.Count, register), (StagedField.Denominator, list), (StagedField.Value, prevalence), (StagedField.AreaName, name));
        return row =>
        {
            var groupCode = row.Text(group).Trim();
            var indicator = batch.Indicator(null, IndicatorName(groupCode), measure: "Proportion of the practice list on the register");
            var area = row.AreaCode(code, batch);
            batch.Values.Add(new StagedValue
            {
                Line = row.Line,
                IndicatorKey = indicator.Key,
                Area = area,
                AreaType = row.AreaType(area, -1, code, AreaType.District),
                AreaName = row.Words(name) ?? area.Value,
                Period = period,
                Count = row.Count(register, batch, "register"),
                Denominator = row.Count(list, batch, "list"),
                Value = row.Figure(prevalence, batch, "prevalence"),
            });
        };
    }

    /// <summary>"…_2019-20.csv", "…2019_20…" or "…2019-2020…": the financial year 2019/20.</summary>
    private static IndicatorPeriod? PeriodFromName(string fileName)
    {
        var m = Year().Match(fileName);
        if (!m.Success) return null;
        var first = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var second = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) % 100;
        return (first + 1) % 100 == second ? IndicatorPeriod.Parse(PeriodLabels.Financial(first)) : null;
    }

    [GeneratedRegex(@"(20\d{2})[-_/](\d{2}|20\d{2})(?!\d)")]
    private static partial Regex Year();
}
