using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;

namespace Commonweal.Benchmarks;

/// <summary>
/// Stratifying England (57 M people) as a streaming pass (issue #12: ≤ 60 s, ≤ 2 GiB peak). The setup writes 48 ICS-sized
/// populations, each generated from its own seed (57.6 M people in 34,560 LSOA blocks, in the stored block format), to a
/// file once (kept in the temporary folder for later runs); the benchmark reads the file a block at a time and stratifies
/// each block as it comes, keeping only the counts (<see cref="RiskTally.Stream"/>). The peak working set of the process,
/// setup included, is printed when it ends.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class NationalStratifyBenchmarks
{
    public const int Regions = 48;

    private readonly string file = Path.Combine(Path.GetTempPath(), $"commonweal-national-{Regions}.bin");

    [GlobalSetup]
    public void Setup()
    {
        if (File.Exists(file)) return;
        var frame = TargetingData.Frame();
        using var output = new BinaryWriter(File.Create(file + ".part"));
        for (var region = 0; region < Regions; region++)
        {
            var people = PopulationGenerator.Generate(frame, (ulong)(1000 + region));
            for (var l = 0; l < people.Lsoas.Count; l++)
            {
                var lsoa = people.Lsoas[l];
                output.Write(lsoa.Code.Value);
                output.Write(region);
                output.Write(lsoa.District);
                Write(output, PopulationFormat.EncodeFacts(lsoa));
                Write(output, PopulationFormat.Encode(people, l));
            }
        }

        output.Close();
        File.Move(file + ".part", file);
    }

    [Benchmark]
    public long StratifyEnglandStreaming()
    {
        var tally = RiskTally.Stream(Blocks(file), RiskModel.Default);
        return tally.People;
    }

    [GlobalCleanup]
    public void Report() =>
        Console.WriteLine($"// national pass: peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):0} MiB; {new FileInfo(file).Length / (1024.0 * 1024.0):0} MiB of blocks");

    private static readonly AreaCode[] NoPractices = [];

    /// <summary>The file's blocks as small populations, read one at a time.</summary>
    private static IEnumerable<SyntheticPopulation> Blocks(string file)
    {
        using var input = new BinaryReader(new BufferedStream(File.OpenRead(file), 1 << 20));
        var districts = Enumerable.Range(1, 9).Select(d => AreaCode.Parse($"E0700{d:D4}")).ToList();
        while (input.BaseStream.Position < input.BaseStream.Length)
        {
            var code = AreaCode.Parse(input.ReadString());
            var copy = input.ReadInt32();
            var district = input.ReadInt32();
            var (z, deciles) = PopulationFormat.DecodeFacts(input.ReadBytes(input.ReadInt32()));
            var data = input.ReadBytes(input.ReadInt32());
            var n = PopulationFormat.PeopleIn(data);
            var block = new SyntheticPopulation([new PopulationLsoa(code, copy, district, 0, z, deciles)], NoPractices, districts, n);
            block.Offsets[1] = n;
            PopulationFormat.Decode(data, block, 0);
            yield return block;
        }
    }

    private static void Write(BinaryWriter output, byte[] bytes)
    {
        output.Write(bytes.Length);
        output.Write(bytes);
    }
}
