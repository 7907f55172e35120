using Commonweal.Application.Files;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// One of MHCLG's files of the English Indices of Deprivation, IoD2019 (2011 LSOAs) or IoD2025 (2021 LSOAs), as
/// published (CSV, or the workbook's data sheet): ranks and deciles, scores and/or population denominators of the IMD
/// and its seven domains, one row for every LSOA of the edition (checked). Each file lists every LSOA and district of
/// its edition, so it also says which existed (their validity).
/// </summary>
public sealed class IodFileReader : TableFileReader
{
    private readonly IodVintage vintage;
    private readonly IReadOnlyList<DeprivationDomain> ranked;
    private readonly IReadOnlyList<DeprivationDomain> scored;
    private readonly IReadOnlyList<(string Column, AgeBand Band)> populations;
    private readonly NumberStyle csvStyle;
    private readonly (string Rank, string Decile)? imdColumns;

    private IodFileReader(
        string kind, string description, IodVintage vintage, int order, IReadOnlyList<TableLayout> layouts,
        IReadOnlyList<DeprivationDomain> ranked, IReadOnlyList<DeprivationDomain> scored,
        IReadOnlyList<(string Column, AgeBand Band)> populations, NumberStyle csvStyle, (string Rank, string Decile)? imdColumns = null)
    {
        Kind = kind;
        Description = description;
        this.vintage = vintage;
        Order = order;
        Layouts = layouts;
        this.ranked = ranked;
        this.scored = scored;
        this.populations = populations;
        this.csvStyle = csvStyle;
        this.imdColumns = imdColumns;
    }

    public override string Kind { get; }

    public override string Description { get; }

    public override string Source => vintage == IodVintage.Iod2019
        ? "MHCLG, English indices of deprivation 2019: www.gov.uk/government/statistics/english-indices-of-deprivation-2019"
        : "MHCLG, English indices of deprivation 2025: www.gov.uk/government/statistics/english-indices-of-deprivation-2025";

    public override int Order { get; }

    protected override IReadOnlyList<TableLayout> Layouts { get; }

    protected override int? ExpectedRows => vintage.LsoaCount();

    protected override string ExpectedRowsAre => $"one per LSOA of {vintage.LsoaRelease().Year}";

    /// <summary>Every IoD file Commonweal reads, both editions.</summary>
    public static IReadOnlyList<IodFileReader> All { get; } = Build();

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        var lsoa = IodColumns.LsoaAndDistrict(row, columns, context, vintage);
        var style = context.Style(csvStyle);
        if (ranked.Count > 0 || scored.Count > 0)
        {
            var deprivation = new LsoaDeprivation { Lsoa = lsoa, Vintage = vintage };
            foreach (var domain in ranked)
            {
                var (rankColumn, decileColumn) = domain == DeprivationDomain.Imd && imdColumns is { } imd
                    ? (columns[First(imd.Rank)], columns[First(imd.Decile)])
                    : (columns[IodColumns.Rank(domain)], columns[First(IodColumns.Decile(domain))]);
                var (rank, decile) = IodColumns.RankAndDecile(row, rankColumn, decileColumn, style, vintage);
                deprivation.Set(domain, rank, decile);
            }

            foreach (var domain in scored)
                deprivation.SetScore(domain, row.Decimal(columns[IodColumns.Score(domain)]));
            context.Batch.Deprivation.Add(deprivation);
        }

