using Commonweal.Core;
using Commonweal.Application.Access;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Referrals;

/// <summary>
/// What a caseload lists: cases of one status (a final status lists closed cases too), those with a support line of one
/// service, only those whose service level is breached; and the page (from 1) of <see cref="PageSize"/> cases.
/// </summary>
public sealed record CaseloadFilter(CaseStatus? Status = null, string? Service = null, bool BreachedOnly = false, int Page = 1)
{
    public const int PageSize = 50;
}

/// <summary>
/// One case of a caseload: the person (name, age today, place), the status and its outcome or reason, the services of its
/// support lines, how long since the referral came in, and the service level.
/// </summary>
public sealed record CaseloadRow(
    Guid Id,
    string Name,
    int Age,
    AreaCode? Place,
    CaseStatus Status,
    string? Reason,
    IReadOnlyList<string> Services,
    DateTimeOffset Received,
    int DaysSinceReceived,
    SlaState Sla);

/// <summary>
/// A viewer's caseload on a day: the rows of the page asked for, most overdue first; how many cases match the filter and
/// the pages they fill; and, for the whole caseload whatever the filter, the cases in each status and how many are breached.
/// </summary>
/// <param name="OpenOnly">True when only open cases are listed (coordinators and providers, unless a final status is asked for).</param>
public sealed record Caseload(
    DateOnly Today,
    IReadOnlyList<CaseloadRow> Rows,
    int Matching,
    int Page,
    int Pages,
    int Total,
    IReadOnlyDictionary<CaseStatus, int> ByStatus,
    int Breached,
    bool OpenOnly);

/// <summary>
/// Caseloads: for a coordinator or administrator every open case, for a provider the open cases its organisation holds,
/// for a referrer their own referrals (and their organisation's), open and closed. Ordered most overdue first: breached
/// cases by how long ago contact was due, then cases due by their deadline, then the rest newest first. The service level
/// of every case is reckoned on the day (<see cref="CaseloadSla"/>) from one light query; the people of the page alone are
/// then read, and each read is audited.
/// </summary>
public sealed class Caseloads(CommonwealDbContext db, AuditLog audit, TimeProvider clock)
{
    private static readonly CaseStatus[] Open = [CaseStatus.Received, CaseStatus.Triaged, CaseStatus.Assigned, CaseStatus.Contacted, CaseStatus.InSupport];

    private enum Shown
    {
        Page,
        All,
        None,
    }

    private sealed record Light(Guid Id, CaseStatus Status, DateTimeOffset Opened, DateTimeOffset Updated, DateTimeOffset? Contacted);

    /// <summary>The caseload's page, or null when the viewer may see no cases at all.</summary>
    public Task<Caseload?> PageAsync(ReferralViewer viewer, CaseloadFilter filter, CancellationToken cancellationToken = default) =>
        ReadAsync(viewer, filter, Shown.Page, cancellationToken);

    /// <summary>Every case the filter matches (for a download), or null when the viewer may see no cases at all.</summary>
    public Task<Caseload?> AllAsync(ReferralViewer viewer, CaseloadFilter filter, CancellationToken cancellationToken = default) =>
        ReadAsync(viewer, filter, Shown.All, cancellationToken);

    /// <summary>The counts by status and of breaches, no case listed (so no person read), or null when the viewer may see no cases.</summary>
    public Task<Caseload?> CountsAsync(ReferralViewer viewer, CancellationToken cancellationToken = default) =>
        ReadAsync(viewer, new CaseloadFilter(), Shown.None, cancellationToken);

