namespace Commonweal.Application.Files;

/// <summary>Which kind of part of a file a <see cref="FileProblem"/> is about.</summary>
public enum FilePartKind
{
    /// <summary>The file itself (a CSV file).</summary>
    None,

    /// <summary>A worksheet of an xlsx workbook: lines are the sheet's row numbers, columns are also shown as letters.</summary>
    Sheet,

    /// <summary>A member of a zip file (e.g. the CSV inside a publisher's .zip).</summary>
    ZipMember,
}

/// <summary>
/// Where a bad value is and which rule it broke, in the form people and editors read:
/// <c>file:line:col: field 'X': rule</c>, <c>file:line: rule</c> or <c>file: rule</c>. A part of the file follows its
/// name in brackets: <c>File_1.xlsx [sheet IMD25]:5:3 (column C): field 'LSOA code (2021)': rule</c>,
/// <c>gp-reg-pat-prac-map.zip [gp-reg-pat-prac-map.csv]:7: rule</c>.
/// </summary>
/// <param name="File">The file's name (no folder).</param>
/// <param name="Part">The worksheet or zip member the problem is in; null for a plain file.</param>
/// <param name="Line">1-based line (CSV) or row number (sheet); 0 when the problem is with the file as a whole.</param>
/// <param name="Column">1-based column (field position); null when the problem is not about one field.</param>
/// <param name="Field">The header's name for the column, when known.</param>
/// <param name="Rule">What is wrong, in words.</param>
public sealed record FileProblem(string File, string? Part, int Line, int? Column, string? Field, string Rule)
{
    /// <summary>What <see cref="Part"/> is: a worksheet (columns are then also shown as letters) or a zip member.</summary>
    public FilePartKind PartKind { get; init; }

    public override string ToString()
    {
        var file = Part is null ? File : PartKind == FilePartKind.Sheet ? $"{File} [sheet {Part}]" : $"{File} [{Part}]";
        var column = Column switch
        {
            null => string.Empty,
            { } c when PartKind == FilePartKind.Sheet => $":{c} (column {SheetColumns.Letters(c)})",
            { } c => $":{c}",
        };
        var where = Line > 0 ? $"{file}:{Line}{column}" : file;
        return Field is null ? $"{where}: {Rule}" : $"{where}: field '{Field}': {Rule}";
    }
}

/// <summary>Thrown by the file layer (and by readers through <see cref="TableRow.Reject"/>) at the first bad thing in a file.</summary>
public sealed class FileProblemException(FileProblem problem) : Exception(problem.ToString())
{
    /// <summary>Where the file is wrong and why.</summary>
    public FileProblem Problem { get; } = problem;
}
