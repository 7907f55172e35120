namespace Commonweal.Core;

/// <summary>
/// Reads an enum value by its name only, ignoring case and surrounding spaces: "DietAndExercise", "dietandexercise".
/// Unlike <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>, not a number ("3") nor a comma list of names
/// (which it would combine as flags into another value).
/// </summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        var trimmed = text?.Trim();
        foreach (var name in Enum.GetNames<T>())
            if (string.Equals(name, trimmed, StringComparison.OrdinalIgnoreCase))
                return Enum.TryParse(name, out value);
        return false;
    }

    /// <summary>
    /// Reads an enum value by the code files and the API write for it (<paramref name="code"/>: "psr-direct-c",
    /// "section75"), ignoring case and surrounding spaces; false for anything else.
    /// </summary>
    public static bool TryParseCode<T>(string? text, Func<T, string> code, out T value)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(code);
        var trimmed = text?.Trim();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (!string.Equals(trimmed, code(candidate), StringComparison.OrdinalIgnoreCase)) continue;
            value = candidate;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>An enum name as a lower-kebab code: "PhysicalActivity" → "physical-activity".</summary>
    public static string Kebab(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var s = new System.Text.StringBuilder(name.Length + 4);
        for (var k = 0; k < name.Length; k++)
        {
            if (char.IsAsciiLetterUpper(name[k]) && k > 0) s.Append('-');
            s.Append(char.ToLowerInvariant(name[k]));
        }

        return s.ToString();
    }
}
