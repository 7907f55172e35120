using Commonweal.Core.Places;
using Commonweal.Core.Targeting.Population;

namespace Commonweal.Benchmarks;

/// <summary>
/// A reproducible stand-in for an ICS's population frame, the size of Mid and South Essex (720 LSOAs of about 1,666
/// residents in the Census's six age bands: 1.2 M people), for benchmarks that must run without the reference data: nine
/// districts, five sub-ICB pools, 150 practices, deprivation spread as in a real ICS, and district, practice and LSOA
/// targets like the real ones. The work per person is the real generator's; only the inputs are made up.
/// </summary>
public static class TargetingData
{
    private static readonly AgeBand[] Bands = [AgeBand.Range(0, 15), AgeBand.Range(16, 24), AgeBand.Range(25, 34), AgeBand.Range(35, 49), AgeBand.Range(50, 64), AgeBand.Range(65, null)];
    private static readonly double[] BandShares = [0.185, 0.095, 0.12, 0.185, 0.195, 0.22];

    public static PopulationFrame Frame(int lsoas = 720, int residentsPerLsoa = 1666, int seed = 1)
    {
        var random = new Random(seed);
        var districts = Enumerable.Range(1, 9).Select(d => AreaCode.Parse($"E0700{d:D4}")).ToList();
        var frameLsoas = new List<FrameLsoa>(lsoas);
        for (var l = 0; l < lsoas; l++)
        {
            var imd = random.NextDouble() * 4 - 1.5; // z-score of deprivation
            var decile = Math.Clamp((int)Math.Round(5.5 - imd * 2.5), 1, 10);
            var counts = BandShares.Select(s => (long)Math.Round(residentsPerLsoa * s * (0.8 + 0.4 * random.NextDouble()))).ToArray();
            double[] z = [imd, imd * 0.9, imd * 0.8, imd * 0.6, imd * 0.85, imd * 0.5, imd * 0.3, -imd * 0.2];
            double?[] scores = [20 + imd * 10, 0.12 + imd * 0.06, 0.1 + imd * 0.05, null, null, null, null, null];
            int?[] deciles = [decile, decile, decile, decile, decile, decile, 5, 5];
            frameLsoas.Add(new FrameLsoa(AreaCode.Parse($"E01{l + 1:D6}"), l % 9, l % 5, counts, z, scores, deciles));
        }

        var practices = Enumerable.Range(0, 150).Select(p => new FramePractice(AreaCode.Parse($"F8{p + 1:D4}"), p % 5, 3000 + random.Next(12000))).ToList();
        var shape = new[]
        {
            Enumerable.Range(0, SyntheticPopulation.OldestAge + 1).Select(a => a < 65 ? 1.0 : Math.Exp(-(a - 65) / 9.0)).ToArray(),
            Enumerable.Range(0, SyntheticPopulation.OldestAge + 1).Select(a => a < 65 ? 1.0 : Math.Exp(-(a - 65) / 11.0)).ToArray(),
        };
        var byDistrict = Enumerable.Range(0, 9).ToDictionary(d => d, d => 0.1 + 0.01 * d);
        var byPractice = Enumerable.Range(0, 150).ToDictionary(p => p, p => 0.015 + 0.0001 * p);
        var byLsoa = Enumerable.Range(0, lsoas).ToDictionary(l => l, l => Math.Clamp(frameLsoas[l].DomainScore[1]!.Value, 0.01, 0.6));
        TraitTarget[] targets =
        [
            new(Trait.Smoker, TargetLevel.District, byDistrict, 0.13, 18, 100, "bench"),
            new(Trait.ExcessWeight, TargetLevel.District, byDistrict.ToDictionary(d => d.Key, d => d.Value + 0.5), 0.63, 18, 100, "bench"),
            new(Trait.Copd, TargetLevel.Practice, byPractice, 0.02, 0, 100, "bench"),
            new(Trait.Diabetes, TargetLevel.Practice, byPractice.ToDictionary(p => p.Key, p => p.Value * 4), 0.07, 17, 100, "bench"),
            new(Trait.Hypertension, TargetLevel.Practice, byPractice.ToDictionary(p => p.Key, p => p.Value * 9), 0.14, 0, 100, "bench"),
            new(Trait.LowIncome, TargetLevel.Lsoa, byLsoa, 0.12, 0, 100, "bench"),
        ];
        return new PopulationFrame(frameLsoas, Bands, shape, districts, practices, 5, targets);
    }
}
