using System.CommandLine;
using System.Globalization;
using Commonweal.Application.Commissioning;
using Commonweal.Application.Files;
using Commonweal.Application.Places;
using Commonweal.Core;
using Commonweal.Core.Commissioning;
using Commonweal.Core.Places;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary>
/// Joint commissioning from the command line (docs/methods/contract-register.md): <c>partners import|list</c>,
/// <c>contracts import|list|show</c>, <c>returns import</c>, <c>coverage</c>, <c>funds
/// balance|define|contribute|earmark</c>, <c>value</c> and <c>remedial list</c>. Imports are all or nothing: any problem →
/// every problem with its file, line and column, exit code 2, nothing saved.
/// </summary>
public static class CommissioningCommands
{
    public static IEnumerable<Command> Create(CliContext context) =>
    [
        new Command("partners", "Partner organisations with their identifiers (ODS, GSS, charity, company numbers).") { ImportPartners(context), ListPartners(context) },
        new Command("contracts", "The contract register: contracts, variations, service lines, KPIs and funding.") { ImportContracts(context), ListContracts(context), ShowContract(context) },
        new Command("returns", "Providers' KPI returns.") { ImportReturns(context) },
        Coverage(context),
        new Command("funds", "Pooled funds: contributions, earmarks, commitments and spend, in whole pence.") { Balance(context), DefineFund(context), Contribute(context), Earmark(context) },
        Value(context),
        new Command("remedial", "Remedial action plans on under-performing KPIs.") { ListPlans(context) },
    ];

    private static Command ImportPartners(CliContext context)
    {
        var path = new Argument<string>("file") { Description = "A CSV or xlsx with the columns " + string.Join(",", PartnerRegister.Columns) + " (type: nhs, council, vcse, other; role: commissioner, provider, both)" };
        var command = new Command("import", "Adds partners, or updates those already known by name; all or nothing.") { path };
        command.SetAction((parse, cancellationToken) => ImportAsync(context, parse, parse.GetValue(path)!, (services, file) =>
            services.GetRequiredService<PartnerRegister>().ImportAsync(file, CliContext.Actor, cancellationToken), "partner", cancellationToken));
        return command;
    }

    private static Command ListPartners(CliContext context) =>
        TableCommand(context, "list", "Lists partners: " + string.Join(",", CommissioningTables.PartnerColumns) + ".", [], async (_, services, cancellationToken) =>
            CommissioningTables.Partners(await services.GetRequiredService<PartnerRegister>().ListAsync(cancellationToken)));

