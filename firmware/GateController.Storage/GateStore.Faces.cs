using System.Runtime.InteropServices;
using System.Security.Cryptography;
using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage.Audit;
using GateController.Storage.Crypto;
using GateController.Storage.Records;
using Microsoft.Data.Sqlite;

namespace GateController.Storage;

/// <summary>
/// Face templates under envelope encryption: a random 256-bit data key per resident, wrapped by the device
/// key (AES-256-GCM); each template sealed under that data key with a fresh nonce and associated data binding
/// resident, template and model ids. Deleting face data deletes the wrapped key and every ciphertext.
/// </summary>
public sealed partial class GateStore
{
    /// <summary>Most values in one embedding.</summary>
    public const int MaximumEmbeddingLength = 4096;

    private const int DataKeyBytes = 32;
    private const int MaximumModelIdLength = 64;
    private const int DecryptChunkSize = 4096;
    private const int StreamPageRows = 512;

    /// <inheritdoc />
    public FaceTemplateRecord AddFaceTemplate(ResidentId id, string modelId, ReadOnlySpan<float> embedding, string? operatorId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        if (modelId.Length > MaximumModelIdLength)
        {
            throw new ArgumentException($"a model id is at most {MaximumModelIdLength} characters", nameof(modelId));
        }

        if (embedding.IsEmpty || embedding.Length > MaximumEmbeddingLength)
        {
            throw new ArgumentException($"an embedding has 1–{MaximumEmbeddingLength} values, not {embedding.Length}", nameof(embedding));
        }

        var plaintext = MemoryMarshal.AsBytes(embedding).ToArray();
        try
        {
            return Run("enrolling a face template", () =>
            {
                using var transaction = _connection.BeginTransaction();
                var resident = RequireResident(transaction, id);
                if (resident.Status == ResidentStatus.MovedOut)
                {
                    throw new StoreException(StoreErrorCode.ResidentMovedOut, $"resident {id} has moved out; no face template can be stored");
                }

                var consent = ReadConsents(transaction, id).LastOrDefault(c => c.Kind == ConsentKind.Face && c.IsActive)
                    ?? throw new StoreException(StoreErrorCode.ConsentRequired, $"resident {id} has no active face consent; face enrollment needs a separate consent first");

                var templateId = Guid.NewGuid().ToString("N");
                var now = NowMilliseconds();
                var dataKey = ReadOrCreateDataKey(transaction, id, now);
                byte[] sealedTemplate;
                try
                {
                    using var aes = new AesGcm(dataKey, Envelope.TagBytes);
                    sealedTemplate = Envelope.Seal(aes, plaintext, TemplateAssociatedData(id, templateId, modelId));
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(dataKey);
                }

                using (var insert = Command(transaction, "INSERT INTO face_templates (id, resident_id, consent_id, model_id, sealed, created_ms, last_used_ms) VALUES ($id, $resident, $consent, $model, $sealed, $now, $now)"))
                {
                    insert.Parameters.AddWithValue("$id", templateId);
                    insert.Parameters.AddWithValue("$resident", id.Value);
                    insert.Parameters.AddWithValue("$consent", consent.ConsentId);
                    insert.Parameters.AddWithValue("$model", modelId);
                    insert.Parameters.AddWithValue("$sealed", sealedTemplate);
                    insert.Parameters.AddWithValue("$now", now);
                    insert.ExecuteNonQuery();
                }

                long number;
                using (var rowId = Command(transaction, "SELECT last_insert_rowid()"))
                {
                    number = (long)rowId.ExecuteScalar()!;
                }

                AppendAuditCore(transaction, AuditAction.FaceEnrolled, operatorId, id, $"template {templateId}, model {modelId}, consent {consent.ConsentId}");
                transaction.Commit();
                return new FaceTemplateRecord(templateId, id, modelId, consent.ConsentId, FromMilliseconds(now), FromMilliseconds(now)) { Number = number };
            });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<FaceTemplateRecord> ListFaceTemplates(ResidentId id) => Run("listing face templates", () =>
    {
        RequireResident(null, id);
        return ReadTemplateRecords(null, id);
    });

    /// <inheritdoc />
    public bool TryFindFaceTemplate(ResidentId id, out FaceTemplateId templateId)
    {
        templateId = default;
        if (string.IsNullOrEmpty(id.Value))
        {
            return false;
        }

        var found = RunLookup("finding a face template", () =>
        {
            using var command = _lookupConnection.CreateCommand();
            command.CommandText = "SELECT rowid FROM face_templates WHERE resident_id = $resident ORDER BY rowid DESC LIMIT 1";
            command.Parameters.AddWithValue("$resident", id.Value);
            return command.ExecuteScalar() is long rowId ? rowId : 0L;
        });
        if (found <= 0)
        {
            return false;
        }

        templateId = new FaceTemplateId(found);
        return true;
    }

    /// <inheritdoc />
    public IReadOnlyList<FaceTemplate> LoadFaceTemplates() => Run("loading face templates", () =>
    {
        var dataKeys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using (var keys = Command(null, "SELECT resident_id, wrapped_key FROM resident_keys"))
            using (var reader = keys.ExecuteReader())
            {
                while (reader.Read())
                {
                    var resident = reader.GetString(0);
                    var dataKey = new byte[DataKeyBytes];
                    if (reader.GetValue(1) is not byte[] wrapped || !Envelope.TryOpen(_wrapAes, wrapped, dataKey, Envelope.AssociatedData(KeyLabels.DataKeyData, resident)))
                    {
                        throw new StoreException(StoreErrorCode.DecryptionFailed, $"the data key of resident {resident} fails authentication");
                    }

                    dataKeys[resident] = dataKey;
                }
            }

            // A table scan in storage order, decrypted in parallel chunks: reading, not AES, is the larger cost.
            var templates = new List<FaceTemplate>();
            var pending = new List<SealedTemplateRow>(DecryptChunkSize);
            using (var command = Command(null, "SELECT resident_id, id, model_id, sealed FROM face_templates"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    pending.Add(new SealedTemplateRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetValue(3) as byte[] ?? []));
                    if (pending.Count == DecryptChunkSize)
                    {
                        DecryptChunk(pending, dataKeys, templates);
                        pending.Clear();
                    }
                }
            }

            DecryptChunk(pending, dataKeys, templates);
            return templates;
        }
        finally
        {
            foreach (var dataKey in dataKeys.Values)
            {
                CryptographicOperations.ZeroMemory(dataKey);
            }
        }
    });

