using System.CommandLine;
using Commonweal.Application.Places;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

public static class DemoCommands
{
    public static Command Create(CliContext context)
    {
        var force = new Option<bool>("--force") { Description = "Regenerate the demo even if it is already there (real data is never replaced)" };
        var seed = new Command("seed", "Fill the store with the generated demo dataset (synthetic LSOA-level data in the shape of the ICS).") { force };
        seed.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var result = await scope.ServiceProvider.GetRequiredService<DemoSeeding>().SeedAsync(CliContext.Actor, parse.GetValue(force), cancellationToken);
            switch (result)
            {
                case DemoSeeding.Result.Seeded:
                    await context.Output.WriteLineAsync("Demo dataset generated (synthetic data, labelled as demo in the web platform).");
                    return CliApp.Ok;
                case DemoSeeding.Result.RealDataPresent:
                    await context.Error.WriteLineAsync("The store holds real imported data; the demo is not generated over it.");
                    return CliApp.BadInput;
                default:
                    await context.Output.WriteLineAsync("The demo dataset is already there (use --force to regenerate it).");
                    return CliApp.Ok;
            }
        });
        return new Command("demo", "The generated demo dataset.") { seed };
    }
}
