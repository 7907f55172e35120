using System.CommandLine;
using System.Globalization;
using Commonweal.Application.Indicators.Import;
using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary><c>indicators import</c> and <c>indicators list</c>: indicator files into the catalogue, and the catalogue out.</summary>
public static class IndicatorCommands
{
    public static Command Create(CliContext context) =>
        new("indicators", "Import indicator files (Fingertips exports and other published series) and list the catalogue.")
        {
            Import(context), List(context), IndicatorValuesCommand.Create(context),
        };

    private static Command Import(CliContext context)
    {
        var path = new Argument<string>("file-or-folder") { Description = "An indicator file (recognised by its header, whatever its name), or a folder of them" };
        var valueType = new Option<string?>("--value-type") { Description = "What the file's new indicators are: proportion, crude-rate, dsr, isr, ratio, life-expectancy, count, mean or score (default: inferred)" };
        var multiplier = new Option<string?>("--multiplier") { Description = "What their values are expressed per, e.g. 100 for a percentage, 100000 for a rate per 100,000 (default: inferred)" };
        var polarity = new Option<string?>("--polarity") { Description = "Which way is good: low-is-good, high-is-good or no-judgement (default: inferred from the file's comparisons with England)" };
        var import = new Command("import", "Import an indicator file (or every one in a folder): what was read, inferred, noted and written is printed; a bad file changes nothing.")
        {
            path, valueType, multiplier, polarity,
        };
        import.SetAction(async (parse, cancellationToken) =>
        {
            if (ReadOptions(parse, valueType, multiplier, polarity, out var options) is { } problem)
                return await PlaceCommands.FailAsync(context, problem);

            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var result = await scope.ServiceProvider.GetRequiredService<IndicatorImport>()
                .ImportAsync(parse.GetValue(path)!, options, CliContext.Actor, new Progress(context.Error), cancellationToken);
            foreach (var (file, reason) in result.Skipped)
                await context.Output.WriteLineAsync($"skipped  {file}: {reason}");
            foreach (var outcome in result.Outcomes) await ReportAsync(context, outcome);
            if (result.Outcomes.Count == 0)
            {
                await context.Error.WriteLineAsync($"error: no indicator file Commonweal reads was found in {parse.GetValue(path)}");
                return CliApp.BadInput;
            }

            return result.Succeeded ? CliApp.Ok : CliApp.BadInput;
        });
        return import;
    }

    private static Command List(CliContext context)
    {
        var format = PlaceOptions.Format();
        var list = new Command("list", "List the indicator catalogue: id, name, value_type, multiplier, unit, polarity, frequency, source, periods, areas, values (how many the store holds).")
        {
            format,
        };
        list.SetAction(async (parse, cancellationToken) =>
        {
            var options = new PlaceOptions.Reader(parse, context.Error);
            var output = options.Format(format);
            if (options.Failed) return CliApp.BadInput;

            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var entries = await scope.ServiceProvider.GetRequiredService<IndicatorCatalogue>().ListAsync(cancellationToken);
            await TableWriter.WriteAsync(context.Output, output,
                ["id", "name", "value_type", "multiplier", "unit", "polarity", "frequency", "source", "periods", "areas", "values"],
                entries.Select(e => (IReadOnlyList<string?>)
                [
                    e.Indicator.Id.ToString(), e.Indicator.Name, e.Indicator.ValueType.Code(), e.Indicator.Multiplier.ToString(CultureInfo.InvariantCulture),
                    e.Indicator.Unit, IndicatorInference.Name(e.Indicator.Polarity), e.Indicator.Frequency.ToString().ToLowerInvariant(), e.Indicator.Source,
                    e.Periods.ToString(CultureInfo.InvariantCulture), e.Areas.ToString(CultureInfo.InvariantCulture), e.Values.ToString(CultureInfo.InvariantCulture),
                ]));
            return CliApp.Ok;
        });
        return list;
    }

    /// <summary>The options as the import takes them, or the problem with the first that is wrong.</summary>
    private static string? ReadOptions(ParseResult parse, Option<string?> valueType, Option<string?> multiplier, Option<string?> polarity, out IndicatorImportOptions options)
    {
        options = IndicatorImportOptions.None;
        IndicatorValueType? type = null;
        if (parse.GetValue(valueType) is { } typeText)
        {
            if (!IndicatorValueTypes.TryParse(typeText, out var parsed))
                return $"--value-type '{typeText}' is not a value type ({string.Join(", ", Enum.GetValues<IndicatorValueType>().Select(t => t.Code()))})";
            type = parsed;
        }

        double? times = null;
        if (parse.GetValue(multiplier) is { } multiplierText)
        {
            if (!double.TryParse(multiplierText.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                || !double.IsFinite(parsed) || parsed <= 0)
                return $"--multiplier '{multiplierText}' is not a positive number (e.g. 100 or 100000)";
            times = parsed;
        }

        Polarity? way = null;
        if (parse.GetValue(polarity) is { } polarityText)
        {
            if (!Benchmarking.TryParsePolarity(polarityText, out var parsed))
                return $"--polarity '{polarityText}' is not a polarity (low-is-good, high-is-good or no-judgement)";
            way = parsed;
        }

        options = new IndicatorImportOptions(type, times, way);
        return null;
    }

    private static async Task ReportAsync(CliContext context, IndicatorImportOutcome outcome)
    {
        var o = context.Output;
        if (outcome.Problem is { } problem)
        {
            foreach (var imported in outcome.Indicators)
            {
                foreach (var said in imported.Decision.Said) await context.Error.WriteLineAsync($"  {said}");
            }

            await context.Error.WriteLineAsync($"error: {problem}");
            await context.Error.WriteLineAsync($"Nothing was changed by {outcome.FileName}.");
            return;
        }

        await o.WriteLineAsync($"{outcome.Format} {outcome.FileName}: {Number(outcome.Rows)} rows read, {Number(outcome.Values)} values"
            + (outcome.AgeCounts > 0 ? $" and {Number(outcome.AgeCounts)} age bands" : string.Empty)
            + $", {Number(outcome.ChangedRows)} rows changed ({outcome.Elapsed.TotalSeconds:0.00} s)");
        foreach (var imported in outcome.Indicators)
        {
            var indicator = imported.Decision.Indicator;
            await o.WriteLineAsync($"  indicator {indicator.Id} '{indicator.Name}': {imported.Decision.Action}");
            foreach (var said in imported.Decision.Said) await o.WriteLineAsync($"    {said}");
            if (imported.Recomputed.Length > 0) await o.WriteLineAsync($"    values: {imported.Recomputed}");
        }

        foreach (var note in outcome.Notes) await o.WriteLineAsync($"  note: {note}");
        foreach (var disagreement in outcome.Disagreements) await o.WriteLineAsync($"  disagrees: {disagreement}");
        if (outcome.ChangedRows == 0) await o.WriteLineAsync("  Nothing changed: the store already held this file's indicators and values.");
    }

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Progress goes to standard error so standard output stays a clean report.</summary>
    private sealed class Progress(TextWriter error) : IProgress<string>
    {
        public void Report(string value) => error.WriteLine("  … " + value);
    }
}
