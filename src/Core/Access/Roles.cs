namespace Commonweal.Core.Access;

/// <summary>The roles a Commonweal user can hold. A user may hold several.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Analyst = nameof(Analyst);
    public const string Commissioner = nameof(Commissioner);
    public const string Provider = nameof(Provider);
    public const string Referrer = nameof(Referrer);
    public const string VolunteerCoordinator = nameof(VolunteerCoordinator);

    public static readonly IReadOnlyList<string> All =
        [Administrator, Analyst, Commissioner, Provider, Referrer, VolunteerCoordinator];

    /// <summary>
    /// The roles that may see lists of people (a cohort's members, the First 5,000 Families by household): analysts, who
    /// check and link caseloads, and referrers, who act on them. Everyone else sees counts, with small numbers suppressed.
    /// </summary>
    public static readonly IReadOnlyList<string> PersonLevel = [Analyst, Referrer];

    public static bool MaySeePeople(IEnumerable<string> roles) => roles.Any(r => PersonLevel.Contains(r, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// The roles named, each in its own spelling and once, for an account or an API client: null when all are roles, else
    /// what is wrong (none named, or a name that is not a role).
    /// </summary>
    public static string? Canonical(IReadOnlyList<string> names, out List<string> canonical)
    {
        ArgumentNullException.ThrowIfNull(names);
        canonical = [];
        if (names.Count == 0) return $"at least one role is required ({string.Join(", ", All)})";
        foreach (var name in names)
        {
            if (Find(name) is not { } role) return $"'{name}' is not a role (choose from {string.Join(", ", All)})";
            if (!canonical.Contains(role)) canonical.Add(role);
        }

        return null;
    }

    /// <summary>Finds a role by name, ignoring case; null when there is no such role.</summary>
    public static string? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
}
