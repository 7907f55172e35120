namespace Commonweal.Core.Targeting.Population;

/// <summary>The unit each person belongs to at a target level: the district's index, the practice's (−1 none), the frame LSOA's, or 0 for one prior over all.</summary>
public static class PopulationUnits
{
    /// <param name="scale">The population's scale: LSOA copies share their frame LSOA's unit.</param>
    public static int[] Of(SyntheticPopulation population, TargetLevel level, int scale)
    {
        var units = new int[population.Count];
        if (level == TargetLevel.Practice)
        {
            for (var i = 0; i < units.Length; i++) units[i] = population.Practices[i];
            return units;
        }

        for (var l = 0; l < population.Lsoas.Count; l++)
        {
            var unit = level switch
            {
                TargetLevel.District => population.Lsoas[l].District,
                TargetLevel.Lsoa => l / scale,
                _ => 0,
            };
            Array.Fill(units, unit, population.Offsets[l], population.Offsets[l + 1] - population.Offsets[l]);
        }

        return units;
    }
}
