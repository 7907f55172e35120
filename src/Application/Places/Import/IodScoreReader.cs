using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// IoD2019 scores by LSOA from the UK composite IMD file (mySociety, CC-BY-4.0): for England (<c>nation</c> = E)
/// <c>overall_local_score</c> is the official IMD score. Rows for Wales, Scotland and Northern Ireland are noted, not loaded.
/// </summary>
public sealed class IodScoreReader : CsvReaderBase
{
    public override string Kind => "iod-scores";

    public override string Description => "IoD2019 IMD scores by LSOA (England rows of mySociety's UK composite IMD file)";

    public override string FolderPattern => "deprivation/UK_IMD_E.csv";

    protected override ByteOrderMark Bom => ByteOrderMark.Absent;

    protected override IReadOnlyList<string> Header { get; } =
    [
        "nation", "lsoa", "overall_local_score", "income_score", "employment_score", "UK_IMD_E_score", "original_decile",
        "E_expanded_decile", "UK_IMD_E_rank", "UK_IMD_E_pop_decile", "UK_IMD_E_pop_quintile",
    ];

    protected override void ReadRow(CsvRow row, ReaderContext context)
    {
        var nation = row.Text(0);
        if (nation != "E")
        {
            if (nation is not ("W" or "S" or "N")) throw row.Reject(0, $"'{nation}' is not a UK nation (E, W, S or N)");
            context.Skipped++;
            return;
        }

        var lsoa = row.Code(1, "E01");
        context.Unique(row, 1, lsoa.Value);
        var score = row.Decimal(2);
        if (score is < 0 or > 100) throw row.Reject(2, $"an IMD score of {score} is outside 0–100");
        context.Batch.Deprivation.Add(new LsoaDeprivation { Lsoa = lsoa, ImdScore = score });
    }

    protected override void Finish(ReaderContext context)
    {
        context.Batch.DeprivationColumns.Add(nameof(LsoaDeprivation.ImdScore));
        if (context.Skipped > 0)
            context.Batch.Notes.Add($"{context.Skipped:N0} rows for Wales, Scotland and Northern Ireland were not loaded (their indices are not comparable with England's)");
    }
}
