using System.Text.Json.Nodes;
using GateController.Storage.Keys;

namespace GateController.Cli.Tests.Crash;

/// <summary>One unit on disk for the crash test: a data directory, a device key file outside it, a configuration file.</summary>
internal sealed class CrashUnit : IDisposable
{
    public const string Office = "wang";

    public CrashUnit()
    {
        Directory = Path.Combine(Path.GetTempPath(), "gc-crash-" + Guid.NewGuid().ToString("N")[..10]);
        System.IO.Directory.CreateDirectory(Directory);
        DataDirectory = Path.Combine(Directory, "data");
        SocketPath = Path.Combine(Directory, "admin.sock");
        var keyFile = Path.Combine(Directory, "device.key");
        DeviceKeyFile.Create(keyFile).Dispose();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "consent-notice.en.md"), Path.Combine(Directory, "notice.en.md"));
        ConfigFile = Path.Combine(Directory, "gatecontroller.json");
        var config = new JsonObject
        {
            ["dataDirectory"] = DataDirectory,
            ["keyFile"] = keyFile,
            ["adminSocket"] = SocketPath,
            ["operators"] = new JsonArray(new JsonObject { ["name"] = Office, ["role"] = "office" }),
            ["door"] = new JsonObject { ["enabled"] = false },
            ["consent"] = new JsonObject
            {
                ["currentNoticeVersion"] = ResidentLifecycle.NoticeVersion,
                ["processorName"] = "Example Property Services",
                ["officeContact"] = "Building 3 office, 0571-00000000",
                ["notices"] = new JsonArray(new JsonObject { ["version"] = ResidentLifecycle.NoticeVersion, ["language"] = "en", ["file"] = "notice.en.md" }),
            },
        };
        File.WriteAllText(ConfigFile, config.ToJsonString());
    }

    public string Directory { get; }

    public string DataDirectory { get; }

    public string SocketPath { get; }

    public string ConfigFile { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
