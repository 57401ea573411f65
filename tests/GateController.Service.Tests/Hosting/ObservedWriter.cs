namespace GateController.Service.Tests.Hosting;

/// <summary>A thread-safe text writer whose lines can be awaited.</summary>
internal sealed class ObservedWriter : StringWriter
{
    private readonly Lock _gate = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> _waiters = [];

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            base.WriteLine(value);
            foreach (var waiter in _waiters.Where(w => value?.Contains(w.Text, StringComparison.Ordinal) == true))
            {
                waiter.Seen.TrySetResult();
            }
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            return base.ToString();
        }
    }

    /// <summary>Completes once a line containing <paramref name="text"/> was written (also before this call).</summary>
    public Task WaitForAsync(string text, TimeSpan timeout)
    {
        lock (_gate)
        {
            if (base.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((text, seen));
            return seen.Task.WaitAsync(timeout);
        }
    }
}
