using System.Globalization;
using System.Text.RegularExpressions;
using Commonweal.Application.Files;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>Age bands as ONS and Nomis label them, read to <see cref="AgeBand"/>s.</summary>
internal static partial class AgeLabels
{
    /// <summary>"Aged 15 years and under" → 0–15, "Aged 16 to 24 years" → 16–24, "Aged 65 years and over" → 65+ (with or without "Age: " before).</summary>
    public static bool TryParse(string label, out AgeBand band)
    {
        band = default;
        var text = label.StartsWith("Age: ", StringComparison.Ordinal) ? label[5..] : label;
        if (Under().Match(text) is { Success: true } under) { band = AgeBand.Range(0, Int(under, 1)); return true; }
        if (Between().Match(text) is { Success: true } between && Int(between, 2) >= Int(between, 1)) { band = AgeBand.Range(Int(between, 1), Int(between, 2)); return true; }
        if (Over().Match(text) is { Success: true } over) { band = AgeBand.Range(Int(over, 1), null); return true; }
        return false;
    }

    /// <summary>Whether the bands cover every age once (0 upwards, with no gap or overlap, the last open).</summary>
    public static bool Partition(IEnumerable<AgeBand> bands)
    {
        var next = 0;
        foreach (var band in bands.OrderBy(b => b.From))
        {
            if (band.From != next) return false;
            if (band.To is not { } to) return true;
            next = to + 1;
        }

        return false;
    }

    /// <summary>The 5-year bands of the 2013 European Standard Population to 90+, into which single years are added up.</summary>
    public static AgeBand FiveYear(int age) => age >= 90 ? AgeBand.Range(90, null) : AgeBand.Range(age / 5 * 5, (age / 5 * 5) + 4);

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Aged (\d+) years? and under$")]
    private static partial Regex Under();

    [GeneratedRegex(@"^Aged (\d+) to (\d+) years$")]
    private static partial Regex Between();

    [GeneratedRegex(@"^Aged (\d+) years? and over$")]
    private static partial Regex Over();
}

/// <summary>Shared by the population readers: residents of one LSOA at one date, by age band and sex, checked to add up.</summary>
internal static class Residents
{
    public static void Add(ReaderContext context, AreaCode lsoa, DateOnly period, Sex sex, AgeBand band, long count) =>
        context.Batch.Populations.Add(new PopulationCount(lsoa, PopulationKind.Resident, period, sex, band, count));

    /// <summary>Adds the counts of single years (or narrower bands) into 5-year bands, persons, and checks they make the total.</summary>
    public static void AddFiveYear(ReaderContext context, TableRow row, int totalColumn, AreaCode lsoa, DateOnly period, IReadOnlyList<(int Age, long Count)> ages, long total)
    {
        var sum = ages.Sum(a => a.Count);
        if (sum != total) throw row.Reject(totalColumn, $"the total {total} is not the sum of the ages ({sum})");
        foreach (var group in ages.GroupBy(a => AgeLabels.FiveYear(a.Age)))
            Add(context, lsoa, period, Sex.Persons, group.Key, group.Sum(a => a.Count));
        Add(context, lsoa, period, Sex.Persons, AgeBand.All, total);
    }
}

/// <summary>
/// ONS mid-2019 population estimates, total per LSOA/data zone for the UK, as extracted to <c>lsoa,pop</c> (counts quoted
/// with thousands separators, a final "Grand Total" row). English LSOAs are loaded; the rest are noted. ONS's own
/// workbook (SAPE22DT2) is read by <see cref="SapeWorkbookReader"/>.
/// </summary>
public sealed class OnsPopulationReader : TableFileReader
{
    public static readonly DateOnly Period = new(2019, 6, 30);

    public override string Kind => "ons-population-mid2019";

    public override string Description => "ONS mid-2019 population estimates by LSOA (2011), as an extract lsoa,pop";

    public override string Source => "an extract of ONS's mid-2019 small area population estimates (SAPE22DT2); prefer ONS's workbook";

    public override int Order => 40;

