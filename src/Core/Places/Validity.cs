using System.Globalization;

namespace Commonweal.Core.Places;

/// <summary>
/// The days on which something held: from <see cref="From"/> to <see cref="To"/>, both inclusive; a null end is open
/// (before the earliest source, or still holding).
/// </summary>
public readonly record struct Validity(DateOnly? From, DateOnly? To)
{
    public static readonly Validity Always = new(null, null);

    public bool IsEmpty => From is { } f && To is { } t && t < f;

    public bool Contains(DateOnly date) => (From is null || From <= date) && (To is null || date <= To);

    /// <summary>The day within this period nearest to <paramref name="date"/>.</summary>
    public DateOnly Clamp(DateOnly date) =>
        From is { } f && date < f ? f : To is { } t && date > t ? t : date;

    public Validity Intersect(Validity other) => new(
        From is null ? other.From : other.From is null ? From : (From > other.From ? From : other.From),
        To is null ? other.To : other.To is null ? To : (To < other.To ? To : other.To));

    /// <summary>"from 1 April 2026", "until 31 March 2026", "1 July 2022 to 31 March 2026" or "throughout" (open at both ends).</summary>
    public override string ToString() => (From, To) switch
    {
        (null, null) => "throughout",
        ({ } f, null) => "from " + Day(f),
        (null, { } t) => "until " + Day(t),
        ({ } f, { } t) => $"{Day(f)} to {Day(t)}",
    };

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
