using GateController.Core.Door;
using GateController.Hardware.Door;
using GateController.Hardware.Gpio;
using GateController.Simulation.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Door;

/// <summary>A door on a simulated chip with a fake clock: the default lines, a quiet door, and its controller.</summary>
internal sealed class DoorRig : IDisposable
{
    public const int Relay = 17;
    public const int Green = 27;
    public const int Red = 22;
    public const int Buzzer = 18;
    public const int Exit = 23;
    public const int Contact = 24;
    public const int Fire = 4;
    public const int Tamper = 15;

    public DoorRig(DoorOptions? doorOptions = null, DoorIoOptions? ioOptions = null, bool fireAlarmAtStart = false)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        Driver = new SimulatedGpioDriver(28, Time);
        Controller = new GpioController(Driver);

        // A quiet door: reed, fire-alarm and tamper contacts closed to ground; exit button open (pulled up).
        Driver.SetInput(Contact, PinValue.Low);
        Driver.SetInput(Fire, fireAlarmAtStart ? PinValue.High : PinValue.Low);
        Driver.SetInput(Tamper, PinValue.Low);

        Machine = new DoorStateMachine(doorOptions ?? new DoorOptions(), Time);
        Machine.EventRaised += (_, e) => Events.Add(e.Kind);
        Io = new DoorIo(Controller, ioOptions ?? new DoorIoOptions { LockFailMode = (doorOptions?.LockType ?? LockType.FailSecure) == LockType.FailSafe ? LockFailMode.FailSafe : LockFailMode.FailSecure }, Time);
        Door = new DoorController(Io, Machine);
    }

    public FakeTimeProvider Time { get; }

    public SimulatedGpioDriver Driver { get; }

    public GpioController Controller { get; }

    public DoorStateMachine Machine { get; }

    public DoorIo Io { get; }

    public DoorController Door { get; }

    public List<DoorEventKind> Events { get; } = [];

    public bool RelayHigh => Driver.GetLevel(Relay).IsHigh;

    /// <summary>Sets an input and lets its debounce period pass.</summary>
    public void Input(int pin, bool high, int debounceMilliseconds = 30)
    {
        Driver.SetInput(pin, high ? PinValue.High : PinValue.Low);
        Time.Advance(TimeSpan.FromMilliseconds(debounceMilliseconds));
    }

    /// <summary>The relay line's driven levels, oldest first.</summary>
    public bool[] RelayWrites() => [.. Driver.OutputHistory.Where(c => c.PinNumber == Relay && c.IsDriven).Select(c => c.Value.IsHigh)];

    public void Dispose()
    {
        Door.Dispose();
        Machine.Dispose();
        Controller.Dispose();
    }
}
