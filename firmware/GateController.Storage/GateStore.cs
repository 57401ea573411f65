using System.Security.Cryptography;
using System.Text;
using GateController.Storage.Crypto;
using GateController.Storage.Keys;
using GateController.Storage.Schema;
using Microsoft.Data.Sqlite;

namespace GateController.Storage;

/// <summary>
/// The SQLite-backed <see cref="IGateStore"/>: WAL, synchronous=FULL, secure_delete, foreign keys, versioned
/// migrations, envelope encryption under the device key. One connection, used under a lock.
/// </summary>
public sealed partial class GateStore : IGateStore
{
    private const int SqliteError = 1;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    private static readonly byte[] KeyCheckPlaintext = Encoding.ASCII.GetBytes("GateController device key check");

    // The most of the database file a connection maps into memory (PRAGMA mmap_size).
    private const long MemoryMapBytes = 1L << 30;

    private readonly Lock _gate = new();
    private readonly Lock _lookupGate = new();
    private readonly SqliteConnection _connection;
    private readonly SqliteConnection _lookupConnection;
    private readonly string _databasePath;
    private readonly GateStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly AesGcm _wrapAes;
    private readonly byte[] _cardKey;
    private readonly byte[] _pinLookupKey;
    private readonly byte[] _pinVerifyKey;
    private readonly byte[] _auditHeadKey;
    private readonly byte[] _visitorCodeKey;
    private readonly SqliteCommand _findCardCommand;
    private readonly SqliteCommand _findPinCommand;
    private readonly SqliteCommand _appendEventCommand;
    private bool _disposed;

    private GateStore(SqliteConnection connection, SqliteConnection lookupConnection, GateStoreOptions options, DeviceKey deviceKey, TimeProvider time)
    {
        _connection = connection;
        _lookupConnection = lookupConnection;
        _databasePath = options.DatabasePath;
        _options = options;
        _time = time;
        var wrapKey = deviceKey.DeriveKey(KeyLabels.KeyWrap);
        try
        {
            _wrapAes = new AesGcm(wrapKey, Envelope.TagBytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrapKey);
        }

        _cardKey = deviceKey.DeriveKey(KeyLabels.CardUid);
        _pinLookupKey = deviceKey.DeriveKey(KeyLabels.PinLookup);
        _pinVerifyKey = deviceKey.DeriveKey(KeyLabels.PinVerify);
        _auditHeadKey = deviceKey.DeriveKey(KeyLabels.AuditHead);
        _visitorCodeKey = deviceKey.DeriveKey(KeyLabels.VisitorCode);
        _findCardCommand = Prepare(_lookupConnection, "SELECT id, resident_id, format, added_ms FROM cards WHERE uid_hash = $hash", "$hash");
        _findPinCommand = Prepare(_lookupConnection, "SELECT resident_id FROM pins WHERE lookup_hash = $hash", "$hash");
        _appendEventCommand = Prepare(
            _connection,
            "INSERT INTO access_events (time_ms, door, credential, resident_id, granted, reason) VALUES ($time, $door, $credential, $resident, $granted, $reason)",
            "$time",
            "$door",
            "$credential",
            "$resident",
            "$granted",
            "$reason");
    }

    /// <summary>
    /// Opens (creating if needed) the database in <see cref="GateStoreOptions.DataDirectory"/>, applies migrations
    /// and checks that <paramref name="deviceKey"/> is the key the database was created with.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    /// <exception cref="StoreException">Corrupt or newer database, wrong key, disk or I/O fault.</exception>
    public static GateStore Open(GateStoreOptions options, DeviceKey deviceKey, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(deviceKey);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid store options: " + string.Join("; ", problems), nameof(options));
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the store needs Unix file modes");
        }

