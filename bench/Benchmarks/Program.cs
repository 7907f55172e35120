using BenchmarkDotNet.Running;
using Commonweal.Benchmarks;

if (args is ["generate", var kind, var rows, var path])
{
    if (StatsData.WriteCsv(kind, int.Parse(rows, System.Globalization.CultureInfo.InvariantCulture), path)) return 0;
    Console.Error.WriteLine($"unknown kind '{kind}'");
    return 2;
}

if (args is ["store", "commissioning"])
{
    Console.WriteLine(await CommissioningData.StoreAsync()); // built once, then kept (bench/Benchmarks/CommissioningData.cs)
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(ImportBenchmarks).Assembly).Run(args);
return 0;
