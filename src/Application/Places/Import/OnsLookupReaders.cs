using System.Globalization;
using Commonweal.Application.Files;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>Shared by ONS's lookups: codes and dates of each geography's vintage, read from the column names (WD19CD, SICBL24CD…).</summary>
internal static class OnsVintages
{
    /// <summary>A layout per year the publisher has used, named by the two-digit year (columns with {yy} filled in).</summary>
    public static IReadOnlyList<TableLayout> Years(IEnumerable<int> years, params string[] columns) =>
        [.. years.Select(y => new TableLayout(y.ToString("00", CultureInfo.InvariantCulture),
            [.. columns.Select(c => c.Replace("{yy}", y.ToString("00", CultureInfo.InvariantCulture), StringComparison.Ordinal))]) { Exact = false })];

    public static int Year(ReaderContext context) => 2000 + int.Parse(context.Layout.Name, CultureInfo.InvariantCulture);

    /// <summary>Districts change on 1 April.</summary>
    public static DateOnly District(int year) => new(year, 4, 1);

    /// <summary>Ward patterns take effect at the May local elections.</summary>
    public static DateOnly Ward(int year) => new(year, 5, 1);

    /// <summary>CCGs and sub-ICB locations change on 1 April, except those of 2022: from 1 July 2022 when ICBs began.</summary>
    public static DateOnly Nhs(int year) => year == 2022 ? new DateOnly(2022, 7, 1) : new DateOnly(year, 4, 1);

    /// <summary>An English row's code, or null (and counted) for a Welsh one: England is loaded.</summary>
    public static AreaCode? English(TableRow row, int column, string entity, ReaderContext context)
    {
        if (row.Text(column).StartsWith('W'))
        {
            context.Skipped++;
            return null;
        }

        return row.Code(column, entity);
    }

    public static void NoteWales(ReaderContext context)
    {
        if (context.Skipped > 0)
            context.Batch.Notes.Add($"{context.Skipped:N0} Welsh rows were not loaded (Commonweal covers England)");
    }

    /// <summary>A sub-ICB location (or CCG), keyed by its GSS code with its ODS code beside it, as the ONS lookups give it.</summary>
    public static AreaCode SubIcb(TableRow row, int gss, int ods, int name, DateOnly release, ReaderContext context)
    {
        var code = row.Code(gss, "E38");
        var odsCode = row.SubIcbOds(ods);
        context.Release(AreaType.SubIcb, release);
        context.Listed(code, AreaType.SubIcb, release, row.Text(name), odsCode.Value);
        return code;
    }

    /// <summary>An ICB (or STP), keyed by its ODS code with its GSS code beside it.</summary>
    public static AreaCode Icb(TableRow row, int gss, int ods, int name, DateOnly release, ReaderContext context)
    {
        var gssCode = row.Code(gss, "E54");
        var code = row.IcbOds(ods);
        context.Release(AreaType.Icb, release);
        context.Listed(code, AreaType.Icb, release, row.Text(name), gssCode.Value);
        return code;
    }
}

/// <summary>ONS lookup LSOA (2011 or 2021) → electoral ward → local authority district, England and Wales; England is loaded.</summary>
public sealed class OnsWardLookupReader : TableFileReader
{
    public override string Kind => "ons-lsoa-ward-lad";

    public override string Description => "ONS lookup: LSOA (2011 or 2021) to electoral ward to LAD";

    public override string Source => "ONS Open Geography Portal (geoportal.statistics.gov.uk), e.g. \"LSOA (2011) to Electoral Ward (2019) to LAD (2019) Lookup in England and Wales\" or \"LSOA (2021) to Electoral Ward (2024) to LAD (2024) Best Fit Lookup in EW\", CSV";

    public override int Order => 30;

