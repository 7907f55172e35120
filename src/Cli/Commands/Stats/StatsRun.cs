using System.CommandLine;
using Commonweal.Core.Statistics;

namespace Commonweal.Cli.Commands.Stats;

/// <summary>One run of a <c>stats</c> verb: its parsed options, the input being streamed, the output being written.</summary>
public sealed class StatsRun(ParseResult parse, CsvInput input, CsvOutput output, IReadOnlyList<ConfidenceLevel> levels)
{
    private readonly List<CsvOutput> extras = [];

    public ParseResult Parse { get; } = parse;

    public CsvInput Input { get; } = input;

    public CsvOutput Output { get; } = output;

    /// <summary>The confidence levels asked for (<c>--confidence</c>), 95 % and 99.8 % by default.</summary>
    public IReadOnlyList<ConfidenceLevel> Levels { get; } = levels;

    /// <summary>The <c>lower_95,upper_95,lower_99_8,upper_99_8</c> column names for the levels asked for.</summary>
    public IEnumerable<string> LimitColumns(string prefix = "") =>
        Levels.SelectMany(level => new[] { $"{prefix}lower_{level.Suffix}", $"{prefix}upper_{level.Suffix}" });

    /// <summary>
    /// Writes the output header: every input column, then <paramref name="added"/>. An input column with the name of
    /// one the command adds (a file that has been through the command before, say) is refused rather than duplicated.
    /// </summary>
    public void PassThroughHeader(params IEnumerable<string> added)
    {
        var columns = added.ToList();
        if (columns.Find(Input.Header.Contains) is { } clash)
            throw new StatsInputException($"{Input.Source} line 1, column '{clash}': the input already has a column this command adds; rename or remove it");
        Output.PassThroughColumns = Input.Header.Count;
        Output.Row([.. Input.Header, .. columns]);
    }

    /// <summary>A second output file (a limits table, a summary), put in place only if the whole run succeeds.</summary>
    public CsvOutput ExtraOutput(string option, string path)
    {
        var full = Path.GetFullPath(path);
        if (extras.Prepend(Output).Any(o => string.Equals(o.Target, full, StringComparison.Ordinal)))
            throw OptionProblem(option, $"{path} is already an output of this command: give each output its own file");
        var extra = CsvOutput.Create(path, TextWriter.Null);
        extras.Add(extra);
        return extra;
    }

    /// <summary>
    /// Streams every input record through a per-row verb: <paramref name="read"/> runs in file order on this
    /// thread (parsing and validating, so errors name the right line), <paramref name="write"/> formats each
    /// row's output on the thread pool, batch by batch, while the next batch is being read; rows are written
    /// in input order. Formatting numbers is most of the work, so this is what makes a million rows quick.
    /// A row whose result no double holds in full stops the run, naming its input line and the output column.
    /// </summary>
    public void ForEachRow<T>(Func<CsvInput, T> read, Action<T, CsvRowBuffer> write)
    {
        const int batchSize = 8192;
        var partitions = Math.Clamp(Environment.ProcessorCount, 1, 8);
        var filling = new T[batchSize];
        var formatting = new T[batchSize];
        var fillingLines = new int[batchSize];
        var formattingLines = new int[batchSize];
        var buffers = Enumerable.Range(0, partitions).Select(_ => new CsvRowBuffer { PassThroughColumns = Input.Header.Count }).ToArray();
        // The first lost result of each partition; partitions hold consecutive rows, so the first of them is the file's first.
        var lost = new (int Line, int Column, double Value)?[partitions];
        Task? pending = null;
        while (true)
        {
            var count = 0;
            while (count < batchSize && Input.Read())
            {
                fillingLines[count] = Input.Line;
                filling[count++] = read(Input);
            }

            if (pending is not null) Finish(pending, buffers, lost);
            if (count == 0) return;
            (filling, formatting) = (formatting, filling);
            (fillingLines, formattingLines) = (formattingLines, fillingLines);
            var rows = formatting;
            var lines = formattingLines;
            var rowCount = count;
            pending = Task.Run(() => Parallel.For(0, partitions, p =>
            {
                var buffer = buffers[p];
                var end = (int)((long)rowCount * (p + 1) / partitions);
                for (var i = (int)((long)rowCount * p / partitions); i < end; i++)
                {
                    write(rows[i], buffer);
                    if (buffer.TakeLost() is { } first && lost[p] is null) lost[p] = (lines[i], first.Column, first.Value);
                }
            }));
            if (count < batchSize)
            {
                Finish(pending, buffers, lost);
                return;
            }
        }
    }

    private void Finish(Task pending, CsvRowBuffer[] buffers, (int Line, int Column, double Value)?[] lost)
    {
        pending.GetAwaiter().GetResult();
        if (Array.Find(lost, l => l is not null) is { } first)
            throw Output.Unrepresentable($"{Input.Source} line {first.Line}", (first.Column, first.Value));
        foreach (var buffer in buffers) Output.Write(buffer);
    }

    /// <summary>An error about an option's value.</summary>
    /// <summary>The <c>--multiplier</c> given, refused unless it is a finite number above zero.</summary>
    public static double Multiplier(double multiplier, string hint = "") =>
        multiplier > 0 && double.IsFinite(multiplier)
            ? multiplier
            : throw OptionProblem("--multiplier", $"{multiplier} must be a number greater than zero{hint}");

    public static StatsInputException OptionProblem(string option, string message) => new($"{option}: {message}");

    internal void Commit()
    {
        foreach (var extra in extras) extra.Commit();
        Output.Commit();
    }

    internal void Abandon()
    {
        foreach (var extra in extras) extra.Dispose();
    }
}
