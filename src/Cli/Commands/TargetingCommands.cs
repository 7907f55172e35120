using System.CommandLine;
using Commonweal.Application.Targeting;

namespace Commonweal.Cli.Commands;

/// <summary><c>targeting core20</c>: the places of greatest relative need.</summary>
public static class TargetingCommands
{
    public static Command Create(CliContext context) =>
        new("targeting", "Places and groups of relative need (Core20PLUS5).") { Core20(context) };

    private static Command Core20(CliContext context) => DeprivationCommands.ListCommand(context, "core20",
        "One row per Core20 LSOA (national IMD deciles 1–2 of the edition; LSOAs of that edition's Census) of the configured ICS: "
        + "lsoa_code, lsoa_name, district_code, imd_rank, imd_decile, population (residents: mid-2019 estimates for IoD2019's 2011 LSOAs, Census 2021 for IoD2025's).",
        "Only the Core20 LSOAs within this place (default: the configured ICS as at the date)", TargetingTables.Core20);
}