    protected override IReadOnlyList<TableLayout> Layouts { get; } =
    [
        .. OnsVintages.Years(Enumerable.Range(17, 6), "LSOA11CD", "LSOA11NM", "WD{yy}CD", "WD{yy}NM", "LAD{yy}CD", "LAD{yy}NM"),
        .. OnsVintages.Years(Enumerable.Range(22, 5), "LSOA21CD", "LSOA21NM", "WD{yy}CD", "WD{yy}NM", "LAD{yy}CD", "LAD{yy}NM"),
    ];

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        var year = OnsVintages.Year(context);
        var lsoa11 = context.Layout.Columns[0] == "LSOA11CD";
        var census = lsoa11 ? Reorganisations.Census[0] : Reorganisations.Census[1];
        var (lsoaCode, lsoaName) = lsoa11 ? ("LSOA11CD", "LSOA11NM") : ("LSOA21CD", "LSOA21NM");
        if (OnsVintages.English(row, columns[lsoaCode], "E01", context) is not { } lsoa) return;
        context.Unique(row, columns[lsoaCode], lsoa.Value);
        var yy = context.Layout.Name;
        var ward = row.Code(columns[$"WD{yy}CD"], "E05");
        var district = row.District(columns[$"LAD{yy}CD"]);
        context.Release(AreaType.Lsoa, census);
        context.Release(AreaType.Ward, OnsVintages.Ward(year));
        context.Release(AreaType.District, OnsVintages.District(year));
        context.Listed(lsoa, AreaType.Lsoa, census, row.Text(columns[lsoaName]));
        context.Listed(ward, AreaType.Ward, OnsVintages.Ward(year), row.Text(columns[$"WD{yy}NM"]));
        context.Listed(district, AreaType.District, OnsVintages.District(year), row.Text(columns[$"LAD{yy}NM"]));
        context.Member(lsoa, AreaType.Lsoa, ward, AreaType.Ward, OnsVintages.Ward(year));
        context.Member(lsoa, AreaType.Lsoa, district, AreaType.District, OnsVintages.District(year));
        context.Member(ward, AreaType.Ward, district, AreaType.District, OnsVintages.Ward(year));
    }

    protected override void Finish(ReaderContext context) => OnsVintages.NoteWales(context);
}

/// <summary>ONS lookup LSOA (2011) → CCG → LAD (2018–2021), England.</summary>
public sealed class OnsCcgLookupReader : TableFileReader
{
    public override string Kind => "ons-lsoa-ccg-lad";

    public override string Description => "ONS lookup: LSOA (2011) to CCG to LAD";

    public override string Source => "ONS Open Geography Portal, \"LSOA (2011) to Clinical Commissioning Group to Local Authority District (April 2020) Lookup in England\", CSV";

    public override int Order => 31;

    protected override IReadOnlyList<TableLayout> Layouts { get; } =
        OnsVintages.Years(Enumerable.Range(18, 4), "LSOA11CD", "LSOA11NM", "CCG{yy}CD", "CCG{yy}CDH", "CCG{yy}NM", "LAD{yy}CD", "LAD{yy}NM");

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        var year = OnsVintages.Year(context);
        var yy = context.Layout.Name;
        var lsoa = row.Code(columns["LSOA11CD"], "E01");
        context.Unique(row, columns["LSOA11CD"], lsoa.Value);
        var release = OnsVintages.Nhs(year);
        var subIcb = OnsVintages.SubIcb(row, columns[$"CCG{yy}CD"], columns[$"CCG{yy}CDH"], columns[$"CCG{yy}NM"], release, context);
        var district = row.District(columns[$"LAD{yy}CD"]);
        context.Release(AreaType.Lsoa, Reorganisations.Census[0]);
        context.Release(AreaType.District, OnsVintages.District(year));
        context.Listed(lsoa, AreaType.Lsoa, Reorganisations.Census[0], row.Text(columns["LSOA11NM"]));
        context.Listed(district, AreaType.District, OnsVintages.District(year), row.Text(columns[$"LAD{yy}NM"]));
        context.Member(lsoa, AreaType.Lsoa, subIcb, AreaType.SubIcb, release);
        context.Member(lsoa, AreaType.Lsoa, district, AreaType.District, OnsVintages.District(year));
    }
}

/// <summary>ONS lookup CCG → STP (2018–2021) or sub-ICB location → ICB (2022 on), England: which ICB each sub-ICB location was in.</summary>
public sealed class OnsCcgStpLookupReader : TableFileReader
{
    public override string Kind => "ons-ccg-stp";

    public override string Description => "ONS lookup: CCG to STP, or sub-ICB location to ICB";

    public override string Source => "ONS Open Geography Portal, \"CCG to STP (April 2020) Lookup in England\" or \"Sub ICB Location to ICB (April 2024) Lookup in England\", CSV";

    public override int Order => 32;

