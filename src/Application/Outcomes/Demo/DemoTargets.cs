using Commonweal.Application.Indicators.Demo;
using Commonweal.Core.Outcomes;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Outcomes.Demo;

/// <summary>
/// The demo's outcomes framework: six SMART targets on the demo indicators, owned by the ICB and the councils of Mid and
/// South Essex, one with commentary and an agreed action, so that the scorecard, a target page and the exception pack have
/// content on first start. Set through <see cref="TargetWriting"/> like any other target (baseline values from the data).
/// </summary>
public sealed class DemoTargets(CommonwealDbContext db, TargetWriting writing, TargetNotes notes)
{
    public const string Actor = "demo";

    public static IReadOnlyList<TargetDraft> Drafts { get; } =
    [
        new(1_900_001, "QH8", "Persons", string.Empty, string.Empty, "2019/20", 12, "2026/27", "linear", "NHS Mid and South Essex ICB", "Director of Public Health (demo)",
            "Demo: halve the gap to the best-performing ICBs, in line with the tobacco control plan."),
        new(1_900_004, "QH8", "Persons", string.Empty, string.Empty, "Apr-23", 7.6, "Mar-26", "linear", "NHS Mid and South Essex ICB", "Director of Urgent and Emergency Care (demo)",
            "Demo: fewer emergency admissions through frailty hubs and anticipatory care."),
        new(1_900_002, "E07000066", "Persons", string.Empty, string.Empty, "2019/20", 1800, "2026/27", "linear", "Essex County Council", "Head of Prevention, Adult Social Care (demo)",
            "Demo: falls prevention in the borough with the highest rate."),
        new(1_900_003, "E06000033", "Persons", string.Empty, string.Empty, "2019", 80, "2027", "linear", "Southend-on-Sea City Council", "Director of Public Health, Southend (demo)",
            "Demo: cardiovascular prevention (hypertension case-finding, NHS Health Checks)."),
        new(1_900_005, "E06000034", "Persons", string.Empty, string.Empty, "2013 - 15", 82.6, "2024 - 26", "linear", "Thurrock Council", "Director of Public Health, Thurrock (demo)",
            "Demo: narrow the gap in life expectancy with the rest of the ICS."),
        new(1_900_006, "E06000034", "Persons", string.Empty, string.Empty, "2019/20", 16, "2026/27", "profile:2022/23=18.5;2024/25=17;2026/27=16", "Thurrock Council", "Head of Family Hubs, Thurrock (demo)",
            "Demo: child poverty strategy; profiled to the family hubs' roll-out."),
    ];

    /// <summary>Sets the demo targets, with commentary and an action on the emergency admissions target; nothing when a target already exists.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Targets.AnyAsync(cancellationToken)) return;
        var created = await writing.CreateAsync([.. Drafts.Select(d => new TargetInput(d))], Actor, cancellationToken);
        if (!created.Succeeded)
            throw new InvalidOperationException("The demo targets are not SMART on the demo data: " + string.Join("; ", created.Refusals));
        var admissions = created.Created[1];
        var lead = new NoteWriter(Actor, "Director of Urgent and Emergency Care (demo)", Commissioner: true);
        await notes.CommentAsync(admissions,
            "Demo: winter pressures pushed admissions above the trajectory; the frailty hubs open in three alliances in January and same-day emergency care is extended.",
            lead, cancellationToken);
        await notes.AddActionAsync(admissions, "Open frailty hubs in the Basildon and Brentwood, Mid Essex and South East Essex alliances", "Director of Urgent and Emergency Care (demo)",
            new DateOnly(2027, 1, 31), lead, cancellationToken);
    }

    /// <summary>Removes every target on a demo indicator (with its history, commentary and actions), before the demo is generated again.</summary>
    public static async Task ClearAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = DemoIndicators.Ids.ToList();
        var targets = await db.Targets.Where(t => ids.Contains(t.Indicator)).Select(t => t.Id).ToListAsync(cancellationToken);
        await db.TargetChanges.Where(c => targets.Contains(c.Target)).ExecuteDeleteAsync(cancellationToken);
        await db.TargetCommentaries.Where(c => targets.Contains(c.Target)).ExecuteDeleteAsync(cancellationToken);
        await db.TargetActions.Where(a => targets.Contains(a.Target)).ExecuteDeleteAsync(cancellationToken);
        await db.Targets.Where(t => targets.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}
