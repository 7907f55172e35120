namespace Commonweal.Core.Referrals;

/// <summary>
/// Routes an assessed person to support: explainable rules pick a tier for each need found, then a service of that tier
/// that addresses the need, takes the person (age, place, cohort) and has room. Pure and deterministic: the same inputs give
/// the same decision, with every line saying why. Method: docs/methods/holistic-assessment-and-triage.md.
/// </summary>
public static class Triage
{
    /// <summary>
    /// One decision (one case) with a line per need found, in <see cref="Need"/> order. For each finding the first rule in
    /// <see cref="TriageRules.InOrder"/> that applies picks the tier (no rule: specialist → professional, light → community).
    /// Among the services of that tier that address the need and take the person, the one with the most places free is
    /// chosen (unlimited first, ties by code); places free = capacity − <paramref name="openLines"/>[code] − lines already
    /// planned in this decision. When every professional service is full the line is waitlisted for one and a community
    /// service for the same need gives interim support; with no service at all the line has no service and says so. No
    /// need found: one community line for wellbeing (a conversation with a link worker). <paramref name="requestedService"/>,
    /// a code the referrer named, is honoured for a need it addresses when it takes the person and has room, and otherwise
    /// ignored with the reason.
    /// </summary>
    public static TriageDecision Decide(
        AssessmentResult assessment,
        TriagePerson person,
        IReadOnlyList<TriageRule> rules,
        IReadOnlyList<ReferralService> services,
        IReadOnlyDictionary<string, int> openLines,
        string? requestedService = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(openLines);

        var places = new Places(services, openLines);
        var ordered = TriageRules.InOrder(rules);
        var findings = ForPerson(assessment, person);
        var noNeed = findings.Count == 0;
        if (noNeed) findings = [new(Need.Wellbeing, NeedLevel.None, "No specific need found: a conversation with a link worker, in the community.")];

        var routes = findings.Select(f => Route(f, ordered, person)).ToList();
        var why = new List<string>();
        var (requested, requestedNeed) = Requested(requestedService, routes, person, places, why);

        // The requested line is placed first, so no other line can take the place it was promised; lines are then listed
        // in need order.
        var lines = new List<SupportLinePlan>();
        foreach (var (finding, _, tier, ruleWhy) in routes.OrderBy(r => requested is not null && r.Finding.Need == requestedNeed ? 0 : 1))
        {
            var lead = ruleWhy.Length == 0 ? finding.Why : $"{finding.Why} {ruleWhy}";
            if (requested is not null && finding.Need == requestedNeed)
            {
                lines.Add(new(finding.Need, finding.Level, requested.Tier, requested.Code, false,
                    $"{lead} The referrer asked for {requested.Label}: {places.Describe(requested)}."));
                places.Take(requested);
                continue;
            }

            lines.Add(Place(finding, tier, lead, person, places));
        }

        lines = [.. lines.OrderBy(l => l.Need)];

        var summary = string.Join(", ", lines.Select(l => $"{Needs.Words(l.Need)} ({(l.Tier == SupportTier.Professional ? "professional" : "community")}{(l.Waitlisted ? ", waitlisted" : "")})"));
        why.Insert(0, $"One case with {lines.Count} support line{(lines.Count == 1 ? "" : "s")}: {summary}.");
        return new(lines, why);
    }

    // The findings with NICE's lower BMI thresholds applied when they are the person's.
    private static List<NeedFinding> ForPerson(AssessmentResult assessment, TriagePerson person)
    {
        var findings = assessment.Findings.Where(f => f.Level > NeedLevel.None).ToList();
        if (person.LowerBmiThreshold && assessment.Bmi is { } bmi)
        {
            findings.RemoveAll(f => f.Need == Need.Weight);
            if (bmi.Finding(true) is { } weight) findings.Add(weight);
        }

        return [.. findings.OrderBy(f => f.Need)];
    }

    private static (NeedFinding Finding, TriageRule? Rule, SupportTier Tier, string Why) Route(NeedFinding finding, IReadOnlyList<TriageRule> ordered, TriagePerson person)
    {
        if (finding.Level == NeedLevel.None) return (finding, null, SupportTier.Community, "");
        var rule = ordered.FirstOrDefault(r => r.Applies(finding, person));
        if (rule is null)
        {
            var tier = finding.Level == NeedLevel.Specialist ? SupportTier.Professional : SupportTier.Community;
            return (finding, null, tier, $"No rule covers {Needs.Words(finding.Need)} at {Needs.Code(finding.Level)} for this person, so {Words(tier)} by default.");
        }

        return (finding, rule, rule.Tier, $"Rule {rule.Id}: {Words(rule.Tier)} — {rule.Explanation}");
    }

