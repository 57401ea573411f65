using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GateController.Benchmarks.Storage;

/// <summary>A summary column with a percentile of the single-operation latencies in <see cref="LatencyRecorder"/>.</summary>
internal sealed class PercentileColumn(double percentile) : IColumn
{
    public string Id => $"{nameof(PercentileColumn)}.P{percentile}";

    public string ColumnName => percentile >= 100 ? "Op max" : $"Op p{percentile}";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => (int)percentile;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{percentile}th percentile of single-operation latency, timed around each operation";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var nanoseconds = LatencyRecorder.PercentileNanoseconds(benchmarkCase.Descriptor.WorkloadMethod.Name, percentile);
        return nanoseconds switch
        {
            null => "NA",
            >= 1_000_000 => (nanoseconds.Value / 1_000_000).ToString("0.000", CultureInfo.InvariantCulture) + " ms",
            _ => (nanoseconds.Value / 1_000).ToString("0.0", CultureInfo.InvariantCulture) + " μs",
        };
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
