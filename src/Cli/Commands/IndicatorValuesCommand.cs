using System.CommandLine;
using Commonweal.Application.Indicators;
using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary>
/// <c>indicators values</c>: every value of an indicator at every level of the ICS — as published, recomputed from its
/// counts, or added up from the areas within — compared with England, with its recent trend, under the indicator's
/// disclosure rule (a note on standard error says what was suppressed).
/// </summary>
public static class IndicatorValuesCommand
{
    public static Command Create(CliContext context)
    {
        var indicator = new Option<string>("--indicator") { Description = "The indicator's id, e.g. 91547", Required = true };
        var areaType = new Option<string?>("--area-type") { Description = $"Only places of this type: {string.Join(", ", Enum.GetNames<Core.Places.AreaType>())}" };
        var area = new Option<string?>("--area") { Description = "Only this place, by either of its codes (e.g. QH8 or E54000026, 06Q or E38000106, E07000066)" };
        var period = new Option<string?>("--period") { Description = "Only this period, as published (e.g. 2022/23, 2019, 2015 - 17)" };
        var format = PlaceOptions.Format();
        var command = new Command("values", "List an indicator's values at every level of the ICS: "
            + string.Join(",", IndicatorTables.ValueColumns) + ". Aggregated rows are added up from the areas within each place, as the places were at the period's end. "
            + "Bad input (an unknown indicator, place, type or period) exits 2 with a message.")
        {
            indicator, areaType, area, period, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new PlaceOptions.Reader(parse, context.Error);
            var (type, code, output) = (options.Type(areaType), options.Code(area), options.Format(format));
            if (options.Failed) return CliApp.BadInput;
            if (!IndicatorId.TryParse(parse.GetValue(indicator), out var id))
                return await PlaceCommands.FailAsync(context, $"--indicator '{parse.GetValue(indicator)}' is not an indicator id (a positive whole number, e.g. 91547)");
            var label = parse.GetValue(period);
            if (label is not null && !IndicatorPeriod.TryParse(label, out _, out var problem))
                return await PlaceCommands.FailAsync(context, "--period " + problem);

            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var answer = await scope.ServiceProvider.GetRequiredService<IndicatorQueries>()
                .ValuesAsync(new ValuesQuery(id, type, code, label), cancellationToken);
            // An indicator, place or period the store has no values for is bad input, as for the place commands.
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);

            var listing = answer.Value!;
            await TableWriter.WriteAsync(context.Output, output, IndicatorTables.Values(listing));
            if (listing.Rows.Count == 0)
                await context.Error.WriteLineAsync($"note: indicator {id} has no values matching --area-type {type?.ToString() ?? "(any)"}, --area {code?.ToString() ?? "(any)"}, --period {label ?? "(any)"} together");
            if (listing.DisclosureNote is { } note) await context.Error.WriteLineAsync("note: " + note);
            await ChecksAsync(context, listing);
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>Says on standard error where a place's own value and the value added up from the areas within it disagree.</summary>
    private static async Task ChecksAsync(CliContext context, ValueListing listing)
    {
        var shown = listing.Rows.Select(r => r.Row.Key).ToHashSet();
        var checks = listing.Table.Checks.Where(c => shown.Contains(c.Key)).ToList();
        foreach (var check in checks.Take(10))
            await context.Error.WriteLineAsync($"check: {check.Shown.AreaName} ({check.Key.Area}) {check.Key.Period}: {check.Difference}");
        if (checks.Count > 10) await context.Error.WriteLineAsync($"check: … and {checks.Count - 10:N0} more");
    }
}
