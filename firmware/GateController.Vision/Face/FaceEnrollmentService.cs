using GateController.Vision.Imaging;
using GateController.Vision.Matching;

namespace GateController.Vision.Face;

/// <summary>
/// Turns a photo into a face template for enrolment, and identifies a photo against the gallery for a technician's
/// test. It stores nothing: the caller checks the resident's separate face consent before asking for a template
/// (P2) and stores the template encrypted; photos are decoded into pooled buffers that are cleared (P5).
/// Not thread-safe, like the pipeline it uses.
/// </summary>
public sealed class FaceEnrollmentService
{
    private readonly FacePipeline _pipeline;

    /// <summary>Creates the service over a pipeline it does not own.</summary>
    public FaceEnrollmentService(FacePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
    }

    /// <summary>
    /// Writes the L2-normalised template of the one face in a JPEG photo into <paramref name="template"/> (512 floats).
    /// False, with the reason, when the photo shows no face, more than one, or a face that fails the quality gate.
    /// </summary>
    /// <exception cref="FileNotFoundException">The photo does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a decodable JPEG; the message names the file and the problem.</exception>
    public bool TryCreateTemplate(string photoPath, Span<float> template, out FaceTemplateResult result)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(photoPath);
        using var photo = DecodePhoto(photoPath);
        return TryCreateTemplate(photo, template, out result);
    }

    /// <summary>As <see cref="TryCreateTemplate(string, Span{float}, out FaceTemplateResult)"/>, from a decoded image.</summary>
    /// <exception cref="ArgumentException">The template span is not 512 floats.</exception>
    public bool TryCreateTemplate(ImageBuffer photo, Span<float> template, out FaceTemplateResult result)
    {
        ArgumentNullException.ThrowIfNull(photo);
        if (template.Length != FaceEmbedder.EmbeddingLength)
        {
            throw new ArgumentException($"a template is {FaceEmbedder.EmbeddingLength} floats, not {template.Length}", nameof(template));
        }

        using var converted = photo.Format == ImagePixelFormat.Rgb24 ? null : ImageConverter.Convert(photo, ImagePixelFormat.Rgb24);
        var rgb = converted ?? photo;
        var faces = _pipeline.Detect(rgb);
        if (faces.Count == 0)
        {
            result = new FaceTemplateResult(FaceFrameOutcome.NoFace, 0, null, "no face found in the photo");
            return false;
        }

        if (faces.Count > 1)
        {
            result = new FaceTemplateResult(
                FaceFrameOutcome.TooManyFaces, faces.Count, null, $"{faces.Count} faces found in the photo; enrolment needs exactly one");
            return false;
        }

        _pipeline.TryProcessFace(rgb, faces[0], LivenessRequirement.Skipped, out var frame);
        using (frame)
        {
            if (!frame.HasEmbedding)
            {
                result = new FaceTemplateResult(frame.Outcome, 1, frame.Quality, frame.Describe());
                return false;
            }

            frame.Embedding.CopyTo(template);
            result = new FaceTemplateResult(FaceFrameOutcome.Embedded, 1, frame.Quality, null);
            return true;
        }
    }

    /// <summary>
    /// Identifies the largest face of a JPEG photo with <paramref name="matcher"/> (whose index holds the templates of
    /// consenting residents). Liveness is measured and reported, not enforced. Stores and logs nothing.
    /// </summary>
    /// <exception cref="FileNotFoundException">The photo does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a decodable JPEG; the message names the file and the problem.</exception>
    public FacePhotoIdentification Identify(string photoPath, FaceMatcher matcher)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(photoPath);
        ArgumentNullException.ThrowIfNull(matcher);
        using var photo = DecodePhoto(photoPath);
        return Identify(photo, matcher);
    }

    /// <summary>As <see cref="Identify(string, FaceMatcher)"/>, from a decoded image.</summary>
    public FacePhotoIdentification Identify(ImageBuffer photo, FaceMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(matcher);
        using var converted = photo.Format == ImagePixelFormat.Rgb24 ? null : ImageConverter.Convert(photo, ImagePixelFormat.Rgb24);
        var rgb = converted ?? photo;
        var faces = _pipeline.Detect(rgb);
        if (faces.Count == 0)
        {
            return new FacePhotoIdentification(FaceFrameOutcome.NoFace, 0, null, null, null, "no face found in the photo");
        }

        var largest = faces[0];
        foreach (var face in faces)
        {
            largest = face.Area > largest.Area ? face : largest;
        }

        _pipeline.TryProcessFace(rgb, largest, LivenessRequirement.Measured, out var frame);
        using (frame)
        {
            if (!frame.HasEmbedding)
            {
                return new FacePhotoIdentification(frame.Outcome, faces.Count, null, frame.LivenessScore, frame.Quality, frame.Describe());
            }

            var match = matcher.Identify(frame.Embedding);
            return new FacePhotoIdentification(FaceFrameOutcome.Embedded, faces.Count, match, frame.LivenessScore, frame.Quality, null);
        }
    }

    private static ImageBuffer DecodePhoto(string photoPath)
    {
        if (!File.Exists(photoPath))
        {
            throw new FileNotFoundException($"Photo '{photoPath}' does not exist", photoPath);
        }

        using var decoder = new JpegDecoder();
        return decoder.DecodeFile(photoPath, ImagePixelFormat.Rgb24);
    }
}
