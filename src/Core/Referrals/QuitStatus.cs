namespace Commonweal.Core.Referrals;

/// <summary>
/// Smoking status four weeks after the quit date, as NHS Stop Smoking Services report it (NCSCT, Russell Standard): quit
/// and confirmed by a carbon monoxide reading under 10 ppm, quit by the person's own report, not quit, or lost to
/// follow-up (counted as still smoking).
/// </summary>
public enum QuitStatus
{
    QuitCoVerified,
    QuitSelfReported,
    NotQuit,
    LostToFollowUp,
}

/// <summary>Codes and words for <see cref="QuitStatus"/>: "quit-co-verified", "quit-self-reported", "not-quit", "lost-to-follow-up".</summary>
public static class QuitStatuses
{
    public static IReadOnlyList<QuitStatus> All { get; } = Enum.GetValues<QuitStatus>();

    public static string Code(QuitStatus status) => EnumCodes<QuitStatus>.Code(status);

    public static bool TryParse(string? text, out QuitStatus status) => EnumCodes<QuitStatus>.TryParse(text, out status);

    public static string CodeList => EnumCodes<QuitStatus>.List;

    /// <summary>A four-week quit, CO-verified or self-reported (the Russell Standard's quit).</summary>
    public static bool IsQuit(QuitStatus status) => status is QuitStatus.QuitCoVerified or QuitStatus.QuitSelfReported;

    public static string Words(QuitStatus status) => status switch
    {
        QuitStatus.QuitCoVerified => "quit, confirmed by a carbon monoxide reading",
        QuitStatus.QuitSelfReported => "quit, by their own report",
        QuitStatus.NotQuit => "not quit",
        QuitStatus.LostToFollowUp => "lost to follow-up",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
