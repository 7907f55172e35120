using Commonweal.Application.Access;
using Commonweal.Application.Files;
using Commonweal.Application.Outcomes;
using Commonweal.Application.Places;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Outcomes;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Commissioning;

/// <summary>A plan with its partner's name, its scores and its alignment.</summary>
public sealed record PlanView(CommissioningPlan Plan, string Partner, IReadOnlyList<PlanScore> Scores, PlanAlignmentResult Alignment);

/// <summary>
/// Plan alignment (M12; docs/methods/plan-alignment.md): commissioners complete the self-assessment template for their
/// plan (a score 0–3, evidence and links per criterion), submit it once every criterion is scored, and the Health and
/// Wellbeing Board signs it off with a date and a decision (aligned, aligned with conditions, not aligned — which returns
/// it for more work). The analysis across plans and the partner-strategy priority matrix come from the same store.
/// Every change is audited.
/// </summary>
public sealed class PlanAssurance(CommonwealDbContext db, AuditLog audit, TimeProvider clock, FrameworkEditing frameworks)
{
    public async Task<IReadOnlyList<PlanView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var plans = await db.CommissioningPlans.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        var scores = await db.PlanScores.AsNoTracking().ToListAsync(cancellationToken);
        var names = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return [.. plans.Select(p => new PlanView(p, names[p.Partner], [.. scores.Where(s => s.Plan == p.Id).OrderBy(s => s.Criterion, StringComparer.Ordinal)], PlanAnalysis.Of(p, scores)))];
    }

    public async Task<Answer<CommissioningPlan>> CreateAsync(string title, string partner, string fromYear, string toYear, IReadOnlyList<string> domains, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domains);
        var partners = await db.Partners.AsNoTracking().ToListAsync(cancellationToken);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 300) problems.Add("title: a title of up to 300 characters is required");
        var who = PartnerRegister.Find(partners, partner);
        if (who is null) problems.Add($"partner: no partner is called '{partner}'");
        else if (!who.Commissions) problems.Add($"partner: {who.Name} is not recorded as a commissioner");
        if (!FinancialYear.TryParse(fromYear, out var from, out var e1)) problems.Add("from: " + e1);
        if (!FinancialYear.TryParse(toYear, out var to, out var e2)) problems.Add("to: " + e2);
        else if (to < from) problems.Add($"to: the plan ends ({to}) before it starts ({from})");
        var codes = new List<string>();
        foreach (var domain in domains.Where(d => !string.IsNullOrWhiteSpace(d)))
        {
            if (FrameworkDomain.TryParse(domain, out var d)) codes.Add(d.Code);
            else problems.Add($"domains: '{domain}' is not a domain of the outcomes framework");
        }

        if (problems.Count > 0) return new Refusal("the plan is refused", string.Join("; ", problems));
        var plan = new CommissioningPlan(0, title.Trim(), who!.Id, from.StartYear, to.StartYear, string.Join(",", codes.Distinct()), PlanStatus.Draft, clock.GetUtcNow(), actor, null, null, "", null);
        db.CommissioningPlans.Add(plan);
        audit.Record(actor, "plan.create", "plan", plan.Title, $"{who.Name}; {from}–{to}; domains {plan.Domains}");
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    public async Task<Answer<PlanScore>> ScoreAsync(int planId, string criterion, int score, string evidence, string links, string actor, CancellationToken cancellationToken = default)
    {
        var plan = await db.CommissioningPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null) return new Refusal("plan not found", $"There is no plan {planId}.", RefusalKind.NotFound);
        if (plan.Status is PlanStatus.Submitted or PlanStatus.SignedOff) return new Refusal("plan not open", $"'{plan.Title}' is {plan.Status.Label().ToLowerInvariant()}: its scores are fixed.");
        if (AlignmentTemplate.Find(criterion) is not { } c) return new Refusal("invalid criterion", $"'{criterion}' is not a criterion of the template ({string.Join(", ", AlignmentTemplate.Criteria.Select(x => x.Code))}).");
        if (score is < 0 or > AlignmentTemplate.MostScore) return new Refusal("invalid score", $"A score is 0 (not addressed) to {AlignmentTemplate.MostScore} (fully), not {score}.");
        if ((evidence ?? "").Length > 4000 || (links ?? "").Length > 2000) return new Refusal("too long", "Evidence is up to 4,000 characters and links up to 2,000.");
        if (score > 0 && string.IsNullOrWhiteSpace(evidence)) return new Refusal("evidence needed", $"A score above 0 needs its evidence: {c.Evidence}");
        var stored = await db.PlanScores.FirstOrDefaultAsync(s => s.Plan == planId && s.Criterion == c.Code, cancellationToken);
        var fresh = new PlanScore(planId, c.Code, score, (evidence ?? "").Trim(), (links ?? "").Trim());
        if (stored is null) db.PlanScores.Add(fresh);
        else db.Entry(stored).CurrentValues.SetValues(fresh);
        audit.Record(actor, "plan.score", "plan", plan.Title, $"{c.Code}: {(stored is null ? "" : $"{stored.Score} → ")}{score}");
        await db.SaveChangesAsync(cancellationToken);
        return fresh;
    }

    public async Task<Answer<CommissioningPlan>> SubmitAsync(int planId, string actor, CancellationToken cancellationToken = default)
    {
        var plan = await db.CommissioningPlans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null) return new Refusal("plan not found", $"There is no plan {planId}.", RefusalKind.NotFound);
        if (plan.Status is not (PlanStatus.Draft or PlanStatus.Returned)) return new Refusal("plan not open", $"'{plan.Title}' is {plan.Status.Label().ToLowerInvariant()}.");
        var scored = await db.PlanScores.Where(s => s.Plan == planId).Select(s => s.Criterion).ToListAsync(cancellationToken);
        var missing = AlignmentTemplate.Criteria.Where(c => !scored.Contains(c.Code)).Select(c => c.Code).ToList();
        if (missing.Count > 0) return new Refusal("not complete", $"Score every criterion before submitting: {string.Join(", ", missing)} not scored.");
        var submitted = plan with { Status = PlanStatus.Submitted };
        db.Entry(plan).CurrentValues.SetValues(submitted);
        audit.Record(actor, "plan.submit", "plan", plan.Title, "submitted to the Health and Wellbeing Board");
        await db.SaveChangesAsync(cancellationToken);
        return submitted;
    }

    /// <summary>The HWB's decision, dated: aligned or aligned with conditions signs the plan off; not aligned returns it for more work.</summary>
    public async Task<Answer<CommissioningPlan>> DecideAsync(int planId, PlanDecision decision, DateOnly on, string note, string actor, CancellationToken cancellationToken = default)
    {
        var plan = await db.CommissioningPlans.FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null) return new Refusal("plan not found", $"There is no plan {planId}.", RefusalKind.NotFound);
        if (plan.Status != PlanStatus.Submitted) return new Refusal("not submitted", $"'{plan.Title}' is {plan.Status.Label().ToLowerInvariant()}: the board decides on a submitted plan.");
        if (decision != PlanDecision.Aligned && string.IsNullOrWhiteSpace(note)) return new Refusal("note needed", "Say what the conditions are, or why the plan is not aligned.");
        if ((note ?? "").Length > 4000) return new Refusal("too long", "The decision's note is up to 4,000 characters.");
        var decided = plan with
        {
            Status = decision == PlanDecision.NotAligned ? PlanStatus.Returned : PlanStatus.SignedOff,
            Decision = decision,
            DecidedOn = on,
            DecisionNote = (note ?? "").Trim(),
            DecidedBy = actor,
        };
        db.Entry(plan).CurrentValues.SetValues(decided);
        audit.Record(actor, "plan.decide", "plan", plan.Title, $"{decision.Label()} on {on:yyyy-MM-dd}: {decided.DecisionNote}");
        await db.SaveChangesAsync(cancellationToken);
        return decided;
    }

    /// <summary>The analysis across plans, against the domains the current framework's priorities and the targets name.</summary>
    public async Task<PlanAnalysisResult> AnalysisAsync(CancellationToken cancellationToken = default)
    {
        var framework = await frameworks.CurrentAsync(cancellationToken);
        var domains = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var domain in framework.Priorities.SelectMany(p => p.Domains)) domains.TryAdd(domain.Code, domain.Label);
        var ids = await db.Targets.AsNoTracking().Select(t => t.Indicator).Distinct().ToListAsync(cancellationToken);
        foreach (var indicator in await db.Indicators.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken))
            if (framework.DomainOf(indicator) is { } d) domains.TryAdd(d.Code, d.Label);
        var plans = await db.CommissioningPlans.AsNoTracking().ToListAsync(cancellationToken);
        var scores = await db.PlanScores.AsNoTracking().ToListAsync(cancellationToken);
        return PlanAnalysis.Across(plans, scores, domains);
    }

    /// <summary>The partner-strategy priority matrix: every mark, by organisation then theme.</summary>
    public async Task<IReadOnlyList<PriorityMark>> MatrixAsync(CancellationToken cancellationToken = default) =>
        await db.PriorityMarks.AsNoTracking().OrderBy(m => m.Organisation).ThenBy(m => m.Theme).ToListAsync(cancellationToken);

    /// <summary>
    /// Replaces the matrix from a file with the columns <c>organisation,theme,level,source</c>: a theme of seed 003's list
    /// (<see cref="AlignmentTemplate.PriorityThemes"/>), a level of <c>high</c> or <c>priority</c>. All or nothing; audited.
    /// </summary>
    public async Task<ImportOutcome> ImportMatrixAsync(string path, string actor, CancellationToken cancellationToken = default)
    {
        var problems = new FileProblems();
        var marks = new List<PriorityMark>();
        try
        {
            using var table = TabularFile.Open(path);
            int organisation = table.Column("organisation"), theme = table.Column("theme"), level = table.Column("level"), source = table.Column("source");
            var themes = AlignmentTemplate.PriorityThemes.SelectMany(g => g.Themes.Select(t => (g.Group, Theme: t))).ToList();
            foreach (var row in table.Rows())
            {
                var org = row.Text(organisation, required: false).Trim();
                if (org.Length is 0 or > 200) problems.Add(row, organisation, "an organisation (or strategy) of up to 200 characters is required");
                var named = themes.FirstOrDefault(t => string.Equals(t.Theme, row.Text(theme, required: false).Trim(), StringComparison.OrdinalIgnoreCase));
                if (named.Theme is null) problems.Add(row, theme, $"'{row.Text(theme, required: false)}' is not a theme of the matrix ({string.Join("; ", themes.Select(t => t.Theme))})");
                var levelText = row.Text(level, required: false).Trim().ToLowerInvariant();
                PriorityLevel? mark = levelText switch { "high" or "high priority" => PriorityLevel.HighPriority, "priority" => PriorityLevel.Priority, _ => null };
                if (mark is null) problems.Add(row, level, $"'{levelText}' is not a level (high or priority)");
                var from = row.Text(source, required: false).Trim();
                if (from.Length > 400) problems.Add(row, source, "the source is longer than 400 characters");
                if (named.Theme is null || mark is null || org.Length is 0 or > 200) continue;
                if (marks.Any(m => string.Equals(m.Organisation, org, StringComparison.OrdinalIgnoreCase) && m.Theme == named.Theme))
                    problems.Add(row, theme, $"{org} marks {named.Theme} on an earlier line");
                else marks.Add(new PriorityMark(0, org, named.Group, named.Theme, mark.Value, from));
            }

            if (marks.Count == 0 && !problems.Any) problems.Add(table.Problem(table.HeaderLine, null, "the file has a header but no marks"));
        }
        catch (FileProblemException e)
        {
            problems.Add(e.Problem);
        }

        if (problems.Any) return new ImportOutcome(0, 0, problems.All);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var replaced = await db.PriorityMarks.ExecuteDeleteAsync(cancellationToken);
        db.PriorityMarks.AddRange(marks);
        audit.Record(actor, "priorities.import", "priority-matrix", "*", $"{marks.Count} marks replaced {replaced}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(marks.Count, replaced, []);
    }
}
