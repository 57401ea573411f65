using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GateController.Benchmarks.Storage;

/// <summary>
/// Measures one operation per iteration (RunStrategy.Monitoring, invocation count 1), so the reported
/// percentiles (P50, P95, P99, Max) are percentiles of single-operation latency, not of averages.
/// Runs in process, so a loaded build machine cannot time out the generated-project build.
/// </summary>
public class SingleOperationConfig : ManualConfig
{
    /// <summary>Creates the config: 200 warm-up and 4,000 measured single operations.</summary>
    public SingleOperationConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(200)
            .WithIterationCount(4000)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("SingleOp"));
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.Max);
    }
}
