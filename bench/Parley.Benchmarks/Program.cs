using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Parley.Benchmarks.SyntheticSpaces).Assembly).Run(args);
