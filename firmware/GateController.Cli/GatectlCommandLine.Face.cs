using System.CommandLine;
using System.Text.Json.Nodes;

namespace GateController.Cli;

/// <summary>face commands: the photo is read here and sent as bytes; the service never stores it (P5).</summary>
public static partial class GatectlCommandLine
{
    private const int MaximumPhotoBytes = 4 * 1024 * 1024;
    private const int DefaultEnrollmentFrames = 5;
    private const int MaximumEnrollmentFrames = 20;

    private static Command FaceCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var enrollResident = new Option<string>("--resident") { Description = "whose face; needs an active face consent", Required = true };
        var enrollPhoto = new Option<FileInfo>("--photo") { Description = "a JPEG photo showing exactly one face (never stored)" };
        var enrollCamera = new Option<bool>("--camera") { Description = "enrol live from the gate camera, the resident standing in front of it (no frame is stored)" };
        var enrollFrames = new Option<int>("--frames") { Description = "with --camera: good frames to collect (1-20)", DefaultValueFactory = _ => DefaultEnrollmentFrames };
        var enrollReader = new Option<string>("--reader") { Description = "with --camera: which gate camera, when the unit has several" };
        var enroll = new Command("enroll", "enrol a consenting resident's face from a photo or live from the gate camera")
        {
            enrollResident, enrollPhoto, enrollCamera, enrollFrames, enrollReader,
        };
        act(enroll, async run =>
        {
            var resident = RequireResidentId(run.Parse.GetValue(enrollResident)!);
            var photo = run.Parse.GetValue(enrollPhoto);
            if (run.Parse.GetValue(enrollCamera))
            {
                if (photo is not null)
                {
                    throw new GatectlException("give either --photo or --camera, not both", ExitUsage);
                }

                var frames = run.Parse.GetValue(enrollFrames);
                if (frames is < 1 or > MaximumEnrollmentFrames)
                {
                    throw new GatectlException($"--frames must be 1-{MaximumEnrollmentFrames}, not {frames}", ExitUsage);
                }

                var cameraArgs = new JsonObject { ["resident"] = resident, ["camera"] = true, ["frames"] = frames };
                if (run.Parse.GetValue(enrollReader) is { } reader)
                {
                    cameraArgs["reader"] = reader;
                }

                var live = await run.CallAsync("face.enroll", cameraArgs).ConfigureAwait(false);
                var status = run.Done(live, o => WriteCameraEnrollment(o, live));
                return live["enrolled"]?.GetValue<bool>() == true ? status : ExitFailure;
            }

            if (photo is null)
            {
                throw new GatectlException("give --photo FILE or --camera", ExitUsage);
            }

            var args = new JsonObject { ["resident"] = resident };
            var result = await CallWithPhotoAsync(run, "face.enroll", args, photo).ConfigureAwait(false);
            return run.Done(result, o =>
                o.WriteLine($"face template {GatectlInvocation.Text(result["template"]?["templateId"])} enrolled for {GatectlInvocation.Text(result["resident"])}; the photo was not stored"));
        });

        var identifyPhoto = new Option<FileInfo>("--photo") { Description = "a JPEG photo to test (stores nothing)", Required = true };
        var identify = new Command("identify", "a technician's test: best match and score; stores nothing") { identifyPhoto };
        act(identify, async run =>
        {
            var result = await CallWithPhotoAsync(run, "face.identify", [], run.Parse.GetValue(identifyPhoto)!).ConfigureAwait(false);
            var shaped = new JsonObject
            {
                ["faces"] = result["faces"]?.DeepClone(),
                ["match"] = result["match"]?.DeepClone(),
                ["resident"] = result["resident"]?.DeepClone(),
                ["score"] = result["score"]?.DeepClone(),
            };
            return run.Done(shaped, o =>
            {
                var problem = result["problem"];
                var who = (bool)result["match"]! ? $"match: {GatectlInvocation.Text(result["resident"])}" : "no match";
                o.WriteLine($"{GatectlInvocation.Text(result["faces"])} face(s); {who}; score {GatectlInvocation.Text(result["score"])}{(problem is null ? string.Empty : $" ({GatectlInvocation.Text(problem)})")}");
            });
        });

