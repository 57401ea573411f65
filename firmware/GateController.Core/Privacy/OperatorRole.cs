using System.Collections.ObjectModel;

namespace GateController.Core.Privacy;

/// <summary>A named set of permissions an operator account is given.</summary>
public sealed record OperatorRole
{
    /// <summary>Every permission that exists.</summary>
    public const OperatorPermission AllPermissions =
        OperatorPermission.Enroll | OperatorPermission.ManageCredentials | OperatorPermission.Export | OperatorPermission.Delete
        | OperatorPermission.ReleaseDoor | OperatorPermission.Configure | OperatorPermission.ViewReports | OperatorPermission.ManageTechnicians;

    /// <summary>Creates a role; throws <see cref="ArgumentException"/> for an empty name or undefined permission bits.</summary>
    public OperatorRole(string name, OperatorPermission permissions, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        if ((permissions & ~AllPermissions) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(permissions), permissions, "undefined permission bits");
        }

        Name = name;
        Permissions = permissions;
        Description = description;
    }

    /// <summary>The role's name, for example "office".</summary>
    public string Name { get; }

    /// <summary>What the role may do.</summary>
    public OperatorPermission Permissions { get; }

    /// <summary>Who the role is for.</summary>
    public string Description { get; }

    /// <summary>Installs and commissions the unit: configuration, cards and PINs, technicians' command keys, door tests. No face data, no exports.</summary>
    public static OperatorRole Installer { get; } = new(
        "installer",
        OperatorPermission.Configure | OperatorPermission.ManageCredentials | OperatorPermission.ReleaseDoor | OperatorPermission.ViewReports
        | OperatorPermission.ManageTechnicians,
        "installs and commissions the unit");

    /// <summary>Property office staff: consents, enrollment, credentials, copies for residents, deletion, reports.</summary>
    public static OperatorRole OfficeStaff { get; } = new(
        "office",
        OperatorPermission.Enroll | OperatorPermission.ManageCredentials | OperatorPermission.Export | OperatorPermission.Delete | OperatorPermission.ViewReports,
        "property office staff who record consents and manage residents");

    /// <summary>Maintains the unit: configuration, diagnostics, door tests. Never face data, credentials or exports.</summary>
    public static OperatorRole Technician { get; } = new(
        "technician",
        OperatorPermission.Configure | OperatorPermission.ReleaseDoor | OperatorPermission.ViewReports,
        "maintains the unit");

    /// <summary>Gate guard: manual release only (rule P15); needs no face data to help someone in.</summary>
    public static OperatorRole Guard { get; } = new("guard", OperatorPermission.ReleaseDoor, "opens the gate by hand for people who need help");

    /// <summary>The default roles: installer, office, technician, guard.</summary>
    public static ReadOnlyCollection<OperatorRole> Defaults { get; } = new([Installer, OfficeStaff, Technician, Guard]);

    /// <summary>True when the role holds every permission in <paramref name="permission"/>.</summary>
    public bool Allows(OperatorPermission permission) => permission != OperatorPermission.None && (Permissions & permission) == permission;

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Permissions})";
}
