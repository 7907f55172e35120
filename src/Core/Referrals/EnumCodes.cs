namespace Commonweal.Core.Referrals;

/// <summary>
/// The lower-kebab code of an enum value ("PhysicalActivity" → "physical-activity") and back. The codes are what crosses
/// a file, a FHIR answer or a URL, so they are worked out once from the names and never typed twice.
/// </summary>
internal static class EnumCodes<T>
    where T : struct, Enum
{
    private static readonly T[] Values = Enum.GetValues<T>();
    private static readonly string[] Codes = [.. Values.Select(v => EnumNames.Kebab(v.ToString()))];

    /// <summary>Every code, in the enum's order, joined for a message ("a, b, c").</summary>
    public static string List { get; } = string.Join(", ", Codes);

    public static string Code(T value) => Codes[Array.IndexOf(Values, value)];

    /// <summary>The value whose code is <paramref name="text"/> (case and surrounding spaces ignored).</summary>
    public static bool TryParse(string? text, out T value) => EnumNames.TryParseCode(text, Code, out value);
}
