namespace Commonweal.Application.Places.Import;

/// <summary>Why a file was rejected: where (file, line, column, field) and which rule the input broke.</summary>
/// <param name="Line">1-based line in the file; 0 when the problem is with the file as a whole.</param>
/// <param name="Column">1-based column (field position); null when not about one field.</param>
public sealed record ImportProblem(string File, int Line, int? Column, string? Field, string Rule)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" + (Column is { } c ? $":{c}" : string.Empty) : File;
        return Field is null ? $"{where}: {Rule}" : $"{where}: field '{Field}': {Rule}";
    }
}

/// <summary>Thrown inside a reader at the first bad value and turned into an <see cref="ImportProblem"/> at the reader's edge.</summary>
internal sealed class ImportProblemException(ImportProblem problem) : Exception(problem.ToString())
{
    public ImportProblem Problem { get; } = problem;
}
