using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting;

namespace Commonweal.Application.Targeting;

/// <summary>
/// What a place rule can ask of an LSOA: its district, residents, and for the IMD and each of its seven domains the national
/// rank, decile and score of the edition, and the local percent — where it stands among the ICS's LSOAs by that measure
/// (100 × its position, most deprived first, ÷ the ICS's LSOAs: the most deprived LSOA of 720 is 0.14, the 72nd is 10).
/// "The local most deprived 10 %" is <c>local_imd_percent &lt;= 10</c>: ⌊N / 10⌋ LSOAs.
/// </summary>
public sealed record LsoaFacts(DeprivationRow Row, IReadOnlyDictionary<DeprivationDomain, double> LocalPercent)
{
    public Area Lsoa => Row.Lsoa;

    public Area? District => Row.District;

    public long? Population => Row.Residents;

    public LsoaDeprivation? Deprivation => Row.Deprivation;

    private static readonly DeprivationDomain[] Measures = [DeprivationDomain.Imd, .. DeprivationDomains.Seven];

    /// <summary>The fields of place rules: district, population, and imd_/income_/…/living_environment_ rank, decile, score and local_…_percent.</summary>
    public static readonly RuleFields<LsoaFacts> Fields = new(
    [
        RuleField.Word<LsoaFacts>("district", "the code of the LSOA's district or unitary authority", f => f.District?.Code.Value),
        RuleField.Word<LsoaFacts>("lsoa", "the LSOA's code", f => f.Lsoa.Code.Value),
        RuleField.Numeric<LsoaFacts>("population", "residents (mid-2019 estimates for 2011 LSOAs, Census 2021 for 2021 LSOAs)", f => f.Population),
        .. Measures.SelectMany(m => new[]
        {
            RuleField.Numeric<LsoaFacts>(m.RuleName() + "_rank", $"{m.Label()}: national rank (1 = most deprived)", f => f.Deprivation?.Rank(m)),
            RuleField.Numeric<LsoaFacts>(m.RuleName() + "_decile", $"{m.Label()}: national decile (1 = most deprived 10 %)", f => f.Deprivation?.Decile(m)),
            RuleField.Numeric<LsoaFacts>(m.RuleName() + "_score", $"{m.Label()}: score", f => f.Deprivation?.Score(m)),
            RuleField.Numeric<LsoaFacts>("local_" + m.RuleName() + "_percent", $"{m.Label()}: percent position among the ICS's LSOAs, most deprived first", f => f.LocalPercent.TryGetValue(m, out var p) ? p : null),
        }),
    ]);


    /// <summary>The facts of the ICS's LSOAs (a deprivation listing of the whole ICS), local percents worked out among them.</summary>
    public static IReadOnlyList<LsoaFacts> Of(IReadOnlyList<DeprivationRow> ics)
    {
        var percents = ics.ToDictionary(r => r.Lsoa.Code, _ => new Dictionary<DeprivationDomain, double>());
        foreach (var measure in Measures)
        {
            var ranked = ics.Where(r => r.Deprivation?.Rank(measure) is not null).OrderBy(r => r.Deprivation!.Rank(measure)).ToList();
            for (var i = 0; i < ranked.Count; i++) percents[ranked[i].Lsoa.Code][measure] = 100.0 * (i + 1) / ranked.Count;
        }

        return [.. ics.Select(r => new LsoaFacts(r, percents[r.Lsoa.Code]))];
    }
}
