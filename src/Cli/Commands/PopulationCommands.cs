using System.CommandLine;
using System.Globalization;
using Commonweal.Application.Places;
using Commonweal.Application.Targeting;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary><c>population generate|hash|calibration</c>: the person-level population (synthetic, or an imported extract).</summary>
public static class PopulationCommands
{
    /// <summary>The largest <c>--scale</c> stored: a national-size population is a benchmark's streaming pass, not a store's.</summary>
    public const int MaxScale = 50;

    public static Command Create(CliContext context) =>
        new("population", "The person-level population: a synthetic one generated from a seed and calibrated to the published figures (docs/methods/synthetic-population.md).")
        {
            Generate(context), Import(context), Hash(context), Calibration(context),
        };

    private static Command Generate(CliContext context)
    {
        var seed = new Option<string>("--seed") { Description = "The seed: a whole number 0 or more; the same seed on the same data gives the same people", Required = true };
        var scale = new Option<string>("--scale") { Description = $"Generate each LSOA this many times (1–{MaxScale}; default 1), for benchmarks" };
        var command = new Command("generate", "Generate the ICS's synthetic population from the store's data (2021 LSOAs, Census 2021 ages, IoD2025, practices, published figures) and store it in place of the one before; prints people, households and the hash.") { seed, scale };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!long.TryParse(parse.GetValue(seed), NumberStyles.None, CultureInfo.InvariantCulture, out var seedValue))
                return await PlaceCommands.FailAsync(context, string.Create(CultureInfo.InvariantCulture, $"--seed '{parse.GetValue(seed)}' is not a whole number from 0 to {long.MaxValue:N0}"));
            var scaleText = parse.GetValue(scale) ?? "1";
            if (!int.TryParse(scaleText, NumberStyles.None, CultureInfo.InvariantCulture, out var scaleValue) || scaleValue is < 1 or > MaxScale)
                return await PlaceCommands.FailAsync(context, $"--scale '{scaleText}' is not a whole number from 1 to {MaxScale}");
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var answer = await scope.ServiceProvider.GetRequiredService<PopulationGeneration>().GenerateAsync(seedValue, scaleValue, CliContext.Actor, cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            var made = answer.Value!;
            var s = made.Stored;
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"generated {s.People:N0} people in {s.Households:N0} households in {made.Generating.TotalSeconds:0.0} s, stored in {made.Saving.TotalSeconds:0.0} s"));
            await context.Output.WriteLineAsync(made.Description);
            await context.Output.WriteLineAsync("hash " + s.Hash);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Import(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The extract: a CSV of one row per person (docs/population-extract.md)" };
        var command = new Command("import", "Replace the stored population with a pseudonymised extract of real records (docs/population-extract.md): every row is checked, and a file with any problem is refused with its line, column and field, the store unchanged. Audited.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) return await PlaceCommands.FailAsync(context, $"there is no file '{path}'");
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var answer = await scope.ServiceProvider.GetRequiredService<ExtractImport>().ImportAsync(path, CliContext.Actor, cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            var imported = answer.Value!;
            await context.Output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"imported {imported.People:N0} people in {imported.Stored.Households:N0} households in {imported.Lsoas} LSOAs"));
            await context.Output.WriteLineAsync("hash " + imported.Stored.Hash);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Hash(CliContext context)
    {
        var command = new Command("hash", "Print the SHA-256 of the stored population in its canonical order (docs/methods/synthetic-population.md, \"Stored form and hash\"), worked out again from the stored people.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var hash = await scope.ServiceProvider.GetRequiredService<PopulationStore>().HashAsync(cancellationToken);
            if (hash is null) return await PlaceCommands.FailAsync(context, PopulationGeneration.NoPopulation.Detail);
            await context.Output.WriteLineAsync(hash);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Calibration(CliContext context)
    {
        var format = PlaceOptions.Format();
        var command = new Command("calibration", "The stored population against the published figures: characteristic, area_code, synthetic_value, published_value, published_lower_95, published_upper_95, within_ci (values in the published unit; within_ci is within the 95 % interval where one is published, else within the documented tolerance).") { format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new PlaceOptions.Reader(parse, context.Error);
            var output = options.Format(format);
            if (options.Failed) return CliApp.BadInput;
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var answer = await scope.ServiceProvider.GetRequiredService<PopulationGeneration>().ReportAsync(cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            await TableWriter.WriteAsync(context.Output, output, TargetingTables.Calibration(answer.Value!));
            return CliApp.Ok;
        });
        return command;
    }
}