    // The requested service and the need it takes, when it can be honoured; otherwise why not, in the decision's reasons.
    private static (ReferralService? Service, Need Need) Requested(
        string? code, List<(NeedFinding Finding, TriageRule? Rule, SupportTier Tier, string Why)> routes, TriagePerson person, Places places, List<string> why)
    {
        if (string.IsNullOrWhiteSpace(code)) return (null, default);
        var service = places.Services.FirstOrDefault(s => string.Equals(s.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
        var ignored = "so the rules chose instead";
        if (service is null)
        {
            why.Add($"The referrer asked for '{code.Trim()}', which is not a service here, {ignored}.");
            return (null, default);
        }

        var addressed = routes.Where(r => service.Addresses(r.Finding.Need)).ToList();
        string? refusal = null;
        if (addressed.Count == 0)
            refusal = $"it addresses {string.Join(", ", service.Needs.Select(Needs.Words))}, and the needs found are {string.Join(", ", routes.Select(r => Needs.Words(r.Finding.Need)))}";
        else if (service.Ineligibility(person) is { } reason)
            refusal = $"it {reason}";
        else if (places.Free(service) == 0)
            refusal = $"it {places.Room(service)}";

        if (refusal is not null)
        {
            why.Add($"The referrer asked for {service.Label}, but {refusal}, {ignored}.");
            return (null, default);
        }

        // The need whose rule chose the service's tier, else the first it addresses.
        var need = (addressed.FirstOrDefault(r => r.Tier == service.Tier).Finding ?? addressed[0].Finding).Need;
        why.Add($"The referrer asked for {service.Label}: honoured for {Needs.Words(need)}.");
        return (service, need);
    }

    private static SupportLinePlan Place(NeedFinding finding, SupportTier tier, string lead, TriagePerson person, Places places)
    {
        var need = finding.Need;
        var primary = places.Candidates(need, tier, person);
        if (primary.Open is { } open) return Line(open, false, null, $"{Needs.Capitalise(places.Describe(open))}.");

        // A professional need with no professional place: a community service for the same need, meanwhile or instead.
        var community = tier == SupportTier.Professional ? places.Candidates(need, SupportTier.Community, person) : default;
        if (primary.Full.Count > 0)
        {
            var waited = primary.Full[0];
            var sentence = $"{Needs.Capitalise(string.Join("; ", primary.Full.Select(places.Describe)))}: waitlisted for {waited.Label}.";
            if (community.Open is { } interim) return Line(interim, true, waited, $"{sentence} Meanwhile {places.Describe(interim)}, as interim support.");
            return Line(null, true, waited, tier == SupportTier.Professional ? $"{sentence} No community service for {Needs.Words(need)} has room meanwhile." : sentence);
        }

        var refused = primary.Refused.Concat(community.Refused ?? []).ToList();
        var reasons = refused.Count > 0 ? $" ({string.Join("; ", refused.Select(r => $"{r.Service.Label} {r.Reason}"))})" : "";
        if (community.Open is { } instead)
            return Line(instead, false, null, $"No professional service for {Needs.Words(need)} takes this person{reasons}; {places.Describe(instead)} instead — a gap for commissioners.");
        if (community.Full is { Count: > 0 } communityFull)
        {
            return Line(null, true, communityFull[0],
                $"No professional service for {Needs.Words(need)} takes this person{reasons}; {string.Join("; ", communityFull.Select(places.Describe))}: waitlisted for {communityFull[0].Label}.");
        }

        return Line(null, false, null, $"No service in {person.PlaceWords} addresses {Needs.Words(need)}{(refused.Count > 0 ? " for this person" : "")}{reasons}.");

        SupportLinePlan Line(ReferralService? service, bool waitlisted, ReferralService? waitedFor, string sentence)
        {
            if (service is not null) places.Take(service);
            return new(need, finding.Level, tier, service?.Code, waitlisted, $"{lead} {sentence}") { WaitlistedFor = waitedFor?.Code };
        }
    }

    private static string Words(SupportTier tier) => tier == SupportTier.Professional ? "professional" : "community";

    /// <summary>The places free in each service, counting the lines this decision has already planned.</summary>
    private sealed class Places(IReadOnlyList<ReferralService> services, IReadOnlyDictionary<string, int> openLines)
    {
        private readonly Dictionary<string, int> planned = new(StringComparer.Ordinal);

        public IReadOnlyList<ReferralService> Services => services;

        /// <summary>Places free (never below 0), or null for a service without a limit.</summary>
        public int? Free(ReferralService s) =>
            s.Capacity is { } cap ? Math.Max(0, cap - openLines.GetValueOrDefault(s.Code) - planned.GetValueOrDefault(s.Code)) : null;

        public void Take(ReferralService s) => planned[s.Code] = planned.GetValueOrDefault(s.Code) + 1;

        public string Describe(ReferralService s) => $"{s.Label} {Room(s)}";

        public string Room(ReferralService s) => Free(s) is { } free
            ? $"has {free} of {s.Capacity} places free (serves {s.Serves})"
            : $"has no limit on places (serves {s.Serves})";

        /// <summary>
        /// Of the services of the tier that address the need: the one to use (most places free, unlimited first, then by
        /// code), those that take the person but are full (by code), and those that do not take the person, with why.
        /// </summary>
        public (ReferralService? Open, List<ReferralService> Full, List<(ReferralService Service, string Reason)> Refused) Candidates(Need need, SupportTier tier, TriagePerson person)
        {
            var inTier = services.Where(s => s.Tier == tier && s.Addresses(need)).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
            var refused = inTier.Select(s => (Service: s, Reason: s.Ineligibility(person)!)).Where(x => x.Reason is not null).ToList();
            var eligible = inTier.Where(s => s.Ineligibility(person) is null).ToList();
            var open = eligible.Where(s => Free(s) != 0).OrderByDescending(s => Free(s) ?? int.MaxValue).ThenBy(s => s.Code, StringComparer.Ordinal).FirstOrDefault();
            return (open, [.. eligible.Where(s => Free(s) == 0)], refused);
        }
    }
}
