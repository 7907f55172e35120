using Commonweal.Application.Places;
using Commonweal.Core.Places;

namespace Commonweal.Web.Features.Places;

/// <summary>
/// The web's parameters of <see cref="PlaceQueries.ListAsync"/> (as <c>commonweal places list</c> lists places), each
/// checked with a ProblemDetails naming the parameter, for the API and the CSV download.
/// </summary>
public sealed record PlaceListing(PlaceGraph Graph, Area? Within, AreaType? Type, IReadOnlyList<Area> Places, PlaceList List)
{
    /// <summary>Either the listing, or the parameter that is wrong, or why the place asked about cannot be listed.</summary>
    public sealed record Outcome(PlaceListing? Listing, ParameterProblem? Problem, Refusal? Refusal);

    public static async Task<Outcome> RunAsync(PlaceQueries places, string? type, string? within, ViewParameters view, CancellationToken cancellationToken)
    {
        if (view.Problems is [var bad, ..]) return new Outcome(null, bad, null);
        AreaType? wanted = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (!AreaTypeNames.TryParse(type, out var parsed))
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

        var answer = await places.ListAsync(wanted, parent, view.Request, cancellationToken);
        return answer.Refusal is { } refusal
            ? new Outcome(null, null, refusal)
            : new Outcome(new PlaceListing(answer.Value!.Graph, answer.Value.Within, wanted, answer.Value.Places, answer.Value), null, null);
    }
}
