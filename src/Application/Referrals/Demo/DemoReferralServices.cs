using Commonweal.Core.Commissioning;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Referrals.Demo;

/// <summary>
/// The demo's service directory, made from its register: each contract in force today that delivers weight management,
/// stop smoking, wellbeing support, physical activity or community connectors becomes a service where its lines are, with
/// a number of places; beside them the offers every ICS has that no demo contract buys — NHS digital offers (unlimited),
/// debt advice, NHS Talking Therapies, housing options, falls and frailty, and alcohol services.
/// </summary>
public sealed class DemoReferralServices(CommonwealDbContext db, ServiceDirectory directory, TimeProvider clock)
{
    public const string Actor = "demo";

    private static readonly Dictionary<string, (string Name, SupportKind Kind, Need[] Needs, int Places)> ByLine = new(StringComparer.Ordinal)
    {
        ["WM"] = ("Specialist weight management", SupportKind.Professional, [Need.Weight], 40),
        ["SC"] = ("Stop smoking service", SupportKind.Professional, [Need.Smoking], 30),
        ["WB"] = ("Wellbeing and social support", SupportKind.CommunityAsset, [Need.Wellbeing, Need.Loneliness, Need.Money, Need.Caring], 60),
        ["ACT"] = ("Active communities", SupportKind.CommunityAsset, [Need.PhysicalActivity, Need.Weight], 50),
        ["CC"] = ("Community connectors", SupportKind.Volunteer, [Need.Loneliness, Need.Wellbeing, Need.Money, Need.Caring, Need.Environment, Need.Employment], 25),
    };

    private static readonly ReferralService[] Everywhere =
    [
        new("NHS-WEIGHT-APP", "NHS Weight Loss Plan (app)", SupportKind.Digital, [Need.Weight, Need.PhysicalActivity], [], 18, null, [], null, null, null),
        new("NHS-QUIT-APP", "NHS Quit Smoking (app)", SupportKind.Digital, [Need.Smoking], [], 18, null, [], null, null, null),
        new("DRINK-LESS", "Drink Less (app)", SupportKind.Digital, [Need.Alcohol], [], 18, null, [], null, null, null),
        new("DEBT-ADVICE", "Debt and money advice", SupportKind.Professional, [Need.Debt, Need.Money], [], 16, null, [], 80, null, null),
        new("TALKING-THERAPIES", "NHS Talking Therapies", SupportKind.Professional, [Need.Wellbeing], [], 16, null, [], 120, null, null),
        new("HOUSING-OPTIONS", "Housing options and homelessness prevention", SupportKind.Professional, [Need.Housing], [], 16, null, [], 60, null, null),
        new("FALLS-FRAILTY", "Falls and frailty service", SupportKind.Professional, [Need.Frailty, Need.LongTermConditions], [], 65, null, [], 40, null, null),
        new("ALCOHOL-SERVICE", "Alcohol treatment service", SupportKind.Professional, [Need.Alcohol], [], 18, null, [], 30, null, null),
        new("EMPLOYMENT-SUPPORT", "Employment support", SupportKind.Professional, [Need.Employment], [], 16, 66, [], 40, null, null),
        new("WARM-HOMES", "Warm and safe homes", SupportKind.CommunityAsset, [Need.Environment, Need.Housing], [], null, null, [], 40, null, null),
    ];

    /// <summary>The directory as above, replacing whatever was there.</summary>
    public async Task<IReadOnlyList<ReferralService>> SeedAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var contracts = await db.Contracts.AsNoTracking().ToListAsync(cancellationToken);
        var variations = await db.ContractVariations.AsNoTracking().ToListAsync(cancellationToken);
        var lines = await db.ServiceLines.AsNoTracking().ToListAsync(cancellationToken);

        // Each contract as it stands today (ContractTimeline: in its term as varied, its lines in force).
        var services = contracts.Select(c => ContractTimeline.AsAt(c, variations, lines, [], today))
            .Where(state => state.InForce)
            .SelectMany(state => state.Lines.Select(l => (state.Contract.Ref, Line: l.Code.Split('-')[0], l.Area)))
            .Where(l => ByLine.ContainsKey(l.Line))
            .GroupBy(l => (l.Ref, l.Line))
            .Select(g =>
            {
                var (name, kind, needs, places) = ByLine[g.Key.Line];
                var areas = g.Select(l => l.Area).Distinct().OrderBy(a => a.Value, StringComparer.Ordinal).ToList();
                return new ReferralService($"{g.Key.Ref}-{g.Key.Line}", name, kind, needs, areas, 18, null, [], places * areas.Count, g.Key.Ref, g.Key.Line);
            })
            .Concat(Everywhere)
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
        await directory.ReplaceAsync(services, Actor, cancellationToken);
        return services;
    }
}
