namespace Commonweal.Core;

/// <summary>
/// The day it is in England at a moment: the date a referral came in, the date a service level counts from, today for a
/// form's date checks and for "as at" places. Without the tz database (a bare container) the day is UTC's, an hour out
/// only in summer.
/// </summary>
public static class EnglandDate
{
    private static readonly TimeZoneInfo England =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly On(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, England).DateTime);
}
