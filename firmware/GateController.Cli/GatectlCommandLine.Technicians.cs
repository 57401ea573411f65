using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;

namespace GateController.Cli;

/// <summary>technician commands: the technicians whose keys may sign MQTT commands to this unit (installer only).</summary>
public static partial class GatectlCommandLine
{
    private static Command TechnicianCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var id = new Argument<string>("ID") { Description = "the technician's id: 1–64 letters, digits, '-' or '_'" };
        var mayReleaseDoor = new Option<bool>("--may-release-door") { Description = "allow door-release (and the relay in self-test)" };
        var keyOut = new Option<string?>("--key-out") { Description = "write the key (base64) to this new file, mode 0600, instead of printing it" };
        var add = new Command("add", "add a technician with a fresh random 32-byte key, shown once") { id, mayReleaseDoor, keyOut };
        act(add, async run =>
        {
            var technician = RequireTechnicianId(run.Parse.GetValue(id)!);
            var keyPath = run.Parse.GetValue(keyOut) is { } path ? Path.GetFullPath(path) : null;
            using var keyFile = keyPath is null ? null : CreateKeyFile(keyPath);
            JsonObject result;
            try
            {
                result = await run.CallAsync("technician.add", new JsonObject
                {
                    ["id"] = technician,
                    ["mayReleaseDoor"] = run.Parse.GetValue(mayReleaseDoor),
                }).ConfigureAwait(false);
            }
            catch
            {
                if (keyFile is not null)
                {
                    keyFile.Dispose();
                    File.Delete(keyPath!);
                }

                throw;
            }

            var key = GatectlInvocation.Text(result["key"]);
            if (keyFile is not null)
            {
                keyFile.Write(Encoding.ASCII.GetBytes(key + "\n"));
                keyFile.Flush(flushToDisk: true);
                result.Remove("key");
                result["keyFile"] = keyPath;
            }

            return run.Done(result, o =>
            {
                var record = result["technician"]!;
                var permission = (bool)record["mayReleaseDoor"]! ? "may release the door" : "may not release the door";
                o.WriteLine($"technician {GatectlInvocation.Text(record["id"])} added ({permission})");
                if (keyFile is null)
                {
                    o.WriteLine($"key: {key}");
                    o.WriteLine("  give the key to the technician now: it cannot be shown again");
                }
                else
                {
                    o.WriteLine($"key written to {keyPath} (mode 0600); give the file to the technician and delete it here");
                }
            });
        });

        var list = new Command("list", "technicians: id, permission, when added, when last used (never the key)");
        act(list, async run =>
        {
            var result = await run.CallAsync("technician.list", []).ConfigureAwait(false);
            return run.Done(result, o =>
            {
                var technicians = result["technicians"]!.AsArray();
                foreach (var t in technicians)
                {
                    var permission = (bool)t!["mayReleaseDoor"]! ? "door-release" : "no door-release";
                    o.WriteLine($"{GatectlInvocation.Text(t["id"]),-24}  {permission,-15}  added {GatectlInvocation.Text(t["createdAt"])}  last used {GatectlInvocation.Text(t["lastUsedAt"])}");
                }

                o.WriteLine($"{technicians.Count} technicians");
            });
        });

        var removeId = new Argument<string>("ID") { Description = "the technician's id" };
        var remove = new Command("remove", "remove a technician: their key stops working at once") { removeId };
        act(remove, async run =>
        {
            var result = await run.CallAsync("technician.remove", new JsonObject { ["id"] = RequireTechnicianId(run.Parse.GetValue(removeId)!) }).ConfigureAwait(false);
            return run.Done(result, o => o.WriteLine($"technician {GatectlInvocation.Text(result["removed"])} removed; their key no longer works"));
        });

        return new Command("technician", "technicians whose keys sign MQTT commands to this unit (installer only)") { add, list, remove };
    }

    private static string RequireTechnicianId(string text) =>
        text.Length is > 0 and <= 64 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? text
            : throw new GatectlException($"technician id '{text}' must be 1–64 letters, digits, '-' or '_'", ExitUsage);

    private static FileStream CreateKeyFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new GatectlException("--key-out needs Unix file modes");
        }

        try
        {
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException ex) when (File.Exists(path))
        {
            throw new GatectlException($"--key-out {path} already exists; it is never overwritten ({ex.Message})", ExitUsage);
        }
    }
}
