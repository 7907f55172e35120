using System.CommandLine;
using System.Globalization;
using Commonweal.Core.Places;

namespace Commonweal.Cli.Commands;

/// <summary>The options the place commands share, each checked with a plain message when it is wrong.</summary>
public static class PlaceOptions
{
    public static Option<string?> AsAt() => new("--as-at") { Description = "Answer as at this date, YYYY-MM-DD (default: today)" };

    public static Option<string?> Within(string description) => new("--in") { Description = description };

    public static Option<string?> Vintage() => new("--vintage") { Description = "Edition of the Indices of Deprivation: iod2019 (2011 LSOAs) or iod2025 (2021 LSOAs); default: the setting, else the latest loaded" };

    public static Option<string> Format() => new("--format") { Description = "Output format: table (default) or csv", DefaultValueFactory = _ => "table" };

    /// <summary>Parses the options given; the first problem is written to the error output and the parse fails.</summary>
    public sealed class Reader(ParseResult parse, TextWriter error)
    {
        public bool Failed { get; private set; }

        public DateOnly? Date(Option<string?> option)
        {
            if (parse.GetValue(option) is not { } text) return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            return Fail<DateOnly?>($"{option.Name} '{text}' is not a date in the form YYYY-MM-DD");
        }

        public AreaCode? Code(Option<string?> option)
        {
            if (parse.GetValue(option) is not { } text) return null;
            return AreaCode.TryParse(text, out var code, out var problem) ? code : Fail<AreaCode?>($"{option.Name}: {problem}");
        }

        public IodVintage? Vintage(Option<string?> option)
        {
            if (parse.GetValue(option) is not { } text) return null;
            return IodVintages.TryParse(text, out var vintage) ? vintage : Fail<IodVintage?>($"{option.Name} '{text}' is not an edition of the Indices (iod2019 or iod2025)");
        }

        public AreaType? Type(Option<string?> option)
        {
            if (parse.GetValue(option) is not { } text) return null;
            return AreaTypeNames.TryParse(text, out var type)
                ? type
                : Fail<AreaType?>($"{option.Name} '{text}' is not a place type ({string.Join(", ", Enum.GetNames<AreaType>())})");
        }

        public ListFormat Format(Option<string> option)
        {
            var text = parse.GetValue(option) ?? "table";
            return text.ToLowerInvariant() switch
            {
                "table" => ListFormat.Table,
                "csv" => ListFormat.Csv,
                _ => Fail<ListFormat>($"{option.Name} '{text}' is not a format (table or csv)"),
            };
        }

        private T Fail<T>(string message)
        {
            if (!Failed) error.WriteLine("error: " + message);
            Failed = true;
            return default!;
        }
    }
}
