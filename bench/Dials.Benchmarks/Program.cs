using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line (BenchmarkDotNet's switcher: --filter '*', --list flat, ...).
BenchmarkSwitcher.FromAssembly(typeof(Dials.Benchmarks.SamplerAskTellBenchmarks).Assembly).Run(args);
