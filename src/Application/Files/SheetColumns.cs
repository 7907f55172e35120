namespace Commonweal.Application.Files;

/// <summary>Spreadsheet column letters: 1 ↔ A, 26 ↔ Z, 27 ↔ AA, 16384 ↔ XFD.</summary>
internal static class SheetColumns
{
    /// <summary>The letters of a 1-based column number.</summary>
    public static string Letters(int column)
    {
        Span<char> letters = stackalloc char[8];
        var at = letters.Length;
        for (var n = column; n > 0; n = (n - 1) / 26) letters[--at] = (char)('A' + ((n - 1) % 26));
        return new string(letters[at..]);
    }

    /// <summary>The 1-based column of a cell reference such as "C5" (its letters); 0 when it has none.</summary>
    public static int Number(ReadOnlySpan<char> reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            var upper = (char)(c & ~0x20);
            if (upper is < 'A' or > 'Z') break;
            column = (column * 26) + (upper - 'A' + 1);
        }

        return column;
    }
}
