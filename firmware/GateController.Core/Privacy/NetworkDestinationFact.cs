namespace GateController.Core.Privacy;

/// <summary>A place the unit sends data to over the network.</summary>
/// <param name="Host">The host.</param>
/// <param name="Protocol">The protocol.</param>
/// <param name="Content">What is sent.</param>
/// <param name="CarriesIdentity">True when messages carry pseudonymous resident ids; never names, card numbers, PINs, images or templates.</param>
public sealed record NetworkDestinationFact(string Host, string Protocol, string Content, bool CarriesIdentity);
