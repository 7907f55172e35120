using System.Text;

namespace Commonweal.Core.Referrals;

/// <summary>
/// The lower-kebab code of an enum value ("PhysicalActivity" → "physical-activity") and back. The codes are what crosses
/// a file, a FHIR answer or a URL, so they are worked out once from the names and never typed twice.
/// </summary>
internal static class EnumCodes<T>
    where T : struct, Enum
{
    private static readonly T[] Values = Enum.GetValues<T>();
    private static readonly string[] Codes = [.. Values.Select(v => Kebab(v.ToString()))];

    /// <summary>Every code, in the enum's order, joined for a message ("a, b, c").</summary>
    public static string List { get; } = string.Join(", ", Codes);

    public static string Code(T value) => Codes[Array.IndexOf(Values, value)];

    /// <summary>The value whose code is <paramref name="text"/> (case and surrounding spaces ignored).</summary>
    public static bool TryParse(string? text, out T value)
    {
        var i = Array.FindIndex(Codes, c => string.Equals(c, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = i < 0 ? default : Values[i];
        return i >= 0;
    }

    private static string Kebab(string name)
    {
        var s = new StringBuilder(name.Length + 4);
        for (var k = 0; k < name.Length; k++)
        {
            if (char.IsAsciiLetterUpper(name[k]) && k > 0) s.Append('-');
            s.Append(char.ToLowerInvariant(name[k]));
        }

        return s.ToString();
    }
}
