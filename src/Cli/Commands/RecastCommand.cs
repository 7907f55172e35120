using System.CommandLine;
using Commonweal.Application.Files;
using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary>
/// <c>places recast</c>: carries figures on LSOAs of one Census to the LSOAs of the other through ONS's lookups, with
/// the method stated on every row (docs/methods/lsoa-crosswalk.md).
/// </summary>
public static class RecastCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("file") { Description = "CSV with columns lsoa and value (others are ignored); - for standard input" };
        var to = new Option<string>("--to") { Description = "The Census to carry the figures to: 2021 (from 2011 LSOAs) or 2011 (from 2021 LSOAs)", Required = true };
        var method = new Option<string>("--method") { Description = "exact (ONS's exact lookup, the default) or best-fit", DefaultValueFactory = _ => "exact" };
        var kind = new Option<string>("--kind") { Description = "count (shared out by population, added up) or rate (inherited, population-weighted mean)", Required = true };
        var command = new Command("recast", "Carry figures on 2011 LSOAs to 2021 LSOAs or back, through ONS's lookups; writes lsoa,value,sources,method.")
        {
            input, to, method, kind,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var to2021 = parse.GetValue(to) switch { "2021" => true, "2011" => false, var t => (bool?)null };
            var how = parse.GetValue(method) switch { "exact" => CrosswalkMethod.Exact, "best-fit" => CrosswalkMethod.BestFit, _ => (CrosswalkMethod?)null };
            var figure = parse.GetValue(kind) switch { "count" => FigureKind.Count, "rate" => FigureKind.Rate, _ => (FigureKind?)null };
            if (to2021 is null) return await PlaceCommands.FailAsync(context, $"--to '{parse.GetValue(to)}' is not a Census (2021 or 2011)");
            if (how is null) return await PlaceCommands.FailAsync(context, $"--method '{parse.GetValue(method)}' is not a method (exact or best-fit)");
            if (figure is null) return await PlaceCommands.FailAsync(context, $"--kind '{parse.GetValue(kind)}' is not a kind of figure (count or rate)");

            Dictionary<AreaCode, double> values;
            try
            {
                values = Read(parse.GetValue(input)!, context.Input);
            }
            catch (FileProblemException e)
            {
                return await PlaceCommands.FailAsync(context, e.Problem.ToString());
            }
            catch (FileNotFoundException)
            {
                await context.Error.WriteLineAsync($"error: {parse.GetValue(input)}: no such file");
                return CliApp.Failed;
            }

            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var queries = scope.ServiceProvider.GetRequiredService<PlaceQueries>();
            var timeline = await queries.TimelineAsync(cancellationToken);
            if (!timeline.LsoaLinks.Any(l => how == CrosswalkMethod.Exact ? l.Change is not null : l.BestFit))
                return await PlaceCommands.FailAsync(context, $"ONS's {(how == CrosswalkMethod.Exact ? "exact" : "best-fit")} lookup LSOA (2011) to LSOA (2021) is not loaded (see docs/data-sources.md)");
            var (from, target) = to2021.Value ? (Reorganisations.Census[0], Reorganisations.Census[1]) : (Reorganisations.Census[1], Reorganisations.Census[0]);
            var fromView = timeline.At(queries.Today, from);
            var toView = timeline.At(queries.Today, target);
            double? Weight(AreaCode lsoa) => (fromView.Find(lsoa) is { } a && fromView.Includes(a) ? fromView.Residents(lsoa) : null) ?? toView.Residents(lsoa);
            var links = timeline.LsoaLinks;
            var targets = links.Where(l => values.ContainsKey(to2021.Value ? l.Lsoa2011 : l.Lsoa2021))
                .Where(l => how == CrosswalkMethod.Exact ? l.Change is not null : l.BestFit)
                .Select(l => to2021.Value ? l.Lsoa2021 : l.Lsoa2011).Distinct().Order().ToList();
            var carried = LsoaCrosswalk.Carry(values, links, targets, to2021.Value, how.Value, figure.Value, Weight);
            await TableWriter.WriteAsync(context.Output, ListFormat.Csv, ["lsoa", "value", "sources", "method"],
                carried.Select(c => (IReadOnlyList<string?>)[c.Lsoa.Value, CsvWriting.Number(c.Value), string.Join(' ', c.Sources), c.Method]));
            var unmatched = values.Keys.Count(k => !links.Any(l => (to2021.Value ? l.Lsoa2011 : l.Lsoa2021) == k));
            if (unmatched > 0) await context.Error.WriteLineAsync($"note: {unmatched} LSOA(s) of the input are not in the lookup and were not carried");
            return CliApp.Ok;
        });
        return command;
    }

    private static Dictionary<AreaCode, double> Read(string path, TextReader standardInput)
    {
        var options = new TableOptions { BlankLines = BlankLines.Skip };
        using var table = path == "-" ? Table.OpenCsv(standardInput, "standard input", options) : Table.OpenCsv(path, options);
        var (lsoaColumn, valueColumn) = (table.Column("lsoa"), table.Column("value"));
        var values = new Dictionary<AreaCode, double>();
        foreach (var row in table.Rows())
        {
            var text = row.Text(lsoaColumn);
            if (!AreaCode.TryParse(text, out var lsoa, out var error) || lsoa.GssEntity != "E01")
                throw row.Reject(lsoaColumn, $"'{text}' is not an English LSOA code (E01…){(error.Length > 0 ? ": " + error : string.Empty)}");
            if (!values.TryAdd(lsoa, row.Decimal(valueColumn)))
                throw row.Reject(lsoaColumn, $"{lsoa} is given twice");
        }

        return values;
    }
}
