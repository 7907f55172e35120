using Commonweal.Core.Commissioning;
using Commonweal.Application.Indicators;
using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Outcomes;

/// <summary>A target with its report, its domain in the current framework, and its latest commentary and actions.</summary>
public sealed record TargetSummary(TargetReport Report, FrameworkDomain? Domain, TargetCommentary? LatestCommentary, IReadOnlyList<TargetAction> Actions)
{
    public int Id => Report.Target.Id;
}

/// <summary>The framework's targets grouped by domain, in the model's order, for the scorecard and the exception pack.</summary>
public sealed record Scorecard(OutcomesFramework Framework, IReadOnlyList<(FrameworkDomain? Domain, IReadOnlyList<TargetSummary> Targets)> Domains)
{
    public IEnumerable<TargetSummary> Targets => Domains.SelectMany(d => d.Targets);

    public IEnumerable<TargetSummary> Exceptions => Targets.Where(t => t.Report.IsException);

    /// <summary>How many targets have each status.</summary>
    public IReadOnlyDictionary<TargetStatus, int> Counts =>
        Enum.GetValues<TargetStatus>().ToDictionary(s => s, s => Targets.Count(t => t.Report.Status == s));
}

/// <summary>
/// What pages, the API, the command line and the board papers ask of the outcomes framework: every target read against
/// the data (<see cref="TargetReporting"/>), the scorecard by domain, one target with its history, commentary and actions,
/// the coverage of the framework's domains. Reads only.
/// </summary>
public sealed class OutcomeQueries(CommonwealDbContext db, IndicatorQueries indicators, FrameworkEditing frameworks)
{
    /// <summary>Every target read against the data, in id order.</summary>
    public async Task<IReadOnlyList<TargetReport>> ReportsAsync(CancellationToken cancellationToken = default)
    {
        var targets = await db.Targets.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var owners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        // Each indicator's table once, however many targets are set on it.
        var tables = new Dictionary<IndicatorId, IndicatorTable?>();
        foreach (var id in targets.Select(t => t.Indicator).Distinct())
            tables[id] = (await indicators.TableAsync(id, cancellationToken)).Value;
        return [.. targets.Where(t => tables[t.Indicator] is not null).Select(t => TargetReporting.Report(t, owners.GetValueOrDefault(t.Owner, "?"), tables[t.Indicator]!))];
    }

    /// <summary>One target read against the data, or null when there is no such target.</summary>
    public async Task<TargetReport?> ReportAsync(int id, CancellationToken cancellationToken = default)
    {
        var target = await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (target is null) return null;
        var owner = await db.Partners.AsNoTracking().Where(p => p.Id == target.Owner).Select(p => p.Name).FirstAsync(cancellationToken);
        return (await indicators.TableAsync(target.Indicator, cancellationToken)).Value is { } table ? TargetReporting.Report(target, owner, table) : null;
    }

    /// <summary>The scorecard: every target by domain of the current framework (targets of unmapped indicators last), with its latest commentary and open actions.</summary>
    public async Task<Scorecard> ScorecardAsync(CancellationToken cancellationToken = default)
    {
        var framework = await frameworks.CurrentAsync(cancellationToken);
        var reports = await ReportsAsync(cancellationToken);
        var commentaries = (await db.TargetCommentaries.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(c => c.Target).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).First());
        var actions = (await db.TargetActions.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(a => a.Target).ToDictionary(g => g.Key, g => (IReadOnlyList<TargetAction>)[.. g.OrderBy(a => a.ByWhen).ThenBy(a => a.Id)]);
        var summaries = reports.Select(r => new TargetSummary(r, framework.DomainOf(r.Indicator), commentaries.GetValueOrDefault(r.Target.Id), actions.GetValueOrDefault(r.Target.Id, []))).ToList();
        var order = FrameworkDomain.All.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        var domains = summaries
            .GroupBy(s => s.Domain)
            .OrderBy(g => g.Key is { } d ? order[d] : int.MaxValue)
            .Select(g => (g.Key, (IReadOnlyList<TargetSummary>)[.. g.OrderBy(s => s.Id)]))
            .ToList();
        return new Scorecard(framework, domains);
    }

    /// <summary>A target's history of changes, newest first.</summary>
    public async Task<IReadOnlyList<TargetChange>> HistoryAsync(int id, CancellationToken cancellationToken = default) =>
        await db.TargetChanges.AsNoTracking().Where(c => c.Target == id).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>A target's commentary, newest first.</summary>
    public async Task<IReadOnlyList<TargetCommentary>> CommentaryAsync(int id, CancellationToken cancellationToken = default) =>
        await db.TargetCommentaries.AsNoTracking().Where(c => c.Target == id).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>A target's agreed actions, by when they are due.</summary>
    public async Task<IReadOnlyList<TargetAction>> ActionsAsync(int id, CancellationToken cancellationToken = default) =>
        await db.TargetActions.AsNoTracking().Where(a => a.Target == id).OrderBy(a => a.ByWhen).ThenBy(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>The coverage view of the current framework: every domain with its indicators and targets, and the gaps.</summary>
    public async Task<(OutcomesFramework Framework, IReadOnlyList<CoverageRow> Rows)> CoverageAsync(CancellationToken cancellationToken = default)
    {
        var framework = await frameworks.CurrentAsync(cancellationToken);
        var catalogue = await db.Indicators.AsNoTracking().ToListAsync(cancellationToken);
        var counts = (await db.Targets.AsNoTracking().Select(t => t.Indicator).ToListAsync(cancellationToken))
            .GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
        return (framework, FrameworkCoverage.Of(catalogue.Select(framework.Mapped), counts));
    }

    /// <summary>The partners that own targets, by name.</summary>
    public async Task<IReadOnlyList<Partner>> PartnersAsync(CancellationToken cancellationToken = default) =>
        await db.Partners.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);

    /// <summary>The indicator's table, for charts beside a target (its neighbours compared).</summary>
    public Task<Answer<IndicatorTable>> TableAsync(IndicatorId id, CancellationToken cancellationToken = default) => indicators.TableAsync(id, cancellationToken);
}