    protected override IReadOnlyList<TableLayout> Layouts { get; } =
    [
        .. OnsVintages.Years(Enumerable.Range(18, 4), "CCG{yy}CD", "CCG{yy}CDH", "CCG{yy}NM", "STP{yy}CD", "STP{yy}CDH", "STP{yy}NM"),
        .. OnsVintages.Years(Enumerable.Range(22, 5), "SICBL{yy}CD", "SICBL{yy}CDH", "SICBL{yy}NM", "ICB{yy}CD", "ICB{yy}CDH", "ICB{yy}NM"),
    ];

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        var yy = context.Layout.Name;
        var release = OnsVintages.Nhs(OnsVintages.Year(context));
        var (child, parent) = context.Layout.Columns[0].StartsWith("CCG", StringComparison.Ordinal) ? ("CCG", "STP") : ("SICBL", "ICB");
        var subIcb = OnsVintages.SubIcb(row, columns[$"{child}{yy}CD"], columns[$"{child}{yy}CDH"], columns[$"{child}{yy}NM"], release, context);
        context.Unique(row, columns[$"{child}{yy}CD"], subIcb.Value);
        var icb = OnsVintages.Icb(row, columns[$"{parent}{yy}CD"], columns[$"{parent}{yy}CDH"], columns[$"{parent}{yy}NM"], release, context);
        context.Member(subIcb, AreaType.SubIcb, icb, AreaType.Icb, release);
    }
}

/// <summary>
/// ONS lookup LSOA (2021 or 2011) → sub-ICB location → ICB (→ cancer alliance → LAD), England, as ONS publishes it
/// (LSOA21CD, SICBL24CD, SICBL24CDH, …) or as the humaniverse/geographr R package converts it (lsoa21_code, sicbl24_code…).
/// </summary>
public sealed class OnsLsoaIcbLookupReader : TableFileReader
{
    public override string Kind => "ons-lsoa-icb";

    public override string Description => "ONS lookup: LSOA to sub-ICB location to ICB";

    public override string Source => "ONS Open Geography Portal, \"LSOA (2021) to Sub ICB Locations to Integrated Care Boards to Cancer Alliances to LAD (April 2024) Lookup in EN\" (or later), CSV";

    public override int Order => 36;

    protected override IReadOnlyList<TableLayout> Layouts { get; } =
    [
        .. OnsVintages.Years(Enumerable.Range(22, 5), "LSOA21CD", "LSOA21NM", "SICBL{yy}CD", "SICBL{yy}CDH", "SICBL{yy}NM", "ICB{yy}CD", "ICB{yy}CDH", "ICB{yy}NM"),
        .. OnsVintages.Years([22], "LSOA11CD", "LSOA11NM", "SICBL{yy}CD", "SICBL{yy}CDH", "SICBL{yy}NM", "ICB{yy}CD", "ICB{yy}CDH", "ICB{yy}NM"),
        .. OnsVintages.Years(Enumerable.Range(22, 5), "lsoa21_code", "lsoa21_name", "sicbl{yy}_code", "sicbl{yy}_code_nhs", "sicbl{yy}_name", "icb{yy}_code", "icb{yy}_code_nhs", "icb{yy}_name")
            .Select(l => l with { Name = "geographr " + l.Name }),
    ];

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        var c = context.Layout.Columns;
        var yy = context.Layout.Name[^2..];
        var release = OnsVintages.Nhs(2000 + int.Parse(yy, CultureInfo.InvariantCulture));
        var census = c[0].Contains("11", StringComparison.Ordinal) ? Reorganisations.Census[0] : Reorganisations.Census[1];
        var lsoa = row.Code(columns[c[0]], "E01");
        context.Unique(row, columns[c[0]], lsoa.Value);
        context.Release(AreaType.Lsoa, census);
        context.Listed(lsoa, AreaType.Lsoa, census, row.Text(columns[c[1]]));
        var subIcb = OnsVintages.SubIcb(row, columns[c[2]], columns[c[3]], columns[c[4]], release, context);
        var icb = OnsVintages.Icb(row, columns[c[5]], columns[c[6]], columns[c[7]], release, context);
        context.Member(lsoa, AreaType.Lsoa, subIcb, AreaType.SubIcb, release);
        context.Member(subIcb, AreaType.SubIcb, icb, AreaType.Icb, release);
    }
}

/// <summary>
/// ONS's exact lookup LSOA (2011) → LSOA (2021) → LAD (2022) for England and Wales, with its change code (CHGIND: U
/// unchanged, S split, M merged, X redrawn), as ONS publishes it (LSOA11CD or F_LSOA11CD, …, CHGIND, LAD22CD…) or as the
/// humaniverse/geographr package converts it. Lists every LSOA of both Censuses (so the 2021 splits and mergers date
/// the LSOAs that ceased and began) and links each pair. England is loaded.
/// </summary>
public sealed class LsoaExactLookupReader : TableFileReader
{
    private static readonly DateOnly Lad22 = OnsVintages.District(2022);

    public override string Kind => "ons-lsoa11-lsoa21";

    public override string Description => "ONS exact lookup: LSOA (2011) to LSOA (2021) to LAD (2022), with change codes";

    public override string Source => "ONS Open Geography Portal, \"LSOA (2011) to LSOA (2021) to Local Authority District (2022) Exact Fit Lookup for EW\", CSV";

