using System.CommandLine;
using Commonweal.Application.Places;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary><c>deprivation list</c> and <c>deprivation compare</c>: the Indices of Deprivation by edition.</summary>
public static class DeprivationCommands
{
    public static Command Create(CliContext context) =>
        new("deprivation", "The English Indices of Deprivation by edition (IoD2019 on 2011 LSOAs, IoD2025 on 2021 LSOAs).") { List(context), Compare(context) };

    private static Command List(CliContext context) => ListCommand(context, "list",
        "One row per LSOA of the edition within a place: lsoa_code, lsoa_name, district_code, imd_rank, imd_decile, imd_score.",
        "Only the LSOAs within this place (default: the configured ICS as at the date)", PlaceTables.Deprivation);

    /// <summary>A command that lists LSOAs of an edition within a place (--vintage, --in, --as-at, --format) as a table made from them.</summary>
    internal static Command ListCommand(CliContext context, string name, string description, string withinDescription, Func<DeprivationList, TextTable> table) =>
        ViewCommand(context, name, description, withinDescription, [],
            (services, _, view, cancellationToken) => services.GetRequiredService<DeprivationQueries>().ListAsync(view.Vintage, view.Within, view.AsAt, cancellationToken),
            table, list => list.Used);

    /// <summary>What a place view command was asked: the edition, the place within which, the date.</summary>
    internal readonly record struct View(Core.Places.IodVintage? Vintage, Core.Places.AreaCode? Within, DateOnly? AsAt);

    /// <summary>
    /// A command answering as at a date on an edition within a place (--vintage, --in, --as-at, --format and any options of
    /// its own): reads the options, asks, prints the table or the refusal (exit 2), then the vintages it used.
    /// </summary>
    internal static Command ViewCommand<T>(CliContext context, string name, string description, string withinDescription, Option[] own,
        Func<IServiceProvider, ParseResult, View, CancellationToken, Task<Answer<T>>> ask, Func<T, TextTable> table, Func<T, VintagesUsed> used)
        where T : class
    {
        var vintage = PlaceOptions.Vintage();
        var within = PlaceOptions.Within(withinDescription);
        var asAt = PlaceOptions.AsAt();
        var format = PlaceOptions.Format();
        var command = new Command(name, description);
        foreach (var option in own.Concat([vintage, within, asAt, format])) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new PlaceOptions.Reader(parse, context.Error);
            var (edition, place, date, output) = (options.Vintage(vintage), options.Code(within), options.Date(asAt), options.Format(format));
            if (options.Failed) return CliApp.BadInput;
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var answer = await ask(scope.ServiceProvider, parse, new View(edition, place, date), cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            await TableWriter.WriteAsync(context.Output, output, table(answer.Value!));
            await PlaceCommands.Used(context, used(answer.Value!));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Compare(CliContext context)
    {
        var within = PlaceOptions.Within("The place to compare (default: the configured ICS as at the date)");
        var asAt = PlaceOptions.AsAt();
        var format = PlaceOptions.Format();
        var lsoas = new Option<bool>("--lsoas") { Description = "List each LSOA of 2021 with its IoD2025 decile, the 2011 LSOA(s) it came from with their IoD2019 deciles, and whether it entered or left the most deprived 20 %" };
        var compare = new Command("compare", "Which LSOAs entered or left the most deprived 20 % (Core20) between IoD2019 and IoD2025, by district.") { within, asAt, format, lsoas };
        compare.SetAction(async (parse, cancellationToken) =>
        {
            var options = new PlaceOptions.Reader(parse, context.Error);
            var (place, date, output) = (options.Code(within), options.Date(asAt), options.Format(format));
            if (options.Failed) return CliApp.BadInput;
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var answer = await scope.ServiceProvider.GetRequiredService<DeprivationQueries>().CompareAsync(place, date, cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            var comparison = answer.Value!;
            await PlaceCommands.Used(context, comparison.Used);
            await TableWriter.WriteAsync(context.Output, output, parse.GetValue(lsoas) ? PlaceTables.Core20ByLsoa(comparison) : PlaceTables.Core20ByDistrict(comparison));
            if (output == ListFormat.Table && !parse.GetValue(lsoas)) await context.Output.WriteLineAsync(Environment.NewLine + Core20Comparison.Method);
            return CliApp.Ok;
        });
        return compare;
    }
}