    private async Task<Caseload?> ReadAsync(ReferralViewer viewer, CaseloadFilter filter, Shown shown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(filter);
        if (!viewer.MaySeeAny) return null;
        var sla = new CaseloadSla(EnglandDate.On(clock.GetUtcNow()));
        var openOnly = (viewer.SeesAll || viewer.IsProvider) && !(filter.Status is { } s && CaseTransitions.IsFinal(s));
        var cases = CaseloadAccess.Visible(db, viewer);
        if (openOnly) cases = cases.Where(c => Open.Contains(c.Status));
        var light = await cases.Select(c => new Light(c.Id, c.Status, c.Opened, c.Updated, c.Contacted)).ToListAsync(cancellationToken);
        var reckoned = light.Select(c => (Case: c, Sla: sla.Of(c.Opened, c.Contacted, c.Status, c.Updated))).ToList();

        var byStatus = reckoned.GroupBy(c => c.Case.Status).ToDictionary(g => g.Key, g => g.Count());
        var breached = reckoned.Count(c => c.Sla.Status == SlaStatus.Breached);
        IEnumerable<(Light Case, SlaState Sla)> matching = reckoned;
        if (filter.Status is { } status) matching = matching.Where(c => c.Case.Status == status);
        if (filter.BreachedOnly) matching = matching.Where(c => c.Sla.IsBreach);
        if (filter.Service is { Length: > 0 } service)
        {
            var withService = (await db.SupportLines.AsNoTracking().Where(l => l.Service == service).Select(l => l.Case).ToListAsync(cancellationToken)).ToHashSet();
            matching = matching.Where(c => withService.Contains(c.Case.Id));
        }

        var ranked = matching
            .OrderBy(c => c.Sla.Status switch { SlaStatus.Breached => 0, SlaStatus.Due => 1, _ => 2 })
            .ThenBy(c => c.Sla.Status is SlaStatus.Breached or SlaStatus.Due ? c.Sla.Due.DayNumber : -c.Case.Opened.UtcTicks / TimeSpan.TicksPerDay)
            .ThenBy(c => c.Case.Id)
            .ToList();
        var pages = Math.Max(1, (ranked.Count + CaseloadFilter.PageSize - 1) / CaseloadFilter.PageSize);
        var page = shown == Shown.Page ? Math.Clamp(filter.Page, 1, pages) : 1;
        var listed = shown switch
        {
            Shown.All => ranked,
            Shown.Page => ranked.Skip((page - 1) * CaseloadFilter.PageSize).Take(CaseloadFilter.PageSize).ToList(),
            _ => [],
        };
        var rows = await RowsAsync(listed, sla.Today, cancellationToken);
        if (rows.Count > 0)
            await audit.RecordAllAsync(viewer.Name, "case.read", "Referral", shown == Shown.All ? "caseload download" : "caseload", rows.Select(r => r.Id.ToString()), cancellationToken);
        return new Caseload(sla.Today, rows, ranked.Count, page, pages, light.Count, byStatus, breached, openOnly);
    }

    /// <summary>The people, reasons and services of the cases shown, in the order given.</summary>
    private async Task<List<CaseloadRow>> RowsAsync(IReadOnlyList<(Light Case, SlaState Sla)> shown, DateOnly today, CancellationToken cancellationToken)
    {
        if (shown.Count == 0) return [];
        var ids = shown.Select(c => c.Case.Id).ToList();
        var people = await (from r in db.Referrals.AsNoTracking()
                            join c in db.Cases.AsNoTracking() on r.Id equals c.Id
                            where ids.Contains(r.Id)
                            select new { r.Id, r.Person.GivenName, r.Person.FamilyName, r.Person.BirthDate, r.Person.Place, c.Reason })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var services = (await db.SupportLines.AsNoTracking().Where(l => ids.Contains(l.Case) && l.Service != null)
                .Select(l => new { l.Case, l.Tier, l.Service }).ToListAsync(cancellationToken))
            .GroupBy(l => l.Case)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.OrderByDescending(l => l.Tier).ThenBy(l => l.Service, StringComparer.Ordinal).Select(l => l.Service!).Distinct()]);
        return [.. shown.Select(s =>
        {
            var p = people[s.Case.Id];
            var person = new ReferralPerson(null, p.GivenName, p.FamilyName, p.BirthDate, null, null, p.Place, null, null);
            return new CaseloadRow(s.Case.Id, $"{p.GivenName} {p.FamilyName}", person.AgeOn(today), p.Place, s.Case.Status, p.Reason,
                services.GetValueOrDefault(s.Case.Id, []), s.Case.Opened, today.DayNumber - EnglandDate.On(s.Case.Opened).DayNumber, s.Sla);
        })];
    }
}
