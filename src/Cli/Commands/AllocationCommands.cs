using System.CommandLine;
using System.Globalization;
using Commonweal.Application.Allocation;
using Commonweal.Application.Places;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary>
/// <c>allocate</c>: run an allocation model over the ICS's places with a budget (docs/methods/allocation.md); and
/// <c>allocation models|define|runs|show|compare</c>: the models, saved runs and their comparison.
/// </summary>
public static class AllocationCommands
{
    public static Command Allocate(CliContext context)
    {
        var model = new Option<string?>("--model") { Description = $"The model, by name or name@version (default {BuiltInModels.DefaultName}; `allocation models` lists them)" };
        var budget = new Option<string>("--budget") { Description = "The budget in pounds, at most two decimals (e.g. 2500000 or 2500000.50)", Required = true };
        var baseline = new Option<string?>("--baseline") { Description = "Last year's allocations: a CSV with place_code,baseline (pounds), one row per place; turns on the model's pace of change" };
        var baselineRun = new Option<string?>("--baseline-run") { Description = "Use a saved run's allocations as last year's (its id from `allocation runs`)" };
        var level = new Option<string?>("--level") { Description = "Allocate to this type of place instead of the model's (District, Alliance, Ward, Msoa, Lsoa; Pcn, Practice, Neighbourhood with a registered model)" };
        var label = new Option<string?>("--label") { Description = "A label for the saved run (default: model, budget and level)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Do not save the run" };
        var asAt = PlaceOptions.AsAt();
        var vintage = PlaceOptions.Vintage();
        var format = PlaceOptions.Format();
        var command = new Command("allocate", "Allocates a budget to the ICS's places by need: one row per place — "
            + string.Join(",", AllocationTables.PlaceColumns) + " (money in pounds to two decimals; allocation adds up to the budget exactly). "
            + "The run is saved with its model, inputs and data vintages (its number goes to the error output) and audited.")
        {
            model, budget, baseline, baselineRun, level, label, dryRun, asAt, vintage, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reader = new PlaceOptions.Reader(parse, context.Error);
            var output = reader.Format(format);
            var date = reader.Date(asAt);
            var edition = reader.Vintage(vintage);
            var type = reader.Type(level);
            if (reader.Failed) return CliApp.BadInput;
            var budgetText = parse.GetValue(budget);
            if (!BaselineFile.TryPence(budgetText, out var pence))
                return await PlaceCommands.FailAsync(context, $"--budget '{budgetText}' is not an amount in pounds of 0 or more with at most two decimals (e.g. 2500000 or 2500000.50)");
            long? fromRun = null;
            if (parse.GetValue(baselineRun) is { } runText)
            {
                if (!long.TryParse(runText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return await PlaceCommands.FailAsync(context, $"--baseline-run '{runText}' is not a run number");
                fromRun = id;
            }

            IReadOnlyDictionary<Core.Places.AreaCode, long>? lastYear = null;
            var baselinePath = parse.GetValue(baseline);
            if (baselinePath is not null)
            {
                if (fromRun is not null) return await PlaceCommands.FailAsync(context, "give --baseline or --baseline-run, not both");
                if (!File.Exists(baselinePath)) return await PlaceCommands.FailAsync(context, $"--baseline: no file at {baselinePath}");
                using var file = File.OpenText(baselinePath);
                var read = BaselineFile.Read(file, Path.GetFileName(baselinePath));
                if (read.Refusal is { } bad) return await PlaceCommands.FailAsync(context, bad.Detail);
                lastYear = read.Value;
            }

            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var request = new AllocationRequest(parse.GetValue(model), pence, type, date, edition, lastYear, fromRun, parse.GetValue(label),
                baselinePath is null ? null : Path.GetFileName(baselinePath));
            var answer = await scope.ServiceProvider.GetRequiredService<AllocationRuns>().RunAsync(request, CliContext.Actor, !parse.GetValue(dryRun), cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            var run = answer.Value!;
            await TableWriter.WriteAsync(context.Output, output, AllocationTables.Places(run));
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{(run.Id is { } saved ? $"saved as run {saved}" : "not saved (--dry-run)")}: {run.Model.Label}, {Core.Allocation.AllocationEngine.Money(run.Budget)} to {run.Lines.Count} places ({run.Model.Level}); {run.Used.Deprivation ?? "no deprivation"}; {run.Population}"));
            return CliApp.Ok;
        });
        return command;
    }

    public static Command Create(CliContext context) =>
        new("allocation", "Allocation models and saved runs (docs/methods/allocation.md).")
        {
            Models(context), Define(context), Runs(context), Show(context), Compare(context),
        };

    private static Command Models(CliContext context)
    {
        var format = PlaceOptions.Format();
        var command = new Command("models", "The models: name, version, level, population, need, description (the latest version of each).") { format };
        command.SetAction((parse, cancellationToken) => WithServicesAsync(context, parse, format, async (services, output) =>
        {
            await TableWriter.WriteAsync(context.Output, output, AllocationTables.Models(await services.GetRequiredService<AllocationModels>().ListAsync(cancellationToken)));
            return CliApp.Ok;
        }));
        return command;
    }

    private static Command Define(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The model's JSON file (docs/methods/allocation.md, \"The model\")" };
        var command = new Command("define", "Adds a model, or a new version of one with the same name, from its JSON file; every problem is named by field and nothing is saved unless there are none.") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) return await PlaceCommands.FailAsync(context, $"no file at {path}");
            var json = await File.ReadAllTextAsync(path, cancellationToken);
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var answer = await scope.ServiceProvider.GetRequiredService<AllocationModels>().DefineAsync(json, CliContext.Actor, cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, $"{Path.GetFileName(path)}: {refusal.Detail}");
            await context.Output.WriteLineAsync($"defined {answer.Value!.Label}");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Runs(CliContext context)
    {
        var format = PlaceOptions.Format();
        var command = new Command("runs", "Saved runs, newest first: id, model, version, level, budget, as_at, label, created_at, created_by.") { format };
        command.SetAction((parse, cancellationToken) => WithServicesAsync(context, parse, format, async (services, output) =>
        {
            await TableWriter.WriteAsync(context.Output, output, AllocationTables.Runs(await services.GetRequiredService<AllocationRuns>().ListAsync(cancellationToken)));
            return CliApp.Ok;
        }));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The run's number" };
        var detail = new Option<bool>("--detail") { Description = "Every input and intermediate column (weighted population, each need value, uplift, unit cost, floor, cap, the waterfall steps)" };
        var format = PlaceOptions.Format();
        var command = new Command("show", "A saved run, worked out again from its saved inputs (the error output says whether it gives the same pence).") { id, detail, format };
        command.SetAction((parse, cancellationToken) => WithServicesAsync(context, parse, format, async (services, output) =>
        {
            if (!long.TryParse(parse.GetValue(id), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return await PlaceCommands.FailAsync(context, $"'{parse.GetValue(id)}' is not a run number");
            var answer = await services.GetRequiredService<AllocationRuns>().GetAsync(number, cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            var run = answer.Value!;
            await TableWriter.WriteAsync(context.Output, output, parse.GetValue(detail) ? AllocationTables.Detail(run) : AllocationTables.Places(run));
            await context.Error.WriteLineAsync($"run {number}: {run.Label}; {(run.Reproduced ? "its saved inputs give the same pence" : "its saved inputs NO LONGER give the saved pence")}");
            return CliApp.Ok;
        }));
        return command;
    }

    private static Command Compare(CliContext context)
    {
        var ids = new Argument<string[]>("ids") { Description = "Two or more run numbers; the first is the reference", Arity = ArgumentArity.OneOrMore };
        var format = PlaceOptions.Format();
        var command = new Command("compare", "Runs side by side: each place's allocation and need index in each run, and its change from the first.") { ids, format };
        command.SetAction((parse, cancellationToken) => WithServicesAsync(context, parse, format, async (services, output) =>
        {
            var numbers = new List<long>();
            foreach (var text in parse.GetValue(ids) ?? [])
            {
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return await PlaceCommands.FailAsync(context, $"'{text}' is not a run number");
                numbers.Add(n);
            }

            var answer = await services.GetRequiredService<AllocationRuns>().CompareAsync(numbers, cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            await TableWriter.WriteAsync(context.Output, output, AllocationTables.Compare(answer.Value!));
            return CliApp.Ok;
        }));
        return command;
    }

    private static async Task<int> WithServicesAsync(CliContext context, ParseResult parse, Option<string> format, Func<IServiceProvider, ListFormat, Task<int>> action)
    {
        var reader = new PlaceOptions.Reader(parse, context.Error);
        var output = reader.Format(format);
        if (reader.Failed) return CliApp.BadInput;
        await using var services = context.Services(parse);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync();
        return await action(scope.ServiceProvider, output);
    }
}