    protected override IReadOnlyList<TableLayout> Layouts { get; } = [new("extract", ["lsoa", "pop"]) { Bom = ByteOrderMark.Present }];

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        var text = row.Text(0);
        if (text == "Grand Total")
        {
            row.Whole(1, NumberStyle.Plain); // the total is written without separators
            return;
        }

        if (!text.StartsWith('E'))
        {
            context.Skipped++;
            return;
        }

        var lsoa = row.Code(0, "E01");
        context.Unique(row, 0, lsoa.Value);
        Residents.Add(context, lsoa, Period, Sex.Persons, AgeBand.All, row.People(1, NumberStyle.Grouped));
    }

    protected override void Finish(ReaderContext context)
    {
        if (context.Skipped > 0)
            context.Batch.Notes.Add($"{context.Skipped:N0} rows for Wales, Scotland and Northern Ireland were not loaded (Commonweal covers England)");
    }
}

/// <summary>
/// ONS small area population estimates, single year of age, as ONS publishes the workbooks: on LSOAs of 2011
/// (SAPE22DT2 and the like: sheets "Mid-2019 Persons", "Mid-2019 Males", "Mid-2019 Females", header on row 5, ages
/// "0" to "89" and "90+") and on LSOAs of 2021 (sapelsoasyoa…: a sheet "Mid-YYYY LSOA 2021" per year, header on row 4,
/// "Total", "F0"…"F90", "M0"…"M90"). Persons are kept in 5-year bands to 90+ with the total; men and women as totals.
/// English LSOAs are loaded.
/// </summary>
public sealed partial class SapeWorkbookReader : TableFileReader
{
    public override string Kind => "ons-sape";

    public override string Description => "ONS small area population estimates by LSOA and single year of age (workbook)";

    public override string Source => "ONS, \"Lower layer Super Output Area population estimates\" (single year of age), xlsx or zip";

    public override int Order => 41;

    protected override IReadOnlyList<TableLayout> Layouts { get; } =
    [
        new("2011", ["LSOA Code", "LSOA Name", "All Ages", .. Enumerable.Range(0, 90).Select(a => a.ToString(CultureInfo.InvariantCulture)), "90+"])
        {
            Exact = false, SheetPattern = Sheet2011(), HeaderRow = 5,
        },
        new("2021", ["LSOA 2021 Code", "LSOA 2021 Name", "Total", .. Enumerable.Range(0, 91).Select(a => $"F{a}"), .. Enumerable.Range(0, 91).Select(a => $"M{a}")])
        {
            Exact = false, SheetPattern = Sheet2021(), HeaderRow = 4,
        },
    ];

    protected override void Begin(Table table, ColumnMap columns, ReaderContext context)
    {
        var match = (context.Layout.Name == "2011" ? Sheet2011() : Sheet2021()).Match(table.Part ?? string.Empty);
        if (!match.Success) throw new FileProblemException(table.Problem(0, null, $"the sheet '{table.Part}' is not named like ONS's (e.g. \"Mid-2019 Persons\", \"Mid-2022 LSOA 2021\")"));
        context.Date = new DateOnly(int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture), 6, 30);
    }

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        var first = context.Layout.Columns[0];
        var codeColumn = columns[first];
        if (row.Text(codeColumn).StartsWith('W'))
        {
            context.Skipped++;
            return;
        }

        var lsoa = row.Code(codeColumn, "E01");
        context.Unique(row, codeColumn, lsoa.Value);
        context.Area(lsoa, row.Text(columns[context.Layout.Columns[1]]), AreaType.Lsoa);
        var period = context.Date!.Value;
        if (context.Layout.Name == "2011")
        {
            var sheet = context.Table.Part ?? string.Empty;
            var total = row.People(columns["All Ages"]);
            var ages = Enumerable.Range(0, 91).Select(a => (a, row.People(columns[a == 90 ? "90+" : a.ToString(CultureInfo.InvariantCulture)]))).ToList();
            if (sheet.EndsWith("Persons", StringComparison.Ordinal))
            {
                Residents.AddFiveYear(context, row, columns["All Ages"], lsoa, period, ages, total);
            }
            else
            {
                var sum = ages.Sum(a => a.Item2);
                if (sum != total) throw row.Reject(columns["All Ages"], $"the total {total} is not the sum of the ages ({sum})");
                Residents.Add(context, lsoa, period, sheet.EndsWith("Males", StringComparison.Ordinal) ? Sex.Male : Sex.Female, AgeBand.All, total);
            }

            return;
        }

        var persons = row.People(columns["Total"]);
        var women = Enumerable.Range(0, 91).Select(a => row.People(columns[$"F{a}"])).ToList();
        var men = Enumerable.Range(0, 91).Select(a => row.People(columns[$"M{a}"])).ToList();
        Residents.AddFiveYear(context, row, columns["Total"], lsoa, period, [.. Enumerable.Range(0, 91).Select(a => (a, women[a] + men[a]))], persons);
        Residents.Add(context, lsoa, period, Sex.Female, AgeBand.All, women.Sum());
        Residents.Add(context, lsoa, period, Sex.Male, AgeBand.All, men.Sum());
    }

    protected override void Finish(ReaderContext context)
    {
        if (context.Skipped > 0)
            context.Batch.Notes.Add($"{context.Skipped:N0} Welsh rows were not loaded (Commonweal covers England)");
    }

    [GeneratedRegex(@"^Mid-(\d{4}) (Persons|Males|Females)$")]
    private static partial Regex Sheet2011();

    [GeneratedRegex(@"^Mid-(\d{4}) LSOA 2021$")]
    private static partial Regex Sheet2021();
}

