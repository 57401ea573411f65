namespace GateController.Service.Tests.Hosting;

/// <summary>Start-up validation: every configuration problem is listed with its setting's name and the exit status is 78.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ConfigurationProblemTests
{
    [Fact]
    public async Task Create_ManyProblems_ListsEveryOneAndExits78()
    {
        // A face-only door, a Wiegand line on the relay's pin, a keypad column on a Wiegand line, an unknown line name.
        await using var service = new ServiceUnderTest("""
            "Door": { "Methods": "Face", "ExitButton": { "Line": "NO_SUCH_LINE" } },
            "Wiegand": { "Data0Pin": 17 },
            "Keypad": { "Enabled": true, "ColumnPins": [ 13, 19, 6 ] },
            "Face": { "Enabled": false }
            """);

        var host = service.Create(out var exitCode);

        Assert.Null(host);
        Assert.Equal(78, exitCode);
        var error = service.Error.ToString();
        Assert.Contains("face", error, StringComparison.Ordinal);
        Assert.Contains("(P1)", error, StringComparison.Ordinal);
        Assert.Contains("ExitButton: no line named 'NO_SUCH_LINE'", error, StringComparison.Ordinal);
        Assert.Contains("GPIO line 17 is used by Door:Relay and Wiegand:Data0Pin", error, StringComparison.Ordinal);
        Assert.Contains("GPIO line 6 is used by Wiegand:Data1Pin and Keypad:ColumnPins:2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnsafeKeyFile_Exits78NamingTheSetting()
    {
        await using var service = new ServiceUnderTest("\"Face\": { \"Enabled\": false }");
        File.SetUnixFileMode(service.KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var host = service.Create(out var exitCode);

        Assert.Null(host);
        Assert.Equal(78, exitCode);
        Assert.Contains("Store:KeyFile:", service.Error.ToString(), StringComparison.Ordinal);
        Assert.Contains("chmod 600", service.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnreadableModel_Exits78NamingTheFile()
    {
        await using var service = new ServiceUnderTest(string.Empty);
        var models = Path.Combine(service.Directory, "models");
        Directory.CreateDirectory(models);
        var model = Path.Combine(models, "fr_feature.onnx");
        File.WriteAllBytes(model, [1, 2, 3]);
        File.SetUnixFileMode(model, UnixFileMode.None);
        await using var withModels = new ServiceUnderTest($$"""
            "Face": { "Enabled": true, "ModelDirectory": "{{models}}" }
            """);

        var host = withModels.Create(out var exitCode);

        if (Environment.UserName == "root")
        {
            // root reads any file; the check cannot fail here.
            Assert.NotNull(host);
            return;
        }

        Assert.Null(host);
        Assert.Equal(78, exitCode);
        Assert.Contains($"model file {model} cannot be read", withModels.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownSettingAndBadValue_NamesBoth()
    {
        await using var service = new ServiceUnderTest("""
            "Door": { "PulseDurationSeconds": 5, "PulseDuration": "not a time" },
            "Fridge": { "Enabled": true }
            """);

        var host = service.Create(out var exitCode);

        Assert.Null(host);
        Assert.Equal(78, exitCode);
        var error = service.Error.ToString();
        Assert.Contains("Door:", error, StringComparison.Ordinal);
        Assert.Contains("unknown setting 'Fridge'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownGpioChipOnTheUnitsBoard_Exits78NamingTheChip()
    {
        await using var service = new ServiceUnderTest("\"Door\": { \"Chip\": \"gpiochip97\" }, \"Face\": { \"Enabled\": false }");
        var environment = new Dictionary<string, string>();
        var invocation = new Service.Hosting.ServiceInvocation([service.ConfigFile], new Dictionary<string, string?>(), Simulate: false, n => environment.GetValueOrDefault(n));

        var host = Service.Hosting.GateControllerHost.TryCreate(invocation, new Service.Hosting.ServiceConsole(service.Output, service.Error), TimeProvider.System, out var exitCode);

        Assert.Null(host);
        Assert.Equal(78, exitCode);
        Assert.Contains("Door:Chip: GPIO chip 'gpiochip97' cannot be opened", service.Error.ToString(), StringComparison.Ordinal);
    }
}
