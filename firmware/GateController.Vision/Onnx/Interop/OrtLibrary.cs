using System.Runtime.InteropServices;

namespace GateController.Vision.Onnx.Interop;

/// <summary>
/// Finds and loads libonnxruntime.so.1 once per process and fetches its OrtApi function table through
/// <c>OrtGetApiBase()->GetApi(ORT_API_VERSION)</c>.
/// </summary>
internal static unsafe class OrtLibrary
{
    /// <summary>The shared library's file name on Linux.</summary>
    public const string FileName = "libonnxruntime.so.1";

    /// <summary>Environment variable naming the library file explicitly.</summary>
    public const string EnvironmentVariable = "GATECONTROLLER_ONNXRUNTIME";

    private static readonly Lock LoadLock = new();
    private static string? s_path;
    private static void** s_api;
    private static string? s_version;

    /// <summary>The loaded OrtApi table; valid after <see cref="EnsureLoaded"/>.</summary>
    public static void** Api => s_api;

    /// <summary>The path the library was loaded from.</summary>
    public static string Path => s_path ?? throw new InvalidOperationException("libonnxruntime is not loaded");

    /// <summary>The library's own version string (OrtApiBase::GetVersionString).</summary>
    public static string Version => s_version ?? throw new InvalidOperationException("libonnxruntime is not loaded");

    /// <summary>
    /// Loads the library (once), checks its version and fetches the API table. Later calls with a
    /// different explicit path than the one loaded throw, since a process holds one ONNX Runtime.
    /// </summary>
    public static void EnsureLoaded(string? explicitPath, string expectedVersion, uint apiVersion)
    {
        lock (LoadLock)
        {
            if (s_api != null)
            {
                if (explicitPath is not null && !string.Equals(System.IO.Path.GetFullPath(explicitPath), s_path, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"libonnxruntime is already loaded from '{s_path}'; cannot load a second copy from '{explicitPath}'");
                }
                return;
            }

            var (handle, path) = Load(explicitPath);
            try
            {
                var getApiBase = (delegate* unmanaged<OrtApiBase*>)NativeLibrary.GetExport(handle, "OrtGetApiBase");
                var apiBase = getApiBase();
                if (apiBase == null)
                {
                    throw new OnnxRuntimeException(OnnxErrorCode.Fail, $"OrtGetApiBase in '{path}' returned null");
                }
                var version = Marshal.PtrToStringUTF8((nint)apiBase->GetVersionString()) ?? string.Empty;
                if (!string.Equals(version, expectedVersion, StringComparison.Ordinal))
                {
                    throw new OnnxRuntimeException(
                        OnnxErrorCode.Fail,
                        $"'{path}' is ONNX Runtime {version}; this binding's function table is checked against {expectedVersion}");
                }
                var api = apiBase->GetApi(apiVersion);
                if (api == null)
                {
                    throw new OnnxRuntimeException(
                        OnnxErrorCode.Fail, $"'{path}' (ONNX Runtime {version}) does not provide C API version {apiVersion}");
                }
                s_api = api;
                s_version = version;
                s_path = path;
            }
            catch
            {
                NativeLibrary.Free(handle);
                throw;
            }
        }
    }

    /// <summary>The places searched, in order, for the given explicit path.</summary>
    public static IReadOnlyList<string> Candidates(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return [System.IO.Path.GetFullPath(explicitPath)];
        }
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return [System.IO.Path.GetFullPath(fromEnvironment)];
        }
        var candidates = new List<string>();
        candidates.Add(System.IO.Path.Combine(AppContext.BaseDirectory, FileName));
        var relative = System.IO.Path.Combine("artifacts", "native", $"linux-{ArchitectureName()}", FileName);
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                candidates.Add(candidate);
                break;
            }
        }
        return candidates;
    }

    private static (nint Handle, string Path) Load(string? explicitPath)
    {
        var candidates = Candidates(explicitPath);
        var failures = new List<string>();
        foreach (var candidate in candidates)
        {
            if (!File.Exists(candidate))
            {
                failures.Add($"{candidate}: no such file");
                continue;
            }
            try
            {
                return (NativeLibrary.Load(candidate), candidate);
            }
            catch (DllNotFoundException exception)
            {
                failures.Add($"{candidate}: {exception.Message}");
            }
            catch (BadImageFormatException exception)
            {
                failures.Add($"{candidate}: {exception.Message}");
            }
        }
        if (explicitPath is null && Environment.GetEnvironmentVariable(EnvironmentVariable) is null or "")
        {
            // Last resort: the dynamic linker's own search (ld.so.cache), e.g. a system package.
            if (NativeLibrary.TryLoad(FileName, out var handle))
            {
                return (handle, FileName);
            }
            failures.Add($"{FileName}: not found by the dynamic linker");
        }
        throw new DllNotFoundException(
            $"Cannot load {FileName} (set the library path option or {EnvironmentVariable}, or run firmware/scripts/bootstrap). Tried: "
            + string.Join("; ", failures));
    }

    private static string ArchitectureName() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => "x64",
        Architecture.Arm64 => "arm64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
