using System.Text;

namespace GateController.Cli.Tests.Diag;

/// <summary>A thread-safe text writer whose text a test can wait on (no sleeps, no polling).</summary>
internal sealed class WatchedWriter : TextWriter
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly StringBuilder _text = new();
    private readonly List<(Func<string, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value ?? string.Empty);

    public override void WriteLine(string? value) => Append((value ?? string.Empty) + NewLine);

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    /// <summary>Waits until the text written so far satisfies <paramref name="condition"/>.</summary>
    public Task WaitForAsync(Func<string, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_text)
        {
            if (condition(_text.ToString()))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, done));
        }

        return done.Task.WaitAsync(Patience);
    }

    /// <summary>Waits until every one of <paramref name="parts"/> has been written.</summary>
    public Task WaitForAsync(params string[] parts) =>
        WaitForAsync(text => parts.All(part => text.Contains(part, StringComparison.Ordinal)));

    private void Append(string value)
    {
        lock (_text)
        {
            _text.Append(value);
            var text = _text.ToString();
            foreach (var waiter in _waiters.Where(w => w.Condition(text)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }
}
