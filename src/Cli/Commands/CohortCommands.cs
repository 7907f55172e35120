using System.CommandLine;
using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Application.Targeting;
using Commonweal.Core.Places;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary><c>cohort count|export</c>: person cohorts over the stored population, counted by place or (for the roles that need it) listed.</summary>
public static class CohortCommands
{
    private const string RuleHelp = "Which people, e.g. \"age >= 65 and efi_category = severe\", \"core20 and (diabetes or copd)\", \"tier = very_high and district = E06000033\" (docs/methods/cohort-rules.md)";

    public static Command Create(CliContext context) =>
        new("cohort", "Person cohorts over the stored population: counts by place for everyone, lists of people for the roles that need them.") { Count(context), Export(context) };

    private static Command Count(CliContext context)
    {
        var rule = new Option<string>("--rule") { Description = RuleHelp, Required = true };
        var by = new Option<string?>("--by") { Description = $"Count by this type of place within the ICS ({string.Join(", ", Enum.GetNames<AreaType>())}); practices and PCNs by registration, others by residence", Required = true };
        var asAt = PlaceOptions.AsAt();
        var format = PlaceOptions.Format();
        var command = new Command("count", "How many people the rule selects in each place, of how many: area_code, count, population, share. Counts 1–4 and populations under 10 are suppressed (empty), and where one area's is, the next smallest too.")
        {
            rule, by, asAt, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reader = new PlaceOptions.Reader(parse, context.Error);
            var type = reader.Type(by);
            var date = reader.Date(asAt);
            var output = reader.Format(format);
            if (reader.Failed) return CliApp.BadInput;
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var answer = await scope.ServiceProvider.GetRequiredService<PersonCohorts>().CountAsync(parse.GetValue(rule), type!.Value, date, cancellationToken: cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            await TableWriter.WriteAsync(context.Output, output, TargetingTables.CohortCounts(answer.Value!));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Export(CliContext context)
    {
        var rule = new Option<string>("--rule") { Description = RuleHelp, Required = true };
        var user = new Option<string>("--user") { Description = "Your Commonweal user name; your password is read from standard input. Only the roles that need lists of people (Analyst, Referrer) may export, and every export is audited.", Required = true };
        var command = new Command("export", "The people the rule selects, as CSV, pseudonymous, in canonical order: person_id, household_id, age, sex, lsoa_code, district_code, practice_code, risk_score, tier, segment, efi_deficits, characteristics, risk_factors.")
        {
            rule, user,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var password = (await context.Input.ReadLineAsync(cancellationToken))?.TrimEnd('\r');
            if (string.IsNullOrEmpty(password))
            {
                await context.Error.WriteLineAsync("error: give your password on standard input, e.g.  printf '%s\\n' \"$PASSWORD\" | commonweal cohort export --user NAME --rule \"…\"");
                return CliApp.BadInput;
            }

            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var name = parse.GetValue(user)!;
            var roles = await scope.ServiceProvider.GetRequiredService<UserAdministration>().VerifyAsync(name, password);
            if (roles is null) return await PlaceCommands.FailAsync(context, $"the user name or password is not right (or the account '{name}' is disabled or locked out)");
            var answer = await scope.ServiceProvider.GetRequiredService<PersonCohorts>().ListAsync(parse.GetValue(rule), new Viewer("cli:" + name, roles), "export", cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            await TableWriter.WriteAsync(context.Output, ListFormat.Csv, TargetingTables.CohortMembers(answer.Value!));
            return CliApp.Ok;
        });
        return command;
    }
}
