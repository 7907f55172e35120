using System.CommandLine;
using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary><c>settings deprivation-vintage</c>: which edition of the Indices pages and commands use by default.</summary>
public static class SettingsCommands
{
    public static Command Create(CliContext context)
    {
        var value = new Argument<string?>("edition") { Description = "iod2019, iod2025 or latest (the latest loaded); omit to see the current setting", Arity = ArgumentArity.ZeroOrOne };
        var vintage = new Command("deprivation-vintage", "Show or choose the default edition of the Indices of Deprivation (NHS England may keep IoD2019 for Core20PLUS5 for a while).") { value };
        vintage.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(value);
            IodVintage? chosen = null;
            if (text is not null && text != "latest")
            {
                if (!IodVintages.TryParse(text, out var parsed))
                    return await PlaceCommands.FailAsync(context, $"'{text}' is not an edition (iod2019, iod2025 or latest)");
                chosen = parsed;
            }

            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var setting = scope.ServiceProvider.GetRequiredService<DeprivationSetting>();
            if (text is not null) await setting.SetAsync(chosen, CliContext.Actor, cancellationToken);
            var current = await setting.GetAsync(cancellationToken);
            var used = await scope.ServiceProvider.GetRequiredService<PlaceQueries>().DefaultVintageAsync(cancellationToken);
            await context.Output.WriteLineAsync($"deprivation-vintage: {current?.Code() ?? "latest"} (in use: {used?.Label() ?? "none loaded"})");
            return CliApp.Ok;
        });
        return new Command("settings", "Settings kept with the data.") { vintage };
    }
}