    /// <inheritdoc />
    public FaceTemplateLoadReport StreamConsentedFaceTemplates(string modelId, FaceTemplateVisitor visitor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentNullException.ThrowIfNull(visitor);
        cancellationToken.ThrowIfCancellationRequested();

        // Pinned so the garbage collector never leaves a moved copy of a key or an embedding behind.
        var dataKey = GC.AllocateArray<byte>(DataKeyBytes, pinned: true);
        var plaintext = GC.AllocateArray<float>(MaximumEmbeddingLength, pinned: true);
        var sealedBytes = new byte[Envelope.Overhead + (MaximumEmbeddingLength * sizeof(float))];
        int loaded = 0, damaged = 0;
        long after = 0;
        string? keyResident = null;
        var resident = default(ResidentId);
        AesGcm? aes = null;

        // One page of rows (in storage order) per hold of the store's lock, so access events and other writes are
        // not kept waiting behind a whole load.
        int ReadPage()
        {
            using var command = Command(null, """
                SELECT t.rowid, t.resident_id, t.id, t.sealed, k.wrapped_key
                FROM face_templates t
                JOIN residents r ON r.id = t.resident_id
                LEFT JOIN resident_keys k ON k.resident_id = t.resident_id
                WHERE t.rowid > $after AND t.model_id = $model AND r.status = $active
                  AND EXISTS (SELECT 1 FROM consents c WHERE c.resident_id = t.resident_id AND c.kind = $face AND c.withdrawn_ms IS NULL)
                ORDER BY t.rowid
                LIMIT $page
                """);
            command.Parameters.AddWithValue("$after", after);
            command.Parameters.AddWithValue("$model", modelId);
            command.Parameters.AddWithValue("$active", (int)ResidentStatus.Active);
            command.Parameters.AddWithValue("$face", (int)ConsentKind.Face);
            command.Parameters.AddWithValue("$page", StreamPageRows);
            using var reader = command.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows++;
                after = reader.GetInt64(0);
                var residentText = reader.GetString(1);
                if (!string.Equals(residentText, keyResident, StringComparison.Ordinal))
                {
                    // Another resident: unwrap their data key, kept for as long as their rows follow one another.
                    aes?.Dispose();
                    aes = null;
                    keyResident = residentText;
                    if (ResidentId.TryParse(residentText, out resident, out _)
                        && !reader.IsDBNull(4) && reader.GetValue(4) is byte[] wrapped
                        && Envelope.TryOpen(_wrapAes, wrapped, dataKey, Envelope.AssociatedData(KeyLabels.DataKeyData, residentText)))
                    {
                        aes = new AesGcm(dataKey, Envelope.TagBytes);
                    }

                    CryptographicOperations.ZeroMemory(dataKey);
                }

                var sealedLength = reader.IsDBNull(3) ? 0 : reader.GetBytes(3, 0, null, 0, 0);
                var valueCount = (sealedLength - Envelope.Overhead) / sizeof(float);
                if (aes is null || valueCount <= 0 || valueCount > MaximumEmbeddingLength || Envelope.Overhead + (valueCount * sizeof(float)) != sealedLength)
                {
                    damaged++;
                    continue;
                }

                var ciphertext = sealedBytes.AsSpan(0, (int)sealedLength);
                reader.GetBytes(3, 0, sealedBytes, 0, (int)sealedLength);
                var embedding = plaintext.AsSpan(0, (int)valueCount);
                try
                {
                    if (!Envelope.TryOpen(aes, ciphertext, MemoryMarshal.AsBytes(embedding), TemplateAssociatedData(resident, reader.GetString(2), modelId)))
                    {
                        damaged++;
                        continue;
                    }

                    visitor(resident, after, embedding);
                    loaded++;
                }
                finally
                {
                    embedding.Clear();
                }
            }

            return rows;
        }

