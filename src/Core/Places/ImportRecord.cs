namespace Commonweal.Core.Places;

/// <summary>One official file loaded into the store: which, when, by whom, and how many rows it changed.</summary>
public sealed record ImportRecord(
    long Id,
    string Kind,
    string FileName,
    string Sha256,
    int Rows,
    int ChangedRows,
    DateTimeOffset ImportedAt,
    string ImportedBy);
