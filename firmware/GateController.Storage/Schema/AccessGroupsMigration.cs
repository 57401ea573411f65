namespace GateController.Storage.Schema;

/// <summary>
/// The migration that binds residents to access groups: a nullable group name on each resident (null: the door's default
/// policy). The name is checked against the configured groups when it is assigned; a name the configuration no longer
/// defines is reported in status and refused at the door.
/// </summary>
internal static class AccessGroupsMigration
{
    /// <summary>The SQL, applied once in its own transaction.</summary>
    public const string Sql = """
        ALTER TABLE residents ADD COLUMN access_group TEXT;
        CREATE INDEX residents_access_group ON residents(access_group) WHERE access_group IS NOT NULL;
        """;
}
