using Commonweal.Core.Allocation;
using Commonweal.Core.Places;

namespace Commonweal.Application.Allocation;

/// <summary>
/// The model that ships (docs/methods/allocation.md, "The default model"): districts, residents, need as a weighted sum of
/// the IMD score (0.7) and the Core20 share (0.3), an inequalities uplift from 2.0 (most deprived decile) to 1.0, no place
/// below half or above three times the equal per-head share, and with a baseline a pace of change of 0 % to +10 %, places
/// more than 5 % over target held at 0 %. Any level can use it (<c>--level</c>).
/// </summary>
public static class BuiltInModels
{
    public const string DefaultName = "prevention-fair-shares";

    public static AllocationModel Default { get; } = new(
        DefaultName, 1,
        "Prevention budget by need: residents weighted by deprivation (IMD score 70 %, share living in Core20 LSOAs 30 %), an inequalities uplift of 2.0 for the most deprived decile down to 1.0, floors and caps at 0.5 and 3 times the equal per-head share, and a pace of change of 0 % to +10 % a year.",
        AreaType.District, PopulationBase.Resident, [], NeedCombination.WeightedSum, 1.0,
        [new NeedComponent("imd_score", 0.7), new NeedComponent("core20_share", 0.3)],
        new DeprivationUplift(2.0, 1.0), new Dictionary<string, double>(), 0.5, 3.0, new PaceOfChange(0.0, 0.10, 0.05));

    public static IReadOnlyList<AllocationModel> All { get; } = [Default];
}
