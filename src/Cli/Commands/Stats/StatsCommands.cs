using System.CommandLine;

namespace Commonweal.Cli.Commands.Stats;

/// <summary><c>commonweal stats …</c>: the public-health statistics engine for analysts, CSV in and CSV out, one verb per method.</summary>
public static class StatsCommands
{
    public static Command Create(CliContext context)
    {
        var stats = new Command("stats", "Public-health statistics on CSV files (PHE/OHID methods and Making Data Count SPC): CSV with a header row in, CSV out. Exit code 0 when done; 2 for bad input or options (the message names the line and column, and nothing is written); 1 when a file cannot be read or written.");
        stats.Subcommands.Add(ProportionVerb.Create(context));
        stats.Subcommands.Add(RateVerb.Create(context));
        stats.Subcommands.Add(MeanVerb.Create(context));
        stats.Subcommands.Add(DsrVerb.Create(context));
        stats.Subcommands.Add(IsrVerb.Create(context));
        stats.Subcommands.Add(LifeExpectancyVerb.Create(context));
        stats.Subcommands.Add(SiiVerb.Create(context));
        stats.Subcommands.Add(QuantileVerb.Create(context));
        stats.Subcommands.Add(FunnelVerb.Create(context));
        stats.Subcommands.Add(BenchmarkVerb.Create(context));
        stats.Subcommands.Add(TrendVerb.Create(context));
        stats.Subcommands.Add(SpcVerb.Create(context));
        return stats;
    }
}
