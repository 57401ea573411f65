using System.Net.Sockets;
using System.Text;
using GateController.Core.Access;
using GateController.Core.Privacy;
using GateController.Service.Admin;
using GateController.Service.Face;
using GateController.Storage;
using GateController.Storage.Keys;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Cli.Tests;

/// <summary>A store in a temporary directory served by a real admin server on a temporary Unix socket.</summary>
internal sealed class AdminFixture : IAsyncDisposable
{
    public const string NoticeVersion = "2026-01";
    public const string Office = "wang";
    public const string Guard = "li";
    public const string Installer = "zhao";

    /// <summary>The one access group the fixture's door configuration defines.</summary>
    public const string DayStaffGroup = "day-staff";

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public AdminFixture(int maximumRequestBytes = 1024 * 1024, Func<GateStore, FaceRecognition>? face = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "gc-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(Directory);
        SocketPath = Path.Combine(Directory, "admin.sock");
        KeyFile = Path.Combine(Directory, "device.key");
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        using (var key = DeviceKeyFile.Create(KeyFile))
        {
            Store = GateStore.Open(new GateStoreOptions { DataDirectory = Path.Combine(Directory, "data"), WalReserveKilobytes = 0 }, key, Time);
        }

        var options = new AdminServerOptions { SocketPath = SocketPath, MaximumRequestBytes = maximumRequestBytes };
        options.Operators.Add(new AdminOperator { Name = Office, Role = "office" });
        options.Operators.Add(new AdminOperator { Name = Guard, Role = "guard" });
        options.Operators.Add(new AdminOperator { Name = Installer, Role = "installer" });
        options.AccessGroups.Add(DayStaffGroup);
        var notice = new ConsentNotice(NoticeVersion, "en", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "consent-notice.en.md")));
        Assert.True(ConsentNoticeCatalog.TryCreate([notice], NoticeVersion, out var catalog, out var problems), string.Join("; ", problems));
        var receipt = new ConsentReceiptOptions { ProcessorName = "Example Property Services", OfficeContact = "Building 3 office, 0571-00000000" };
        Face = face?.Invoke(Store);
        Privacy = new PrivacyReportSettings { UnitId = "front-gate-1", StoreLocation = "SQLite file in the data directory on the unit's SD card", FaceEnabled = true, MqttBrokerHost = "192.0.2.10:1883" };
        Privacy.Doors.Add(new PrivacyImpactDoor(DoorId.Parse("front"), AccessMethods.Card | AccessMethods.Pin | AccessMethods.Face));
        Server = new AdminServer(Store, options, Time, new AdminConsentSettings(catalog!, receipt), face: Face, privacy: Privacy);
        Server.Start();
        _serving = Server.RunAsync(_stop.Token);
    }

    public string Directory { get; }

    public string SocketPath { get; }

    public string KeyFile { get; }

    public FakeTimeProvider Time { get; }

    public GateStore Store { get; }

    public AdminServer Server { get; }

    /// <summary>The configuration report.pia draws on.</summary>
    public PrivacyReportSettings Privacy { get; }

    /// <summary>The face component, when one was given.</summary>
    public FaceRecognition? Face { get; }

    /// <summary>Runs gatectl in-process against this server (adds --socket).</summary>
    public async Task<(int Status, string Output, string Error)> GatectlAsync(params string[] args) => await GatectlWithInputAsync(string.Empty, args);

    public async Task<(int Status, string Output, string Error)> GatectlWithInputAsync(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new GatectlEnvironment { Input = new StringReader(input), Time = Time, IsTerminal = false, DefaultOperator = null };
        var status = await GatectlCommandLine.RunAsync([.. args, "--socket", SocketPath], output, error, environment, CancellationToken.None);
        return (status, output.ToString(), error.ToString());
    }

    /// <summary>Sends raw lines over the socket and returns one reply line per request.</summary>
    public async Task<List<string>> RawAsync(params byte[][] requests)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
        using var stream = new NetworkStream(socket);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var replies = new List<string>();
        foreach (var request in requests)
        {
            await stream.WriteAsync(request);
            replies.Add(await reader.ReadLineAsync() ?? "<closed>");
        }

        return replies;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serving;
        Server.Dispose();
        Face?.Dispose();
        Store.Dispose();
        _stop.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
