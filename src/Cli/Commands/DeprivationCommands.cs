using System.CommandLine;
using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary><c>deprivation list</c> and <c>deprivation compare</c>: the Indices of Deprivation by edition.</summary>
public static class DeprivationCommands
{
    public static Command Create(CliContext context) =>
        new("deprivation", "The English Indices of Deprivation by edition (IoD2019 on 2011 LSOAs, IoD2025 on 2021 LSOAs).") { List(context), Compare(context) };

    private static Command List(CliContext context)
    {
        var vintage = PlaceOptions.Vintage();
        var within = PlaceOptions.Within("Only the LSOAs within this place (default: the configured ICS as at the date)");
        var asAt = PlaceOptions.AsAt();
        var format = PlaceOptions.Format();
        var list = new Command("list", "One row per LSOA of the edition within a place: lsoa_code, lsoa_name, district_code, imd_rank, imd_decile, imd_score.")
        {
            vintage, within, asAt, format,
        };
        list.SetAction(async (parse, cancellationToken) =>
        {
            var options = new PlaceOptions.Reader(parse, context.Error);
            var (edition, place, date, output) = (options.Vintage(vintage), options.Code(within), options.Date(asAt), options.Format(format));
            if (options.Failed) return CliApp.BadInput;
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var answer = await scope.ServiceProvider.GetRequiredService<DeprivationQueries>().ListAsync(edition, place, date, cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            var rows = answer.Value!.Rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Lsoa.Code.Value, r.Lsoa.Name, r.District?.Code.Value, TableWriter.Number(r.Deprivation?.ImdRank), TableWriter.Number(r.Deprivation?.ImdDecile), TableWriter.Number(r.Deprivation?.ImdScore),
            ]);
            await TableWriter.WriteAsync(context.Output, output, ["lsoa_code", "lsoa_name", "district_code", "imd_rank", "imd_decile", "imd_score"], rows);
            await PlaceCommands.Used(context, answer.Value.Used);
            return CliApp.Ok;
        });
        return list;
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
            if (parse.GetValue(lsoas))
            {
                await TableWriter.WriteAsync(context.Output, output,
                    ["lsoa21_code", "lsoa21_name", "district_code", "imd2025_decile", "lsoa11_codes", "changes", "imd2019_deciles", "status"],
                    comparison.Lsoas.Select(r => (IReadOnlyList<string?>)
                    [
                        r.Lsoa.Code.Value, r.Lsoa.Name, r.District?.Code.Value, TableWriter.Number(r.Decile),
                        string.Join(' ', r.Predecessors.Select(p => p.Lsoa.Value)),
                        string.Join(' ', r.Predecessors.Select(p => LsoaLink.Letter(p.Change))),
                        string.Join(' ', r.Predecessors.Select(p => TableWriter.Number(p.Decile))),
                        r.Status.ToString().ToLowerInvariant(),
                    ]));
                return CliApp.Ok;
            }

            await TableWriter.WriteAsync(context.Output, output,
                ["district_code", "district_name", "lsoas_2011", "core20_iod2019", "lsoas_2021", "core20_iod2025", "entered", "left", "stayed"],
                comparison.Districts.Select(d => (IReadOnlyList<string?>)
                [
                    d.District.Code.Value, d.District.Name, TableWriter.Number(d.Lsoas2011), TableWriter.Number(d.Core20In2019),
                    TableWriter.Number(d.Lsoas2021), TableWriter.Number(d.Core20In2025), TableWriter.Number(d.Entered), TableWriter.Number(d.Left), TableWriter.Number(d.Stayed),
                ]));
            if (output == ListFormat.Table) await context.Output.WriteLineAsync(Environment.NewLine + Core20Comparison.Method);
            return CliApp.Ok;
        });
        return compare;
    }
}
