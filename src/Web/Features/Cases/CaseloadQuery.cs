using System.Globalization;
using Commonweal.Application.Referrals;
using Commonweal.Core.Referrals;

namespace Commonweal.Web.Features.Cases;

/// <summary>
/// A caseload's filter as the address carries it (<c>?status=in-support&amp;service=SSS-BAS&amp;breached=yes&amp;page=2</c>),
/// read as text so that a bad value is explained, not a failure; and the addresses of its pages and download.
/// </summary>
public sealed record CaseloadQuery(CaseloadFilter Filter, IReadOnlyList<ParameterProblem> Problems)
{
    /// <summary>The longest service code looked for (the directory's codes are at most 64 characters).</summary>
    private const int LongestService = 64;

    public bool IsValid => Problems.Count == 0;

    public static CaseloadQuery Parse(string? status, string? service, string? breached, string? page)
    {
        var problems = new List<ParameterProblem>();
        CaseStatus? chosen = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (CaseWords.TryParse(status, out var s)) chosen = s;
            else problems.Add(new("status", "not a status", $"'{Clip(status)}' is not a status: choose one of {string.Join(", ", Enum.GetValues<CaseStatus>().Select(CaseWords.Code))}."));
        }

        var code = string.IsNullOrWhiteSpace(service) ? null : service.Trim();
        if (code is { Length: > LongestService }) problems.Add(new("service", "not a service code", $"A service code has at most {LongestService} characters."));
        var onlyBreached = breached?.Trim().ToLowerInvariant() switch
        {
            null or "" or "no" or "false" => false,
            "yes" or "true" or "on" => true,
            _ => Refuse(problems, "breached", "Breached is yes or no."),
        };
        var number = 1;
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
        {
            problems.Add(new("page", "not a page number", "The page is a whole number from 1."));
            number = 1;
        }

        return new CaseloadQuery(new CaseloadFilter(chosen, code, onlyBreached, number), problems);
    }

    /// <summary>The address of this filter at <paramref name="path"/> (a page or the download), on another page if given.</summary>
    public string Href(string path, int? page = null)
    {
        var parts = new List<string>();
        if (Filter.Status is { } s) parts.Add("status=" + CaseWords.Code(s));
        if (Filter.Service is { } service) parts.Add("service=" + Uri.EscapeDataString(service));
        if (Filter.BreachedOnly) parts.Add("breached=yes");
        if (page is > 1) parts.Add("page=" + page.Value.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? path : path + "?" + string.Join('&', parts);
    }

    private static bool Refuse(List<ParameterProblem> problems, string parameter, string detail)
    {
        problems.Add(new(parameter, "not understood", detail));
        return false;
    }

    private static string Clip(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
