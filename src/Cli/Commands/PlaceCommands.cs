using System.CommandLine;
using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

public static class PlaceCommands
{
    public static Command Create(CliContext context)
    {
        var type = new Option<string?>("--type") { Description = $"Only places of this type: {string.Join(", ", Enum.GetNames<AreaType>())}" };
        var parent = new Option<string?>("--in") { Description = "Only places directly within this area code (e.g. E07000066)" };
        var list = new Command("list", "List places (code, type, name, residents).") { type, parent };
        list.SetAction(async (parse, cancellationToken) =>
        {
            AreaType? wanted = null;
            if (parse.GetValue(type) is { } typeText)
            {
                if (!Enum.TryParse<AreaType>(typeText, ignoreCase: true, out var parsed))
                {
                    await context.Error.WriteLineAsync($"error: --type '{typeText}' is not a place type ({string.Join(", ", Enum.GetNames<AreaType>())})");
                    return CliApp.BadInput;
                }

                wanted = parsed;
            }

            AreaCode? within = null;
            if (parse.GetValue(parent) is { } parentText)
            {
                if (!AreaCode.TryParse(parentText, out var code, out var error))
                {
                    await context.Error.WriteLineAsync($"error: --in: {error}");
                    return CliApp.BadInput;
                }

                within = code;
            }

            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            var setup = scope.ServiceProvider.GetRequiredService<DatabaseSetup>();
            await setup.MigrateAndSeedAsync(cancellationToken);
            var graph = await scope.ServiceProvider.GetRequiredService<PlaceQueries>().GraphAsync(cancellationToken);
            if (within is { } w && graph.Find(w) is null)
            {
                await context.Error.WriteLineAsync($"error: no place has the code {w}");
                return CliApp.BadInput;
            }

            var places = within is { } inside ? graph.Children(inside) : (wanted is { } t ? graph.OfType(t) : graph.OfType(AreaType.District));
            foreach (var place in places.Where(p => wanted is null || p.Type == wanted).OrderBy(p => p.Type).ThenBy(p => p.Code))
            {
                var summary = graph.Summarise(place);
                await context.Output.WriteLineAsync($"{place.Code.Value,-22} {place.Type,-14} {place.Name,-50} {(summary.Lsoas > 0 ? summary.Population.ToString("N0") : string.Empty),12}");
            }

            return CliApp.Ok;
        });

        var codeArgument = new Argument<string>("code") { Description = "The place's code, e.g. E07000066, F81001, QH8, alliance-mid-essex" };
        var show = new Command("show", "Show one place: population, deprivation, parents and children.") { codeArgument };
        show.SetAction(async (parse, cancellationToken) =>
        {
            if (!AreaCode.TryParse(parse.GetValue(codeArgument), out var code, out var error))
            {
                await context.Error.WriteLineAsync($"error: {error}");
                return CliApp.BadInput;
            }

            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var detail = await scope.ServiceProvider.GetRequiredService<PlaceQueries>().PlaceAsync(code, cancellationToken);
            if (detail is null)
            {
                await context.Error.WriteLineAsync($"error: no place has the code {code}");
                return CliApp.BadInput;
            }

            var o = context.Output;
            await o.WriteLineAsync($"{detail.Area.Name} ({detail.Area.Code}) — {detail.Area.Type.Label()}");
            if (detail.Area.AlternateCode is { } alternate) await o.WriteLineAsync($"Also known as: {alternate}");
            await o.WriteLineAsync($"Residents: {detail.Summary.Population:N0} in {detail.Summary.Lsoas:N0} LSOAs");
            if (detail.Summary.Core20Share is { } share)
                await o.WriteLineAsync($"Core20 (national IMD deciles 1–2): {detail.Summary.Core20Lsoas:N0} LSOAs, {share:P1} of residents");
            if (detail.Lsoa is { ImdRank: { } rank } lsoa)
                await o.WriteLineAsync($"IMD 2019: rank {rank:N0} of 32,844, decile {lsoa.ImdDecile}" + (lsoa.ImdScore is { } s ? $", score {s:0.000}" : string.Empty));
            if (detail.Registered.TryGetValue(code, out var registered))
                await o.WriteLineAsync($"Registered patients: {registered:N0}");
            foreach (var p in detail.Parents) await o.WriteLineAsync($"In {p.Type.Label().ToLowerInvariant()}: {p.Name} ({p.Code})");
            foreach (var group in detail.Children) await o.WriteLineAsync($"{group.Type.PluralLabel()}: {group.Places.Count:N0}");
            return CliApp.Ok;
        });

        return new Command("places", "Browse places.") { list, show };
    }
}
