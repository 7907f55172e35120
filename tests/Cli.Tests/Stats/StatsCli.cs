using System.Globalization;

namespace Commonweal.Cli.Tests.Stats;

/// <summary>Runs <c>commonweal stats …</c> in-process, with CSV files in a folder of its own that is deleted afterwards.</summary>
public sealed class StatsCli : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("commonweal-stats-").FullName;

    /// <summary>Writes a CSV file (lines joined with LF) into the folder and returns its path.</summary>
    public string File(string name, params string[] lines)
    {
        var path = Path.Combine(Folder, name);
        System.IO.File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    /// <summary>A path in the folder for an output that does not exist yet.</summary>
    public string OutputPath(string name) => Path.Combine(Folder, name);

    /// <summary>Runs the CLI with these arguments (standard input optional).</summary>
    public static async Task<StatsResult> RunAsync(string[] args, string standardInput = "")
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CliApp.RunAsync(args, output, error, new StringReader(standardInput));
        return new StatsResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Files left in the folder, e.g. to prove that a failed run wrote nothing (not even a temporary file).</summary>
    public IReadOnlyList<string> FilesNamed(string pattern) => Directory.GetFiles(Folder, pattern);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>What a run printed, and its exit code; <see cref="Rows"/> parses the CSV output (no quoted commas).</summary>
public sealed record StatsResult(int Exit, string Output, string Error)
{
    public IReadOnlyList<Dictionary<string, string>> Rows => Parse(Output);

    /// <summary>
    /// The one line a refusal prints on standard error, having checked the exit code, that nothing went to standard
    /// output and that no stack trace was printed.
    /// </summary>
    public string Refusal(int exit)
    {
        Assert.Equal(exit, Exit);
        Assert.Empty(Output);
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
        return Assert.Single(Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public static IReadOnlyList<Dictionary<string, string>> Parse(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line => header.Zip(line.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    public static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
