namespace Commonweal.Core.Outcomes;

/// <summary>
/// A saved version of the outcomes framework as the store keeps it: who agreed it and when, why it changed, and its
/// priorities and indicator mapping as a document (<c>Application/Outcomes/FrameworkDocument</c>). Versions are never
/// changed once saved; an edit saves the next one.
/// </summary>
public sealed record FrameworkVersion(
    int Version,
    string Title,
    string AgreedBy,
    DateOnly? AgreedOn,
    string Why,
    string Document,
    DateTimeOffset Created,
    string CreatedBy);
