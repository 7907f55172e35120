namespace Commonweal.Cli.Commands.Stats;

/// <summary>Bad input to a <c>stats</c> verb: the message names the file, line and column. Exit code 2, no output.</summary>
public sealed class StatsInputException(string message) : Exception(message);
