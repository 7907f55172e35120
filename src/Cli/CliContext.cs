using System.CommandLine;
using Commonweal.Application;
using Commonweal.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Cli;

/// <summary>What every command shares: the console, and how to reach the store the user chose.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, TextReader input)
{
    public static readonly Option<string?> DatabaseOption = new("--database")
    {
        Description = "SQLite file path or PostgreSQL connection string (default: COMMONWEAL_DATABASE, else the embedded SQLite file under your data directory)",
        Recursive = true,
    };

    public static readonly Option<string?> IcsOption = new("--ics")
    {
        Description = "ICS description: mid-and-south-essex (the default), essex (NHS Essex ICB, from April 2026), or the path of an ICS's own file (default: COMMONWEAL_ICS)",
        Recursive = true,
    };

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public TextReader Input { get; } = input;

    /// <summary>Who the audit trail names for work done at the command line.</summary>
    public static string Actor => "cli:" + Environment.UserName;

#pragma warning disable CA1822 // an instance method so commands reach the store through the context they were given
    public ServiceProvider Services(ParseResult parse)
    {
        var setting = parse.GetValue(DatabaseOption) ?? Environment.GetEnvironmentVariable("COMMONWEAL_DATABASE");
        var ics = parse.GetValue(IcsOption) ?? Environment.GetEnvironmentVariable("COMMONWEAL_ICS");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPersistence(DatabaseSettings.FromSetting(setting));
        services.AddApplication(string.IsNullOrWhiteSpace(ics) ? null : ics);
        services.AddCommonwealIdentityCore();
        return services.BuildServiceProvider();
    }
}
