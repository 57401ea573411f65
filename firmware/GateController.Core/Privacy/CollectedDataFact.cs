namespace GateController.Core.Privacy;

/// <summary>One kind of personal information the unit holds.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Sensitive">True for sensitive personal information (PIPL art. 28: biometrics, minors' data).</param>
/// <param name="Purpose">Why it is held.</param>
/// <param name="StoredAs">What is actually stored and how it is protected.</param>
/// <param name="Retention">When it is deleted.</param>
public sealed record CollectedDataFact(string Kind, bool Sensitive, string Purpose, string StoredAs, string Retention);
