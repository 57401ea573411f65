using System.Text.Json.Nodes;
using GateController.Service.Face;
using GateController.Storage.Audit;

namespace GateController.Service.Admin;

/// <summary>
/// face.enroll, face.identify and face.remove. Photos arrive base64 in the request, are decoded in memory, cleared
/// after use and never written anywhere (P5); enrolment needs an active face consent (P2). face.enroll with
/// <c>camera: true</c> enrols live from a gate camera and answers with every frame's verdict.
/// </summary>
internal sealed partial class AdminCommandHandler
{
    private JsonObject FaceStatus() => _face switch
    {
        null => new JsonObject { ["available"] = false, ["reason"] = "no face component in this mode" },
        { IsAvailable: false } face => new JsonObject { ["available"] = false, ["reason"] = face.UnavailableReason },
        var face => new JsonObject { ["available"] = true, ["templates"] = face.TemplateCount },
    };

    private FaceRecognition RequireFace(string command, string operatorName)
    {
        if (_face is { IsAvailable: true } face)
        {
            return face;
        }

        var reason = _face?.UnavailableReason ?? "no face component in this mode";
        _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, $"refused {command}: face pipeline unavailable");
        throw new AdminCommandException($"face pipeline unavailable: {reason}");
    }

    private static byte[] ReadPhoto(AdminArguments args)
    {
        var text = args.RequiredString("photo");
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new AdminCommandException("\"photo\" must be the JPEG file's bytes in base64");
        }
    }

    private async Task<JsonObject> EnrollFaceAsync(AdminArguments args, string operatorName, CancellationToken cancellationToken)
    {
        if (!args.OptionalBoolean("camera"))
        {
            return EnrollFace(args, operatorName);
        }

        var resident = RequireResident(args.RequiredResident("resident")).Id;
        var face = RequireFace("face.enroll", operatorName);
        var frames = args.OptionalInt32("frames", 5, 1, FaceCameraEnrollment.MaximumFrameCount);
        FaceCameraEnrollmentReport report;
        try
        {
            report = await face.EnrollFromCameraAsync(resident, frames, operatorName, args.OptionalString("reader"), cancellationToken).ConfigureAwait(false);
        }
        catch (FaceRecognitionException ex)
        {
            _store.AppendAudit(AuditAction.OperatorAction, operatorName, resident, $"refused face.enroll (camera): {ex.Message}");
            throw new AdminCommandException(ex.Message);
        }

        if (report.Template is null)
        {
            _store.AppendAudit(AuditAction.OperatorAction, operatorName, resident, $"refused face.enroll (camera): {report.Problem}");
        }

        return new JsonObject
        {
            ["resident"] = resident.Value,
            ["enrolled"] = report.Enrolled,
            ["framesRequested"] = report.FramesRequested,
            ["framesAccepted"] = report.FramesAccepted,
            ["frames"] = new JsonArray([.. report.Frames.Select(f => (JsonNode)new JsonObject { ["frame"] = f.Number, ["accepted"] = f.Accepted, ["reason"] = f.Reason })]),
            ["template"] = report.Template is { } record ? AdminJson.FaceTemplate(record) : null,
            ["problem"] = report.Problem,
        };
    }

    private JsonObject EnrollFace(AdminArguments args, string operatorName)
    {
        var resident = RequireResident(args.RequiredResident("resident")).Id;
        var face = RequireFace("face.enroll", operatorName);
        RequireFaceEligible(RequireResident(resident), operatorName);
        var photo = ReadPhoto(args);
        try
        {
            var record = face.Enroll(resident, photo, operatorName);
            return new JsonObject { ["resident"] = resident.Value, ["template"] = AdminJson.FaceTemplate(record) };
        }
        catch (FaceRecognitionException ex)
        {
            // The refusal is audited without any biometric data: who tried, for whom, and why.
            _store.AppendAudit(AuditAction.OperatorAction, operatorName, resident, $"refused face.enroll: {ex.Message}");
            throw new AdminCommandException(ex.Message);
        }
    }

    private JsonObject IdentifyFace(AdminArguments args, string operatorName)
    {
        var face = RequireFace("face.identify", operatorName);
        var photo = ReadPhoto(args);
        FaceIdentificationReport report;
        try
        {
            report = face.Identify(photo);
        }
        catch (FaceRecognitionException ex)
        {
            throw new AdminCommandException(ex.Message);
        }

        // One operator-action entry per test: who ran it and when, with the face count and whether anyone matched, but
        // no photo, no embedding, no score and no resident id: a technician's probe must not become a record of who
        // was recognised (P5, P13).
        _store.AppendAudit(
            AuditAction.OperatorAction, operatorName, null, $"face.identify test: {report.FaceCount} faces, {(report.Match ? "a match" : "no match")}");
        return new JsonObject
        {
            ["faces"] = report.FaceCount,
            ["match"] = report.Match,
            ["resident"] = report.Resident?.Value,
            ["score"] = Math.Round(report.Score, 4),
            ["problem"] = report.Problem,
        };
    }

    private JsonObject RemoveFace(AdminArguments args, string operatorName)
    {
        var resident = RequireResident(args.RequiredResident("resident")).Id;
        int deleted;
        if (_face is { } face)
        {
            deleted = face.Remove(resident, operatorName);
        }
        else
        {
            deleted = _store.DeleteFaceData(resident, operatorName);
        }

        return new JsonObject { ["resident"] = resident.Value, ["templatesDeleted"] = deleted };
    }
}