/// <summary>
/// Census 2021 usual residents by age band per LSOA (2021), one row per LSOA and band: as ONS's "create a custom
/// dataset" gives it ("Lower layer Super Output Areas Code", …, "Age (6 categories)" or "(18 categories)",
/// "Observation"), or as the curated extract <c>lsoa21_code,lsoa21_name,age_group,usual_residents</c>. Every LSOA must
/// have every band once; its total is their sum. LSOAs are placed in the district their name begins with when it is known.
/// </summary>
public sealed class CensusAgeReader : TableFileReader
{
    public static readonly DateOnly CensusDay = Reorganisations.Census[1];

    public override string Kind => "census2021-age";

    public override string Description => "Census 2021 usual residents by age band per LSOA (2021), one row per LSOA and band";

    public override string Source => "ONS, \"Create a custom dataset\" (Census 2021, Lower layer Super Output Areas, Age (6 or 18 categories)), CSV";

    public override int Order => 42;

    protected override IReadOnlyList<TableLayout> Layouts { get; } =
    [
        new("extract", ["lsoa21_code", "lsoa21_name", "age_group", "usual_residents"]) { Bom = ByteOrderMark.Absent },
        new("ONS 6", ["Lower layer Super Output Areas Code", "Lower layer Super Output Areas", "Age (6 categories) Code", "Age (6 categories)", "Observation"]),
        new("ONS 18", ["Lower layer Super Output Areas Code", "Lower layer Super Output Areas", "Age (18 categories) Code", "Age (18 categories)", "Observation"]),
    ];

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        var c = context.Layout.Columns;
        var extract = context.Layout.Name == "extract";
        var codeColumn = columns[c[0]];
        if (row.Text(codeColumn).StartsWith('W'))
        {
            context.Skipped++;
            return;
        }

        var lsoa = row.Code(codeColumn, "E01");
        var name = row.Text(columns[c[1]]);
        var labelColumn = columns[extract ? c[2] : c[3]];
        var label = row.Text(labelColumn);
        if (!AgeLabels.TryParse(label, out var band))
            throw row.Reject(labelColumn, $"unknown age group '{label}' (expected e.g. 'Aged 15 years and under', 'Aged 16 to 24 years', 'Aged 65 years and over')");
        context.Unique(row, codeColumn, lsoa.Value + "|" + band.Code);
        var count = row.People(columns[extract ? c[3] : c[4]]);

