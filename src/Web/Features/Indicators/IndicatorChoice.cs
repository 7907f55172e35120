using Commonweal.Application.Indicators;
using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Web.Features.Indicators;

/// <summary>
/// What the indicator page and its downloads were asked to show, checked against the indicator's table once: the place
/// (<c>?area=</c>, default the ICS's ICB of the period), the period (<c>?period=</c>, default the latest in which England has a value, else the latest) and the type of
/// area to compare (<c>?type=</c>, default PCNs, else the first level of the ICS the indicator has). A wrong value is a
/// <see cref="ParameterProblem"/> (400); a place without values a <see cref="Refusal"/> (404).
/// </summary>
public sealed record IndicatorChoice(AreaCode Area, IndicatorPeriod Period, AreaType Type, IReadOnlyList<ParameterProblem> Problems, Refusal? Refusal)
{
    public const string AreaName = "area";
    public const string PeriodName = "period";
    public const string TypeName = "type";

    /// <summary>The types of area offered for comparison, in the order preferred as the default.</summary>
    public static readonly AreaType[] ComparedTypes = [AreaType.Pcn, AreaType.District, AreaType.SubIcb, AreaType.Practice, AreaType.Icb, AreaType.Ward, AreaType.Lsoa];

    public bool IsValid => Problems.Count == 0 && Refusal is null;

    public static IndicatorChoice Read(IndicatorTable table, string? area, string? period, string? type)
    {
        ArgumentNullException.ThrowIfNull(table);
        var problems = new List<ParameterProblem>();
        var chosenPeriod = DefaultPeriod(table);
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (FindPeriod(table, period) is { } p) chosenPeriod = p;
            else problems.Add(new ParameterProblem(PeriodName, "period is not one of the indicator's", $"{PeriodName} '{period}' is not a period of this indicator: its periods are {string.Join(", ", table.Periods.Select(x => x.Label))}."));
        }

        var chosenType = Types(table, chosenPeriod).FirstOrDefault(AreaType.District);
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (AreaTypeNames.TryParse(type, out var t)) chosenType = t;
            else problems.Add(new ParameterProblem(TypeName, "type is not a type of area", $"{TypeName} '{type}' is not a type of area: give one of {string.Join(", ", ComparedTypes)}."));
        }

        AreaCode chosenArea = DefaultArea(table, chosenPeriod);
        Refusal? refusal = null;
        if (!string.IsNullOrWhiteSpace(area))
        {
            if (!AreaCode.TryParse(area.Trim(), out var code, out var error))
                problems.Add(new ParameterProblem(AreaName, "area is not an area code", $"{AreaName}: {error}"));
            else if (table.OfArea(code).Count == 0)
                refusal = new Refusal("no values for the place", $"Indicator {table.Indicator.Id} has no values for {code}.", RefusalKind.NotFound);
            else chosenArea = table.Resolve(code);
        }

        return new IndicatorChoice(chosenArea, chosenPeriod, chosenType, problems, refusal);
    }

    /// <summary>
    /// The latest period in which England has a value, so that areas are compared (Fingertips' exports can end with a
    /// period published for practices before England's figure); else the latest period.
    /// </summary>
    public static IndicatorPeriod DefaultPeriod(IndicatorTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Periods.LastOrDefault(p => table.InPeriod(p.Label).Any(r => r.Value.AreaType == AreaType.Country && r.Value.Value is not null))
            ?? table.Latest!;
    }

    /// <summary>A period by its label, with or without spaces around a dash.</summary>
    public static IndicatorPeriod? FindPeriod(IndicatorTable table, string label)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(label);
        static string Squeezed(string s) => s.Replace(" ", string.Empty, StringComparison.Ordinal);
        return table.Period(label) ?? table.Periods.FirstOrDefault(p => Squeezed(p.Label) == Squeezed(label.Trim()));
    }

    /// <summary>The types of area of the ICS the indicator has values for in a period (in <see cref="ComparedTypes"/> order).</summary>
    public static IReadOnlyList<AreaType> Types(IndicatorTable table, IndicatorPeriod period)
    {
        ArgumentNullException.ThrowIfNull(table);
        var present = table.InPeriod(period.Label).Select(r => r.Value.AreaType).ToHashSet();
        return [.. ComparedTypes.Where(present.Contains)];
    }

    /// <summary>The ICS's ICB in force at the period's end with values, else any of its ICBs with values, else the ICS, else England.</summary>
    public static AreaCode DefaultArea(IndicatorTable table, IndicatorPeriod period)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(period);
        var icbs = table.Ics.Icbs.OrderByDescending(i => i.Validity.Contains(period.End)).Select(i => table.Resolve(i.Code));
        foreach (var icb in icbs)
            if (table.OfArea(icb).Count > 0) return icb;
        return table.OfArea(table.Ics.Code).Count > 0 ? table.Ics.Code : IndicatorEngine.England;
    }
}
