namespace Commonweal.Cli.Commands.Stats;

/// <summary>A file a <c>stats</c> verb cannot read or write: the message names it and says why. Exit code 1, no output.</summary>
public sealed class StatsFileException(string message) : Exception(message);
