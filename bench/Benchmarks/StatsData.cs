using System.Globalization;
using System.Text;

namespace Commonweal.Benchmarks;

/// <summary>
/// Reproducible inputs for the statistics benchmarks (fixed seeds), and CSV files for timing the
/// <c>commonweal stats</c> verbs end to end: <c>dotnet run -c Release --project bench/Benchmarks -- generate proportion 1000000 FILE</c>.
/// </summary>
public static class StatsData
{
    /// <summary>Practice-sized denominators (50–20,000) with prevalences of 1–40 %.</summary>
    public static (double[] Successes, double[] Trials) Proportions(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new double[rows];
        var n = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            n[i] = random.Next(50, 20_000);
            x[i] = Math.Round(n[i] * (0.01 + (0.39 * random.NextDouble())));
        }

        return (x, n);
    }

    /// <summary>Writes a generated CSV for a stats verb; returns false for an unknown kind.</summary>
    public static bool WriteCsv(string kind, int rows, string path)
    {
        switch (kind)
        {
            case "proportion":
                var (x, n) = Proportions(rows, seed: 42);
                using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16))
                {
                    writer.Write("area,numerator,denominator\n");
                    for (var i = 0; i < rows; i++)
                        writer.Write(string.Create(CultureInfo.InvariantCulture, $"A{i:D7},{x[i]},{n[i]}\n"));
                }

                return true;
            default:
                return false;
        }
    }
}
