namespace GateController.Storage.Schema;

/// <summary>The schema, as an ordered list of migrations; each is applied once, in its own transaction.</summary>
internal static class Migrations
{
    public static IReadOnlyList<string> All { get; } =
    [
        // Version 1: residents, envelope keys, credentials, consents, face templates, audit chain, access events.
        """
        CREATE TABLE store_meta (name TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
        CREATE TABLE residents (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            room TEXT,
            status INTEGER NOT NULL,
            is_minor INTEGER NOT NULL,
            created_ms INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE resident_keys (
            resident_id TEXT PRIMARY KEY REFERENCES residents(id) ON DELETE CASCADE,
            wrapped_key BLOB NOT NULL,
            created_ms INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE cards (
            id INTEGER PRIMARY KEY,
            resident_id TEXT NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
            uid_hash BLOB NOT NULL UNIQUE,
            format INTEGER NOT NULL,
            added_ms INTEGER NOT NULL);
        CREATE INDEX cards_resident ON cards(resident_id);
        CREATE TABLE pins (
            resident_id TEXT PRIMARY KEY REFERENCES residents(id) ON DELETE CASCADE,
            lookup_hash BLOB NOT NULL UNIQUE,
            salt BLOB NOT NULL,
            verifier BLOB NOT NULL,
            set_ms INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE consents (
            id INTEGER PRIMARY KEY,
            resident_id TEXT NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
            kind INTEGER NOT NULL,
            notice_version TEXT NOT NULL,
            notice_sha256 BLOB NOT NULL,
            channel INTEGER NOT NULL,
            form_number TEXT,
            guardian TEXT,
            operator TEXT,
            given_ms INTEGER NOT NULL,
            withdrawn_ms INTEGER,
            withdrawal_channel INTEGER,
            withdrawal_operator TEXT);
        CREATE INDEX consents_resident ON consents(resident_id, kind);
        CREATE TABLE face_templates (
            id TEXT NOT NULL UNIQUE,
            resident_id TEXT NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
            consent_id INTEGER NOT NULL REFERENCES consents(id) ON DELETE CASCADE,
            model_id TEXT NOT NULL,
            sealed BLOB NOT NULL,
            created_ms INTEGER NOT NULL,
            last_used_ms INTEGER NOT NULL);
        CREATE INDEX face_templates_resident ON face_templates(resident_id);
        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            time_ms INTEGER NOT NULL,
            action TEXT NOT NULL,
            operator TEXT,
            resident_id TEXT,
            detail TEXT,
            hash BLOB NOT NULL);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TABLE access_events (
            seq INTEGER PRIMARY KEY,
            time_ms INTEGER NOT NULL,
            door TEXT NOT NULL,
            credential INTEGER,
            resident_id TEXT,
            granted INTEGER NOT NULL,
            reason TEXT NOT NULL);
        CREATE INDEX access_events_time ON access_events(time_ms);
        """,

        // Version 2: visitor codes, stored as keyed hashes only, with their issuer, window and uses.
        """
        CREATE TABLE visitor_codes (
            id INTEGER PRIMARY KEY,
            code_hash BLOB NOT NULL UNIQUE,
            issuer_id TEXT NOT NULL REFERENCES residents(id) ON DELETE CASCADE,
            valid_from_ms INTEGER NOT NULL,
            valid_until_ms INTEGER NOT NULL,
            maximum_uses INTEGER NOT NULL,
            uses INTEGER NOT NULL,
            issued_ms INTEGER NOT NULL,
            revoked_ms INTEGER);
        CREATE INDEX visitor_codes_issuer ON visitor_codes(issuer_id);
        CREATE INDEX visitor_codes_until ON visitor_codes(valid_until_ms);
        """,

        // Version 3: residents' access groups.
        AccessGroupsMigration.Sql,

        // Version 4: technicians' MQTT command keys, each sealed under the device key, with permission and last use.
        """
        CREATE TABLE technician_keys (
            id TEXT PRIMARY KEY,
            sealed_key BLOB NOT NULL,
            may_release_door INTEGER NOT NULL,
            created_ms INTEGER NOT NULL,
            last_used_ms INTEGER) WITHOUT ROWID;
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int LatestVersion => All.Count;
}
