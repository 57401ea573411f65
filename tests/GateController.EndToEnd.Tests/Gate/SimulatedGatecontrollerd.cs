using System.Text.Json.Nodes;
using GateController.Cli;

namespace GateController.EndToEnd.Tests.Gate;

/// <summary>
/// The real gatecontrollerd process, started with <c>--simulate</c> over a temporary data directory, device key (made by
/// <c>gatectl provision</c>) and admin socket, with the real models; driven by gatectl. One per test class: loading the
/// models takes seconds.
/// </summary>
public sealed class SimulatedGatecontrollerd : IAsyncLifetime
{
    /// <summary>The operator with the installer role (cards, PINs, the simulated board).</summary>
    public const string Installer = "zhao";

    /// <summary>The operator with the office role (residents, consents, faces, audit export).</summary>
    public const string Office = "wang";

    /// <summary>The consent notice version in force.</summary>
    public const string NoticeVersion = "2026-01";

    private GatecontrollerdProcess? _service;

    /// <summary>The temporary directory holding everything of this unit.</summary>
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "gc-e2e-" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>The admin socket.</summary>
    public string SocketPath => Path.Combine(Directory, "admin.sock");

    /// <summary>The store's directory.</summary>
    public string DataDirectory => Path.Combine(Directory, "data");

    /// <summary>The store's database file.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, "gate.db");

    /// <summary>What the service printed so far, for failure messages.</summary>
    public string Log => _service?.Log ?? string.Empty;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var keyFile = Path.Combine(Directory, "keys", "device.key");
        var provisioned = await GatectlAsync("provision", "--unit-id", "e2e-gate", "--key-file", keyFile);
        Assert.True(provisioned.Status == 0, provisioned.Error);
        var configuration = WriteConfiguration();

        _service = GatecontrollerdProcess.Start(configuration, DataDirectory, keyFile, SocketPath);

        // The door path is live first and the models load after it; the tests need both.
        await _service.WaitUntilAsync(
            () => GatectlAsync("status", "--json", "--operator", Installer),
            output => JsonNode.Parse(output)?["face"]?["available"]?.GetValue<bool>() == true,
            "ready with face recognition");
    }

    public async Task DisposeAsync()
    {
        if (_service is { } service)
        {
            await service.DisposeAsync();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    /// <summary>Runs gatectl (in this process) against the service.</summary>
    public async Task<(int Status, string Output, string Error)> GatectlAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new GatectlEnvironment { Input = TextReader.Null, Time = TimeProvider.System, IsTerminal = false, DefaultOperator = null };
        var status = await GatectlCommandLine.RunAsync([.. args, "--socket", SocketPath], output, error, environment, CancellationToken.None);
        return (status, output.ToString(), error.ToString());
    }

    /// <summary>Runs a gatectl command with --json that must succeed; returns its document.</summary>
    public async Task<JsonObject> JsonAsync(string operatorName, params string[] args)
    {
        var (status, output, error) = await GatectlAsync([.. args, "--json", "--operator", operatorName]);
        Assert.True(status == 0, $"gatectl {string.Join(' ', args)}: {error}\ngatecontrollerd:\n{Log}");
        return JsonNode.Parse(output)!.AsObject();
    }

    /// <summary>Adds a resident with a card (Wiegand 26) and, when given, a PIN.</summary>
    public async Task AddResidentAsync(string id, string cardUid, string? pin = null)
    {
        await JsonAsync(Office, "resident", "add", "--id", id, "--name", "Resident " + id);
        await JsonAsync(Installer, "card", "add", "--resident", id, "--uid", cardUid, "--format", "wiegand26");
        if (pin is not null)
        {
            await JsonAsync(Installer, "pin", "set", "--resident", id, "--pin", pin);
        }
    }

    /// <summary>One action on the simulated board that leads to a decision: <c>gatectl sim …</c>, waiting up to 15 s for it.</summary>
    public Task<JsonObject> SimulateAsync(params string[] args) => JsonAsync(Installer, ["sim", .. args, "--timeout-ms", "15000"]);

    /// <summary>
    /// One action after which nothing may be decided (an empty scene, a key sequence, a face nobody matches): the service
    /// waits for a decision until the timeout, so it is short: 3 s, several face frames.
    /// </summary>
    public Task<JsonObject> SimulateUndecidedAsync(params string[] args) => JsonAsync(Installer, ["sim", .. args, "--timeout-ms", "3000"]);

    /// <summary>The access group whose window is closed for the whole run: every day open, but yesterday to tomorrow are holidays without a window.</summary>
    public const string ClosedGroup = "holiday-closed";

    /// <summary>The access group that may use cards only, at any time.</summary>
    public const string CardsOnlyGroup = "cards-only";

    private static JsonObject AccessGroups()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var everyDay = new JsonObject();
        foreach (var day in Enum.GetNames<DayOfWeek>())
        {
            everyDay[day] = new JsonArray("00:00-24:00");
        }

        return new JsonObject
        {
            [ClosedGroup] = new JsonObject
            {
                ["Methods"] = "Card, Pin",
                ["Schedule"] = everyDay,
                ["Holidays"] = new JsonArray([.. new[] { -1, 0, 1 }.Select(d => (JsonNode)today.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))]),
            },
            [CardsOnlyGroup] = new JsonObject { ["Methods"] = "Card" },
        };
    }

    private string WriteConfiguration()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "consent-notice.en.md"), Path.Combine(Directory, "notice.en.md"));
        var configuration = new JsonObject
        {
            ["Door"] = new JsonObject
            {
                ["Methods"] = "Card, Pin, VisitorCode, Face",
                ["PulseDuration"] = "00:00:01",
                ["AccessGroups"] = AccessGroups(),
            },
            ["Wiegand"] = new JsonObject { ["Enabled"] = true },
            ["Keypad"] = new JsonObject { ["Enabled"] = true },
            ["Camera"] = new JsonObject { ["Enabled"] = true, ["Kind"] = "Replay", ["ReplayFolder"] = Path.GetDirectoryName(RepositoryLayout.Photo(1)) },
            ["Face"] = new JsonObject
            {
                ["Enabled"] = true,
                ["ModelDirectory"] = RepositoryLayout.ModelDirectory,
                ["ManifestPath"] = RepositoryLayout.ManifestPath,
                ["OnnxRuntimeLibraryPath"] = RepositoryLayout.OnnxRuntimeLibrary,
            },
            ["Admin"] = new JsonObject
            {
                ["Operators"] = new JsonArray(
                    new JsonObject { ["name"] = Installer, ["role"] = "installer" },
                    new JsonObject { ["name"] = Office, ["role"] = "office" }),
            },
            ["Consent"] = new JsonObject
            {
                ["CurrentNoticeVersion"] = NoticeVersion,
                ["ProcessorName"] = "Example Property Services",
                ["OfficeContact"] = "Building 3 office",
                ["Notices"] = new JsonArray(new JsonObject { ["Version"] = NoticeVersion, ["Language"] = "en", ["File"] = "notice.en.md" }),
            },
            ["Telemetry"] = new JsonObject { ["Enabled"] = false },

            // Each gatectl step is a process of its own, and a step that expects no decision waits out its 3 s timeout:
            // on a loaded machine that is slower than a person at the keypad, so the sequence gets more time here.
            ["Withdrawal"] = new JsonObject { ["KeyTimeout"] = "00:00:30", ["ConfirmationTimeout"] = "00:00:30" },
        };
        var path = Path.Combine(Directory, "gatecontroller.json");
        File.WriteAllText(path, configuration.ToJsonString());
        return path;
    }
}
