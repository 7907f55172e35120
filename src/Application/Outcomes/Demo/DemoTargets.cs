using System.Globalization;
using Commonweal.Application.Indicators;
using Commonweal.Application.Indicators.Demo;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Outcomes.Demo;

/// <summary>
/// The demo's outcomes framework: six SMART targets on the demo indicators — two at the ICB, four at the districts where
/// the need is greatest — owned by the ICB and the district councils of whichever ICS is configured, one profiled, one
/// with commentary and an agreed action, so that the scorecard, a target page and the exception pack have content on
/// first start. Each is set through <see cref="TargetWriting"/> like any other target (baseline value from the data); one
/// the demo's data cannot support is left out rather than stopping the demo.
/// </summary>
public sealed class DemoTargets(CommonwealDbContext db, IndicatorQueries indicators, TargetWriting writing, TargetNotes notes)
{
    public const string Actor = "demo";

    /// <summary>What each demo target is: its indicator, where (the ICB, or the district ranked so by need), from when, how far, by when.</summary>
    private sealed record Template(IndicatorId Indicator, AreaType Type, int Rank, string Baseline, double Change, string Deadline, bool Profiled, string Lead, string Rationale);

    private static readonly Template[] Templates =
    [
        new(DemoIndicators.Smoking, AreaType.Icb, 0, "2019/20", -0.2, "2026/27", false, "Director of Public Health (demo)",
            "Demo: close the gap to the best-performing ICBs, in line with the tobacco control plan."),
        new(DemoIndicators.EmergencyAdmissions, AreaType.Icb, 0, "Apr-23", -0.1, "Mar-26", false, "Director of Urgent and Emergency Care (demo)",
            "Demo: fewer emergency admissions through frailty hubs and anticipatory care."),
        new(DemoIndicators.Falls, AreaType.District, 0, "2019/20", -0.15, "2026/27", false, "Head of Prevention, Adult Social Care (demo)",
            "Demo: falls prevention in the district with the highest rate."),
        new(DemoIndicators.CardiovascularDeaths, AreaType.District, 1, "2019", -0.15, "2027", false, "Director of Public Health (demo)",
            "Demo: cardiovascular prevention (hypertension case-finding, NHS Health Checks) where premature deaths are among the highest."),
        new(DemoIndicators.LifeExpectancy, AreaType.District, 0, "2013 - 15", 0.01, "2024 - 26", false, "Director of Public Health (demo)",
            "Demo: narrow the gap in life expectancy with the rest of the ICS."),
        new(DemoIndicators.ChildPoverty, AreaType.District, 0, "2019/20", -0.2, "2026/27", true, "Head of Family Hubs (demo)",
            "Demo: child poverty strategy, profiled to the family hubs' roll-out."),
    ];

    /// <summary>Sets the demo targets, with commentary and an action on the emergency admissions target; nothing when a target already exists.</summary>
    public async Task<IReadOnlyList<int>> SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.Targets.AnyAsync(cancellationToken)) return [];
        var created = new List<int>();
        foreach (var template in Templates)
        {
            if (await DraftAsync(template, cancellationToken) is not { } draft) continue;
            var outcome = await writing.CreateAsync([new TargetInput(draft)], Actor, cancellationToken);
            if (outcome.Succeeded) created.AddRange(outcome.Created);
        }

        var admissions = await db.Targets.Where(t => t.Indicator == DemoIndicators.EmergencyAdmissions).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);
        if (admissions is { } id)
        {
            var lead = new NoteWriter(Actor, "Director of Urgent and Emergency Care (demo)", Commissioner: true);
            await notes.CommentAsync(id,
                "Demo: winter pressures pushed admissions above the trajectory; frailty hubs open in three alliances in January and same-day emergency care is extended.",
                lead, cancellationToken);
            await notes.AddActionAsync(id, "Open frailty hubs in three alliances", "Director of Urgent and Emergency Care (demo)", new DateOnly(2027, 1, 31), lead, cancellationToken);
        }

        return created;
    }

    /// <summary>The template made concrete on the data: the place (the ICB, or the district of that rank by need), its baseline value and the target from it.</summary>
    private async Task<TargetDraft?> DraftAsync(Template template, CancellationToken cancellationToken)
    {
        if ((await indicators.TableAsync(template.Indicator, cancellationToken)).Value is not { } table) return null;
        var highIsGood = table.Indicator.Polarity == Polarity.HighIsGood;
        var places = table.InPeriod(template.Baseline)
            .Where(r => r.Value.AreaType == template.Type && r.Value.Sex == Sex.Persons && r.Breakdown.IsWholePopulation && r.Value.Value is not null)
            .OrderBy(r => highIsGood ? r.Value.Value : -r.Value.Value).ToList();
        if (places.Count <= template.Rank) return null;
        var row = places[template.Rank];
        var baseline = row.Value.Value!.Value;
        var goal = Math.Round(baseline * (1 + template.Change), 1);
        var name = table.Places.Find(row.Area)?.Name ?? row.Value.AreaName;
        var owner = template.Type == AreaType.Icb ? $"{name} (demo)" : $"{name} Council (demo)";
        var trajectory = "linear";
        if (template.Profiled && IndicatorPeriod.TryParse(template.Baseline, out var from, out _))
        {
            // Slow at first, faster as the hubs open: 40 % of the way by the third year, 70 % by the fifth.
            string Year(int ahead) => $"{from.Start.Year + ahead}/{(from.Start.Year + ahead + 1) % 100:00}";
            trajectory = string.Create(CultureInfo.InvariantCulture,
                $"profile:{Year(3)}={Math.Round(baseline + ((goal - baseline) * 0.4), 2)};{Year(5)}={Math.Round(baseline + ((goal - baseline) * 0.7), 2)};{template.Deadline}={goal}");
        }

        return new TargetDraft(template.Indicator.Value, row.Area.Value, "Persons", row.Value.Age, string.Empty, template.Baseline, goal, template.Deadline, trajectory,
            owner, template.Lead, template.Rationale);
    }

    /// <summary>
    /// Removes every target on a demo indicator (with its history, commentary and actions) and the demo's partners that
    /// nothing refers to any more: before the demo is generated again, or when real places replace it.
    /// </summary>
    public static async Task ClearAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = DemoIndicators.Ids.ToList();
        var targets = await db.Targets.Where(t => ids.Contains(t.Indicator)).Select(t => t.Id).ToListAsync(cancellationToken);
        await db.TargetChanges.Where(c => targets.Contains(c.Target)).ExecuteDeleteAsync(cancellationToken);
        await db.TargetCommentaries.Where(c => targets.Contains(c.Target)).ExecuteDeleteAsync(cancellationToken);
        await db.TargetActions.Where(a => targets.Contains(a.Target)).ExecuteDeleteAsync(cancellationToken);
        await db.Targets.Where(t => targets.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
        await Commissioning.PartnerUse.Unused(db.Partners.Where(p => p.Name.EndsWith("(demo)")), db).ExecuteDeleteAsync(cancellationToken);
    }
}
