using System.CommandLine;
using Commonweal.Cli.Commands;
using Commonweal.Cli.Commands.Stats;

namespace Commonweal.Cli;

/// <summary>The <c>commonweal</c> command line: one root, one file of commands per capability.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input)
    {
        var context = new CliContext(output, error, input);
        var root = new RootCommand("Commonweal: places, populations and need for an integrated care system's prevention and wellbeing commissioning.");
        // The commands that use the store take --database and --ics; stats works on files alone, so its help does not offer them.
        Command[] storeCommands =
        [
            DatabaseCommands.Create(context), ImportCommands.Create(context), DemoCommands.Create(context),
            UserCommands.Create(context), PlaceCommands.Create(context), DeprivationCommands.Create(context), TargetingCommands.Create(context), PopulationCommands.Create(context), RiskCommands.Create(context), CohortCommands.Create(context), AllocationCommands.Allocate(context), AllocationCommands.Create(context), SettingsCommands.Create(context),
            IndicatorCommands.Create(context), TargetCommands.Create(context), ReportCommands.Create(context),
            .. CommissioningCommands.Create(context),
            ClientCommands.Create(context),
        ];
        foreach (var command in storeCommands)
        {
            command.Options.Add(CliContext.DatabaseOption);
            command.Options.Add(CliContext.IcsOption);
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(StatsCommands.Create(context));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && !args.Contains("--help") && !args.Contains("-h") && !args.Contains("-?"))
        {
            foreach (var problem in parsed.Errors) await error.WriteLineAsync("error: " + problem.Message);
            // The command the mistake was made in, so the hint never reads as a command of its own ("add --help").
            var path = new List<string>();
            for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
                path.Insert(0, result.Parent is null ? "commonweal" : result.Command.Name);
            await error.WriteLineAsync($"(see {string.Join(' ', path)} --help for its commands and options)");
            return BadInput;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
