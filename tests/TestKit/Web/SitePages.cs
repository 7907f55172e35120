using Commonweal.Core.Access;

namespace Commonweal.TestKit.Web;

/// <summary>
/// The pages that tests check whole (accessibility, a phone's width, markup allowed by the Content-Security-Policy): one of
/// each kind the platform serves over its demo, with the role that may see it (null: anyone, aggregates being public).
/// </summary>
public static class SitePages
{
    public static IReadOnlyList<(string Path, string? Role)> All { get; } =
    [
        ("/", null),
        ("/places", null),
        ("/places/E07000066", null),
        ("/places/E07000066/map", null),
        ("/places/E07000066/profile", null),
        ("/map", null),
        ("/deprivation/compare", null),
        ("/indicators", null),
        ("/indicators/1900001", null),
        ("/indicators/1900004?area=QH8&type=Icb", null),
        ("/outcomes", null),
        ("/outcomes/targets/2", null),
        ("/outcomes/pack", null),
        ("/outcomes/coverage", null),
        ("/outcomes/framework", null),
        ("/outcomes/composite", null),
        ("/targeting", null),

        ("/targeting/calibration", null),
        ("/api", null),
        ("/account/login", null),
        ("/refer/self", null),
        ("/refer", Roles.Referrer),
        ("/cases", Roles.VolunteerCoordinator),
        ("/outcomes/targets/new", Roles.Commissioner),
        ("/outcomes/targets/1/edit", Roles.Commissioner),
        ("/outcomes/framework/edit", Roles.Commissioner),
        ("/indicators/upload", Roles.Analyst),
        ("/indicators/1900001/edit", Roles.Analyst),
        ("/targeting/cohorts?rule=core20%20and%20diabetes&by=District", Roles.Commissioner),
        ("/targeting/risk", Roles.Provider),
        ("/targeting/families", Roles.VolunteerCoordinator),
        ("/targeting/cohorts/people?rule=age%20%3E%3D%2095", Roles.Analyst),
        ("/targeting/families/list", Roles.Referrer),
        ("/allocation", Roles.Commissioner),
        ("/allocation/runs/2", Roles.Provider),
        ("/allocation/runs/2/places/E06000033", Roles.Analyst),
        ("/allocation/compare?run=1&run=2", Roles.Referrer),
        ("/commissioning", Roles.Provider),
        ("/commissioning/contracts/IWS-2021", Roles.Commissioner),
        ("/commissioning/coverage", Roles.Analyst),
        ("/commissioning/funds", Roles.Commissioner),
        ("/commissioning/value", Roles.Analyst),
        ("/commissioning/remedial", Roles.Commissioner),
        ("/commissioning/pipeline", Roles.Commissioner),
        ("/commissioning/plans", Roles.Commissioner),
        ("/admin/audit", Roles.Administrator),
        ("/admin/import", Roles.Administrator),
        ("/admin/settings", Roles.Administrator),
        ("/admin/users", Roles.Administrator),
    ];

    /// <summary>The error pages, with the status each answers: an unknown address, a server error, a refused page.</summary>
    public static IReadOnlyList<(string Path, int Status)> Errors { get; } =
    [
        ("/no/such/page", 404),
        ("/error/500", 500),
        ("/error/429", 429),
        ("/account/denied", 403),
    ];

    /// <summary>The pages as theory data: the path and the role.</summary>
    public static TheoryData<string, string?> Theory()
    {
        var data = new TheoryData<string, string?>();
        foreach (var (path, role) in All) data.Add(path, role);
        return data;
    }
}
