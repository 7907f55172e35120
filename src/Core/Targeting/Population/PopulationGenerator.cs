using Commonweal.Core.Places;

namespace Commonweal.Core.Targeting.Population;

/// <summary>
/// Generates a synthetic population from a <see cref="PopulationFrame"/> and a seed (ADR 0007;
/// docs/methods/synthetic-population.md). Four passes, each a pure function of the seed and the frame:
/// 1. per LSOA (in parallel): each Census band's residents get a single year of age and a sex in the shape of the
///    frame's age shape; women 16–45 a pregnancy at the prior's rate; then households;
/// 2. per registration pool: households, in draw order, fill the pool's practices in proportion to their list sizes;
/// 3. per trait, in order: each eligible person's latent value (the trait model's log-odds + logistic noise), and in
///    each unit of the trait's target (district, practice or LSOA) the people with the highest values get it, as many as
///    the published rate × the unit's people of the figure's ages — which solves the model's intercept on the people drawn;
/// 4. the 36 eFI deficits of people 50 and over, from a latent frailty that rises with age, and from their conditions.
/// <c>scale</c> &gt; 1 generates each LSOA that many times (copies 0, 1, …) with different draws, for benchmarks.
/// </summary>
public static class PopulationGenerator
{
    public static SyntheticPopulation Generate(PopulationFrame frame, ulong seed, int scale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var lsoas = new List<PopulationLsoa>(frame.Lsoas.Count * scale);
        var sizes = new List<int>(lsoas.Capacity);
        foreach (var lsoa in frame.Lsoas)
        {
            for (var copy = 0; copy < scale; copy++)
            {
                lsoas.Add(new PopulationLsoa(lsoa.Code, copy, lsoa.District, lsoa.Pool, lsoa.DomainZ, lsoa.DomainDecile));
                sizes.Add(checked((int)lsoa.Residents));
            }
        }

        var people = checked(sizes.Sum());
        var population = new SyntheticPopulation(lsoas, [.. frame.Practices.Select(p => p.Code)], frame.Districts, people);
        for (var l = 0; l < lsoas.Count; l++) population.Offsets[l + 1] = population.Offsets[l] + sizes[l];

        var bands = BandShapes.Of(frame.Bands, frame.AgeShape);
        var pregnancy = Pregnancy.Curve();
        Parallel.For(0, lsoas.Count, l =>
        {
            var lsoa = lsoas[l];
            var draws = Draws.ForLsoa(seed, lsoa.Code.Value, lsoa.Copy);
            var start = population.Offsets[l];
            var i = 0;
            var frameLsoa = frame.Lsoas[l / scale];
            for (var b = 0; b < frameLsoa.BandCounts.Length; b++)
            {
                for (var k = 0; k < frameLsoa.BandCounts[b]; k++, i++)
                {
                    var (age, sex) = bands[b].Draw(draws.Uniform(i, Streams.Age));
                    population.Ages[start + i] = (byte)age;
                    population.Sexes[start + i] = (byte)sex;
                    if (sex == Sex.Female && pregnancy.Applies(age) && draws.Uniform(i, Streams.Pregnancy) < pregnancy.Rate(age))
                        population.Traits[start + i] = Trait.Pregnant.Bit();
                }
            }

            Households.Form(population.Ages, population.Sexes, population.Traits, population.Households, start, sizes[l], draws);
        });

        Registration.Assign(population, frame, seed);
        TraitDrawing.Draw(population, frame, seed, scale);
        FrailtyDrawing.Draw(population, seed);
        return population;
    }
}

/// <summary>The single years and sexes of one age band, with cumulative weights to draw from.</summary>
internal sealed class BandShapes(int[] ages, Sex[] sexes, double[] cumulative)
{
    public (int Age, Sex Sex) Draw(double u)
    {
        var k = Array.BinarySearch(cumulative, u * cumulative[^1]);
        if (k < 0) k = ~k;
        k = Math.Min(k, cumulative.Length - 1);
        return (ages[k], sexes[k]);
    }

    public static BandShapes[] Of(IReadOnlyList<AgeBand> bands, double[][] shape) =>
    [
        .. bands.Select(band =>
        {
            var to = Math.Min(band.To ?? SyntheticPopulation.OldestAge, SyntheticPopulation.OldestAge);
            var ages = new List<int>();
            var sexes = new List<Sex>();
            var cumulative = new List<double>();
            var total = 0.0;
            for (var age = band.From; age <= to; age++)
            {
                for (var s = 0; s < 2; s++)
                {
                    total += Math.Max(0, shape[s][age]);
                    ages.Add(age);
                    sexes.Add(s == 0 ? Sex.Male : Sex.Female);
                    cumulative.Add(total);
                }
            }

            if (total <= 0) throw new ArgumentException($"the age shape has nobody aged {band.Label}", nameof(shape));
            return new BandShapes([.. ages], [.. sexes], [.. cumulative]);
        }),
    ];
}

/// <summary>The chance of being pregnant by age: the prior spread over ages 16–45 in the shape of the model's curve.</summary>
internal sealed class Pregnancy(TraitModel model, double scale)
{
    public bool Applies(int age) => age >= model.MinAge && age <= model.MaxAge;

    public double Rate(int age) => Math.Min(0.5, scale * Math.Exp(model.AgeLogOdds(age)));

    public static Pregnancy Curve()
    {
        var model = TraitModels.For(Trait.Pregnant);
        var mean = Enumerable.Range(model.MinAge, model.MaxAge - model.MinAge + 1).Average(a => Math.Exp(model.AgeLogOdds(a)));
        return new Pregnancy(model, model.Prior / mean);
    }
}
