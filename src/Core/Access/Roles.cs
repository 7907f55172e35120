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

    /// <summary>Finds a role by name, ignoring case; null when there is no such role.</summary>
    public static string? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
}
