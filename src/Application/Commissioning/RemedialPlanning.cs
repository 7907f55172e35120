using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Core.Commissioning;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Commissioning;

/// <summary>An open (or closed) remedial plan with its contract, provider, actions and escalation.</summary>
public sealed record RemedialPlanView(RemedialPlan Plan, Contract Contract, string Provider, IReadOnlyList<RemedialAction> Actions, DateOnly? EscalatedSince)
{
    public bool Escalated => EscalatedSince is not null;
}

/// <summary>
/// Remedial action plans on under-performance (docs/methods/contract-performance.md): opened by a return that puts a KPI
/// off track or shows special-cause concern (one open plan per KPI); actions with an owner, a due date and a status;
/// escalated to the senior officers' group when an action is overdue or nothing has been done for
/// <see cref="Escalation.DaysWithoutAction"/> days; closed by the commissioner with a note. Open plans are listed in the
/// exception pack. Every change is audited.
/// </summary>
public sealed class RemedialPlanning(CommonwealDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int WhatLength = 2000;
    public const int OwnerLength = 200;

    /// <summary>Whether a KPI's report calls for a remedial plan: off track, or special-cause variation of concern (at risk alone does not).</summary>
    public static bool Opens(Outcomes.TargetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Status == Core.Outcomes.TargetStatus.OffTrack || report.SpecialCauseConcern;
    }

    /// <summary>Opens a plan for the KPI unless one is open (saved with the caller's changes); returns it, or null when one was open already.</summary>
    public async Task<RemedialPlan?> OpenAsync(Contract contract, KpiReport report, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(report);
        var code = report.Kpi.Code;
        if (db.RemedialPlans.Local.Any(p => p.Contract == contract.Id && string.Equals(p.Kpi, code, StringComparison.OrdinalIgnoreCase) && p.Closed == null)
            || await db.RemedialPlans.AnyAsync(p => p.Contract == contract.Id && p.Kpi == code && p.Closed == null, cancellationToken)) return null;
        var period = report.Report.Latest?.Period.Label ?? "";
        var reason = $"{report.Report.ExceptionReason} in {period}: {report.Report.Why}";
        var plan = new RemedialPlan(0, contract.Id, code, period, reason.Length > 2000 ? reason[..2000] : reason, clock.GetUtcNow(), actor, null, null, "");
        db.RemedialPlans.Add(plan);
        audit.Record(actor, "remedial.open", "contract", contract.Ref, $"{code} {period}: {report.Report.ExceptionReason}");
        return plan;
    }

    /// <param name="contract">Only this contract's plans (its id); null for every contract the viewer may see.</param>
    public async Task<IReadOnlyList<RemedialPlanView>> ListAsync(CommissioningViewer viewer, bool openOnly, int? contract = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var plans = await db.RemedialPlans.AsNoTracking().Where(p => (!openOnly || p.Closed == null) && (contract == null || p.Contract == contract))
            .OrderBy(p => p.Opened).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        if (plans.Count == 0) return [];
        var contractIds = plans.Select(p => p.Contract).Distinct().ToList();
        var contracts = await db.Contracts.AsNoTracking().Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var providerIds = contracts.Values.Select(c => c.Provider).Distinct().ToList();
        var providers = await db.Partners.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var actions = (await db.RemedialActions.AsNoTracking().Where(a => planIds.Contains(a.Plan)).ToListAsync(cancellationToken)).ToLookup(a => a.Plan);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return [.. plans.Where(p => viewer.MaySee(contracts[p.Contract])).Select(p =>
        {
            var mine = (IReadOnlyList<RemedialAction>)[.. actions[p.Id].OrderBy(a => a.Due).ThenBy(a => a.Id)];
            return new RemedialPlanView(p, contracts[p.Contract], providers[contracts[p.Contract].Provider], mine, Escalation.Since(p, mine, today));
        })];
    }

    public async Task<Answer<RemedialAction>> AddActionAsync(int planId, string what, string owner, DateOnly due, CommissioningViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var (plan, contract, refusal) = await FindAsync(planId, viewer, cancellationToken);
        if (refusal is not null) return refusal;
        if (!plan!.IsOpen) return new Refusal("plan closed", $"Remedial plan {planId} is closed: open a new one if performance falls again.");
        if (string.IsNullOrWhiteSpace(what) || what.Trim().Length > WhatLength) return new Refusal("invalid action", $"Say what will be done, in up to {WhatLength:N0} characters.");
        if (string.IsNullOrWhiteSpace(owner) || owner.Trim().Length > OwnerLength) return new Refusal("invalid owner", $"Name who owns the action, in up to {OwnerLength} characters.");
        var action = new RemedialAction(0, plan.Id, what.Trim(), owner.Trim(), due, ActionStatus.Open, clock.GetUtcNow(), viewer.Name, null, null);
        db.RemedialActions.Add(action);
        audit.Record(viewer.Name, "remedial.action", "contract", contract!.Ref, $"plan {plan.Id} ({plan.Kpi}): '{action.What}' — {action.Owner} by {due:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
        return action;
    }

    public async Task<Answer<RemedialAction>> SetActionStatusAsync(int actionId, ActionStatus status, CommissioningViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var action = await db.RemedialActions.FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null) return new Refusal("action not found", $"There is no action {actionId}.", RefusalKind.NotFound);
        var (plan, contract, refusal) = await FindAsync(action.Plan, viewer, cancellationToken);
        if (refusal is not null) return refusal;
        var changed = action with { Status = status, Updated = clock.GetUtcNow(), UpdatedBy = viewer.Name };
        db.Entry(action).CurrentValues.SetValues(changed);
        audit.Record(viewer.Name, "remedial.action-status", "contract", contract!.Ref, $"plan {plan!.Id} action {action.Id}: {action.Status.Code()} → {status.Code()}");
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    /// <summary>Closes a plan (commissioners only: performance restored, or replaced by contract action), with a note.</summary>
    public async Task<Answer<RemedialPlan>> CloseAsync(int planId, string note, CommissioningViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        if (!viewer.SeesAll) return new Refusal("forbidden", "Only a commissioner closes a remedial plan.", RefusalKind.Forbidden);
        var (plan, contract, refusal) = await FindAsync(planId, viewer, cancellationToken);
        if (refusal is not null) return refusal;
        if (!plan!.IsOpen) return new Refusal("plan closed", $"Remedial plan {planId} is already closed.");
        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > 4000) return new Refusal("invalid note", "Say why the plan is closed, in up to 4,000 characters.");
        var stored = await db.RemedialPlans.FirstAsync(p => p.Id == planId, cancellationToken);
        var closed = stored with { Closed = clock.GetUtcNow(), ClosedBy = viewer.Name, ClosingNote = note.Trim() };
        db.Entry(stored).CurrentValues.SetValues(closed);
        audit.Record(viewer.Name, "remedial.close", "contract", contract!.Ref, $"plan {planId} ({plan.Kpi}): {closed.ClosingNote}");
        await db.SaveChangesAsync(cancellationToken);
        return closed;
    }

    private async Task<(RemedialPlan? Plan, Contract? Contract, Refusal? Refusal)> FindAsync(int planId, CommissioningViewer viewer, CancellationToken cancellationToken)
    {
        var plan = await db.RemedialPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null) return (null, null, new Refusal("plan not found", $"There is no remedial plan {planId}.", RefusalKind.NotFound));
        var contract = await db.Contracts.AsNoTracking().FirstAsync(c => c.Id == plan.Contract, cancellationToken);
        if (!viewer.MaySee(contract))
        {
            audit.Record(viewer.Name, "remedial.refused", "contract", contract.Ref, $"plan {planId}: not the user's organisation's contract");
            await db.SaveChangesAsync(cancellationToken);
            return (null, null, new Refusal("forbidden", $"Remedial plan {planId} is for another organisation's contract.", RefusalKind.Forbidden));
        }

        return (plan, contract, null);
    }
}
