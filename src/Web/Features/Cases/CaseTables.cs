using Commonweal.Core;
using Commonweal.Application.Places;
using Commonweal.Application.Referrals;
using Commonweal.Core.Referrals;

namespace Commonweal.Web.Features.Cases;

/// <summary>The case pages' tables, as their downloads write them (plain numbers, ISO dates, codes).</summary>
public static class CaseTables
{
    /// <summary>
    /// A caseload, most overdue first: case_id, name, age, place_code, status, outcome_or_reason, services, received,
    /// days_since_received, contact_due, sla, working_days_over, contacted.
    /// </summary>
    public static TextTable Caseload(Caseload caseload)
    {
        ArgumentNullException.ThrowIfNull(caseload);
        return new(
            ["case_id", "name", "age", "place_code", "status", "outcome_or_reason", "services", "received", "days_since_received", "contact_due", "sla", "working_days_over", "contacted"],
            caseload.Rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Id.ToString(), r.Name, Csv.Number(r.Age), r.Place?.Value, CaseWords.Code(r.Status), r.Reason, string.Join(';', r.Services),
                Csv.Date(EnglandDate.On(r.Received)), Csv.Number(r.DaysSinceReceived), Csv.Date(r.Sla.Due), r.Sla.Status.ToString().ToLowerInvariant(),
                Csv.Number(r.Sla.WorkingDaysOver), Csv.Date(r.Sla.Contacted),
            ]));
    }

    /// <summary>The statuses a summary lists, in the order of the pathway: every open one, and the final ones the caseload holds.</summary>
    public static IEnumerable<(CaseStatus Status, int Count)> StatusCounts(Caseload caseload)
    {
        ArgumentNullException.ThrowIfNull(caseload);
        return Enum.GetValues<CaseStatus>().Where(s => !CaseTransitions.IsFinal(s) || caseload.ByStatus.ContainsKey(s)).Select(s => (s, caseload.ByStatus.GetValueOrDefault(s)));
    }

    /// <summary>The cases in each status (<see cref="StatusCounts"/>), then those breached: status, cases.</summary>
    public static TextTable Statuses(Caseload caseload) =>
        new(["status", "cases"], StatusCounts(caseload).Select(s => (IReadOnlyList<string?>)[CaseWords.Code(s.Status), Csv.Number(s.Count)])
            .Append(["breached", Csv.Number(caseload.Breached)]));

    /// <summary>A case's changes, oldest first: at (UTC, ISO 8601), from, to, by, reason.</summary>
    public static TextTable Events(IReadOnlyList<CaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return new(["at", "from", "to", "by", "reason"],
            events.Select(e => (IReadOnlyList<string?>)
                [e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), e.From is { } f ? CaseWords.Code(f) : null, CaseWords.Code(e.To), e.By, e.Reason]));
    }
}
