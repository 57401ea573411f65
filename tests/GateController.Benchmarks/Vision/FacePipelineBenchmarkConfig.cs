using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GateController.Benchmarks.Vision;

/// <summary>A short run in the benchmark process itself (no generated project to build) with p50 and p95 columns.</summary>
public class FacePipelineBenchmarkConfig : ManualConfig
{
    /// <summary>3 warm-ups, 10 iterations, in process.</summary>
    public FacePipelineBenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
        AddColumn(StatisticColumn.P50, StatisticColumn.P95);
    }
}
