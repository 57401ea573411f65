using System.Globalization;

namespace GateController.Cli.Provisioning;

/// <summary>
/// Users and groups as /etc/passwd and /etc/group list them (a name, or a number that need not be listed). Local files
/// only: the service user a package creates is a local system user.
/// </summary>
internal sealed class UnixAccountDatabase
{
    private readonly string _passwdFile;
    private readonly string _groupFile;

    /// <summary>Reads <paramref name="passwdFile"/> and <paramref name="groupFile"/> when asked.</summary>
    public UnixAccountDatabase(string passwdFile = "/etc/passwd", string groupFile = "/etc/group")
    {
        ArgumentException.ThrowIfNullOrEmpty(passwdFile);
        ArgumentException.ThrowIfNullOrEmpty(groupFile);
        _passwdFile = passwdFile;
        _groupFile = groupFile;
    }

    /// <summary>The user's id and primary group id, or null when there is no such user.</summary>
    public (int UserId, int PrimaryGroupId)? FindUser(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        foreach (var fields in Entries(_passwdFile, 4))
        {
            if (string.Equals(fields[0], user, StringComparison.Ordinal) || string.Equals(fields[2], user, StringComparison.Ordinal))
            {
                return (int.Parse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture), int.Parse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture));
            }
        }

        return null;
    }

    /// <summary>The group's id, or null when there is no such group.</summary>
    public int? FindGroup(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        foreach (var fields in Entries(_groupFile, 3))
        {
            if (string.Equals(fields[0], group, StringComparison.Ordinal) || string.Equals(fields[2], group, StringComparison.Ordinal))
            {
                return int.Parse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static IEnumerable<string[]> Entries(string file, int fieldCount)
    {
        if (!File.Exists(file))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(file))
        {
            var fields = line.Split(':');
            if (line.StartsWith('#') || fields.Length < fieldCount)
            {
                continue;
            }

            // Field 2 is the id; in /etc/passwd field 3 is the primary group id. Malformed lines are skipped.
            var numeric = Enumerable.Range(2, fieldCount - 2).All(i => int.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out _));
            if (numeric)
            {
                yield return fields;
            }
        }
    }
}
