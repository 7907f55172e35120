using Commonweal.Application.Places;
using Commonweal.Core.Places;

namespace Commonweal.Web.Features.Places;

/// <summary>
/// Places listed as <c>commonweal places list</c> lists them, for the API and the CSV download: those in force on the
/// date (LSOAs of the Census in force then, or of the edition asked for); of a type (default: districts), or within a
/// place — anywhere within it when a type is given, else directly — ordered by type, then code.
/// </summary>
public sealed record PlaceListing(PlaceGraph Graph, Area? Within, AreaType? Type, IReadOnlyList<Area> Places)
{
    /// <summary>Either the listing, or the parameter that is wrong, or why the place asked about cannot be listed.</summary>
    public sealed record Outcome(PlaceListing? Listing, ParameterProblem? Problem, Refusal? Refusal);

    public static async Task<Outcome> RunAsync(PlaceQueries places, string? type, string? within, ViewParameters view, CancellationToken cancellationToken)
    {
        if (view.Problems is [var bad, ..]) return new Outcome(null, bad, null);
        AreaType? wanted = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (char.IsAsciiDigit(type.Trim()[0]) || !Enum.TryParse<AreaType>(type, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return new Outcome(null, new ParameterProblem("type", $"type '{type}' is not a place type", $"type '{type}' is not a place type: use one of {string.Join(", ", Enum.GetNames<AreaType>())}."), null);
            wanted = parsed;
        }

        AreaCode? parent = null;
        if (!string.IsNullOrWhiteSpace(within))
        {
            if (!AreaCode.TryParse(within.Trim(), out var code, out var error))
                return new Outcome(null, new ParameterProblem("in", "in is not an area code", "in: " + error), null);
            parent = code;
        }

        var graph = view.Vintage is null
            ? await places.InForceAsync(view.AsAt, cancellationToken)
            : await places.GraphAsync(view.Request, cancellationToken);
        Area? area = null;
        IEnumerable<Area> found;
        if (parent is { } p)
        {
            area = graph.Find(p);
            if (area is null) return new Outcome(null, null, new Refusal("place not found", $"No place has the code {p}.", NotFound: true));
            if (!graph.Includes(area))
            {
                return new Outcome(null, null, new Refusal("place not in force",
                    $"{area.Name} ({area.Code}) did not exist on {ViewParameters.Iso(graph.AsAt)}: it is in force {area.Validity}."));
            }

            found = wanted is { } t ? graph.Within(p, t) : graph.Children(p);
        }
        else
        {
            found = graph.OfType(wanted ?? AreaType.District);
        }

        return new Outcome(new PlaceListing(graph, area, wanted, [.. found.OrderBy(a => a.Type).ThenBy(a => a.Code)]), null, null);
    }
}
