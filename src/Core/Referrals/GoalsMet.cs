namespace Commonweal.Core.Referrals;

/// <summary>Whether the goals the person set at the start of support were met: met, partly met, or not met.</summary>
public enum GoalsMet
{
    Met,
    Partly,
    NotMet,
}

/// <summary>Codes and words for <see cref="GoalsMet"/>: "met", "partly", "not-met".</summary>
public static class GoalsMetCodes
{
    public static IReadOnlyList<GoalsMet> All { get; } = Enum.GetValues<GoalsMet>();

    public static string Code(GoalsMet goals) => EnumCodes<GoalsMet>.Code(goals);

    public static bool TryParse(string? text, out GoalsMet goals) => EnumCodes<GoalsMet>.TryParse(text, out goals);

    public static string CodeList => EnumCodes<GoalsMet>.List;

    public static string Words(GoalsMet goals) => goals switch
    {
        GoalsMet.Met => "met",
        GoalsMet.Partly => "partly met",
        GoalsMet.NotMet => "not met",
        _ => throw new ArgumentOutOfRangeException(nameof(goals), goals, null),
    };
}
