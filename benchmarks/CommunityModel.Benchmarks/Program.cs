using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project benchmarks/CommunityModel.Benchmarks -- --filter '*'
// Reports land in BenchmarkDotNet.Artifacts/results; the committed copies live in benchmarks/results/.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
