namespace Commonweal.Application.Places.Demo;

/// <summary>
/// Invented English place names ("Saltmead", "Hazelford North", "Rookley and Fenwick"), each used once, for wards and
/// the practices and PCNs named after them. They may happen to match a real place somewhere; the codes never will.
/// </summary>
internal sealed class DemoPlaceNames(Random rng)
{
    private static readonly string[] Heads =
    [
        "Ash", "Bar", "Beck", "Birch", "Black", "Bram", "Bur", "Chal", "Cold", "Crow", "Dun", "Elm", "Fair", "Fen",
        "Fox", "Gold", "Hare", "Hart", "Hazel", "Hol", "Kings", "Lark", "Lang", "Marl", "Mill", "Moor", "Nor", "Oak",
        "Pen", "Queens", "Red", "Reed", "Rook", "Rush", "Salt", "Sand", "Shel", "Stan", "Stone", "Swan", "Thorn",
        "Wal", "Wheat", "Whit", "Wil", "Yel",
    ];

    private static readonly string[] Tails =
    [
        "bourne", "bridge", "brook", "bury", "church", "croft", "den", "don", "field", "ford", "gate", "hall", "ham",
        "hurst", "ley", "marsh", "mead", "mere", "stead", "ton", "well", "wick", "wood", "worth",
    ];

    private static readonly string[] Qualifiers = ["North", "South", "East", "West", "Central", "Park", "Green", "Village"];

    private readonly HashSet<string> used = [];

    /// <summary>A ward name and the place it is named after.</summary>
    public (string Name, string Place) Ward()
    {
        var place = Place();
        var roll = rng.NextDouble();
        var name = roll < 0.3 ? $"{place} {Qualifiers[rng.Next(Qualifiers.Length)]}"
            : roll < 0.45 ? $"{place} and {Place()}"
            : place;
        return (name, place);
    }

    private string Place()
    {
        for (var attempt = 1; ; attempt++)
        {
            var head = Heads[rng.Next(Heads.Length)];
            var tail = Tails[rng.Next(Tails.Length)];
            // "Hart" + "ton" reads as Harton, not Hartton.
            var name = head[^1] == tail[0] ? head + tail[1..] : head + tail;
            if (attempt > 50) name += $" {attempt}";
            if (used.Add(name)) return name;
        }
    }
}
