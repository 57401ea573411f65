using System.Runtime.InteropServices;
using System.Text;
using GateController.Vision.Onnx.Interop;

namespace GateController.Vision.Onnx;

/// <summary>
/// ONNX Runtime, reached through libonnxruntime.so.1's C API function table: one OrtEnv, from which
/// model sessions are opened. Creating it loads the library (once per process), checks its version
/// and runs a self-check of the function table.
/// </summary>
public sealed unsafe class OnnxRuntime : IDisposable
{
    /// <summary>The library version whose OrtApi table layout this binding is checked against.</summary>
    public const string ExpectedVersion = "1.30.0";

    /// <summary>ORT_API_VERSION of ONNX Runtime 1.30.</summary>
    public const uint ApiVersion = 30;

    private const int OrtArenaAllocator = 1;
    private const int OrtMemTypeDefault = 0;
    private const int OrtSequential = 0;

    private readonly OrtEnvHandle _env;
    private readonly OrtMemoryInfoHandle _cpuMemory;

    private OnnxRuntime(OrtEnvHandle env, OrtMemoryInfoHandle cpuMemory)
    {
        _env = env;
        _cpuMemory = cpuMemory;
        Version = OrtLibrary.Version;
        LibraryPath = OrtLibrary.Path;
    }

    /// <summary>The loaded library's version string (OrtApiBase::GetVersionString).</summary>
    public string Version { get; }

    /// <summary>Where the library was loaded from.</summary>
    public string LibraryPath { get; }

    internal OrtMemoryInfoHandle CpuMemory => _cpuMemory;