        var removeResident = new Option<string>("--resident") { Description = "whose face templates to delete", Required = true };
        var remove = new Command("remove", "delete a resident's face templates (audited)") { removeResident };
        act(remove, async run =>
        {
            var result = await run.CallAsync("face.remove", new JsonObject { ["resident"] = RequireResidentId(run.Parse.GetValue(removeResident)!) }).ConfigureAwait(false);
            return run.Done(result, o => o.WriteLine($"{GatectlInvocation.Text(result["templatesDeleted"])} face template(s) of {GatectlInvocation.Text(result["resident"])} deleted"));
        });
        return new Command("face", "on-device face recognition of consenting residents") { enroll, identify, remove };
    }

    /// <summary>Prints a live enrolment's progress: each frame's verdict, then the outcome.</summary>
    private static void WriteCameraEnrollment(TextWriter output, JsonObject result)
    {
        var requested = GatectlInvocation.Text(result["framesRequested"]);
        var good = 0;
        foreach (var frame in result["frames"]?.AsArray() ?? [])
        {
            var accepted = frame?["accepted"]?.GetValue<bool>() == true;
            good += accepted ? 1 : 0;
            output.WriteLine(accepted
                ? $"frame {GatectlInvocation.Text(frame!["frame"])}: good ({good}/{requested})"
                : $"frame {GatectlInvocation.Text(frame!["frame"])}: refused: {GatectlInvocation.Text(frame["reason"])}");
        }

        output.WriteLine(result["enrolled"]?.GetValue<bool>() == true
            ? $"face template {GatectlInvocation.Text(result["template"]?["templateId"])} enrolled for {GatectlInvocation.Text(result["resident"])} from {good} camera frames; no frame was stored"
            : $"not enrolled: {GatectlInvocation.Text(result["problem"])}");
    }

    /// <summary>Reads and checks the photo, sends it, and clears the bytes; a photo problem names the file.</summary>
    private static async Task<JsonObject> CallWithPhotoAsync(GatectlInvocation run, string command, JsonObject args, FileInfo photo)
    {
        var bytes = await ReadPhotoAsync(photo, run.CancellationToken).ConfigureAwait(false);
        try
        {
            args["photo"] = Convert.ToBase64String(bytes);
            return await run.CallAsync(command, args).ConfigureAwait(false);
        }
        catch (GatectlException ex) when (ex.Message.StartsWith("the photo ", StringComparison.Ordinal))
        {
            throw new GatectlException($"{photo.FullName}: {ex.Message}", ex.ExitStatus);
        }
        finally
        {
            Array.Clear(bytes);
            args.Remove("photo");
        }
    }

    private static async Task<byte[]> ReadPhotoAsync(FileInfo photo, CancellationToken cancellationToken)
    {
        photo.Refresh();
        if (!photo.Exists)
        {
            throw new GatectlException($"photo {photo.FullName} does not exist", ExitUsage);
        }

        if (photo.Length > MaximumPhotoBytes)
        {
            throw new GatectlException($"photo {photo.FullName} is {photo.Length} bytes; at most {MaximumPhotoBytes} are accepted", ExitUsage);
        }

        var bytes = await File.ReadAllBytesAsync(photo.FullName, cancellationToken).ConfigureAwait(false);
        var problem = PhotoSignatureProblem(bytes);
        if (problem is not null)
        {
            Array.Clear(bytes);
            throw new GatectlException($"photo {photo.FullName} {problem}", ExitUsage);
        }

        return bytes;
    }

    /// <summary>Why the bytes cannot be a JPEG (PNG, empty, other), or null when they start like one.</summary>
    internal static string? PhotoSignatureProblem(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (bytes.IsEmpty)
        {
            return "is empty, not a JPEG";
        }

        if (bytes.StartsWith(png))
        {
            return "is a PNG image, not a JPEG; convert it to JPEG first";
        }

        return bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF ? null : "is not a JPEG (no JPEG start marker)";
    }
}
