using Commonweal.Application.Places;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Commonweal.Web.Features.Api;

/// <summary>Expected failures as RFC 9457 problem details: a bad parameter names itself; a refusal keeps its title and reason.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult BadParameter(ParameterProblem problem) =>
        TypedResults.Problem(title: problem.Title, detail: problem.Detail, statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["parameter"] = problem.Parameter });

    public static ProblemHttpResult BadParameter(string parameter, string title, string detail) => BadParameter(new ParameterProblem(parameter, title, detail));

    /// <summary>A place that does not exist is a 404, data not loaded (an edition, a lookup) a 409, a place not in force on the date a 400.</summary>
    public static ProblemHttpResult Refused(Refusal refusal) =>
        TypedResults.Problem(title: refusal.Title, detail: refusal.Detail, statusCode: refusal.Kind switch
        {
            RefusalKind.NotFound => StatusCodes.Status404NotFound,
            RefusalKind.NotLoaded => StatusCodes.Status409Conflict,
            RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        });

    /// <summary>A refusal about one parameter (an indicator, a place or a period with no values): as <see cref="Refused(Refusal)"/>, naming it.</summary>
    public static ProblemHttpResult Refused(Refusal refusal, string parameter)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var result = Refused(refusal);
        result.ProblemDetails.Extensions["parameter"] = parameter;
        return result;
    }

    public static ProblemHttpResult PlaceNotFound(string code) => Refused(new Refusal("place not found", $"No place has the code {code}.", RefusalKind.NotFound));
}