    public override int Order => 35;

    protected override IReadOnlyList<TableLayout> Layouts { get; } =
    [
        new("ONS", ["LSOA11CD|F_LSOA11CD", "LSOA11NM", "LSOA21CD", "LSOA21NM", "CHGIND", "LAD22CD", "LAD22NM"]) { Exact = false },
        new("geographr", ["lsoa11_code", "lsoa11_name", "lsoa21_code", "lsoa21_name", "change_code", "ltla22_code", "ltla22_name"]) { Exact = false },
    ];

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        var c = context.Layout.Columns.Select(n => n.Split('|')[0]).ToList();
        if (OnsVintages.English(row, columns[c[0]], "E01", context) is not { } lsoa11) return;
        var lsoa21 = row.Code(columns[c[2]], "E01");
        var changeColumn = columns[c[4]];
        if (!LsoaLink.TryParse(row.Text(changeColumn), out var change))
            throw row.Reject(changeColumn, $"'{row.Text(changeColumn)}' is not a change code (U unchanged, S split, M merged, X redrawn)");
        if (change == LsoaChange.Unchanged && lsoa11 != lsoa21)
            throw row.Reject(columns[c[2]], $"an unchanged LSOA (U) keeps its code, but {lsoa11} became {lsoa21}");
        context.Unique(row, columns[c[0]], lsoa11.Value + "→" + lsoa21.Value);
        var district = row.District(columns[c[5]]);
        context.Release(AreaType.Lsoa, Reorganisations.Census[0]);
        context.Release(AreaType.Lsoa, Reorganisations.Census[1]);
        context.Release(AreaType.District, Lad22);
        context.Listed(lsoa11, AreaType.Lsoa, Reorganisations.Census[0], row.Text(columns[c[1]]));
        context.Listed(lsoa21, AreaType.Lsoa, Reorganisations.Census[1], row.Text(columns[c[3]]));
        context.Listed(district, AreaType.District, Lad22, row.Text(columns[c[6]]));
        context.Member(lsoa21, AreaType.Lsoa, district, AreaType.District, Lad22);
        context.Batch.LsoaLinks.Add(new LsoaLink(lsoa11, lsoa21, change, BestFit: false));
    }

    protected override void Finish(ReaderContext context)
    {
        context.Batch.LsoaLinkColumns.Add(nameof(LsoaLink.Change));
        OnsVintages.NoteWales(context);
    }
}

/// <summary>
/// ONS's best-fit lookup LSOA (2011) → LSOA (2021) → LAD (2022) for England and Wales: each 2011 LSOA to the one 2021
/// LSOA holding most of its population. Lists every LSOA of 2011. England is loaded.
/// </summary>
public sealed class LsoaBestFitLookupReader : TableFileReader
{
    private static readonly DateOnly Lad22 = OnsVintages.District(2022);

    public override string Kind => "ons-lsoa11-lsoa21-best-fit";

    public override string Description => "ONS best-fit lookup: LSOA (2011) to LSOA (2021) to LAD (2022)";

    public override string Source => "ONS Open Geography Portal, \"LSOA (2011) to LSOA (2021) to Local Authority District (2022) Best Fit Lookup for EW (V2)\", CSV";

    public override int Order => 34;

    protected override IReadOnlyList<TableLayout> Layouts { get; } =
    [
        new("ONS", ["LSOA11CD", "LSOA11NM", "LSOA21CD", "LSOA21NM", "LAD22CD", "LAD22NM"]) { Exact = false },
    ];

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        if (OnsVintages.English(row, columns["LSOA11CD"], "E01", context) is not { } lsoa11) return;
        context.Unique(row, columns["LSOA11CD"], lsoa11.Value);
        var lsoa21 = row.Code(columns["LSOA21CD"], "E01");
        var district = row.District(columns["LAD22CD"]);
        context.Release(AreaType.Lsoa, Reorganisations.Census[0]);
        context.Listed(lsoa11, AreaType.Lsoa, Reorganisations.Census[0], row.Text(columns["LSOA11NM"]));
        context.Area(lsoa21, row.Text(columns["LSOA21NM"]), AreaType.Lsoa);
        context.Area(district, row.Text(columns["LAD22NM"]), AreaType.District);
        context.Member(lsoa21, AreaType.Lsoa, district, AreaType.District, Lad22);
        context.Batch.LsoaLinks.Add(new LsoaLink(lsoa11, lsoa21, null, BestFit: true));
    }

    protected override void Finish(ReaderContext context)
    {
        context.Batch.LsoaLinkColumns.Add(nameof(LsoaLink.BestFit));
        OnsVintages.NoteWales(context);
    }
}
