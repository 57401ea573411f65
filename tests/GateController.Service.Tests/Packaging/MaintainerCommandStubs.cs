namespace GateController.Service.Tests.Packaging;

/// <summary>
/// Stand-ins, first on PATH, for every command through which a maintainer script could change the machine it runs on
/// (users, groups, ownership, systemd). Each records its arguments; getent knows only the groups given.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class MaintainerCommandStubs
{
    private static readonly string[] Recorders =
        ["adduser", "addgroup", "useradd", "groupadd", "usermod", "chown", "chgrp", "deb-systemd-helper", "deb-systemd-invoke", "systemctl"];

    private readonly string _callLog;

    public MaintainerCommandStubs(string directory, IReadOnlyList<string> existingGroups)
    {
        System.IO.Directory.CreateDirectory(directory);
        Directory = directory;
        _callLog = System.IO.Path.Combine(directory, "calls.log");
        foreach (var command in Recorders)
        {
            Write(command, $"echo \"{command} $*\" >> '{_callLog}'\nexit 0\n");
        }

        var groups = string.Join(' ', existingGroups);
        Write("getent", $"""
            echo "getent $*" >> '{_callLog}'
            if [ "$1" = group ]; then
              for known in {groups}; do [ "$2" = "$known" ] && exit 0; done
            fi
            exit 2

            """);
    }

    public string Directory { get; }

    /// <summary>PATH with the stubs first.</summary>
    public string SearchPath => Directory + ":" + (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin:/usr/sbin:/sbin");

    /// <summary>Every recorded call, one line each: the command and its arguments.</summary>
    public IReadOnlyList<string> Calls => File.Exists(_callLog) ? File.ReadAllLines(_callLog) : [];

    private void Write(string command, string body)
    {
        var path = System.IO.Path.Combine(Directory, command);
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
    }
}
