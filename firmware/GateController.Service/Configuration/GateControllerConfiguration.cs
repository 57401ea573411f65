using Microsoft.Extensions.Configuration;

namespace GateController.Service.Configuration;

/// <summary>
/// Reads gatecontrollerd's configuration: the default file (when present), each <c>--config</c> file (later ones
/// override earlier ones), then the environment (GATECONTROLLER_DATA_DIR, _KEY_FILE, _ADMIN_SOCKET,
/// _ADMIN_SOCKET_GROUP, _FACE_MODEL_DIR, and any setting as GATECONTROLLER__Section__Key), then the command-line
/// options; binds one options class per section. Every problem found is added to the list, naming the file or setting.
/// </summary>
public static class GateControllerConfiguration
{
    /// <summary>The configuration file read first, when it exists.</summary>
    public const string DefaultFile = "/etc/gatecontroller/gatecontroller.json";

    private static readonly string[] Sections =
        ["Door", "Wiegand", "Keypad", "Mfrc522", "Hid", "Camera", "Face", "Store", "Admin", "Consent", "Telemetry", "Withdrawal"];

    // The flat settings of earlier configuration files, still read: root key → its place in a section.
    private static readonly Dictionary<string, string> FlatSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DataDirectory"] = "Store:DataDirectory",
        ["KeyFile"] = "Store:KeyFile",
        ["AdminSocket"] = "Admin:Socket",
        ["AdminSocketGroup"] = "Admin:SocketGroup",
        ["Operators"] = "Admin:Operators",
    };

    private static readonly (string Variable, string Key)[] NamedVariables =
    [
        ("GATECONTROLLER_DATA_DIR", "Store:DataDirectory"),
        ("GATECONTROLLER_KEY_FILE", "Store:KeyFile"),
        ("GATECONTROLLER_ADMIN_SOCKET", "Admin:Socket"),
        ("GATECONTROLLER_ADMIN_SOCKET_GROUP", "Admin:SocketGroup"),
        ("GATECONTROLLER_FACE_MODEL_DIR", "Face:ModelDirectory"),
    ];

    /// <summary>Builds the layered configuration; problems with a file are added to <paramref name="problems"/>.</summary>
    /// <param name="files">The configuration files in order (the default file first when it should be read).</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="overrides">Settings from the command line (section:key → value).</param>
    /// <param name="problems">Receives every problem.</param>
    public static IConfigurationRoot Build(
        IReadOnlyList<string> files, Func<string, string?> environment, IReadOnlyDictionary<string, string?> overrides, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(problems);
        var builder = new ConfigurationBuilder();
        foreach (var file in files)
        {
            AddFile(builder, file, problems);
        }

        var named = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in NamedVariables)
        {
            if (environment(variable) is { Length: > 0 } value)
            {
                named[key] = value;
            }
        }

        builder.AddInMemoryCollection(named);
        builder.AddEnvironmentVariables("GATECONTROLLER__");
        builder.AddInMemoryCollection(overrides);
        return builder.Build();
    }

    /// <summary>Binds every section of <paramref name="configuration"/>; unknown settings and bad values are problems.</summary>
    public static GateControllerOptions Bind(IConfiguration configuration, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(problems);
        var options = new GateControllerOptions();
        foreach (var child in configuration.GetChildren())
        {
            if (!Sections.Contains(child.Key, StringComparer.OrdinalIgnoreCase) && !FlatSettings.ContainsKey(child.Key))
            {
                problems.Add($"{child.Key}: unknown setting (sections: {string.Join(", ", Sections)})");
            }
        }

        BindSection(configuration, "Door", options.Door, problems);
        BindSection(configuration, "Wiegand", options.Wiegand, problems);
        BindSection(configuration, "Keypad", options.Keypad, problems);
        BindSection(configuration, "Mfrc522", options.Mfrc522, problems);
        BindSection(configuration, "Hid", options.Hid, problems);
        BindSection(configuration, "Camera", options.Camera, problems);
        BindSection(configuration, "Face", options.Face, problems);
        BindSection(configuration, "Store", options.Store, problems);
        BindSection(configuration, "Admin", options.Admin, problems);
        BindSection(configuration, "Telemetry", options.Telemetry, problems);
        BindSection(configuration, "Withdrawal", options.Withdrawal, problems);
        var consent = configuration.GetSection("Consent");
        if (consent.Exists())
        {
            options.Consent = new ConsentConfigurationFile();
            BindSection(configuration, "Consent", options.Consent, problems);
        }

        return options;
    }

    private static void BindSection(IConfiguration configuration, string name, object target, List<string> problems)
    {
        try
        {
            configuration.GetSection(name).Bind(target, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            var message = ex.InnerException is null ? ex.Message : $"{ex.Message} {ex.InnerException.Message}";
            problems.Add($"{name}: {message.ReplaceLineEndings(" ")}");
        }
    }

    private static void AddFile(ConfigurationBuilder builder, string file, List<string> problems)
    {
        var path = Path.GetFullPath(file);
        IConfigurationRoot single;
        try
        {
            single = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
        {
            var reason = ex is FileNotFoundException ? "cannot be read: it does not exist" : $"not valid configuration JSON: {(ex.InnerException ?? ex).Message}";
            problems.Add($"--config {file}: {reason.ReplaceLineEndings(" ")}");
            return;
        }

        var flat = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in single.GetChildren())
        {
            if (FlatSettings.TryGetValue(child.Key, out var target))
            {
                foreach (var (key, value) in single.GetSection(child.Key).AsEnumerable())
                {
                    flat[target + key[child.Key.Length..]] = value;
                }
            }
            else if (!Sections.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"--config {file}: unknown setting '{child.Key}'");
            }
        }

        builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        if (flat.Count > 0)
        {
            // The flat keys of earlier files take their place in the sections, at this file's precedence.
            builder.AddInMemoryCollection(flat);
        }
    }
}
