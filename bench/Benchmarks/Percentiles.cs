using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Commonweal.Benchmarks;

/// <summary>Adds the 95th percentile to the summary, for speed targets given as p95.</summary>
internal sealed class Percentiles : ManualConfig
{
    public Percentiles() => AddColumn(StatisticColumn.P95);
}
