using Commonweal.Core.Places;
using Commonweal.Core.Referrals;

namespace Commonweal.Application.Referrals.Demo;

/// <summary>What became of one demo referral's case by now: its moves (dated, by whom, with reasons), its support lines and its Task.</summary>
public sealed record DemoJourney(IReadOnlyList<CaseEvent> Moves, IReadOnlyList<SupportLine> Lines, TaskState Task);

/// <summary>
/// Follows the demo's referrals through their cases as the service would, by the same rules as <see cref="CaseTriage"/>
/// and <see cref="CaseWork"/>: a coordinator triages each on a working day after receipt (a few are declined or closed
/// first), by <see cref="Triage.Decide"/> against the directory's free places <em>on that day</em> (the lines of cases open
/// then), triaged and assigned to the lead line's provider in one save; the provider contacts the person — mostly within 5
/// working days of receipt, some late (service-level breaches), some never (closed) — supports them, and completes the case
/// with an outcome, or it is declined or closed with a reason. A case without a contracted provider is taken on by the
/// coordinator. Steps after now are not taken, so recent referrals are still received, triaged or assigned.
/// </summary>
internal sealed class DemoJourneys(
    IReadOnlyList<ReferralService> services,
    IReadOnlyDictionary<string, int?> providers,
    IReadOnlyDictionary<int, string> partnerNames,
    Func<AreaCode?, (IReadOnlyCollection<AreaCode> Within, bool Core20)> placeOf,
    DateTimeOffset now,
    Random random)
{
    public static readonly string[] Coordinators = ["amira.hughes", "tom.reilly", "bea.nwosu"];

    private static readonly string[] Staff = ["jess.palmer", "kwame.mensah", "ruth.adams", "ollie.grant", "sana.mirza", "dev.kapoor", "lucy.chen", "mark.doyle"];

    private static readonly string[] AtTriageDeclined =
    [
        "The person is already supported by the community mental health team",
        "The person did not agree to be contacted when the service rang to check",
        "The person has moved out of the area",
    ];

    private readonly Dictionary<string, int> open = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string[], DateTimeOffset> ending = new();

    /// <summary>When a coordinator triages a referral received at <paramref name="received"/>: 0 to 3 working days on, in office hours.</summary>
    public DateTimeOffset TriageTime(DateTimeOffset received)
    {
        var day = DateOnly.FromDateTime(received.UtcDateTime);
        var wait = random.NextDouble() switch { < 0.35 => 0, < 0.75 => 1, < 0.9 => 2, _ => 3 };
        var at = wait == 0 && WorkingDays.IsWorkingDay(day) && received.Hour < 15 ? received.AddMinutes(random.Next(30, 120)) : At(WorkingDays.Add(day, Math.Max(1, wait)));
        return at;
    }

    /// <summary>The case of a referral triaged at <paramref name="triaged"/>; referrals must come in the order they are triaged.</summary>
    public DemoJourney Follow(Referral referral, IReadOnlyDictionary<string, AssessmentValue> answers, string taskId, string patientId, string? requester, DateTimeOffset triaged, Func<DateTimeOffset, Guid> newId)
    {
        while (ending.TryPeek(out _, out var when) && when <= triaged)
        {
            foreach (var code in ending.Dequeue()) open[code]--;
        }

        var journey = new Journey(referral, now);
        var coordinator = Coordinators[random.Next(Coordinators.Length)];
        var lines = new List<SupportLine>();
        int? owner = null;
        var r = random.NextDouble();
        if (triaged <= now && r < 0.04) journey.Move(CaseStatus.Declined, triaged, coordinator, AtTriageDeclined[random.Next(AtTriageDeclined.Length)]);
        else if (triaged <= now && r < 0.055) journey.Move(CaseStatus.Closed, triaged, coordinator, "A repeat of a referral already open for the same person");
        else if (triaged <= now)
        {
            var assessment = HolisticAssessment.Score(answers, includeSwemwbs: true);
            var (within, core20) = placeOf(referral.Person.Place);
            var cohorts = new List<string>();
            if (core20) cohorts.Add(TriageRules.Core20);
            if (answers.TryGetValue("caring", out var caring) && caring.Boolean == true) cohorts.Add("carers");
            var person = new TriagePerson(referral.Person.AgeOn(DateOnly.FromDateTime(triaged.UtcDateTime)), within, cohorts);
            var decision = Triage.Decide(assessment, person, TriageRules.Default, services, open, referral.RequestedService);
            lines = [.. decision.Lines.Select(l => new SupportLine(newId(triaged), referral.Id, l.Need, l.Level, l.Tier, l.ServiceCode,
                l.ServiceCode is { } code ? providers.GetValueOrDefault(code) : null, l.Waitlisted, l.WaitlistedFor, l.Why, triaged, coordinator))];
            foreach (var line in lines.Where(l => l.Service is not null)) open[line.Service!] = open.GetValueOrDefault(line.Service!) + 1;
            var lead = lines.FirstOrDefault(l => l.Tier == SupportTier.Professional && l.Provider is not null) ?? lines.FirstOrDefault(l => l.Provider is not null);
            var summary = string.Join("; ", decision.Lines.Select(l => $"{Needs.Words(l.Need)}: {l.ServiceCode ?? "no service"}{(l.Waitlisted ? " (waitlisted)" : "")}"));
            journey.Move(CaseStatus.Triaged, triaged, coordinator, summary);
            if (lead is not null)
            {
                owner = lead.Provider;
                journey.Move(CaseStatus.Assigned, triaged, coordinator, null, savedWithLast: true);
                Work(journey, referral, answers, lead, Staff[(owner!.Value + random.Next(2)) % Staff.Length]);
            }
            else if (lines.All(l => l.Service is null))
            {
                journey.Move(CaseStatus.Closed, At(WorkingDays.Add(Day(triaged), random.Next(1, 4))), coordinator,
                    "No service in the person's area addresses their needs: given details of national helplines");
            }
            else
            {
                journey.Move(CaseStatus.Assigned, At(WorkingDays.Add(Day(triaged), random.Next(0, 3))), coordinator, null);
                Work(journey, referral, answers, lines[0], coordinator);
            }
        }

        if (journey.Final is { } ended && lines.Count > 0) ending.Enqueue([.. lines.Where(l => l.Service is not null).Select(l => l.Service!)], ended);
        var last = journey.Moves.Count == 0 ? null : journey.Moves[^1];
        var ownerReference = owner is { } o ? $"Organization/{o}" : null;
        var task = new TaskState(taskId, referral.Id, patientId, journey.Status, last?.Reason, ownerReference,
            owner is { } p ? partnerNames.GetValueOrDefault(p) : null, journey.Versions, referral.Received, last?.At ?? referral.Received, requester);
        return new DemoJourney(journey.Moves, lines, task);
    }

    /// <summary>The work of an assigned case: contact (on time or late, or never), support, and its end.</summary>
    private void Work(Journey journey, Referral referral, IReadOnlyDictionary<string, AssessmentValue> answers, SupportLine lead, string worker)
    {
        if (journey.Status != CaseStatus.Assigned) return; // not assigned by now
        var received = Day(referral.Received);
        var assigned = journey.Moves[^1].At;
        if (random.NextDouble() < 0.06)
        {
            journey.Move(CaseStatus.Closed, At(WorkingDays.Add(Day(assigned), random.Next(10, 16))), worker, "Could not be contacted after three attempts by phone and letter");
            return;
        }

        var late = random.NextDouble() < 0.13;
        var contactDay = late ? WorkingDays.Add(CaseSla.ContactWithinFiveWorkingDays.Deadline(received), random.Next(1, 9)) : WorkingDays.Add(received, random.Next(1, 6));
        var contacted = At(contactDay);
        if (contacted <= assigned) contacted = assigned.AddHours(random.Next(1, 4));
        if (!journey.Move(CaseStatus.Contacted, contacted, worker, null)) return;
        if (random.NextDouble() < 0.05)
        {
            journey.Move(CaseStatus.Declined, At(WorkingDays.Add(Day(contacted), random.Next(0, 3))), worker, "The person decided not to take up support for now");
            return;
        }

        var started = At(WorkingDays.Add(Day(contacted), random.Next(1, 8)));
        if (!journey.Move(CaseStatus.InSupport, started, worker, null)) return;
        if (random.NextDouble() < 0.1)
        {
            journey.Move(CaseStatus.Closed, At(WorkingDays.Add(Day(started), random.Next(8, 30))), worker, "Stopped coming after the first sessions; told they can come back at any time");
            return;
        }

        var weeks = lead.Tier == SupportTier.Professional ? random.Next(6, 14) : random.Next(3, 9);
        journey.Move(CaseStatus.Completed, At(WorkingDays.Add(Day(started), weeks * 5)), worker, DemoOutcomes.Words(lead.Need, answers, random));
    }

    /// <summary>A time in office hours (09:00 to 17:00) on the day.</summary>
    private DateTimeOffset At(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(random.Next(9 * 60, 17 * 60));

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>The moves of one case as <see cref="CaseTransitions"/> allows them, none after now.</summary>
    private sealed class Journey(Referral referral, DateTimeOffset now)
    {
        private readonly List<CaseEvent> moves = [];

        public IReadOnlyList<CaseEvent> Moves => moves;

        public CaseStatus Status { get; private set; } = CaseStatus.Received;

        /// <summary>The Task's versions: the first, and one for each save (triage and assignment are saved together).</summary>
        public int Versions { get; private set; } = 1;

        /// <summary>When the case reached a final status, if it has.</summary>
        public DateTimeOffset? Final => CaseTransitions.IsFinal(Status) ? moves[^1].At : null;

        /// <summary>Makes the move if it is due by now (false when it is not, and nothing after it happens either).</summary>
        public bool Move(CaseStatus to, DateTimeOffset at, string by, string? reason, bool savedWithLast = false)
        {
            if (moves.Count > 0 && at < moves[^1].At) at = moves[^1].At.AddMinutes(5);
            if (at > now) return false;
            if (!CaseTransitions.TryMove(Status, to, at, by, reason, out var change, out var error))
                throw new InvalidOperationException($"demo case {referral.Id}: {error}");
            moves.Add(new CaseEvent(0, referral.Id, change!.From, to, at, by, change.Reason));
            Status = to;
            if (!savedWithLast) Versions++;
            return true;
        }
    }
}
