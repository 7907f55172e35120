using System.Text;
using Commonweal.Application.Files;

namespace Commonweal.Cli.Commands.Stats;

/// <summary>
/// A CSV output that appears only when the whole run succeeds: rows go to a temporary file beside the
/// target (or, for standard output, in the temporary folder) and <see cref="Commit"/> moves or copies it
/// into place. Disposing without committing deletes it, so bad input never leaves a partial file.
/// Numbers are written in full precision (shortest round-trip form); NaN is written as an empty field. A number no
/// double holds in full (±∞, or an underflow below 2.2e-308) stops the run, naming the row and the column.
/// </summary>
public sealed class CsvOutput : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string? target;
    private readonly TextWriter? standardOutput;
    private readonly string temporary;
    private readonly StreamWriter writer;
    private readonly CsvRowBuffer row = new();
    private string[] header = [];
    private int rows;
    private bool committed;

    private CsvOutput(string? target, TextWriter? standardOutput)
    {
        this.target = target;
        this.standardOutput = standardOutput;
        var written = target ?? "standard output";
        if (target is not null && Directory.Exists(target)) throw new StatsFileException($"cannot write {target}: it is a folder (give a file name to write to)");
        var folder = target is null ? Path.GetTempPath() : Path.GetDirectoryName(Path.GetFullPath(target))!;
        if (File.Exists(folder)) throw new StatsFileException($"cannot write {written}: {folder} is a file, not a folder");
        if (!Directory.Exists(folder)) throw new StatsFileException($"cannot write {written}: the folder {folder} does not exist");
        temporary = Path.Combine(folder, $".{(target is null ? "commonweal-stats" : Path.GetFileName(target))}.{Guid.NewGuid():N}.partial");
        try
        {
            writer = new StreamWriter(new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16), Utf8, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StatsFileException($"cannot write {written}: {FileErrors.Reason(e)} ({folder})");
        }
    }

    /// <summary>The full path of the file this output becomes, or null for standard output.</summary>
    public string? Target => target is null ? null : Path.GetFullPath(target);

    /// <summary>An output to <paramref name="path"/>, or to <paramref name="standardOutput"/> when the path is null or "-".</summary>
    public static CsvOutput Create(string? path, TextWriter standardOutput) =>
        path is null or "-" ? new CsvOutput(null, standardOutput) : new CsvOutput(path, null);

    /// <summary>The column names, once the header (the first row) is written.</summary>
    public IReadOnlyList<string> Header => header;

    /// <summary>How many columns a record written by <see cref="PassThrough"/> fills (the input's column count).</summary>
    public int PassThroughColumns
    {
        get => row.PassThroughColumns;
        set => row.PassThroughColumns = value;
    }

    /// <summary>Writes a whole row of text fields (a header, say: the first row is taken as the header).</summary>
    public void Row(IEnumerable<string> fields)
    {
        var list = fields.ToList();
        if (rows == 0) header = [.. list];
        foreach (var field in list) Field(field);
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

    /// <summary>Ends the current row; refuses it when it holds a number no double gives in full.</summary>
    public void EndRow()
    {
        if (row.TakeLost() is { } lost)
            throw Unrepresentable($"output line {rows + 1} ('{Shortened(row.CurrentRow)}')", lost);
        rows++;
        row.EndRow();
        if (row.Length > 1 << 15) Write(row);
    }

    /// <summary>Writes rows formatted elsewhere (whole rows only), after any rows written here.</summary>
    public void Write(CsvRowBuffer formatted)
    {
        if (formatted != row && row.Length > 0) Write(row);
        writer.Write(formatted.Text);
        formatted.Clear();
    }

    /// <summary>The refusal of a result no double holds in full: "WHERE, column 'NAME': the result ∞ is …".</summary>
    public StatsInputException Unrepresentable(string where, (int Column, double Value) lost)
    {
        var name = lost.Column < header.Length ? header[lost.Column] : $"{lost.Column + 1}";
        var why = double.IsInfinity(lost.Value)
            ? "is beyond the range of a double (about ±1.8e308): the input's numbers are too large, or a denominator too small, for this method"
            : "is closer to zero than a double holds in full (2.2e-308): the input's numbers are too small for this method";
        return new StatsInputException($"{where}, column '{name}': the result {lost.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {why}; nothing was written");
    }

    /// <summary>Puts the finished output in place: moves the file over the target, or copies it to standard output.</summary>
    public void Commit()
    {
        Write(row);
        writer.Flush();
        writer.Dispose();
        if (target is not null)
        {
            try
            {
                File.Move(temporary, target, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StatsFileException($"cannot write {target}: {FileErrors.Reason(e)}");
            }
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

    private static string Shortened(string text) => text.Length <= 60 ? text : text[..59] + "…";

    public void Dispose()
    {
        if (committed) return;
        writer.Dispose();
        File.Delete(temporary);
    }
}
