using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Microsoft.AspNetCore.Components;

namespace Commonweal.Web.Components;

/// <summary>
/// A page answered as at a date on an edition of the Indices: reads <c>?asAt=</c> and <c>?vintage=</c> once, and when
/// either is wrong answers 400 so the page can show an error summary instead of a crash or a blank page.
/// </summary>
public abstract class ViewPage : ComponentBase
{
    [Inject] protected PlaceQueries Places { get; set; } = default!;

    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    [SupplyParameterFromQuery(Name = ViewParameters.AsAtName)] public string? AsAtText { get; set; }

    [SupplyParameterFromQuery(Name = ViewParameters.VintageName)] public string? VintageText { get; set; }

    /// <summary>What the user chose (or the problems with it).</summary>
    protected ViewParameters View { get; private set; } = ViewParameters.None;

    /// <summary>The editions of the Indices loaded, oldest first.</summary>
    protected IReadOnlyList<IodVintage> Loaded { get; private set; } = [];

    /// <summary>The edition used when none is chosen.</summary>
    protected IodVintage? DefaultVintage { get; private set; }

    /// <summary>Reads the parameters; false, with status 400, when one of them is wrong.</summary>
    protected async Task<bool> ReadViewAsync()
    {
        View = ViewParameters.Parse(AsAtText, VintageText);
        Loaded = (await Places.TimelineAsync()).IodVintagesLoaded;
        DefaultVintage = await Places.DefaultVintageAsync();
        if (View.IsValid) return true;
        SetStatus(StatusCodes.Status400BadRequest);
        return false;
    }

    protected void SetStatus(int status)
    {
        if (HttpContext is { Response.HasStarted: false } http) http.Response.StatusCode = status;
    }
}
