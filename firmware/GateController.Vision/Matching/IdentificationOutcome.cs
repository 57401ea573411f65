namespace GateController.Vision.Matching;

/// <summary>What a 1:N identification concluded.</summary>
public enum IdentificationOutcome
{
    /// <summary>The best match reached the threshold and beat every other resident by the margin.</summary>
    Identified,

    /// <summary>No template reached the threshold.</summary>
    NoMatch,

    /// <summary>The best match reached the threshold but another resident came within the margin.</summary>
    Ambiguous,

    /// <summary>The gallery holds no template.</summary>
    EmptyGallery,
}
