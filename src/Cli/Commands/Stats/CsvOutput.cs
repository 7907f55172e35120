using System.Text;

namespace Commonweal.Cli.Commands.Stats;

/// <summary>
/// A CSV output that appears only when the whole run succeeds: rows go to a temporary file beside the
/// target (or, for standard output, in the temporary folder) and <see cref="Commit"/> moves or copies it
/// into place. Disposing without committing deletes it, so bad input never leaves a partial file.
/// Numbers are written in full precision (shortest round-trip form); NaN is written as an empty field.
/// </summary>
public sealed class CsvOutput : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string? target;
    private readonly TextWriter? standardOutput;
    private readonly string temporary;
    private readonly StreamWriter writer;
    private readonly CsvRowBuffer row = new();
    private bool committed;

    private CsvOutput(string? target, TextWriter? standardOutput)
    {
        this.target = target;
        this.standardOutput = standardOutput;
        if (target is not null && Directory.Exists(target)) throw new StatsInputException($"{target} is a folder: give a file name to write to");
        var folder = target is null ? Path.GetTempPath() : Path.GetDirectoryName(Path.GetFullPath(target))!;
        if (!Directory.Exists(folder)) throw new StatsInputException($"{target}: the folder {folder} does not exist");
        temporary = Path.Combine(folder, $".{(target is null ? "commonweal-stats" : Path.GetFileName(target))}.{Guid.NewGuid():N}.partial");
        writer = new StreamWriter(new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), Utf8, 1 << 16);
    }

    /// <summary>The full path of the file this output becomes, or null for standard output.</summary>
    public string? Target => target is null ? null : Path.GetFullPath(target);

    /// <summary>An output to <paramref name="path"/>, or to <paramref name="standardOutput"/> when the path is null or "-".</summary>
    public static CsvOutput Create(string? path, TextWriter standardOutput) =>
        path is null or "-" ? new CsvOutput(null, standardOutput) : new CsvOutput(path, null);

    /// <summary>Writes a whole row of text fields (a header, say).</summary>
    public void Row(IEnumerable<string> fields)
    {
        foreach (var field in fields) Field(field);
        EndRow();
    }

    /// <summary>Writes an input record through unchanged, as the first fields of the row.</summary>
    public void PassThrough(string record) => row.PassThrough(record);

    /// <summary>Writes a text field, quoted when it holds a comma, quote or line break.</summary>
    public void Field(string? text) => row.Field(text);

    /// <summary>Writes a number in its shortest round-trip form; NaN (not calculated) as an empty field.</summary>
    public void Field(double value) => row.Field(value);

    /// <summary>Writes a whole number.</summary>
    public void Field(long value) => row.Field(value);

    /// <summary>Ends the current row.</summary>
    public void EndRow()
    {
        row.EndRow();
        if (row.Length > 1 << 15) Write(row);
    }

    /// <summary>Writes rows formatted elsewhere (whole rows only), after any rows written here.</summary>
    public void Write(CsvRowBuffer rows)
    {
        if (rows != row && row.Length > 0) Write(row);
        writer.Write(rows.Text);
        rows.Clear();
    }

    /// <summary>Puts the finished output in place: moves the file over the target, or copies it to standard output.</summary>
    public void Commit()
    {
        Write(row);
        writer.Flush();
        writer.Dispose();
        if (target is not null)
        {
            File.Move(temporary, target, overwrite: true);
        }
        else
        {
            using (var reader = new StreamReader(temporary, Utf8))
            {
                var buffer = new char[1 << 16];
                int read;
                while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
                    standardOutput!.Write(buffer, 0, read);
            }

            standardOutput!.Flush();
            File.Delete(temporary);
        }

        committed = true;
    }

    public void Dispose()
    {
        if (committed) return;
        writer.Dispose();
        File.Delete(temporary);
    }
}
