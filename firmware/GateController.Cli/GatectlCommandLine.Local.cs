using System.CommandLine;
using System.Text.Json.Nodes;
using GateController.Cli.Provisioning;
using GateController.Storage;
using GateController.Storage.Keys;

namespace GateController.Cli;

/// <summary>provision, import, audit.</summary>
public static partial class GatectlCommandLine
{
    /// <summary>The file beside the key file that names the unit.</summary>
    public const string UnitIdFileName = "unit-id";

    private static Command ProvisionCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var unitId = new Option<string>("--unit-id") { Description = "the unit's name, for example front-gate-1", Required = true };
        var keyFile = new Option<string>("--key-file") { Description = "where to create the device key (mode 0600, never overwritten)", DefaultValueFactory = _ => DefaultKeyFile };
        var owner = new Option<string?>("--owner")
        {
            Description = $"USER[:GROUP] to own the key, the unit-id file and the data directory (as root the default is {ProvisionOwnership.DefaultServiceUser} when that user exists)",
        };
        var dataDirectory = new Option<string?>("--data-dir") { Description = "the service's data directory: created (mode 0700) if missing and given to the owner" };
        var command = new Command("provision", "create the device key and the unit's identity (once)") { unitId, keyFile, owner, dataDirectory };
        act(command, run =>
        {
            if (OperatingSystem.IsWindows())
            {
                throw new GatectlException("provision needs Unix file modes");
            }

            var id = run.Parse.GetValue(unitId)!;
            if (id.Length is 0 or > 64 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                throw new GatectlException($"--unit-id '{id}' must be 1–64 letters, digits, '-', '_' or '.'", ExitUsage);
            }

            var path = Path.GetFullPath(run.Parse.GetValue(keyFile)!);
            var directory = Path.GetDirectoryName(path)!;
            var unitFile = Path.Combine(directory, UnitIdFileName);
            var data = run.Parse.GetValue(dataDirectory) is { } dataText ? Path.GetFullPath(dataText) : null;
            if (data is not null && IsWithin(path, data))
            {
                throw new GatectlException($"device key file {path} is inside the data directory {data}; keep the key outside it", ExitUsage);
            }

            var decision = ProvisionOwnership.Decide(Interop.LibC.GetEffectiveUserId(), run.Parse.GetValue(owner), new UnixAccountDatabase());
            if (decision.Error is { } ownerError)
            {
                throw new GatectlException(ownerError, ExitUsage);
            }

            if (File.Exists(path))
            {
                throw new GatectlException($"device key file {path} already exists; the unit is provisioned (it is never overwritten)");
            }

            if (File.Exists(unitFile))
            {
                throw new GatectlException($"{unitFile} already exists; the unit is provisioned");
            }

            const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            var given = new List<string>();
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory, OwnerOnly);
                given.Add(directory);
            }

            try
            {
                using var key = DeviceKeyFile.Create(path);
            }
            catch (StoreException ex)
            {
                throw new GatectlException(ex.Message);
            }

