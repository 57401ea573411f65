using System.Globalization;
using System.Runtime.InteropServices;
using GateController.Service.Interop;

namespace GateController.Service.Admin;

/// <summary>Gives a file to a Unix group by name (the group is looked up in /etc/group, or given as a number).</summary>
internal static class UnixGroups
{
    public static void ChangeGroup(string path, string group, string groupFile = "/etc/group")
    {
        var gid = FindGroupId(group, groupFile)
            ?? throw new IOException($"group '{group}' for {path} does not exist (not in {groupFile})");
        if (LibC.Chown(path, -1, gid) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"cannot give {path} to group '{group}' (gid {gid}): chown failed with errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})");
        }
    }

    public static int? FindGroupId(string group, string groupFile)
    {
        if (int.TryParse(group, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (!File.Exists(groupFile))
        {
            return null;
        }

        foreach (var line in File.ReadLines(groupFile))
        {
            var fields = line.Split(':');
            if (fields.Length >= 3 && string.Equals(fields[0], group, StringComparison.Ordinal)
                && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
            {
                return gid;
            }
        }

        return null;
    }
}
