using BenchmarkDotNet.Attributes;
using Commonweal.Application.Indicators;
using Commonweal.Application.Outcomes;
using Commonweal.Application.Reporting;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;

namespace Commonweal.Benchmarks;

/// <summary>
/// The outcomes framework's reports on reproducible data (<see cref="EngineData"/>: the demo's practices, indicators of
/// 22 quarters): 1,000 targets × 20 periods read against their tables with every period's status and SPC icons
/// (issue 10 target: status ≤ 100 ms), and the Word exception pack for 100 targets at practices — every exception's
/// trend, XmR chart and neighbours (the 30 practices nearest in value) drawn as SVG, rasterised to PNG and written with
/// the overview and appendix (target: ≤ 2 s).
/// Run: dotnet run -c Release --project bench/Benchmarks -- --filter '*PackBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class PackBenchmarks
{
    private readonly List<(Target Target, IndicatorTable Table)> hundred = [];
    private readonly List<(Target Target, IndicatorTable Table)> thousand = [];
    private OutcomesFramework framework = null!;

    [GlobalSetup]
    public void Generate()
    {
        var places = EngineData.Places();
        var tables = EngineData.Indicators(places, indicators: 5, quarters: 22).Where(d => d.Indicator.ValueType != IndicatorValueType.Dsr)
            .Select(d => IndicatorEngine.Build(d, places)).ToList();
        var random = new Random(20261201);
        foreach (var (list, count) in new[] { (hundred, 100), (thousand, 1_000) })
        {
            for (var t = 0; t < count; t++)
            {
                var table = tables[t % tables.Count];
                var practices = table.Rows.Where(r => r.Value.AreaType == AreaType.Practice && r.Period == table.Periods[1].Label).ToList();
                var row = practices[random.Next(practices.Count)];
                var baseline = row.Value.Value ?? 10;
                var better = table.Indicator.Polarity == Core.Statistics.Polarity.HighIsGood ? 1.2 : 0.8;
                list.Add((new Target(t + 1, table.Indicator.Id, row.Area, Sex.Persons, row.Value.Age, string.Empty, table.Periods[1].Label, baseline, baseline * better,
                    table.Periods[^1].Label, "linear", 1, "Lead officer", "Benchmark", DateTimeOffset.UnixEpoch, "bench"), table));
            }
        }

        Console.WriteLine($"// {hundred.Count(x => TargetReporting.Report(x.Target, "Owner", x.Table).IsException)} of the 100 targets are exceptions");
        framework = new OutcomesFramework(1, "Benchmark framework", string.Empty, null, "bench", OutcomesFramework.ShippedPriorities, new Dictionary<IndicatorId, FrameworkDomain?>(), DateTimeOffset.UnixEpoch, "bench");
    }

    [Benchmark]
    public int StatusOfAThousandTargetsOverTwentyPeriodsWithTheirIcons()
    {
        var exceptions = 0;
        foreach (var (target, table) in thousand)
        {
            if (TargetReporting.Report(target, "Owner", table).IsException) exceptions++;
        }

        return exceptions;
    }

    [Benchmark]
    public int WordPackOfAHundredTargets()
    {
        var summaries = hundred.Select(x => new TargetSummary(TargetReporting.Report(x.Target, "Owner", x.Table), FrameworkDomain.Of(FocusArea.TobaccoUse), null, [])).ToList();
        var scorecard = new Scorecard(framework, [(FrameworkDomain.Of(FocusArea.TobaccoUse), summaries)]);
        var pages = scorecard.Exceptions.Select(s => new ExceptionPage(s, TargetCharts.Trend(s.Report, $"trend-{s.Id}"), TargetCharts.Spc(s.Report, $"spc-{s.Id}"),
            TargetCharts.Neighbours(s.Report, ExceptionPacks.Neighbours(s.Report), $"neighbours-{s.Id}"))).ToList();
        var pack = new ExceptionPack(scorecard, new DateOnly(2026, 12, 1), pages, []);
        return WordDocumentWriter.Write(ExceptionPacks.Paper(pack), TimeProvider.System).Length;
    }
}