        // Read the rows with read(), not through the memory map: a map would leave every page of every template
        // (and whatever the open's integrity check touched) counted in the process's resident memory for good.
        Run("streaming face templates", () => SetMemoryMap(0));
        try
        {
            int rows;
            do
            {
                rows = Run("streaming face templates", ReadPage);
            }
            while (rows == StreamPageRows);

            return new FaceTemplateLoadReport(loaded, damaged);
        }
        finally
        {
            aes?.Dispose();
            CryptographicOperations.ZeroMemory(dataKey);
            plaintext.AsSpan().Clear();
            sealedBytes.AsSpan().Clear();
            Run("streaming face templates", () =>
            {
                using (var shrink = Command(null, "PRAGMA shrink_memory"))
                {
                    shrink.ExecuteNonQuery();
                }

                return SetMemoryMap(MemoryMapBytes);
            });
        }
    }

    private int SetMemoryMap(long bytes)
    {
        using var command = Command(null, $"PRAGMA mmap_size={bytes}");
        return command.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public void RecordFaceMatch(ResidentId id, string modelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id.Value, nameof(id));
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        Run("recording a face match", () =>
        {
            using var update = Command(null, "UPDATE face_templates SET last_used_ms = $now WHERE resident_id = $resident AND model_id = $model");
            update.Parameters.AddWithValue("$now", NowMilliseconds());
            update.Parameters.AddWithValue("$resident", id.Value);
            update.Parameters.AddWithValue("$model", modelId);
            return update.ExecuteNonQuery();
        });
    }

    /// <inheritdoc />
    public int DeleteFaceData(ResidentId id, string? operatorId) => Run("deleting face data", () =>
    {
        int deleted;
        using (var transaction = _connection.BeginTransaction())
        {
            RequireResident(transaction, id);
            deleted = DeleteFaceDataCore(transaction, id);
            AppendAuditCore(transaction, AuditAction.FaceDeleted, operatorId, id, $"face templates deleted: {deleted}");
            transaction.Commit();
        }

        Checkpoint();
        return deleted;
    });

    /// <summary>The sealed (wrapped) data key of a resident, or null; for tests of crypto-shredding.</summary>
    internal byte[]? ReadWrappedDataKey(ResidentId id) => Run("reading a wrapped data key", () =>
    {
        using var command = Command(null, "SELECT wrapped_key FROM resident_keys WHERE resident_id = $resident");
        command.Parameters.AddWithValue("$resident", id.Value);
        return command.ExecuteScalar() as byte[];
    });

    /// <summary>Unwraps a resident's data key; for tests of crypto-shredding. The caller zeroises it.</summary>
    internal byte[]? UnwrapDataKey(ResidentId id, byte[] wrapped)
    {
        var dataKey = new byte[DataKeyBytes];
        lock (_gate)
        {
            return Envelope.TryOpen(_wrapAes, wrapped, dataKey, Envelope.AssociatedData(KeyLabels.DataKeyData, id.Value)) ? dataKey : null;
        }
    }

    /// <summary>The sealed bytes of a template; for tests.</summary>
    internal byte[]? ReadSealedTemplate(string templateId) => Run("reading a sealed template", () =>
    {
        using var command = Command(null, "SELECT sealed FROM face_templates WHERE id = $id");
        command.Parameters.AddWithValue("$id", templateId);
        return command.ExecuteScalar() as byte[];
    });

    private static void DecryptChunk(List<SealedTemplateRow> rows, Dictionary<string, byte[]> dataKeys, List<FaceTemplate> output)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var results = new FaceTemplate[rows.Count];
        try
        {
            Parallel.For(0, rows.Count, index => results[index] = DecryptTemplate(rows[index], dataKeys));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.OfType<StoreException>().FirstOrDefault() is { } first)
        {
            throw new StoreException(first.Code, first.Message, ex);
        }

        output.AddRange(results);
    }

    private static FaceTemplate DecryptTemplate(SealedTemplateRow row, Dictionary<string, byte[]> dataKeys)
    {
        var resident = ResidentId.Parse(row.Resident);
        if (!dataKeys.TryGetValue(row.Resident, out var dataKey))
        {
            throw new StoreException(StoreErrorCode.DecryptionFailed, $"face template {row.TemplateId} of resident {resident} has no data key");
        }

        var valueCount = (row.Sealed.Length - Envelope.Overhead) / sizeof(float);
        if (valueCount <= 0 || Envelope.Overhead + (valueCount * sizeof(float)) != row.Sealed.Length)
        {
            throw new StoreException(StoreErrorCode.DecryptionFailed, $"face template {row.TemplateId} of resident {resident} has a damaged length");
        }

        var values = new float[valueCount];
        using var aes = new AesGcm(dataKey, Envelope.TagBytes);
        if (!Envelope.TryOpen(aes, row.Sealed, MemoryMarshal.AsBytes(values.AsSpan()), TemplateAssociatedData(resident, row.TemplateId, row.ModelId)))
        {
            throw new StoreException(StoreErrorCode.DecryptionFailed, $"face template {row.TemplateId} of resident {resident} fails authentication (altered or moved)");
        }

        return new FaceTemplate(resident, row.TemplateId, row.ModelId, values);
    }

    private static byte[] TemplateAssociatedData(ResidentId id, string templateId, string modelId) =>
        Envelope.AssociatedData(KeyLabels.FaceTemplateData, id.Value, templateId, modelId);

    private byte[] ReadOrCreateDataKey(SqliteTransaction transaction, ResidentId id, long now)
    {
        var dataKey = new byte[DataKeyBytes];
        var associatedData = Envelope.AssociatedData(KeyLabels.DataKeyData, id.Value);
        using (var read = Command(transaction, "SELECT wrapped_key FROM resident_keys WHERE resident_id = $resident"))
        {
            read.Parameters.AddWithValue("$resident", id.Value);
            var stored = read.ExecuteScalar();
            if (stored is not null)
            {
                var wrapped = stored as byte[] ?? [];
                if (!Envelope.TryOpen(_wrapAes, wrapped, dataKey, associatedData))
                {
                    throw new StoreException(StoreErrorCode.DecryptionFailed, $"the data key of resident {id} fails authentication");
                }

                return dataKey;
            }
        }

        RandomNumberGenerator.Fill(dataKey);
        using var insert = Command(transaction, "INSERT INTO resident_keys (resident_id, wrapped_key, created_ms) VALUES ($resident, $wrapped, $now)");
        insert.Parameters.AddWithValue("$resident", id.Value);
        insert.Parameters.AddWithValue("$wrapped", Envelope.Seal(_wrapAes, dataKey, associatedData));
        insert.Parameters.AddWithValue("$now", now);
        insert.ExecuteNonQuery();
        return dataKey;
    }

    private int DeleteFaceDataCore(SqliteTransaction transaction, ResidentId id)
    {
        int deleted;
        using (var templates = Command(transaction, "DELETE FROM face_templates WHERE resident_id = $resident"))
        {
            templates.Parameters.AddWithValue("$resident", id.Value);
            deleted = templates.ExecuteNonQuery();
        }

        using var keys = Command(transaction, "DELETE FROM resident_keys WHERE resident_id = $resident");
        keys.Parameters.AddWithValue("$resident", id.Value);
        keys.ExecuteNonQuery();
        return deleted;
    }

    private List<FaceTemplateRecord> ReadTemplateRecords(SqliteTransaction? transaction, ResidentId id)
    {
        using var command = Command(transaction, "SELECT id, model_id, consent_id, created_ms, last_used_ms, rowid FROM face_templates WHERE resident_id = $resident ORDER BY created_ms, id");
        command.Parameters.AddWithValue("$resident", id.Value);
        using var reader = command.ExecuteReader();
        var records = new List<FaceTemplateRecord>();
        while (reader.Read())
        {
            records.Add(new FaceTemplateRecord(
                reader.GetString(0),
                id,
                reader.GetString(1),
                reader.GetInt64(2),
                FromMilliseconds(reader.GetInt64(3)),
                FromMilliseconds(reader.GetInt64(4)))
            {
                Number = reader.GetInt64(5),
            });
        }

        return records;
    }

    private sealed record SealedTemplateRow(string Resident, string TemplateId, string ModelId, byte[] Sealed);
}
