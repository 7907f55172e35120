using System.CommandLine;
using System.Globalization;
using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary><c>places list</c>, <c>places show</c> and <c>places recast</c>: places as at a date.</summary>
public static class PlaceCommands
{
    public static Command Create(CliContext context) =>
        new("places", "Browse places as at a date.") { List(context), Show(context), RecastCommand.Create(context) };

    private static Command List(CliContext context)
    {
        var type = new Option<string?>("--type") { Description = $"Only places of this type: {string.Join(", ", Enum.GetNames<AreaType>())}" };
        var within = PlaceOptions.Within("Only places within this area (e.g. E07000066, D7T5G, ics-mid-and-south-essex): anywhere within it with --type, else directly");
        var asAt = PlaceOptions.AsAt();
        var vintage = PlaceOptions.Vintage();
        var format = PlaceOptions.Format();
        var list = new Command("list", "List the places in force on a date (LSOAs: of the Census in force then, or of the edition given): code, type, name, population (residents, or registered patients for practices and PCNs), valid_from, valid_to (empty: still valid).")
        {
            type, within, asAt, vintage, format,
        };
        list.SetAction(async (parse, cancellationToken) =>
        {
            var options = new PlaceOptions.Reader(parse, context.Error);
            var (wanted, parent, date, edition, output) = (options.Type(type), options.Code(within), options.Date(asAt), options.Vintage(vintage), options.Format(format));
            if (options.Failed) return CliApp.BadInput;

            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var answer = await scope.ServiceProvider.GetRequiredService<PlaceQueries>().ListAsync(wanted, parent, new ViewRequest(date, edition), cancellationToken);
            if (answer.Refusal is { } refusal) return await FailAsync(context, refusal.Detail);
            await TableWriter.WriteAsync(context.Output, output, PlaceTables.Places(answer.Value!));
            await Used(context, VintagesUsed.Of(answer.Value!.Graph));
            return CliApp.Ok;
        });
        return list;
    }

    private static Command Show(CliContext context)
    {
        var codeArgument = new Argument<string>("code") { Description = "The place's code, e.g. E07000066, F81001, QH8, alliance-mid-essex" };
        var asAt = PlaceOptions.AsAt();
        var vintage = PlaceOptions.Vintage();
        var show = new Command("show", "Show one place as at a date: population, deprivation, its ICB, parents, children and history.") { codeArgument, asAt, vintage };
        show.SetAction(async (parse, cancellationToken) =>
        {
            if (!AreaCode.TryParse(parse.GetValue(codeArgument), out var code, out var error))
                return await FailAsync(context, error);
            var options = new PlaceOptions.Reader(parse, context.Error);
            var request = new ViewRequest(options.Date(asAt), options.Vintage(vintage));
            if (options.Failed) return CliApp.BadInput;

            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var detail = await scope.ServiceProvider.GetRequiredService<PlaceQueries>().PlaceAsync(code, request, cancellationToken);
            if (detail is null) return await FailAsync(context, $"no place has the code {code}");

            var o = context.Output;
            var used = detail.Used;
            await o.WriteLineAsync($"{detail.Area.Name} ({detail.Area.Code}) — {detail.Area.Type.Label()}");
            if (detail.Area.AlternateCode is { } alternate) await o.WriteLineAsync($"Also known as: {alternate}");
            await o.WriteLineAsync($"In force: {detail.Area.Validity}{(detail.InForce ? string.Empty : $" (not on {used.AsAt:yyyy-MM-dd})")}");
            if (detail.Listed.Count > 0)
                await o.WriteLineAsync($"Listed in: {string.Join("; ", detail.Listed.GroupBy(r => r.Type).Select(g => $"{g.Key.LowerPluralLabel()} of {string.Join(", ", g.Select(r => r.Release.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}"))}");
            await o.WriteLineAsync($"As at {used.AsAt:yyyy-MM-dd}; {used.Lsoas}; deprivation {used.Deprivation ?? "not loaded"}; residents {used.Residents ?? "not loaded"}");
            if (detail.Summary is { Lsoas: > 0 } summary)
            {
                var residents = summary.Residents is { } total
                    ? total.ToString("N0", CultureInfo.InvariantCulture) + (detail.Lsoa is null ? $" in {AreaType.Lsoa.Counted(summary.Lsoas)}" : string.Empty)
                    : used.Residents is null ? "not loaded"
                    : summary.ResidentsGap is { } gap ? $"no total: {gap}"
                    : $"none for this LSOA in {used.Residents}";
                await o.WriteLineAsync($"Residents: {residents}");
            }

            if (detail.Summary.Core20Share is { } share)
                await o.WriteLineAsync($"Core20 (national IMD deciles 1–2): {detail.Summary.Core20Lsoas:N0} LSOAs, {share:P1} of residents");
            if (detail.Lsoa is { ImdRank: { } rank } lsoa)
                await o.WriteLineAsync($"{lsoa.Vintage.ImdLabel()}: rank {rank:N0} of {lsoa.Vintage.LsoaCount():N0}, decile {lsoa.ImdDecile}" + (lsoa.ImdScore is { } s ? $", score {s:0.000}" : string.Empty));
            if (detail.Summary.Registered is { } registered)
                await o.WriteLineAsync($"Registered patients: {registered.Count:N0} ({registered.Period:yyyy-MM-dd})");
            if (detail.Icb is { } icb) await o.WriteLineAsync($"ICB: {icb.Name} ({icb.Code})");
            foreach (var p in detail.Parents) await o.WriteLineAsync($"In {p.Type.LowerLabel()}: {p.Name} ({p.Code})");
            foreach (var group in detail.Children) await o.WriteLineAsync($"{group.Type.PluralLabel()}: {group.Places.Count:N0}");
            foreach (var h in detail.History) await o.WriteLineAsync($"History: in {h.Parent.Name} ({h.Parent.Code}, {h.Parent.Type.LowerLabel()}) {h.Validity}");
            foreach (var link in detail.Links)
                await o.WriteLineAsync($"{(link.Forward ? "Became" : "Came from")} {link.Other?.Name} ({(link.Forward ? link.Link.Lsoa2021 : link.Link.Lsoa2011)}): {link.Link.Change?.ToString().ToLowerInvariant() ?? "best fit"} in 2021");
            return CliApp.Ok;
        });
        return show;
    }

    /// <summary>Says on standard error which vintages an answer used, so standard output stays the table or CSV alone.</summary>
    internal static Task Used(CliContext context, VintagesUsed used) =>
        context.Error.WriteLineAsync($"as at {used.AsAt:yyyy-MM-dd}; {used.Lsoas}; deprivation {used.Deprivation ?? "not loaded"}; residents {used.Residents ?? "not loaded"}");

    internal static async Task<int> FailAsync(CliContext context, string message)
    {
        await context.Error.WriteLineAsync("error: " + message);
        return CliApp.BadInput;
    }
}
