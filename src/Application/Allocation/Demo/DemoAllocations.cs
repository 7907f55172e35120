using System.Globalization;
using Commonweal.Application.Indicators.Demo;
using Commonweal.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Application.Allocation.Demo;

/// <summary>
/// The demo's allocation: a second model beside the one that ships — need from the IMD score and premature
/// cardiovascular deaths (a demo indicator), people 65 and over weighing 1.5, the ACRA uplift of 3.0 to 1.0 — and two saved
/// runs of a £2.5 million prevention budget by district: the shipped model, then the second with the first run as last
/// year's allocations (so its pace of change shows), so that the run, waterfall and comparison pages have content on
/// first start. A run the demo's data cannot support is left out rather than stopping the demo.
/// </summary>
public sealed class DemoAllocations(AllocationModels models, AllocationRuns runs)
{
    public const string Actor = "demo";

    public const string ModelName = "demo-cvd-and-age";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var defined = await models.DefineAsync(Model, Actor, cancellationToken);
        var first = await runs.RunAsync(new AllocationRequest(BuiltInModels.DefaultName, 250_000_000, Label: "Demo: prevention budget 2026/27 by district"), Actor, save: true, cancellationToken);
        if (defined.Value is null || first.Value?.Id is not { } baseline) return;
        await runs.RunAsync(new AllocationRequest(ModelName, 257_500_000, BaselineRun: baseline, Label: "Demo: 2027/28, need from premature CVD deaths, paced from 2026/27"), Actor, save: true, cancellationToken);
    }

    /// <summary>Removes the demo's runs and model (before the demo is generated again, or real places replace it); runs users made stay.</summary>
    public static async Task ClearAsync(CommonwealDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.AllocationRuns.Where(r => r.CreatedBy == Actor).ExecuteDeleteAsync(cancellationToken);
        await db.AllocationModels.Where(m => m.CreatedBy == Actor).ExecuteDeleteAsync(cancellationToken);
    }

    private static string Model => $$"""
        {
          "name": "{{ModelName}}",
          "description": "Demo: residents 65 and over weigh 1.5; need is the IMD score and the under-75 cardiovascular death rate (square root of each); the ACRA uplift from 3.0 to 1.0; floors and caps at 0.5 and 3 times the equal share; growth of +1 % to +8 % a year.",
          "level": "District",
          "population": { "base": "resident", "age_costs": [ { "from": 0, "weight": 1.0 }, { "from": 65, "weight": 1.5 } ] },
          "need": {
            "combine": "product",
            "components": [
              { "source": "imd_score", "weight": 0.5 },
              { "source": "indicator:{{DemoIndicators.CardiovascularDeaths.Value.ToString(CultureInfo.InvariantCulture)}}", "weight": 0.5 }
            ]
          },
          "uplift": { "most_deprived": 3.0, "least_deprived": 1.0 },
          "limits": { "per_head_floor": 0.5, "per_head_cap": 3.0 },
          "pace": { "minimum_growth": 0.01, "maximum_growth": 0.08, "over_target_margin": 0.05 }
        }
        """;
}
