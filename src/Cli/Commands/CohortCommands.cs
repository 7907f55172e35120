using System.CommandLine;
using Commonweal.Application.Access;
using Commonweal.Application.Places;
using Commonweal.Application.Targeting;
using Commonweal.Core.Places;
using Commonweal.Core.Targeting;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli.Commands;

/// <summary><c>cohort count|export</c>: person cohorts over the stored population, counted by place or (for the roles that need it) listed.</summary>
public static class CohortCommands
{
    private const string RuleHelp = "Which people, e.g. \"age >= 65 and efi_category = severe\", \"core20 and (diabetes or copd)\", \"tier = very_high and district = E06000033\" (docs/methods/cohort-rules.md)";

    public static Command Create(CliContext context) =>
        new("cohort", "Person cohorts over the stored population: counts by place for everyone, lists of people for the roles that need them; named, versioned cohort definitions.")
        {
            Count(context), Export(context), List(context), Define(context),
        };

    private static Option<string?> RuleOption() => new("--rule") { Description = RuleHelp };

    private static Option<string?> CohortOption() => new("--cohort") { Description = "A named cohort of people instead of --rule, at its latest version or name@version (see cohort list)" };

    /// <summary>The rule given, or the named cohort's; null (with the reason written) when neither or both are given, or the cohort is not one of people.</summary>
    private static async Task<string?> RuleAsync(CliContext context, ParseResult parse, IServiceProvider services, Option<string?> rule, Option<string?> cohort, CancellationToken cancellationToken)
    {
        var (text, name) = (parse.GetValue(rule), parse.GetValue(cohort));
        if ((text is null) == (name is null))
        {
            await context.Error.WriteLineAsync("error: give either --rule \"<rule>\" or --cohort <name> (one of them)");
            return null;
        }

        if (name is null) return text;
        var found = await services.GetRequiredService<CohortLibrary>().FindAsync(name, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            await context.Error.WriteLineAsync("error: " + refusal.Detail);
            return null;
        }

        if (found.Value!.Subject != CohortSubject.Person)
        {
            await context.Error.WriteLineAsync($"error: '{name}' is a cohort of places (LSOAs); use it with targeting lsoas|shares --rule \"{found.Value.Rule}\"");
            return null;
        }

        return found.Value.Rule;
    }

    private static Command List(CliContext context)
    {
        var format = PlaceOptions.Format();
        var command = new Command("list", "The named cohorts, each at its latest version: name, version, subject (place or person), rule, description, created_at, created_by. The Core20PLUS5 cohorts are built in (version 1, by commonweal).") { format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reader = new PlaceOptions.Reader(parse, context.Error);
            var output = reader.Format(format);
            if (reader.Failed) return CliApp.BadInput;
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var all = await scope.ServiceProvider.GetRequiredService<CohortLibrary>().ListAsync(cancellationToken);
            await TableWriter.WriteAsync(context.Output, output, TargetingTables.Cohorts(all));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Define(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "The cohort's name: lower-case letters, digits and hyphens (a name already used gets a new version)", Required = true };
        var about = new Option<string>("--about") { Description = "What the rule is over: person or place", Required = true };
        var rule = new Option<string>("--rule") { Description = "The rule (docs/methods/cohort-rules.md)", Required = true };
        var description = new Option<string>("--description") { Description = "Who or where the cohort is, in words", Required = true };
        var command = new Command("define", "Add a named cohort, or a new version of one (earlier versions stay); audited.") { name, about, rule, description };
        command.SetAction(async (parse, cancellationToken) =>
        {
            CohortSubject? subject = parse.GetValue(about)?.ToLowerInvariant() switch { "person" => CohortSubject.Person, "place" => CohortSubject.Place, _ => null };
            if (subject is null) return await PlaceCommands.FailAsync(context, $"--about '{parse.GetValue(about)}' is not person or place");
            await using var services = context.Services(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().MigrateAndSeedAsync(cancellationToken);
            var answer = await scope.ServiceProvider.GetRequiredService<CohortLibrary>().DefineAsync(parse.GetValue(name)!, subject.Value, parse.GetValue(rule)!, parse.GetValue(description)!, CliContext.Actor, cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            await context.Output.WriteLineAsync($"defined {answer.Value!.Name} version {answer.Value.Version} ({subject.Value.ToString().ToLowerInvariant()}): {answer.Value.Rule}");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Count(CliContext context)
    {
        var rule = RuleOption();
        var cohort = CohortOption();
        var by = new Option<string?>("--by") { Description = $"Count by this type of place within the ICS ({string.Join(", ", Enum.GetNames<AreaType>())}); practices and PCNs by registration, others by residence", Required = true };
        var asAt = PlaceOptions.AsAt();
        var format = PlaceOptions.Format();
        var command = new Command("count", "How many people the rule selects in each place, of how many: area_code, count, population, share. Counts 1–4 and populations under 10 are suppressed (empty), and where one area's is, the next smallest too.")
        {
            rule, cohort, by, asAt, format,
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
            if (await RuleAsync(context, parse, scope.ServiceProvider, rule, cohort, cancellationToken) is not { } text) return CliApp.BadInput;
            var answer = await scope.ServiceProvider.GetRequiredService<PersonCohorts>().CountAsync(text, type!.Value, date, cancellationToken: cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            await TableWriter.WriteAsync(context.Output, output, TargetingTables.CohortCounts(answer.Value!));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Export(CliContext context)
    {
        var rule = RuleOption();
        var cohort = CohortOption();
        var user = new Option<string>("--user") { Description = "Your Commonweal user name; your password is read from standard input. Only the roles that need lists of people (Analyst, Referrer) may export, and every export is audited.", Required = true };
        var command = new Command("export", "The people the rule selects, as CSV, pseudonymous, in canonical order: person_id, household_id, age, sex, lsoa_code, district_code, practice_code, risk_score, tier, segment, efi_deficits, characteristics, risk_factors.")
        {
            rule, cohort, user,
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
            if (await RuleAsync(context, parse, scope.ServiceProvider, rule, cohort, cancellationToken) is not { } text) return CliApp.BadInput;
            var answer = await scope.ServiceProvider.GetRequiredService<PersonCohorts>().ListAsync(text, new Viewer("cli:" + name, roles), "export", cancellationToken);
            if (answer.Refusal is { } refusal) return await PlaceCommands.FailAsync(context, refusal.Detail);
            await TableWriter.WriteAsync(context.Output, ListFormat.Csv, TargetingTables.CohortMembers(answer.Value!));
            return CliApp.Ok;
        });
        return command;
    }
}
