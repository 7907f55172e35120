using Commonweal.Application.Files;
using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// IoD2019 scores by LSOA from the UK composite IMD file (mySociety, CC-BY-4.0): for England (<c>nation</c> = E)
/// <c>overall_local_score</c> is the official IMD score and <c>income_score</c>, <c>employment_score</c> the official
/// domain scores as percentages (stored as rates, 56.9 → 0.569, as MHCLG's File 5 gives them). Rows for Wales,
/// Scotland and Northern Ireland are noted, not loaded. England's rows must be all 32,844 LSOAs of 2011.
/// </summary>
public sealed class IodScoreReader : TableFileReader
{
    public override string Kind => "iod-scores";

    public override string Description => "IoD2019 IMD, income and employment scores by LSOA (England rows of mySociety's UK composite IMD file)";

    public override string Source => "mySociety composite_uk_imd (CC-BY-4.0), UK_IMD_E.csv: github.com/mysociety/composite_uk_imd";

    public override int Order => 12;

    protected override IReadOnlyList<TableLayout> Layouts { get; } =
    [
        new("CSV", ["nation", "lsoa", "overall_local_score", "income_score", "employment_score", "UK_IMD_E_score", "original_decile",
            "E_expanded_decile", "UK_IMD_E_rank", "UK_IMD_E_pop_decile", "UK_IMD_E_pop_quintile"]) { Bom = ByteOrderMark.Absent },
    ];

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        var nation = row.Text(columns["nation"]);
        if (nation != "E")
        {
            if (nation is not ("W" or "S" or "N")) throw row.Reject(columns["nation"], $"'{nation}' is not a UK nation (E, W, S or N)");
            context.Skipped++;
            return;
        }

        var lsoa = row.Code(columns["lsoa"], "E01");
        context.Unique(row, columns["lsoa"], lsoa.Value);
        var score = row.Decimal(columns["overall_local_score"]);
        if (score is < 0 or > 100) throw row.Reject(columns["overall_local_score"], $"an IMD score of {score} is outside 0–100");
        context.Batch.Deprivation.Add(new LsoaDeprivation
        {
            Lsoa = lsoa,
            Vintage = IodVintage.Iod2019,
            ImdScore = score,
            IncomeScore = Percent(row, columns["income_score"]),
            EmploymentScore = Percent(row, columns["employment_score"]),
        });
    }

    protected override void Finish(ReaderContext context)
    {
        var england = context.Batch.Deprivation.Count;
        if (england != IodVintage.Iod2019.LsoaCount())
        {
            throw new FileProblemException(context.Table.Problem(0, null,
                $"the file has {england:N0} rows for England, but IoD2019 has {IodVintage.Iod2019.LsoaCount():N0} LSOAs: is it cut short, or an extract?"));
        }

        context.Batch.DeprivationColumns.AddRange([nameof(LsoaDeprivation.ImdScore), nameof(LsoaDeprivation.IncomeScore), nameof(LsoaDeprivation.EmploymentScore)]);
        if (context.Skipped > 0)
            context.Batch.Notes.Add($"{context.Skipped:N0} rows for Wales, Scotland and Northern Ireland were not loaded (their indices are not comparable with England's)");
    }

    private static double Percent(TableRow row, int column)
    {
        var value = row.Decimal(column);
        if (value is < 0 or > 100) throw row.Reject(column, $"a score of {value} % is outside 0–100 %");
        return Math.Round(value / 100, 3);
    }
}

/// <summary>
/// IoD2025 ranks, deciles and scores of the IMD and its seven domains by LSOA, as the humaniverse/IMD R package converts
/// MHCLG's File 7 (<c>imd2025_england_lsoa21</c>): no names and no districts, so it needs File 1 for those. One row
/// per LSOA of 2021 (checked).
/// </summary>
public sealed class Iod2025ConversionReader : TableFileReader
{
    private static readonly (DeprivationDomain Domain, string Prefix)[] Prefixes =
    [
        (DeprivationDomain.Imd, "IMD"), (DeprivationDomain.Income, "Income"), (DeprivationDomain.Employment, "Employment"),
        (DeprivationDomain.Education, "Education"), (DeprivationDomain.Health, "Health"), (DeprivationDomain.Crime, "Crime"),
        (DeprivationDomain.Barriers, "Housing_and_Services"), (DeprivationDomain.LivingEnvironment, "Environment"),
    ];

    public override string Kind => "iod2025-humaniverse";

    public override string Description => "IoD2025 ranks, deciles and scores of the IMD and its seven domains by LSOA (humaniverse/IMD's conversion of File 7)";

    public override string Source => "humaniverse/IMD R package, data/imd2025_england_lsoa21 (from MHCLG's File 7): github.com/humaniverse/IMD";

    public override int Order => 25;

    protected override IReadOnlyList<TableLayout> Layouts { get; } =
    [
        new("CSV", ["lsoa21_code", .. Prefixes.Select(p => p.Prefix + "_decile"), .. Prefixes.Select(p => p.Prefix + "_rank"), .. Prefixes.Select(p => p.Prefix + "_score")])
        {
            Bom = ByteOrderMark.Absent,
        },
    ];

    protected override int? ExpectedRows => IodVintage.Iod2025.LsoaCount();

    protected override string ExpectedRowsAre => "one per LSOA of 2021";

    protected override void ReadRow(TableRow row, ColumnMap columns, ReaderContext context)
    {
        var lsoa = row.Code(columns["lsoa21_code"], "E01");
        context.Unique(row, columns["lsoa21_code"], lsoa.Value);
        context.Area(lsoa, lsoa.Value, AreaType.Lsoa);
        var deprivation = new LsoaDeprivation { Lsoa = lsoa, Vintage = IodVintage.Iod2025 };
        foreach (var (domain, prefix) in Prefixes)
        {
            var (rank, decile) = IodColumns.RankAndDecile(row, columns[prefix + "_rank"], columns[prefix + "_decile"], NumberStyle.Plain, IodVintage.Iod2025);
            deprivation.Set(domain, rank, decile);
            deprivation.SetScore(domain, row.Decimal(columns[prefix + "_score"]));
        }

        context.Batch.Deprivation.Add(deprivation);
    }

    protected override void Finish(ReaderContext context) =>
        context.Batch.DeprivationColumns.AddRange(IodColumns.Measures.SelectMany(d => LsoaDeprivation.Columns(d, score: true)));
}
