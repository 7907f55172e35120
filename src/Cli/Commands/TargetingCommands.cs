using System.CommandLine;
using Commonweal.Application.Places;
using Commonweal.Application.Targeting;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary><c>targeting core20|lsoas|shares</c>: the places of greatest relative need.</summary>
public static class TargetingCommands
{
    public static Command Create(CliContext context) =>
        new("targeting", "Places and groups of relative need (Core20PLUS5).")
        {
            Core20(context),
            Selected(context, "lsoas", "One row per LSOA the rule selects within the place: lsoa_code, lsoa_name, district_code, population, imd_rank, imd_decile, each domain's decile, local_imd_percent.", TargetingTables.SelectedLsoas),
            Selected(context, "shares", "Each district's LSOAs and residents and those the rule selects, then the place's: area_code, area_name, lsoas, cohort_lsoas, population, cohort_population, share.", TargetingTables.Shares),
        };

    private static Command Core20(CliContext context) => DeprivationCommands.ListCommand(context, "core20",
        "One row per Core20 LSOA (national IMD deciles 1–2 of the edition; LSOAs of that edition's Census) of the configured ICS: "
        + "lsoa_code, lsoa_name, district_code, imd_rank, imd_decile, population (residents: mid-2019 estimates for IoD2019's 2011 LSOAs, Census 2021 for IoD2025's).",
        "Only the Core20 LSOAs within this place (default: the configured ICS as at the date)", TargetingTables.Core20);

    private static Command Selected(CliContext context, string name, string description, Func<PlaceCohort, TextTable> table)
    {
        var rule = new Option<string>("--rule")
        {
            Description = "Which LSOAs, e.g. \"imd_decile <= 2\" (Core20), \"local_imd_percent <= 10\" (the ICS's most deprived 10 %), \"income_decile <= 2 and district = E07000066\" (docs/methods/cohort-rules.md)",
            Required = true,
        };
        return DeprivationCommands.ViewCommand(context, name, description, "Only the LSOAs within this place (default: the configured ICS as at the date)", [rule],
            (services, parse, view, cancellationToken) => services.GetRequiredService<TargetingQueries>().SelectAsync(parse.GetValue(rule), view.Vintage, view.Within, view.AsAt, cancellationToken),
            table, cohort => cohort.Used);
    }
}
