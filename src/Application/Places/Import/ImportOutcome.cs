using Commonweal.Application.Files;

namespace Commonweal.Application.Places.Import;

/// <summary>What importing one file did, or why it was refused (then nothing was changed).</summary>
public sealed record ImportOutcome(
    string Kind,
    string FileName,
    int Rows,
    int ChangedRows,
    IReadOnlyList<string> Notes,
    FileProblem? Problem,
    TimeSpan Elapsed)
{
    public bool Succeeded => Problem is null;
}
