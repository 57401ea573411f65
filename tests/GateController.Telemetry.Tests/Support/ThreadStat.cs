using System.Globalization;

namespace GateController.Telemetry.Tests.Support;

/// <summary>Reads a thread's scheduling facts from <c>/proc/self/task/&lt;tid&gt;/stat</c>, as the kernel applies them.</summary>
public static class ThreadStat
{
    /// <summary>Field 19 (nice) of the thread's stat line.</summary>
    public static int NiceOf(int threadId)
    {
        Assert.True(threadId > 0, "the thread id is not known");
        var stat = File.ReadAllText($"/proc/self/task/{threadId}/stat");

        // The command name (field 2) is in parentheses and may hold spaces: count from after its closing one (field 3).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], CultureInfo.InvariantCulture);
    }

    /// <summary>Runs <paramref name="action"/> on a new thread and returns its result (the thread then ends).</summary>
    public static T OnNewThread<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = action();
            }
#pragma warning disable CA1031 // Handed back to the test.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failure = exception;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException("the thread failed", failure);
        }

        return result;
    }
}