        if (populations.Count > 0) ReadPopulations(row, columns, context, lsoa, style);
    }

    protected override void Finish(ReaderContext context)
    {
        context.Batch.DeprivationColumns.AddRange(ranked.SelectMany(d => LsoaDeprivation.Columns(d)));
        context.Batch.DeprivationColumns.AddRange(scored.SelectMany(d => LsoaDeprivation.Columns(d, rankAndDecile: false, score: true)));
        if (vintage == IodVintage.Iod2025 && populations.Count > 0)
            context.Batch.Notes.Add("the working-age population 18–66 was not loaded (Commonweal's working-age band is IoD2019's 18–59/64)");
    }

    private void ReadPopulations(TableRow row, ColumnMap columns, ReaderContext context, AreaCode lsoa, NumberStyle style)
    {
        var period = new DateOnly(vintage == IodVintage.Iod2019 ? 2015 : 2022, 6, 30);
        var counts = new Dictionary<AgeBand, long>();
        foreach (var (column, band) in populations)
        {
            var count = row.People(columns[column], style);
            counts[band] = count;
            context.Batch.Populations.Add(new PopulationCount(lsoa, PopulationKind.IodDenominator, period, Sex.Persons, band, count));
        }

        AgeBand[] parts = [AgeBand.Range(0, 15), AgeBand.Range(16, 59), AgeBand.Range(60, null)];
        if (parts.All(counts.ContainsKey) && counts.TryGetValue(AgeBand.All, out var total) && parts.Sum(p => counts[p]) != total)
            throw row.Reject(columns[populations[0].Column], $"the total {total} is not the sum of the age groups ({parts.Sum(p => counts[p])})");
    }

    private static string First(string names) => names.Split('|')[0];

    private static IReadOnlyList<IodFileReader> Build()
    {
        var all = IodColumns.Measures;
        var seven = DeprivationDomains.Seven;
        List<IodFileReader> readers = [];
        foreach (var v in IodVintages.All)
        {
            var id = IodColumns.Identifiers(v);
            var iod = v.Label();
            var ranks = all.SelectMany(d => new[] { IodColumns.Rank(d), IodColumns.Decile(d) }).ToList();
            var scores = all.Select(IodColumns.Score).ToList();
            var pops = Populations(v);
            var order = v == IodVintage.Iod2019 ? 10 : 20;
            var csvStyle = v == IodVintage.Iod2019 ? NumberStyle.Grouped : NumberStyle.Plain;
            var bom = v == IodVintage.Iod2019 ? ByteOrderMark.Present : (ByteOrderMark?)null;
            var sheets = v == IodVintage.Iod2019
                ? (File1: "IMD2019", File2: "IoD2019 Domains", File5: "IoD2019 Scores", File6: "IoD2019 Population Denominators")
                : (File1: "IMD25", File2: "IoD2025 Domains", File5: "IoD2025 Scores", File6: "ID 2025 Population Denominators");
            TableLayout[] Both(IReadOnlyList<string> columns, string sheet, bool exact, ByteOrderMark? csvBom) =>
            [
                new("CSV", columns) { Exact = exact, Bom = csvBom },
                new("workbook", columns) { Exact = exact, Sheet = sheet },
            ];

            // File 1: IoD2019's headers name the IMD rank and decile without "(where 1 is …)"; IoD2025's have it, the decile's cut off.
            (string, string) imd1 = v == IodVintage.Iod2019
                ? ("Index of Multiple Deprivation (IMD) Rank", "Index of Multiple Deprivation (IMD) Decile")
                : (IodColumns.Rank(DeprivationDomain.Imd), "Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOA|Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)");
            readers.Add(new($"{(v == IodVintage.Iod2019 ? "iod" : "iod2025")}-imd", $"{iod} File 1: IMD rank and decile by LSOA ({v.LsoaLabel()})", v, order,
                Both([.. id, imd1.Item1, imd1.Item2], sheets.File1, exact: true, bom), [DeprivationDomain.Imd], [], [], csvStyle, imd1));
            readers.Add(new($"{(v == IodVintage.Iod2019 ? "iod" : "iod2025")}-domains", $"{iod} File 2: ranks and deciles of the IMD and its seven domains by LSOA", v, order + 1,
                Both([.. id, .. ranks], sheets.File2, exact: v == IodVintage.Iod2019, bom), all, [], [], NumberStyle.Plain));
            readers.Add(new(v == IodVintage.Iod2019 ? "iod-scores-file5" : "iod2025-scores", $"{iod} File 5: scores of the IMD and its seven domains by LSOA", v, order + 2,
                Both([.. id, .. scores], sheets.File5, exact: false, null), [], all, [], NumberStyle.Plain));
            readers.Add(new($"{(v == IodVintage.Iod2019 ? "iod" : "iod2025")}-population", $"{iod} File 6: population denominators (mid-{(v == IodVintage.Iod2019 ? 2015 : 2022)}) by LSOA", v, order + 3,
                Both([.. id, .. pops.Select(p => p.Column)], sheets.File6, exact: v == IodVintage.Iod2019, bom), [], [], pops, csvStyle));
            var file7 = id.Concat(all.SelectMany(d => new[] { IodColumns.Score(d), IodColumns.Rank(d), IodColumns.Decile(d) }))
                .Concat(pops.Where(p => v == IodVintage.Iod2019 || p.Band != AgeBand.Range(16, 59)).Select(p => p.Column)).ToList();
            readers.Add(new(v == IodVintage.Iod2019 ? "iod-all" : "iod2025-all", $"{iod} File 7: all ranks, deciles, scores and population denominators by LSOA", v, order + 4,
                [new TableLayout("CSV", file7) { Exact = false }], all, all, pops.Where(p => v == IodVintage.Iod2019 || p.Band != AgeBand.Range(16, 59)).ToList(), NumberStyle.Plain));
        }

        return readers;
    }

    private static IReadOnlyList<(string Column, AgeBand Band)> Populations(IodVintage v) => v == IodVintage.Iod2019
        ?
        [
            ("Total population: mid 2015 (excluding prisoners)", AgeBand.All),
            ("Dependent Children aged 0-15: mid 2015 (excluding prisoners)", AgeBand.Range(0, 15)),
            ("Population aged 16-59: mid 2015 (excluding prisoners)", AgeBand.Range(16, 59)),
            ("Older population aged 60 and over: mid 2015 (excluding prisoners)", AgeBand.Range(60, null)),
            ("Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)", AgeBand.WorkingAge),
        ]
        :
        [
            ("Total population: mid 2022", AgeBand.All),
            ("Dependent Children aged 0-15: mid 2022", AgeBand.Range(0, 15)),
            ("Population aged 16-59: mid 2022", AgeBand.Range(16, 59)),
            ("Older population aged 60 and over: mid 2022", AgeBand.Range(60, null)),
        ];
}
