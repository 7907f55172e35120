using System.Globalization;
using System.Text;
using Commonweal.Application.Places;
using Commonweal.Core.Places;

namespace Commonweal.Web;

/// <summary>A query parameter a user got wrong: its name, a short title and what to give instead.</summary>
public sealed record ParameterProblem(string Parameter, string Title, string Detail);

/// <summary>
/// The <c>?asAt=YYYY-MM-DD</c> and <c>?vintage=iod2019|iod2025</c> every place page and API call takes, checked once:
/// empty means the default (today; the setting, else the latest edition loaded). Links between pages carry the values
/// the user chose, and only those, so a page opened without them keeps following "today".
/// </summary>
public sealed record ViewParameters(DateOnly? AsAt, IodVintage? Vintage, IReadOnlyList<ParameterProblem> Problems)
{
    public const string AsAtName = "asAt";
    public const string VintageName = "vintage";

    public static readonly ViewParameters None = new(null, null, []);

    public bool IsValid => Problems.Count == 0;

    public ViewRequest Request => new(AsAt, Vintage);

    public static ViewParameters Parse(string? asAt, string? vintage)
    {
        var problems = new List<ParameterProblem>();
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(asAt))
        {
            if (TryParseDate(asAt.Trim(), out var parsed)) date = parsed;
            else problems.Add(new ParameterProblem(AsAtName, $"{AsAtName} is not a date", $"{AsAtName} '{asAt}' is not a date in the form YYYY-MM-DD, e.g. 2026-04-01."));
        }

        IodVintage? edition = null;
        if (!string.IsNullOrWhiteSpace(vintage))
        {
            if (IodVintages.TryParse(vintage.Trim(), out var parsed)) edition = parsed;
            else problems.Add(new ParameterProblem(VintageName, $"{VintageName} is not an edition of the Indices", $"{VintageName} '{vintage}' is not an edition of the Indices of Deprivation: give iod2019 (2011 LSOAs) or iod2025 (2021 LSOAs)."));
        }

        return new ViewParameters(date, edition, problems);
    }

    /// <summary>Dates as the date input and the command line write them; years 1000–9999 only, so the pages can name them.</summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date.Year >= 1000;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A link to <paramref name="path"/> that keeps the date and edition chosen, plus any other parameters given (null ones left out).</summary>
    public string Href(string path, params (string Name, string? Value)[] extra)
    {
        var query = new StringBuilder();
        void Add(string name, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        foreach (var (name, value) in extra) Add(name, value);
        if (!extra.Any(e => e.Name == AsAtName)) Add(AsAtName, AsAt is { } d ? Iso(d) : null);
        if (!extra.Any(e => e.Name == VintageName)) Add(VintageName, Vintage?.Code());
        return path + query;
    }

    /// <summary>The same choice with another edition (e.g. the LSOAs of 2011 link with IoD2019).</summary>
    public ViewParameters WithVintage(IodVintage? vintage) => this with { Vintage = vintage };
}
