using System.Text.Json;
using System.Text.RegularExpressions;
using GateController.Service.Hosting;

namespace GateController.Service.Tests.Packaging;

/// <summary>The shipped configuration against the pin map in hardware-docs/wiring.md.</summary>
public sealed partial class DefaultConfigurationTests
{
    private static readonly JsonElement Configuration =
        JsonDocument.Parse(File.ReadAllText(RepositoryLayout.Combine("firmware", "packaging", "gatecontroller.json"))).RootElement;

    private static readonly string Wiring = File.ReadAllText(RepositoryLayout.Combine("hardware-docs", "wiring.md"));

    public static TheoryData<string, string> DoorLinesInWiring()
    {
        var rows = new TheoryData<string, string>();
        foreach (Match row in DoorRow().Matches(Wiring))
        {
            rows.Add(row.Groups["setting"].Value, row.Groups["line"].Value);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(DoorLinesInWiring))]
    public void Door_EachLineInTheWiringTable_IsConfiguredOnThatLine(string setting, string line)
    {
        Assert.Equal(line, Configuration.GetProperty("Door").GetProperty(setting).GetProperty("Line").GetString());
    }

    [Fact]
    public void Door_WiringTable_ListsEightDoorLines()
    {
        Assert.Equal(8, DoorLinesInWiring().Count);
    }

    [Theory]
    [InlineData("Data0Pin", 5)]
    [InlineData("Data1Pin", 6)]
    public void Wiegand_DataLines_MatchTheWiringTable(string setting, int line)
    {
        Assert.Contains($"`Wiegand.{setting}` | GPIO{line} |", Wiring, StringComparison.Ordinal);
        Assert.Equal(line, Configuration.GetProperty("Wiegand").GetProperty(setting).GetInt32());
    }

    [Fact]
    public void Keypad_RowsAndColumns_MatchTheWiringTable()
    {
        var rows = Configuration.GetProperty("Keypad").GetProperty("RowPins").EnumerateArray().Select(pin => pin.GetInt32()).ToArray();
        var columns = Configuration.GetProperty("Keypad").GetProperty("ColumnPins").EnumerateArray().Select(pin => pin.GetInt32()).ToArray();

        Assert.Contains($"`Keypad.RowPins` | GPIO{rows[0]}, {string.Join(", ", rows[1..])} |", Wiring, StringComparison.Ordinal);
        Assert.Contains($"`Keypad.ColumnPins` | GPIO{columns[0]}, {string.Join(", ", columns[1..])} |", Wiring, StringComparison.Ordinal);
        Assert.Equal([12, 16, 20, 21], rows);
        Assert.Equal([13, 19, 26], columns);
    }

    [Fact]
    public void AllLines_NoLineIsUsedTwice()
    {
        var door = Configuration.GetProperty("Door").EnumerateObject()
            .Where(setting => setting.Value.ValueKind == JsonValueKind.Object)
            .Select(setting => int.Parse(setting.Value.GetProperty("Line").GetString()!["GPIO".Length..], System.Globalization.CultureInfo.InvariantCulture));
        var wiegand = new[] { "Data0Pin", "Data1Pin" }.Select(name => Configuration.GetProperty("Wiegand").GetProperty(name).GetInt32());
        var keypad = new[] { "RowPins", "ColumnPins" }.SelectMany(name => Configuration.GetProperty("Keypad").GetProperty(name).EnumerateArray().Select(pin => pin.GetInt32()));
        var lines = door.Concat(wiegand).Concat(keypad).ToList();

        Assert.Equal(lines.Count, lines.Distinct().Count());
        Assert.Equal(17, lines.Count);
    }

    [Fact]
    public void Paths_PointAtThePackagedFilesAndTheDataDirectory()
    {
        Assert.Equal("/usr/lib/gatecontroller/models", Configuration.GetProperty("Face").GetProperty("ModelDirectory").GetString());
        Assert.Equal("/usr/lib/gatecontroller/libonnxruntime.so.1", Configuration.GetProperty("Face").GetProperty("OnnxRuntimeLibraryPath").GetString());
        Assert.Equal("/var/lib/gatecontroller", Configuration.GetProperty("Store").GetProperty("DataDirectory").GetString());
        // The key stays outside the data directory, where 'gatectl provision' puts it.
        Assert.Equal("/etc/gatecontroller/device.key", Configuration.GetProperty("Store").GetProperty("KeyFile").GetString());
        Assert.Equal("/run/gatecontroller/admin.sock", Configuration.GetProperty("Admin").GetProperty("Socket").GetString());
    }

    [Fact]
    public void Configuration_WithPathsSubstituted_ValidatesOnTheSimulatedBoard()
    {
        var directory = Directory.CreateTempSubdirectory("gc-packaged-").FullName;
        try
        {
            var text = File.ReadAllText(RepositoryLayout.Combine("firmware", "packaging", "gatecontroller.json"))
                .Replace("/var/lib/gatecontroller", Path.Combine(directory, "data"), StringComparison.Ordinal)
                .Replace("/etc/gatecontroller/device.key", Path.Combine(directory, "device.key"), StringComparison.Ordinal)
                .Replace("/run/gatecontroller/admin.sock", Path.Combine(directory, "admin.sock"), StringComparison.Ordinal)
                .Replace("/usr/lib/gatecontroller/models", Path.Combine(directory, "models"), StringComparison.Ordinal);
            var file = Path.Combine(directory, "gatecontroller.json");
            File.WriteAllText(file, text);
            using var error = new StringWriter();
            var invocation = new ServiceInvocation([file], new Dictionary<string, string?>(), Simulate: true, _ => null);

            using var host = GateControllerHost.TryCreate(invocation, new ServiceConsole(TextWriter.Null, error), TimeProvider.System, out var exitCode);

            Assert.True(host is not null, error.ToString());
            Assert.Equal(0, exitCode);
            Assert.True(host.Options.Door.Enabled);
            Assert.True(host.Options.Keypad.Enabled);
            Assert.Equal([12, 16, 20, 21], host.Options.Keypad.EffectiveRowPins);
            Assert.False(host.Options.Telemetry.Enabled);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [GeneratedRegex(@"\| `Door\.(?<setting>\w+)` \| (?<line>GPIO\d+) \|")]
    private static partial Regex DoorRow();
}
