using System.Globalization;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;

namespace Commonweal.Core.Targeting;

/// <summary>One reason a family ranks where it does: a factor, how many of its members have it, and the points it adds.</summary>
public sealed record FamilyReason(string Code, string Label, int People, double Points)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Code} x{People} = {Points:0.##}");
}

/// <summary>A family in the ranking: its rank (1 first), household (canonical number), need score and the reasons, which add up to the score.</summary>
public sealed record RankedFamily(int Rank, int Household, double Score, IReadOnlyList<FamilyReason> Reasons);

/// <summary>
/// The First 5,000 Families (docs/methods/first-5000-families.md): households with a child under 18 or a pregnancy, ranked by
/// combined need — the sum of their members' risk scores under the caseload's risk model, plus the needs of children and
/// pregnancy that an adult risk model does not score (<see cref="FamilyFactors"/>). Ties are broken by the household's place
/// in the canonical order (LSOA code, copy, household number), so the same population always gives the same ranking.
/// </summary>
public static class Families
{
    /// <summary>Points for children's and maternity needs, per member who has them.</summary>
    public static readonly IReadOnlyList<(Trait Trait, double Points)> FamilyFactors =
    [
        (Trait.Pregnant, 2),
        (Trait.LookedAfter, 3),
        (Trait.CypMentalHealth, 2),
        (Trait.Asthma, 1),
        (Trait.Epilepsy, 1),
        (Trait.ToothDecay, 1),
    ];

    /// <summary>"commonweal-families v1 over commonweal-default v1": what a ranking was made with, stored with its snapshot.</summary>
    public static string Label(RiskModel model) => $"commonweal-families v1 over {model.Label}";

    /// <summary>Each household's need score (zero for households that are not families), in one pass over the people.</summary>
    public static double[] Scores(Caseload caseload)
    {
        ArgumentNullException.ThrowIfNull(caseload);
        var scores = new double[caseload.Households];
        var traits = caseload.People.Traits;
        for (var i = 0; i < caseload.Count; i++)
        {
            var h = caseload.HouseholdOf[i];
            var extra = 0.0;
            foreach (var (trait, points) in FamilyFactors)
                if (traits[i].Has(trait)) extra += points;
            scores[h] += caseload.Risk.Scores[i] + extra;
        }

        for (var h = 0; h < scores.Length; h++)
            if (!caseload.IsFamily(h)) scores[h] = 0;
        return scores;
    }

    /// <summary>The <paramref name="size"/> families in most need (fewer when there are not so many families), with their reasons.</summary>
    public static IReadOnlyList<RankedFamily> Rank(Caseload caseload, int size)
    {
        ArgumentNullException.ThrowIfNull(caseload);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var scores = Scores(caseload);
        // Highest score first; equal scores in canonical household order. A bounded heap keeps only the best `size`.
        var heap = new PriorityQueue<int, (double Score, int Household)>(size + 1, Comparer<(double Score, int Household)>.Create((a, b) =>
            a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Household.CompareTo(a.Household)));
        for (var h = 0; h < scores.Length; h++)
        {
            if (!caseload.IsFamily(h)) continue;
            heap.Enqueue(h, (scores[h], h));
            if (heap.Count > size) heap.Dequeue();
        }

        var chosen = new List<int>(heap.Count);
        while (heap.Count > 0) chosen.Add(heap.Dequeue());
        chosen.Reverse();
        return [.. chosen.Select((h, k) => new RankedFamily(k + 1, h, scores[h], Reasons(caseload, h)))];
    }

    /// <summary>What makes up a household's score: each factor with the members who have it and the points, most points first.</summary>
    public static IReadOnlyList<FamilyReason> Reasons(Caseload caseload, int household)
    {
        ArgumentNullException.ThrowIfNull(caseload);
        var people = caseload.People;
        var lsoa = caseload.LsoaOfHousehold(household);
        var found = new Dictionary<string, (string Label, int People, double Points)>(StringComparer.Ordinal);
        void Add(string code, string label, double points)
        {
            var (_, n, sum) = found.GetValueOrDefault(code, (label, 0, 0.0));
            found[code] = (label, n + 1, sum + points);
        }

        for (var i = people.Offsets[lsoa]; i < people.Offsets[lsoa + 1]; i++)
        {
            if (caseload.HouseholdOf[i] != household) continue;
            foreach (var factor in RiskStratification.Explain(people, i, caseload.Risk.Model)) Add(factor.Code, factor.Label, factor.Points);
            foreach (var (trait, points) in FamilyFactors)
                if (people.Traits[i].Has(trait)) Add(trait.Name(), trait.Label(), points);
        }

        return [.. found.Select(f => new FamilyReason(f.Key, f.Value.Label, f.Value.People, f.Value.Points))
            .OrderByDescending(r => r.Points).ThenBy(r => r.Code, StringComparer.Ordinal)];
    }
}