        var path = options.DatabasePath;
        try
        {
            Directory.CreateDirectory(options.DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(StoreErrorCode.IoError, $"cannot create data directory {options.DataDirectory}: {ex.Message}", ex);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        var lookupConnection = new SqliteConnection(builder.ToString());
        GateStore? store = null;
        try
        {
            connection.Open();
            Configure(connection, path);
            if (options.CheckIntegrityAtOpen)
            {
                CheckIntegrity(connection, path);
            }

            Migrate(connection, path, timeProvider);
            lookupConnection.Open();
            using (var readOnly = lookupConnection.CreateCommand())
            {
                readOnly.CommandText = $"PRAGMA query_only=ON; PRAGMA mmap_size={MemoryMapBytes}; PRAGMA cache_size=-16384;";
                readOnly.ExecuteNonQuery();
            }

            store = new GateStore(connection, lookupConnection, options, deviceKey, timeProvider);
            store.CheckDeviceKey();
            store.ReserveWal();
            return store;
        }
        catch (SqliteException ex)
        {
            DisposeAfterFailure(store, connection, lookupConnection);
            throw Translate(ex, path, "opening the database");
        }
        catch
        {
            DisposeAfterFailure(store, connection, lookupConnection);
            throw;
        }
    }

    /// <summary>The database file this store uses.</summary>
    public string DatabasePath => _databasePath;

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            lock (_lookupGate)
            {
                _disposed = true;
                _findCardCommand.Dispose();
                _findPinCommand.Dispose();
                _lookupConnection.Dispose();
            }

            _appendEventCommand.Dispose();
            _connection.Dispose();
            _wrapAes.Dispose();
            CryptographicOperations.ZeroMemory(_cardKey);
            CryptographicOperations.ZeroMemory(_pinLookupKey);
            CryptographicOperations.ZeroMemory(_pinVerifyKey);
            CryptographicOperations.ZeroMemory(_auditHeadKey);
            CryptographicOperations.ZeroMemory(_visitorCodeKey);
        }
    }

    private static void DisposeAfterFailure(GateStore? store, SqliteConnection connection, SqliteConnection lookupConnection)
    {
        if (store is not null)
        {
            store.Dispose();
        }
        else
        {
            lookupConnection.Dispose();
            connection.Dispose();
        }
    }

    private static void Configure(SqliteConnection connection, string path)
    {
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode=WAL";
            var mode = command.ExecuteScalar() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new StoreException(StoreErrorCode.IoError, $"database {path} could not be switched to WAL mode (it reports '{mode}')");
            }
        }

        using (var command = connection.CreateCommand())
        {
            // mmap and a 16 MiB page cache keep lookups and the start-up template load off read() system calls.
            command.CommandText = $"PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; PRAGMA foreign_keys=ON; PRAGMA mmap_size={MemoryMapBytes}; PRAGMA cache_size=-16384;";
            command.ExecuteNonQuery();
        }
    }

    private static void CheckIntegrity(SqliteConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check(1)";
        var result = command.ExecuteScalar() as string;
        if (!string.Equals(result, "ok", StringComparison.Ordinal))
        {
            throw new StoreException(StoreErrorCode.CorruptDatabase, $"database {path} is damaged: {result}");
        }
    }

    private static void Migrate(SqliteConnection connection, string path, TimeProvider time)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_ms INTEGER NOT NULL)";
            create.ExecuteNonQuery();
        }

        long current;
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
            current = (long)read.ExecuteScalar()!;
        }

        if (current > Migrations.LatestVersion)
        {
            throw new StoreException(
                StoreErrorCode.NewerSchema,
                $"database {path} has schema version {current}; this build knows up to {Migrations.LatestVersion} and will not change it");
        }

        for (var version = (int)current + 1; version <= Migrations.LatestVersion; version++)
        {
            using var transaction = connection.BeginTransaction();
            try
            {
                using (var migrate = connection.CreateCommand())
                {
                    migrate.Transaction = transaction;
                    migrate.CommandText = Migrations.All[version - 1];
                    migrate.ExecuteNonQuery();
                }

                using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO schema_version (version, applied_ms) VALUES ($version, $time)";
                    record.Parameters.AddWithValue("$version", version);
                    record.Parameters.AddWithValue("$time", time.GetUtcNow().ToUnixTimeMilliseconds());
                    record.ExecuteNonQuery();
                }
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteError)
            {
                throw new StoreException(
                    StoreErrorCode.CorruptDatabase,
                    $"database {path} is not a GateController database of a known version (migration {version} failed: {ex.Message})",
                    ex);
            }

            transaction.Commit();
        }
    }

    private void CheckDeviceKey()
    {
        using var transaction = _connection.BeginTransaction();
        var associatedData = Envelope.AssociatedData(KeyLabels.KeyCheckData);
        using var read = Command(transaction, "SELECT value FROM store_meta WHERE name = 'key_check'");
        if (read.ExecuteScalar() is byte[] stored)
        {
            var plaintext = new byte[KeyCheckPlaintext.Length];
            if (!Envelope.TryOpen(_wrapAes, stored, plaintext, associatedData) || !plaintext.AsSpan().SequenceEqual(KeyCheckPlaintext))
            {
                throw new StoreException(
                    StoreErrorCode.WrongDeviceKey,
                    $"the device key does not open database {_databasePath} (key check failed); nothing was changed — use the key file this unit was provisioned with");
            }

            return;
        }

        using var write = Command(transaction, "INSERT INTO store_meta (name, value) VALUES ('key_check', $value)");
        write.Parameters.AddWithValue("$value", Envelope.Seal(_wrapAes, KeyCheckPlaintext, associatedData));
        write.ExecuteNonQuery();
        transaction.Commit();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params ReadOnlySpan<string> parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Runs one SQL statement on the store's own connection and returns the first value (tests use it for pragmas).</summary>
    internal object? ExecuteScalarForTests(string sql) => Run("running a test statement", () =>
    {
        using var command = Command(null, sql);
        return command.ExecuteScalar();
    });

    private long NowMilliseconds() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private T Run<T>(string what, Func<T> body)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                return body();
            }
            catch (SqliteException ex)
            {
                throw Translate(ex, _databasePath, what);
            }
        }
    }

    /// <summary>
    /// Checkpoints and truncates the WAL so no deleted page survives in it (crypto-shredding), then reserves it again.
    /// </summary>
    /// <summary>
    /// Runs a lookup on the separate read connection, so a card or PIN lookup never waits behind a write's fsync
    /// (WAL readers do not block on the writer).
    /// </summary>
    private T RunLookup<T>(string what, Func<T> body)
    {
        lock (_lookupGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                return body();
            }
            catch (SqliteException ex)
            {
                throw Translate(ex, _databasePath, what);
            }
        }
    }

    private void Checkpoint()
    {
        // Hold the lookup connection still, so no reader pins an old WAL snapshot and the truncation completes.
        lock (_lookupGate)
        {
            using var command = Command(null, "PRAGMA wal_checkpoint(TRUNCATE)");
            using var reader = command.ExecuteReader();
            if (reader.Read() && reader.GetInt64(0) != 0)
            {
                throw new StoreException(StoreErrorCode.IoError, $"the WAL of {_databasePath} could not be checkpointed (busy); the deletion is committed and will be flushed at the next checkpoint");
            }
        }

        ReserveWal();
    }

    /// <summary>
    /// Grows the WAL file to more than one auto-checkpoint's worth of pages and checkpoints it without
    /// truncating. Later commits then overwrite allocated blocks instead of extending the file, so each
    /// synchronous=FULL commit is a data-only fdatasync (several times faster on ext4 and SD cards).
    /// </summary>
    private void ReserveWal()
    {
        var reserveBytes = _options.WalReserveKilobytes * 1024L;
        var walPath = _databasePath + "-wal";
        if (reserveBytes == 0 || (File.Exists(walPath) && new FileInfo(walPath).Length >= reserveBytes))
        {
            return;
        }

        using (var transaction = _connection.BeginTransaction())
        {
            // A kill between the two transactions leaves the table behind: it is dropped first.
            using var fill = Command(transaction, "DROP TABLE IF EXISTS wal_reserve; CREATE TABLE wal_reserve (filler BLOB); INSERT INTO wal_reserve VALUES (zeroblob($bytes));");
            fill.Parameters.AddWithValue("$bytes", reserveBytes);
            fill.ExecuteNonQuery();
            transaction.Commit();
        }

        using (var transaction = _connection.BeginTransaction())
        {
            using var drop = Command(transaction, "DROP TABLE wal_reserve");
            drop.ExecuteNonQuery();
            transaction.Commit();
        }

        using var checkpoint = Command(null, "PRAGMA wal_checkpoint(PASSIVE)");
        checkpoint.ExecuteNonQuery();
    }

    private static StoreException Translate(SqliteException ex, string path, string what) => ex.SqliteErrorCode switch
    {
        SqliteCorrupt or SqliteNotADatabase => new StoreException(
            StoreErrorCode.CorruptDatabase,
            $"database {path} is damaged or is not a GateController database ({what}: {ex.Message})",
            ex),
        SqliteFull => new StoreException(StoreErrorCode.DiskFull, $"disk full while {what} in {path}; nothing was written", ex),
        SqliteIoError or SqliteCantOpen => new StoreException(StoreErrorCode.IoError, $"I/O error while {what} in {path}: {ex.Message}", ex),
        _ => new StoreException(StoreErrorCode.IoError, $"database error while {what} in {path}: {ex.Message}", ex),
    };

    private static object DbValue(object? value) => value ?? DBNull.Value;

    private static DateTimeOffset FromMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}
