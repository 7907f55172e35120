using System.Globalization;

namespace Commonweal.Application;

/// <summary>How a versioned definition (a cohort, an allocation model) is named: "core20" (the latest) or "core20@2".</summary>
public static class VersionedNames
{
    /// <summary>"core20" → (core20, null); "core20@2" → (core20, 2); text after an @ that is not a whole number is part of the name.</summary>
    public static (string Name, int? Version) Split(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var at = reference.LastIndexOf('@');
        return at > 0 && int.TryParse(reference[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (reference[..at], version)
            : (reference, null);
    }
}
