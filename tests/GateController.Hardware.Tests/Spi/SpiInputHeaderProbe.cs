namespace GateController.Hardware.Tests.Spi;

/// <summary>The SPI, input and poll facts of the kernel headers, compiled once with <see cref="CHeaderProbe"/>.</summary>
internal static class SpiInputHeaderProbe
{
    private const string Source = """
        #include <stdio.h>
        #include <stddef.h>
        #include <fcntl.h>
        #include <poll.h>
        #include <linux/spi/spidev.h>
        #include <linux/input.h>
        #define P(name, value) printf("%s=%llu\n", name, (unsigned long long)(value))
        int main(void) {
            P("sizeof_spi_ioc_transfer", sizeof(struct spi_ioc_transfer));
            P("offset_tx_buf", offsetof(struct spi_ioc_transfer, tx_buf));
            P("offset_rx_buf", offsetof(struct spi_ioc_transfer, rx_buf));
            P("offset_len", offsetof(struct spi_ioc_transfer, len));
            P("offset_speed_hz", offsetof(struct spi_ioc_transfer, speed_hz));
            P("offset_delay_usecs", offsetof(struct spi_ioc_transfer, delay_usecs));
            P("offset_bits_per_word", offsetof(struct spi_ioc_transfer, bits_per_word));
            P("offset_cs_change", offsetof(struct spi_ioc_transfer, cs_change));
            P("offset_tx_nbits", offsetof(struct spi_ioc_transfer, tx_nbits));
            P("offset_rx_nbits", offsetof(struct spi_ioc_transfer, rx_nbits));
            P("offset_word_delay_usecs", offsetof(struct spi_ioc_transfer, word_delay_usecs));
            P("offset_pad", offsetof(struct spi_ioc_transfer, pad));
            P("SPI_IOC_MESSAGE_1", SPI_IOC_MESSAGE(1));
            P("SPI_IOC_MESSAGE_2", SPI_IOC_MESSAGE(2));
            P("SPI_IOC_WR_MODE", SPI_IOC_WR_MODE);
            P("SPI_IOC_RD_MODE", SPI_IOC_RD_MODE);
            P("SPI_IOC_WR_BITS_PER_WORD", SPI_IOC_WR_BITS_PER_WORD);
            P("SPI_IOC_WR_MAX_SPEED_HZ", SPI_IOC_WR_MAX_SPEED_HZ);
            P("sizeof_input_event", sizeof(struct input_event));
            P("offset_type", offsetof(struct input_event, type));
            P("offset_code", offsetof(struct input_event, code));
            P("offset_value", offsetof(struct input_event, value));
            P("EVIOCGRAB", EVIOCGRAB);
            P("EV_KEY", EV_KEY);
            P("KEY_1", KEY_1); P("KEY_0", KEY_0); P("KEY_A", KEY_A); P("KEY_B", KEY_B); P("KEY_C", KEY_C);
            P("KEY_D", KEY_D); P("KEY_E", KEY_E); P("KEY_F", KEY_F); P("KEY_ENTER", KEY_ENTER); P("KEY_KPENTER", KEY_KPENTER);
            P("KEY_LEFTSHIFT", KEY_LEFTSHIFT); P("KEY_RIGHTSHIFT", KEY_RIGHTSHIFT); P("KEY_KP0", KEY_KP0); P("KEY_KP1", KEY_KP1);
            P("KEY_KP9", KEY_KP9); P("KEY_KP5", KEY_KP5); P("KEY_SPACE", KEY_SPACE);
            P("O_RDONLY", O_RDONLY); P("O_RDWR", O_RDWR); P("O_NONBLOCK", O_NONBLOCK); P("O_CLOEXEC", O_CLOEXEC);
            P("sizeof_pollfd", sizeof(struct pollfd));
            P("POLLIN", POLLIN); P("POLLERR", POLLERR); P("POLLHUP", POLLHUP); P("POLLNVAL", POLLNVAL);
            return 0;
        }
        """;

    private static readonly Lazy<IReadOnlyDictionary<string, ulong>> Values = new(Run);

    internal static ulong Value(string name) => Values.Value[name];

    private static Dictionary<string, ulong> Run() => CHeaderProbe.ParseValues<ulong>(CHeaderProbe.CompileAndRun(Source, "-std=gnu11"));
}