            given.Add(path);
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            };
            using (var writer = new StreamWriter(unitFile, System.Text.Encoding.UTF8, options))
            {
                writer.WriteLine(id);
            }

            given.Add(unitFile);
            if (data is not null)
            {
                if (!Directory.Exists(data))
                {
                    Directory.CreateDirectory(data, OwnerOnly);
                }

                given.Add(data);
            }

            if (decision.Owner is { } account)
            {
                GiveFiles(account, given, path, unitFile);
            }

            var result = new JsonObject
            {
                ["unitId"] = id,
                ["keyFile"] = path,
                ["unitIdFile"] = unitFile,
                ["dataDirectory"] = data,
                ["owner"] = decision.Owner?.ToString(),
                ["note"] = decision.Note,
            };
            return Task.FromResult(run.Done(result, o =>
            {
                o.WriteLine($"unit {id} provisioned: device key {path} (mode 0600), identity {unitFile}");
                if (decision.Owner is { } filesOwner)
                {
                    o.WriteLine($"owned by {filesOwner}{(data is null ? string.Empty : $", with the data directory {data}")}");
                }

                if (decision.Note is { } note)
                {
                    o.WriteLine($"note: {note}");
                }

                o.WriteLine("keep the key file outside the data directory; without it the store cannot be opened");
            }));
        });
        return command;
    }

    /// <summary>Gives every path to <paramref name="account"/>; on failure removes the key and unit-id file just made (nothing is encrypted under them yet).</summary>
    private static void GiveFiles(UnixAccount account, List<string> paths, string keyFile, string unitFile)
    {
        foreach (var path in paths)
        {
            if (Interop.LibC.Chown(path, account.UserId, account.GroupId) != 0)
            {
                var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
                File.Delete(keyFile);
                File.Delete(unitFile);
                throw new GatectlException(
                    $"cannot give {path} to {account} (uid {account.UserId}, gid {account.GroupId}): chown failed with errno {errno} ({System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno)}); the new key was removed, nothing is provisioned");
            }
        }
    }

    private static bool IsWithin(string path, string directory)
    {
        var relative = Path.GetRelativePath(directory, path);
        return relative != path && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    private static Command ImportCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var file = new Argument<FileInfo>("FILE.csv") { Description = "id, name, room, cards (FORMAT:HEX;…), PIN[, minor[, group]]" };
        var residents = new Command("residents", "import residents with cards and PINs, all or nothing") { file };
        act(residents, async run =>
        {
            var csv = run.Parse.GetValue(file)!;
            if (!csv.Exists)
            {
                throw new GatectlException($"{csv.FullName} does not exist", ExitUsage);
            }

            var lines = await File.ReadAllLinesAsync(csv.FullName, run.CancellationToken).ConfigureAwait(false);
            var progress = run.Environment.IsTerminal && !run.Json;
            if (progress)
            {
                run.Error.Write($"\rchecking {lines.Length} lines of {csv.Name}…");
            }

            var (rows, problems) = ResidentCsvReader.Read(lines);
            if (problems.Count > 0)
            {
                if (progress)
                {
                    run.Error.WriteLine();
                }

                foreach (var problem in problems.Take(problems.Count - 1))
                {
                    run.Error.WriteLine($"gatectl: {csv.Name} {problem}");
                }

                throw new GatectlException($"{csv.Name} {problems[^1]}; nothing imported ({problems.Count} problems)");
            }

            if (progress)
            {
                run.Error.Write($"\rimporting {rows.Count} residents…          ");
            }

            var result = await run.CallAsync("import.residents", new JsonObject { ["rows"] = new JsonArray([.. rows]) }).ConfigureAwait(false);
            if (progress)
            {
                run.Error.WriteLine($"\rimported {rows.Count} residents.          ");
            }

            return run.Done(result, o => o.WriteLine($"imported {GatectlInvocation.Text(result["imported"])} residents from {csv.Name}"));
        });
        return new Command("import", "bulk import") { residents };
    }

    private static Command AuditCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var verify = new Command("verify", "check the hash-chained audit log; names the first entry altered, removed or reordered");
        act(verify, async run =>
        {
            var result = await run.CallAsync("audit.verify", []).ConfigureAwait(false);
            var intact = (bool)result["intact"]!;
            run.Done(result, o => o.WriteLine(intact
                ? $"audit log intact: {GatectlInvocation.Text(result["entriesChecked"])} entries checked"
                : $"audit log BROKEN at entry {GatectlInvocation.Text(result["firstBadSequence"])}: {GatectlInvocation.Text(result["problem"])}"));
            return intact ? 0 : 2;
        });

        var since = new Option<string?>("--since") { Description = "only entries since then: 1h, 7d, or a date" };
        var export = new Command("export", "the audit log's entries (processing records, P10)") { since };
        act(export, async run =>
        {
            var args = new JsonObject();
            if (run.Parse.GetValue(since) is { } text)
            {
                args["since"] = ParseSince(text, run.Environment.Time).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            }

            var result = await run.CallAsync("audit.export", args).ConfigureAwait(false);
            return run.Done(result, o =>
            {
                foreach (var e in result["entries"]!.AsArray())
                {
                    o.WriteLine($"{GatectlInvocation.Text(e!["sequence"]),6}  {GatectlInvocation.Text(e["time"])}  {GatectlInvocation.Text(e["action"]),-18} operator {GatectlInvocation.Text(e["operator"])}  resident {GatectlInvocation.Text(e["resident"])}  {GatectlInvocation.Text(e["detail"])}");
                }
            });
        });
        return new Command("audit", "the audit log") { verify, export };
    }
}
