using GateController.Hardware.Gpio;
using GateController.Hardware.Interop;

namespace GateController.Hardware.Tests.Gpio;

/// <summary>Feeds gpio_v2_line_event records through a pipe, as the kernel does through a line request fd.</summary>
public sealed unsafe class GpioLineEventPumpTests
{
    [Fact]
    public void Pump_RecordsWrittenToFd_DeliversKernelTimestampsInOrder()
    {
        var (readEnd, writeEnd) = FileDescriptorHandleTests.Pipe();
        using var received = new BlockingCollectionOfEvents(2);
        using (readEnd)
        using (writeEnd)
        using (new GpioLineEventPump(readEnd, "test line", received.Add))
        {
            Write(writeEnd, new GpioV2LineEvent { TimestampNanoseconds = 1_000_000_123, Id = GpioUapi.LineEventFallingEdge, Offset = 17, SequenceNumber = 1 });
            Write(writeEnd, new GpioV2LineEvent { TimestampNanoseconds = 1_002_000_456, Id = GpioUapi.LineEventRisingEdge, Offset = 17, SequenceNumber = 2 });

            var events = received.Take();

            Assert.Equal([1_000_000_123UL, 1_002_000_456UL], events.Select(e => e.TimestampNanoseconds));
            Assert.Equal([GpioUapi.LineEventFallingEdge, GpioUapi.LineEventRisingEdge], events.Select(e => e.Id));
        }
    }

    [Fact]
    public void Pump_PeerClosed_StopsWithFaultNamingDevice()
    {
        var (readEnd, writeEnd) = FileDescriptorHandleTests.Pipe();
        using (readEnd)
        {
            using var pump = new GpioLineEventPump(readEnd, "test line", _ => { });
            writeEnd.Dispose();

            Assert.True(pump.WaitForStop(TimeSpan.FromSeconds(30)), "the pump did not stop when its peer closed");
            pump.Dispose();
            Assert.NotNull(pump.Fault);
            Assert.Contains("test line", pump.Fault.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Pump_CallbackThrows_CountsAndKeepsReading()
    {
        var (readEnd, writeEnd) = FileDescriptorHandleTests.Pipe();
        using var received = new BlockingCollectionOfEvents(1);
        var calls = 0;
        using (readEnd)
        using (writeEnd)
        using (var pump = new GpioLineEventPump(readEnd, "test line", e =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("handler fault");
            }

            received.Add(e);
        }))
        {
            Write(writeEnd, new GpioV2LineEvent { TimestampNanoseconds = 1, Id = 2 });
            Write(writeEnd, new GpioV2LineEvent { TimestampNanoseconds = 2, Id = 1 });

            Assert.Equal(2UL, received.Take()[0].TimestampNanoseconds);
            Assert.Equal(1, pump.CallbackFaults);
        }
    }

    private static void Write(FileDescriptorHandle writeEnd, GpioV2LineEvent record)
    {
        var copy = stackalloc GpioV2LineEvent[1];
        copy[0] = record;
        var written = writeEnd.Use(fd => (long)Libc.Write(fd, copy, (nuint)sizeof(GpioV2LineEvent)));
        Assert.Equal(sizeof(GpioV2LineEvent), written);
    }

    private sealed class BlockingCollectionOfEvents(int expected) : IDisposable
    {
        private readonly List<GpioV2LineEvent> _events = [];
        private readonly ManualResetEventSlim _done = new();

        public void Add(GpioV2LineEvent e)
        {
            lock (_events)
            {
                _events.Add(e);
                if (_events.Count >= expected)
                {
                    _done.Set();
                }
            }
        }

        public List<GpioV2LineEvent> Take()
        {
            Assert.True(_done.Wait(TimeSpan.FromSeconds(10)), "the pump delivered too few events");
            lock (_events)
            {
                return [.. _events];
            }
        }

        public void Dispose() => _done.Dispose();
    }
}
