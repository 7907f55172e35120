using BenchmarkDotNet.Attributes;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Statistics;

namespace Commonweal.Benchmarks;

/// <summary>
/// The status of 1,000 targets × 20 quarterly periods by the rule of docs/methods/target-status.md (issue 10 target:
/// ≤ 100 ms in all). Seeded: half linear, half profiled trajectories; lower or higher is better; values with and
/// without 95 % intervals, around the trajectory so that every status occurs.
/// Run: dotnet run -c Release --project bench/Benchmarks -- --filter '*TargetStatus*'
/// </summary>
[MemoryDiagnoser]
public class TargetStatusBenchmarks
{
    private const int Targets = 1_000;
    private const int Periods = 20;
    private readonly List<(Trajectory Trajectory, TargetDirection Direction, TargetObservation[] Observations)> targets = [];

    [GlobalSetup]
    public void Generate()
    {
        var random = new Random(20261201);
        var quarters = Enumerable.Range(0, Periods + 1)
            .Select(i => IndicatorPeriod.Parse($"{2020 + (i / 4)}/{(2021 + (i / 4)) % 100:00} Q{(i % 4) + 1}")).ToArray();
        for (var t = 0; t < Targets; t++)
        {
            var lower = t % 2 == 0;
            var baseline = 50 + (random.NextDouble() * 20);
            var target = lower ? baseline * 0.8 : baseline * 1.2;
            var deadline = quarters[16];
            var trajectory = t % 4 < 2
                ? Trajectory.Linear(quarters[0], baseline, deadline, target)
                : Trajectory.Profiled(quarters[0], baseline, [(quarters[8], (baseline + target) / 2), (deadline, target)]);
            var observations = new TargetObservation[Periods];
            for (var i = 0; i < Periods; i++)
            {
                var period = quarters[i + 1];
                var value = trajectory.ValueAt(period) + ((random.NextDouble() - 0.5) * 6);
                var half = 1 + (random.NextDouble() * 2);
                observations[i] = new TargetObservation(period, value, t % 3 == 0 ? Interval.None : new Interval(value - half, value + half));
            }

            targets.Add((trajectory, lower ? TargetDirection.Lower : TargetDirection.Higher, observations));
        }
    }

    [Benchmark]
    public int StatusOfAThousandTargetsOverTwentyPeriods()
    {
        var offTrack = 0;
        foreach (var (trajectory, direction, observations) in targets)
        {
            var (_, latest, _) = TargetStatusRule.AssessAll(observations, trajectory, direction);
            if (latest == TargetStatus.OffTrack) offTrack++;
        }

        return offTrack;
    }
}