    private static Command ImportContracts(CliContext context)
    {
        var path = new Argument<string?>("file") { Description = "Contracts: " + string.Join(",", ContractFiles.ContractColumns), Arity = ArgumentArity.ZeroOrOne };
        var variations = new Option<string?>("--variations") { Description = "Variations: " + string.Join(",", ContractFiles.VariationColumns) };
        var lines = new Option<string?>("--lines") { Description = "Service lines: " + string.Join(",", ContractFiles.LineColumns) };
        var kpis = new Option<string?>("--kpis") { Description = "KPIs: " + string.Join(",", ContractFiles.KpiColumns) };
        var funding = new Option<string?>("--funding") { Description = "Funding from pooled funds: " + string.Join(",", ContractFiles.FundingColumns) };
        var command = new Command("import", "Adds contracts and their variations, service lines, KPIs and funding (docs/commissioning-formats.md), checked together; all or nothing.")
        {
            path, variations, lines, kpis, funding,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = new ContractFiles(parse.GetValue(path), parse.GetValue(variations), parse.GetValue(lines), parse.GetValue(kpis), parse.GetValue(funding));
            foreach (var file in new[] { files.Contracts, files.Variations, files.Lines, files.Kpis, files.Funding }.OfType<string>())
                if (!File.Exists(file)) return await PlaceCommands.FailAsync(context, $"no such file: {file}");
            if (files.IsEmpty) return await PlaceCommands.FailAsync(context, "name a contracts file, or --variations, --lines, --kpis or --funding");
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var outcome = await scope.ServiceProvider.GetRequiredService<ContractImport>().ImportAsync(files, CliContext.Actor, cancellationToken);
            if (!outcome.Succeeded) return await ProblemsAsync(context, outcome.Problems);
            await context.Output.WriteLineAsync($"{outcome.Added} record{(outcome.Added == 1 ? "" : "s")} added to the register.");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command ListContracts(CliContext context)
    {
        var format = PlaceOptions.Format();
        var asAt = PlaceOptions.AsAt();
        var command = new Command("list", "Lists the register as at a day: " + string.Join(",", CommissioningTables.ContractColumns) + " (end and value as varied by then).") { asAt, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reader = new PlaceOptions.Reader(parse, context.Error);
            var output = reader.Format(format);
            var date = reader.Date(asAt);
            if (reader.Failed) return CliApp.BadInput;
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var day = date ?? Today(scope.ServiceProvider);
            var list = await scope.ServiceProvider.GetRequiredService<ContractRegister>().ListAsync(day, CommissioningViewer.Console(CliContext.Actor), cancellationToken);
            await TableWriter.WriteAsync(context.Output, output, CommissioningTables.Contracts(list));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command ShowContract(CliContext context)
    {
        var reference = new Argument<string>("ref") { Description = "The contract's reference" };
        var format = PlaceOptions.Format();
        var asAt = PlaceOptions.AsAt();
        var command = new Command("show", "A contract as at a day: one row per KPI in force on it — " + string.Join(",", CommissioningTables.KpiColumns) + "; the contract's terms go to the error output.")
        {
            reference, asAt, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reader = new PlaceOptions.Reader(parse, context.Error);
            var output = reader.Format(format);
            var date = reader.Date(asAt);
            if (reader.Failed) return CliApp.BadInput;
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var day = date ?? Today(scope.ServiceProvider);
            var answer = await scope.ServiceProvider.GetRequiredService<ContractRegister>().ShowAsync(parse.GetValue(reference)!, day, CommissioningViewer.Console(CliContext.Actor), cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            var view = answer.Value!;
            await TableWriter.WriteAsync(context.Output, output, CommissioningTables.Kpis(view));
            var state = view.State;
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{view.Contract.Ref} {view.Contract.Title}: {view.Provider.Name}, {view.Contract.Start:yyyy-MM-dd} to {state.End:yyyy-MM-dd}, {Pence.Format(state.AnnualValuePence)} a year as at {day:yyyy-MM-dd}{(state.InForce ? "" : " (not in force that day)")}; {state.Variations.Count} variation{(state.Variations.Count == 1 ? "" : "s")} in force, {state.Lines.Count} service line{(state.Lines.Count == 1 ? "" : "s")}, {state.Kpis.Count} KPI{(state.Kpis.Count == 1 ? "" : "s")}"));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command ImportReturns(CliContext context)
    {
        var path = new Argument<string>("file") { Description = "A CSV or xlsx with the columns " + string.Join(",", ReturnRows.Columns) + " (docs/commissioning-formats.md)" };
        var contract = new Option<string>("--contract") { Description = "The contract the return is for (its reference)", Required = true };
        var format = PlaceOptions.Format();
        var command = new Command("import", "Submits a provider's KPI return, all or nothing; then each KPI's status: " + string.Join(",", CommissioningTables.StatusColumns) + ". An off-track KPI opens a remedial plan.")
        {
            path, contract, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reader = new PlaceOptions.Reader(parse, context.Error);
            var output = reader.Format(format);
            if (reader.Failed) return CliApp.BadInput;
            var file = parse.GetValue(path)!;
            if (!File.Exists(file)) return await PlaceCommands.FailAsync(context, $"no such file: {file}");
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var reference = parse.GetValue(contract)!;
            var outcome = await scope.ServiceProvider.GetRequiredService<ReturnsImport>().ImportFileAsync(reference, file, CommissioningViewer.Console(CliContext.Actor), cancellationToken);
            if (!outcome.Succeeded) return await ProblemsAsync(context, outcome.Problems);
            await TableWriter.WriteAsync(context.Output, output, CommissioningTables.Statuses(reference, outcome.Statuses));
            await context.Error.WriteLineAsync($"{outcome.Stored} new and {outcome.Replaced} replaced values stored; {outcome.Statuses.Count(s => s.Opened is not null)} remedial plan(s) opened.");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Coverage(CliContext context)
    {
        var format = PlaceOptions.Format();
        var asAt = PlaceOptions.AsAt();
        var level = new Option<string?>("--level") { Description = "The places of the matrix: District (default), Alliance, Ward, Msoa, Lsoa or Ics" };
        var command = new Command("coverage", "Who delivers what, as at a day: " + string.Join(",", CommissioningTables.CoverageColumns)
            + "; status covered (one contract), overlap (two or more) or gap (a framework priority or target with no contract); money in whole pence a year.")
        {
            asAt, level, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reader = new PlaceOptions.Reader(parse, context.Error);
            var output = reader.Format(format);
            var date = reader.Date(asAt);
            var type = reader.Type(level);
            if (reader.Failed) return CliApp.BadInput;
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var answer = await scope.ServiceProvider.GetRequiredService<CoverageQueries>().MatrixAsync(date ?? Today(scope.ServiceProvider), type ?? AreaType.District, cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            await TableWriter.WriteAsync(context.Output, output, CommissioningTables.Coverage(answer.Value!));
            foreach (var line in answer.Value!.Unplaced) await context.Error.WriteLineAsync($"note: {line.ContractRef} line {line.Line} ({line.Area}) is in no {answer.Value.Level.LowerLabel()} of the ICS");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Balance(CliContext context) =>
        TableCommand(context, "balance", "Every partner's position in every pooled fund's year: " + string.Join(",", CommissioningTables.BalanceColumns) + " (balance = contributed − committed).", [],
            async (_, services, cancellationToken) => CommissioningTables.Balances(await services.GetRequiredService<FundBook>().BalancesAsync(cancellationToken)));

    private static Command DefineFund(CliContext context)
    {
        var code = new Argument<string>("code") { Description = "A short code, e.g. MSE-PREV" };
        var name = new Option<string>("--name") { Description = "The fund's name", Required = true };
        var arrangement = new Option<string>("--arrangement") { Description = "section75, bcf, aligned or other", Required = true };
        var host = new Option<string>("--host") { Description = "The partner that hosts it (name or identifier)", Required = true };
        var description = new Option<string?>("--description") { Description = "What it is for" };
        var command = new Command("define", "Defines a pooled fund.") { code, name, arrangement, host, description };
        command.SetAction((parse, cancellationToken) => FundAsync(context, parse, async book =>
            (await book.DefineAsync(parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(arrangement)!, parse.GetValue(host)!, parse.GetValue(description) ?? "", CliContext.Actor, cancellationToken)).Refusal,
            $"fund {parse.GetValue(code)} defined", cancellationToken));
        return command;
    }

    private static Command Contribute(CliContext context)
    {
        var fund = new Argument<string>("fund") { Description = "The fund's code" };
        var year = new Option<string>("--year") { Description = "The financial year, e.g. 2025/26", Required = true };
        var partner = new Option<string>("--partner") { Description = "The contributing partner (name or identifier)", Required = true };
        var amount = new Option<string>("--amount") { Description = "Pounds, at most two decimals (e.g. 250000 or 250000.50)", Required = true };
        var note = new Option<string?>("--note") { Description = "A note (e.g. the agreement it is under)" };
        var command = new Command("contribute", "Records a partner's contribution to a fund's year.") { fund, year, partner, amount, note };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Pence.TryParsePounds(parse.GetValue(amount), out var pence)) return await PlaceCommands.FailAsync(context, $"--amount '{parse.GetValue(amount)}' is not an amount in pounds (e.g. 250000.50)");
            return await FundAsync(context, parse, async book =>
                (await book.ContributeAsync(parse.GetValue(fund)!, parse.GetValue(year)!, parse.GetValue(partner)!, pence, parse.GetValue(note) ?? "", CliContext.Actor, cancellationToken)).Refusal,
                $"{Pence.Format(pence)} from {parse.GetValue(partner)} to {parse.GetValue(fund)} {parse.GetValue(year)}", cancellationToken);
        });
        return command;
    }

    private static Command Earmark(CliContext context)
    {
        var fund = new Argument<string>("fund") { Description = "The fund's code" };
        var year = new Option<string>("--year") { Description = "The financial year, e.g. 2025/26", Required = true };
        var name = new Option<string?>("--name") { Description = "The earmark's name (not with --run)" };
        var amount = new Option<string?>("--amount") { Description = "Pounds (not with --run)" };
        var domain = new Option<string?>("--domain") { Description = "A domain of the outcomes framework, e.g. DietAndExercise" };
        var area = new Option<string?>("--area") { Description = "A place code (not with --run)" };
        var run = new Option<string?>("--run") { Description = "A saved allocation run: one earmark per place, each the run's allocation there" };
        var command = new Command("earmark", "Earmarks money of a fund's year for a domain and a place, by hand or from an allocation run.") { fund, year, name, amount, domain, area, run };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(run) is { } runText)
            {
                if (!long.TryParse(runText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return await PlaceCommands.FailAsync(context, $"--run '{runText}' is not a run number");
                if (parse.GetValue(name) is not null || parse.GetValue(amount) is not null || parse.GetValue(area) is not null)
                    return await PlaceCommands.FailAsync(context, "--run gives the names, places and amounts: leave out --name, --amount and --area");
                return await FundAsync(context, parse, async book =>
                    (await book.EarmarkFromRunAsync(parse.GetValue(fund)!, parse.GetValue(year)!, id, parse.GetValue(domain), CliContext.Actor, cancellationToken)).Refusal,
                    $"{parse.GetValue(fund)} {parse.GetValue(year)} earmarked from run {id}", cancellationToken);
            }

            if (parse.GetValue(name) is not { } label) return await PlaceCommands.FailAsync(context, "give --name and --amount, or --run");
            if (!Pence.TryParsePounds(parse.GetValue(amount), out var pence)) return await PlaceCommands.FailAsync(context, $"--amount '{parse.GetValue(amount)}' is not an amount in pounds");
            return await FundAsync(context, parse, async book =>
                (await book.EarmarkAsync(parse.GetValue(fund)!, parse.GetValue(year)!, label, parse.GetValue(domain), parse.GetValue(area), pence, CliContext.Actor, cancellationToken)).Refusal,
                $"{Pence.Format(pence)} of {parse.GetValue(fund)} {parse.GetValue(year)} earmarked for '{label}'", cancellationToken);
        });
        return command;
    }

    private static Command Value(CliContext context)
    {
        var format = PlaceOptions.Format();
        var year = new Option<string?>("--year") { Description = "The financial year, e.g. 2024/25 (default: the last that has ended)" };
        var command = new Command("value", "Value for money per contract and service line in a financial year: " + string.Join(",", CommissioningTables.ValueColumns)
            + " (changes as fractions: 0.3 is +30 %).") { year, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reader = new PlaceOptions.Reader(parse, context.Error);
            var output = reader.Format(format);
            if (reader.Failed) return CliApp.BadInput;
            FinancialYear? chosen = null;
            if (parse.GetValue(year) is { } text)
            {
                if (!FinancialYear.TryParse(text, out var fy, out var error)) return await PlaceCommands.FailAsync(context, "--year " + error);
                chosen = fy;
            }

            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            var rows = await scope.ServiceProvider.GetRequiredService<ValueQueries>().ValueAsync(chosen ?? FinancialYear.LastEndedBy(Today(scope.ServiceProvider)), CommissioningViewer.Console(CliContext.Actor), cancellationToken);
            await TableWriter.WriteAsync(context.Output, output, CommissioningTables.Value(rows));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command ListPlans(CliContext context)
    {
        var all = new Option<bool>("--all") { Description = "Closed plans too" };
        return TableCommand(context, "list", "Remedial plans: " + string.Join(",", CommissioningTables.PlanColumns) + ".", [all], async (parse, services, cancellationToken) =>
            CommissioningTables.Plans(await services.GetRequiredService<RemedialPlanning>().ListAsync(CommissioningViewer.Console(CliContext.Actor), !parse.GetValue(all), cancellationToken: cancellationToken)));
    }

    /// <summary>A command that writes one table from the store (<c>--format table|csv</c>).</summary>
    private static Command TableCommand(CliContext context, string name, string description, IReadOnlyList<Option> options, Func<ParseResult, IServiceProvider, CancellationToken, Task<TextTable>> table)
    {
        var format = PlaceOptions.Format();
        var command = new Command(name, description) { format };
        foreach (var option in options) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reader = new PlaceOptions.Reader(parse, context.Error);
            var output = reader.Format(format);
            if (reader.Failed) return CliApp.BadInput;
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
            await TableWriter.WriteAsync(context.Output, output, await table(parse, scope.ServiceProvider, cancellationToken));
            return CliApp.Ok;
        });
        return command;
    }

    private static DateOnly Today(IServiceProvider services) => DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    private static async Task<int> ImportAsync(
        CliContext context, ParseResult parse, string file, Func<IServiceProvider, string, Task<ImportOutcome>> import, string what, CancellationToken cancellationToken)
    {
        if (!File.Exists(file)) return await PlaceCommands.FailAsync(context, $"no such file: {file}");
        await using var services = context.Services(parse);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
        var outcome = await import(scope.ServiceProvider, file);
        if (!outcome.Succeeded) return await ProblemsAsync(context, outcome.Problems);
        await context.Output.WriteLineAsync($"{outcome.Added} {what}{(outcome.Added == 1 ? "" : "s")} added, {outcome.Updated} updated.");
        return CliApp.Ok;
    }

    private static async Task<int> FundAsync(CliContext context, ParseResult parse, Func<FundBook, Task<Refusal?>> change, string done, CancellationToken cancellationToken)
    {
        await using var services = context.Services(parse);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAsync(cancellationToken);
        if (await change(scope.ServiceProvider.GetRequiredService<FundBook>()) is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
        await context.Output.WriteLineAsync(done + ".");
        return CliApp.Ok;
    }

    private static async Task<int> ProblemsAsync(CliContext context, IReadOnlyList<FileProblem> problems)
    {
        foreach (var problem in problems) await context.Error.WriteLineAsync($"error: {problem}");
        await context.Error.WriteLineAsync($"{problems.Count}{(problems.Count >= FileProblems.Limit ? "+" : "")} problem{(problems.Count == 1 ? "" : "s")}: nothing was saved.");
        return CliApp.BadInput;
    }
}
