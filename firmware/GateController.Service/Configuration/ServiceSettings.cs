using System.Text.Json;
using GateController.Core.Privacy;
using GateController.Service.Admin;
using GateController.Service.Face;
using GateController.Storage;

namespace GateController.Service.Configuration;

/// <summary>
/// gatecontrollerd's run-mode settings, built from configuration files (later files override earlier ones) and then
/// command-line options. <see cref="Problems"/> lists every problem found, one message each naming the setting.
/// </summary>
internal sealed class ServiceSettings
{
    public const string DefaultKeyFile = "/etc/gatecontroller/device.key";

    public GateStoreOptions Store { get; } = new();

    public AdminServerOptions Admin { get; } = new();

    public FaceRecognitionOptions Face { get; } = new();

    public string KeyFile { get; set; } = DefaultKeyFile;

    public AdminConsentSettings? Consent { get; private set; }

    public List<string> Problems { get; } = [];

    private ConsentConfigurationFile? ConsentFile { get; set; }

    private string? ConsentBaseDirectory { get; set; }

    /// <summary>Reads one configuration file over the settings so far.</summary>
    public void Apply(string path)
    {
        ServiceConfigurationFile? file;
        try
        {
            using var stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize(stream, ConfigurationJsonContext.Default.ServiceConfigurationFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Problems.Add($"--config {path}: cannot be read: {ex.Message}");
            return;
        }
        catch (JsonException ex)
        {
            Problems.Add($"--config {path}: not valid configuration JSON: {ex.Message}");
            return;
        }

        if (file is null)
        {
            Problems.Add($"--config {path}: must hold a JSON object");
            return;
        }

        Store.DataDirectory = file.DataDirectory ?? Store.DataDirectory;
        KeyFile = file.KeyFile ?? KeyFile;
        Admin.SocketPath = file.AdminSocket ?? Admin.SocketPath;
        Admin.SocketGroup = file.AdminSocketGroup ?? Admin.SocketGroup;
        if (file.Operators is not null)
        {
            Admin.Operators.Clear();
            foreach (var account in file.Operators)
            {
                Admin.Operators.Add(account);
            }
        }

        if (file.Face is { } face)
        {
            Face.Enabled = face.Enabled ?? Face.Enabled;
            Face.ModelDirectory = face.ModelDirectory ?? Face.ModelDirectory;
            Face.ManifestPath = face.ManifestPath ?? Face.ManifestPath;
            Face.OnnxRuntimeLibraryPath = face.OnnxRuntimeLibraryPath ?? Face.OnnxRuntimeLibraryPath;
            Face.IntraOpThreadCount = face.IntraOpThreadCount ?? Face.IntraOpThreadCount;
        }

        if (file.Consent is not null)
        {
            ConsentFile = file.Consent;
            ConsentBaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path));
        }
    }

    /// <summary>Applies GATECONTROLLER_DATA_DIR, _KEY_FILE, _ADMIN_SOCKET, _ADMIN_SOCKET_GROUP and _FACE_MODEL_DIR over the files.</summary>
    public void ApplyEnvironment(Func<string, string?> environment)
    {
        Store.DataDirectory = NonEmpty(environment("GATECONTROLLER_DATA_DIR")) ?? Store.DataDirectory;
        KeyFile = NonEmpty(environment("GATECONTROLLER_KEY_FILE")) ?? KeyFile;
        Admin.SocketPath = NonEmpty(environment("GATECONTROLLER_ADMIN_SOCKET")) ?? Admin.SocketPath;
        Admin.SocketGroup = NonEmpty(environment("GATECONTROLLER_ADMIN_SOCKET_GROUP")) ?? Admin.SocketGroup;
        Face.ModelDirectory = NonEmpty(environment("GATECONTROLLER_FACE_MODEL_DIR")) ?? Face.ModelDirectory;
    }

    /// <summary>Checks everything and builds the consent settings; returns false when <see cref="Problems"/> is not empty.</summary>
    public bool Validate()
    {
        Problems.AddRange(Store.Validate().Select(p => $"store: {p}"));
        Problems.AddRange(Admin.Validate().Select(p => $"admin: {p}"));
        Problems.AddRange(Face.Validate());
        if (string.IsNullOrWhiteSpace(KeyFile) || !Path.IsPathFullyQualified(KeyFile))
        {
            Problems.Add($"KeyFile must be an absolute path, not '{KeyFile}'");
        }
        else if (Path.IsPathFullyQualified(Store.DataDirectory)
            && Path.GetFullPath(KeyFile).StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(Store.DataDirectory)) + "/", StringComparison.Ordinal))
        {
            Problems.Add($"KeyFile {KeyFile} is inside the data directory {Store.DataDirectory}; keep the device key outside it");
        }

        if (ConsentFile is { } consent)
        {
            BuildConsent(consent);
        }

        return Problems.Count == 0;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private void BuildConsent(ConsentConfigurationFile consent)
    {
        var notices = new List<ConsentNotice>();
        foreach (var entry in consent.Notices ?? [])
        {
            var file = entry.File is null ? null : Path.Combine(ConsentBaseDirectory ?? string.Empty, entry.File);
            if (file is null || entry.Version is null || entry.Language is null)
            {
                Problems.Add("consent.notices: every notice needs version, language and file");
                continue;
            }

            try
            {
                notices.Add(new ConsentNotice(entry.Version, entry.Language, File.ReadAllText(file)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                Problems.Add($"consent.notices: notice {entry.Version} ({entry.Language}) from {file}: {ex.Message}");
            }
        }

        var receipt = new ConsentReceiptOptions { ProcessorName = consent.ProcessorName ?? string.Empty, OfficeContact = consent.OfficeContact ?? string.Empty };
        Problems.AddRange(receipt.Validate().Select(p => $"consent.{p}"));
        if (!ConsentNoticeCatalog.TryCreate(notices, consent.CurrentNoticeVersion ?? string.Empty, out var catalog, out var catalogProblems))
        {
            Problems.AddRange(catalogProblems.Select(p => $"consent: {p}"));
            return;
        }

        Consent = new AdminConsentSettings(catalog!, receipt);
    }
}
