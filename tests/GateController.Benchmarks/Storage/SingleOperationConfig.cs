using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GateController.Benchmarks.Storage;

/// <summary>
/// Short in-process run whose benchmarks time every single operation into <see cref="LatencyRecorder"/>;
/// the summary adds p50, p99 and max of those single-operation latencies (all samples, warm-up included,
/// so the figures are conservative). In process, so a loaded machine cannot time out a generated build.
/// </summary>
public class SingleOperationConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public SingleOperationConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
        AddColumn(new SamplesColumn(), new PercentileColumn(50), new PercentileColumn(99), new PercentileColumn(100));
    }
}
