using Commonweal.Application.Files;

namespace Commonweal.Application.Indicators.Import;

/// <summary>One indicator of an import: its catalogue entry's fate, what was decided and inferred, and how its rows recomputed.</summary>
public sealed record ImportedIndicator(IndicatorDecision Decision, string Recomputed);

/// <summary>What importing one indicator file did, or why it was refused (then nothing was changed).</summary>
/// <param name="Format">The format recognised (a reader's kind), or null when the file is not one.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="Values">Values stored (after repeats were collapsed; one per age-band group).</param>
/// <param name="AgeCounts">Age-band rows stored.</param>
/// <param name="ChangedRows">Rows of the store inserted or changed (0 when it already held exactly this).</param>
/// <param name="Disagreements">Each row whose published figures the engine does not reproduce, with its line.</param>
public sealed record IndicatorImportOutcome(
    string FileName,
    string? Format,
    int Rows,
    int Values,
    int AgeCounts,
    int ChangedRows,
    IReadOnlyList<ImportedIndicator> Indicators,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Disagreements,
    FileProblem? Problem,
    TimeSpan Elapsed)
{
    public bool Succeeded => Problem is null;

    public static IndicatorImportOutcome Refused(string fileName, string? format, FileProblem problem, TimeSpan elapsed, IReadOnlyList<ImportedIndicator>? indicators = null) =>
        new(fileName, format, 0, 0, 0, 0, indicators ?? [], [], [], problem, elapsed);
}
