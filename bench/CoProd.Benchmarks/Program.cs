using BenchmarkDotNet.Running;
using CoProd.Benchmarks;

// Evaluation time and allocations per deal size; the target is under 1 ms per evaluation (see README).
BenchmarkSwitcher.FromAssembly(typeof(EligibilityBenchmarks).Assembly).Run(args);