        context.Area(lsoa, name, AreaType.Lsoa);
        var space = name.LastIndexOf(' ');
        if (space > 0 && context.Lookup.DistrictNamed(name[..space]) is { } district)
            context.Member(lsoa, AreaType.Lsoa, district, AreaType.District, CensusDay);
        Residents.Add(context, lsoa, CensusDay, Sex.Persons, band, count);
    }

    protected override void Finish(ReaderContext context)
    {
        var byLsoa = context.Batch.Populations.GroupBy(p => p.Area).ToList();
        var bands = byLsoa.FirstOrDefault()?.Select(p => p.AgeBand).OrderBy(b => b.From).ToList() ?? [];
        if (bands.Count > 0 && !AgeLabels.Partition(bands))
            throw new FileProblemException(context.Table.Problem(0, null, $"the age groups ({string.Join(", ", bands.Select(b => b.Label))}) do not cover every age once"));
        foreach (var lsoa in byLsoa)
        {
            var missing = bands.Except(lsoa.Select(p => p.AgeBand)).ToList();
            if (missing.Count > 0)
                throw new FileProblemException(context.Table.Problem(0, null, $"{lsoa.Key} has no row for {string.Join(", ", missing.Select(b => b.Label))}"));
        }

        foreach (var lsoa in byLsoa)
            Residents.Add(context, lsoa.Key, CensusDay, Sex.Persons, AgeBand.All, lsoa.Sum(p => p.Count));
        if (context.Skipped > 0)
            context.Batch.Notes.Add($"{context.Skipped:N0} Welsh rows were not loaded (Commonweal covers England)");
    }
}

/// <summary>
/// Census 2021 table TS007A (age by five-year bands) for LSOAs as Nomis publishes it (census2021-ts007a-lsoa.csv in
/// census2021-ts007a.zip): <c>date,geography,geography code,Age: Total,Age: Aged 4 years and under,…,Age: Aged 85
/// years and over</c>, one row per LSOA of England and Wales. The bands must add up to the total. England is loaded.
/// </summary>
public sealed class CensusTs007aReader : TableFileReader
{
    private static readonly string[] BandColumns =
    [
        "Age: Aged 4 years and under", .. Enumerable.Range(1, 16).Select(i => $"Age: Aged {i * 5} to {(i * 5) + 4} years"), "Age: Aged 85 years and over",
    ];

    public override string Kind => "census2021-ts007a";

    public override string Description => "Census 2021 TS007A: usual residents by five-year age band per LSOA (2021)";

    public override string Source => "Nomis, Census 2021 bulk data: www.nomisweb.co.uk/output/census/2021/census2021-ts007a.zip (census2021-ts007a-lsoa.csv)";

    public override int Order => 43;

    protected override IReadOnlyList<TableLayout> Layouts { get; } = [new("Nomis", ["date", "geography", "geography code", "Age: Total", .. BandColumns])];

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        var codeColumn = columns["geography code"];
        var text = row.Text(codeColumn);
        if (text.StartsWith("W01", StringComparison.Ordinal))
        {
            context.Skipped++;
            return;
        }

        if (!text.StartsWith("E01", StringComparison.Ordinal))
            throw row.Reject(codeColumn, $"'{text}' is not an LSOA: this is TS007A for another geography (use census2021-ts007a-lsoa.csv)");
        var lsoa = row.Code(codeColumn, "E01");
        context.Unique(row, codeColumn, lsoa.Value);
        var total = row.People(columns["Age: Total"]);
        long sum = 0;
        foreach (var column in BandColumns)
        {
            var band = AgeLabels.TryParse(column, out var parsed) ? parsed : throw new InvalidOperationException($"no age band in '{column}'");
            var count = row.People(columns[column]);
            sum += count;
            Residents.Add(context, lsoa, CensusAgeReader.CensusDay, Sex.Persons, band, count);
        }

        if (sum != total) throw row.Reject(columns["Age: Total"], $"the total {total} is not the sum of the age bands ({sum})");
        Residents.Add(context, lsoa, CensusAgeReader.CensusDay, Sex.Persons, AgeBand.All, total);
        context.Area(lsoa, row.Text(columns["geography"]), AreaType.Lsoa);
    }

    protected override void Finish(ReaderContext context)
    {
        if (context.Skipped > 0)
            context.Batch.Notes.Add($"{context.Skipped:N0} Welsh LSOAs were not loaded (Commonweal covers England)");
    }
}
