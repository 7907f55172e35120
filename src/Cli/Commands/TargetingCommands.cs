using System.CommandLine;
using Commonweal.Application.Places;
using Commonweal.Application.Targeting;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary><c>targeting core20|lsoas|shares|families</c>: the places of greatest relative need, and the families in most need.</summary>
public static class TargetingCommands
{
    public static Command Create(CliContext context) =>
        new("targeting", "Places and groups of relative need (Core20PLUS5).")
        {
            Core20(context),
            Selected(context, "lsoas", "One row per LSOA the rule selects within the place: lsoa_code, lsoa_name, district_code, population, imd_rank, imd_decile, each domain's decile, local_imd_percent.", TargetingTables.SelectedLsoas),
            Selected(context, "shares", "Each district's LSOAs and residents and those the rule selects, then the place's: area_code, area_name, lsoas, cohort_lsoas, population, cohort_population, share.", TargetingTables.Shares),
            FamiliesCommand(context),
        };

    private static Command FamiliesCommand(CliContext context)
    {
        var size = new Option<string>("--size") { Description = "How many families (default 5000)", DefaultValueFactory = _ => "5000" };
        var format = PlaceOptions.Format();
        var command = new Command("families", "The First 5,000 Families: the stored population's households with a child under 18 or a pregnancy, ranked by combined need "
            + "(docs/methods/first-5000-families.md) — rank, household_id, lsoa_code, district_code, score, reasons; exactly --size rows, the same for the same population. "
            + "Each ranking is saved as a dated snapshot (its number is written to the error output) and audited.")
        {
            size, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reader = new PlaceOptions.Reader(parse, context.Error);
            var output = reader.Format(format);
            if (reader.Failed) return CliApp.BadInput;
            var text = parse.GetValue(size);
            if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1 || n > FamilyCohorts.MostFamilies)
                return await PlaceCommands.FailAsync(context, $"--size '{text}' is not a whole number from 1 to {FamilyCohorts.MostFamilies:N0}");
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var answer = await scope.ServiceProvider.GetRequiredService<FamilyCohorts>().RankAsync(n, CliContext.Actor, cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            var ranking = answer.Value!;
            await TableWriter.WriteAsync(context.Output, output, TargetingTables.Families(ranking.Families));
            await context.Error.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"saved as snapshot {ranking.Snapshot.Id} ({ranking.Snapshot.TakenAt:yyyy-MM-dd HH:mm} UTC): {n:N0} of {ranking.FamiliesInPopulation:N0} families, ranked in {ranking.Ranking.TotalMilliseconds:0} ms with {ranking.Snapshot.RiskModel}"));
            return CliApp.Ok;
        });
        return command;
    }

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
