using GateController.Hardware.Gpio;
using GateController.Hardware.Keypad;
using GateController.Simulation.Gpio;

namespace GateController.Simulation.Keypad;

/// <summary>
/// A matrix keypad's switches on a simulated chip: while a key is held, its column reads low whenever its row is
/// driven low; every other column reads high (pulled up).
/// </summary>
public sealed class SimulatedMatrixKeypad : IDisposable
{
    private readonly SimulatedGpioDriver _driver;
    private readonly IReadOnlyList<int> _rowPins;
    private readonly IReadOnlyList<int> _columnPins;
    private readonly IReadOnlyList<string> _keys;
    private readonly Lock _lock = new();
    private readonly HashSet<(int Row, int Column)> _held = [];
    private long _scans;

    /// <summary>Wires a keypad of <paramref name="layout"/> to the given lines of <paramref name="driver"/>.</summary>
    public SimulatedMatrixKeypad(SimulatedGpioDriver driver, KeypadLayout layout, IReadOnlyList<int> rowPins, IReadOnlyList<int> columnPins)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(rowPins);
        ArgumentNullException.ThrowIfNull(columnPins);
        _driver = driver;
        _rowPins = rowPins;
        _columnPins = columnPins;
        _keys = KeypadLayouts.Rows(layout);
        _driver.OutputChanged += OnOutputChanged;
        Update();
    }

    /// <summary>
    /// How many scans the reader has begun: each time the first row line is driven low. A scan that began after a
    /// press or release has seen it, so a finger can stay down until the reader has certainly read the key.
    /// </summary>
    public long Scans => Interlocked.Read(ref _scans);

    /// <summary>Holds <paramref name="key"/> down until <see cref="Release"/>.</summary>
    public void Press(char key)
    {
        for (var row = 0; row < _keys.Count; row++)
        {
            var column = _keys[row].IndexOf(key, StringComparison.Ordinal);
            if (column >= 0)
            {
                lock (_lock)
                {
                    _held.Add((row, column));
                }

                Update();
                return;
            }
        }

        throw new ArgumentException($"the keypad has no key '{key}'", nameof(key));
    }

    /// <summary>Releases every held key.</summary>
    public void Release()
    {
        lock (_lock)
        {
            _held.Clear();
        }

        Update();
    }

    /// <inheritdoc />
    public void Dispose() => _driver.OutputChanged -= OnOutputChanged;

    private void OnOutputChanged(object? sender, GpioOutputChange change)
    {
        if (_rowPins.Contains(change.PinNumber))
        {
            if (change.PinNumber == _rowPins[0] && change.IsDriven && !change.Value.IsHigh)
            {
                Interlocked.Increment(ref _scans);
            }

            Update();
        }
    }

    private void Update()
    {
        (int Row, int Column)[] held;
        lock (_lock)
        {
            held = [.. _held];
        }

        for (var column = 0; column < _columnPins.Count; column++)
        {
            var low = held.Any(h => h.Column == column && _driver.IsDriven(_rowPins[h.Row]) && !_driver.GetLevel(_rowPins[h.Row]).IsHigh);
            _driver.SetInput(_columnPins[column], low ? PinValue.Low : PinValue.High);
        }
    }
}
