using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Commonweal.Benchmarks.ImportBenchmarks).Assembly).Run(args);