    /// <summary>
    /// Loads the library if needed, runs the self-check and creates an environment.
    /// Throws <see cref="ArgumentException"/> for invalid options, <see cref="DllNotFoundException"/> when
    /// the library cannot be found, and <see cref="OnnxRuntimeException"/> when it is the wrong version or
    /// fails the self-check.
    /// </summary>
    public static OnnxRuntime Create(OnnxRuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowIfInvalid(options.Validate(), nameof(options));
        OrtLibrary.EnsureLoaded(options.LibraryPath, ExpectedVersion, ApiVersion);
        SelfCheck();

        var env = new OrtEnvHandle();
        var cpuMemory = new OrtMemoryInfoHandle();
        try
        {
            var logId = Encoding.UTF8.GetBytes(options.LogId + "\0");
            nint pointer;
            fixed (byte* logIdPointer = logId)
            {
                OrtApi.Check(OrtApi.CreateEnv((int)options.LogSeverity, logIdPointer, &pointer), "Creating the ONNX Runtime environment");
            }
            env.Adopt(pointer);
            OrtApi.Check(OrtApi.CreateCpuMemoryInfo(OrtArenaAllocator, OrtMemTypeDefault, &pointer), "Describing CPU memory");
            cpuMemory.Adopt(pointer);
            return new OnnxRuntime(env, cpuMemory);
        }
        catch
        {
            cpuMemory.Dispose();
            env.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a model file. Throws <see cref="FileNotFoundException"/> when it is missing,
    /// <see cref="OnnxModelIntegrityException"/> when <see cref="OnnxSessionOptions.ExpectedSha256"/> is set and
    /// differs, and <see cref="OnnxRuntimeException"/> (naming the file) when ONNX Runtime cannot load it.
    /// </summary>
    public OnnxSession OpenSession(string modelPath, OnnxSessionOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_env.IsClosed, this);
        ThrowIfInvalid(options.Validate(), nameof(options));

        var fullPath = Path.GetFullPath(modelPath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Model file '{fullPath}' does not exist (run models/fetch)", fullPath);
        }
        if (options.ExpectedSha256 is not null)
        {
            OnnxModelFile.Verify(fullPath, options.ExpectedSha256);
        }

        using var sessionOptions = CreateSessionOptions(options, fullPath);
        var session = new OrtSessionHandle();
        try
        {
            var pathBytes = Encoding.UTF8.GetBytes(fullPath + "\0");
            nint pointer;
            bool added = false;
            _env.DangerousAddRef(ref added);
            try
            {
                fixed (byte* pathPointer = pathBytes)
                {
                    OrtApi.Check(
                        OrtApi.CreateSession(_env.Pointer, pathPointer, sessionOptions.Pointer, &pointer),
                        $"Loading model '{fullPath}'");
                }
            }
            finally
            {
                if (added)
                {
                    _env.DangerousRelease();
                }
            }
            session.Adopt(pointer);
            var inputs = OnnxSession.DescribeTensors(session, input: true, fullPath);
            var outputs = OnnxSession.DescribeTensors(session, input: false, fullPath);
            return new OnnxSession(this, _env, fullPath, session, inputs, outputs);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Releases this environment. Sessions still open keep it alive until they are disposed, so the order
    /// of disposal does not matter.
    /// </summary>
    public void Dispose()
    {
        _cpuMemory.Dispose();
        _env.Dispose();
    }

    /// <summary>
    /// Round-trips an OrtStatus through CreateStatus / GetErrorCode / GetErrorMessage / ReleaseStatus.
    /// A table read with the wrong slot order fails here instead of calling the wrong function later.
    /// </summary>
    internal static void SelfCheck()
    {
        ReadOnlySpan<(OnnxErrorCode Code, string Message)> probes =
        [
            (OnnxErrorCode.InvalidArgument, "GateController self-check: invalid argument"),
            (OnnxErrorCode.NotImplemented, "GateController self-check: not implemented"),
        ];
        foreach (var (code, message) in probes)
        {
            var bytes = Encoding.UTF8.GetBytes(message + "\0");
            nint status;
            fixed (byte* pointer = bytes)
            {
                status = OrtApi.CreateStatus(code, pointer);
            }
            if (status == 0)
            {
                throw new OnnxRuntimeException(OnnxErrorCode.Fail, "self-check failed: CreateStatus returned null");
            }
            var roundTripCode = OrtApi.GetErrorCode(status);
            var roundTripMessage = OrtApi.GetErrorMessage(status);
            OrtApi.ReleaseStatus(status);
            if (roundTripCode != code || !string.Equals(roundTripMessage, message, StringComparison.Ordinal))
            {
                throw new OnnxRuntimeException(
                    OnnxErrorCode.Fail,
                    $"self-check failed: status created with ({code}, \"{message}\") read back as ({roundTripCode}, \"{roundTripMessage}\"); "
                    + "the OrtApi slot table does not match this library");
            }
        }
    }

    private static OrtSessionOptionsHandle CreateSessionOptions(OnnxSessionOptions options, string modelPath)
    {
        var handle = new OrtSessionOptionsHandle();
        try
        {
            nint pointer;
            var context = $"Configuring the session for '{modelPath}'";
            OrtApi.Check(OrtApi.CreateSessionOptions(&pointer), context);
            handle.Adopt(pointer);
            OrtApi.Check(OrtApi.SetSessionExecutionMode(pointer, OrtSequential), context);
            OrtApi.Check(OrtApi.SetIntraOpNumThreads(pointer, options.IntraOpThreadCount), context);
            OrtApi.Check(OrtApi.SetInterOpNumThreads(pointer, 1), context);
            OrtApi.Check(OrtApi.SetSessionGraphOptimizationLevel(pointer, (int)options.GraphOptimizationLevel), context);
            var spinning = options.AllowSpinning ? "1" : "0";
            AddConfigEntry(pointer, "session.intra_op.allow_spinning", spinning, context);
            AddConfigEntry(pointer, "session.inter_op.allow_spinning", spinning, context);
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static void AddConfigEntry(nint options, string key, string value, string context)
    {
        var keyBytes = Encoding.UTF8.GetBytes(key + "\0");
        var valueBytes = Encoding.UTF8.GetBytes(value + "\0");
        fixed (byte* keyPointer = keyBytes)
        fixed (byte* valuePointer = valueBytes)
        {
            OrtApi.Check(OrtApi.AddSessionConfigEntry(options, keyPointer, valuePointer), context);
        }
    }

    private static void ThrowIfInvalid(IReadOnlyList<string> problems, string parameterName)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), parameterName);
        }
    }

    internal static string ReadUtf8(byte* pointer) => Marshal.PtrToStringUTF8((nint)pointer) ?? string.Empty;
}
