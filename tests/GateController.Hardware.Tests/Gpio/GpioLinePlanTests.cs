using GateController.Hardware.Gpio;

namespace GateController.Hardware.Tests.Gpio;

public sealed class GpioLinePlanTests
{
    [Fact]
    public void Conflicts_LineClaimedByDoorAndReader_OneMessageNamingBoth()
    {
        var plan = new GpioLinePlan()
            .Claim("gpiochip0", 17, "Door.Relay")
            .Claim("gpiochip0", 5, "Wiegand.Data0Pin")
            .Claim("gpiochip0", 17, "Keypad.RowPins[0]")
            .Claim("gpiochip1", 5, "Expander.Line5");

        Assert.Equal(["line 17 on gpiochip0 is used by Door.Relay and Keypad.RowPins[0]"], plan.Conflicts());
    }

    [Fact]
    public void Conflicts_AllDistinct_None() =>
        Assert.Empty(new GpioLinePlan().Claim("gpiochip0", 1, "a").Claim("gpiochip0", 2, "b").Conflicts());
}
