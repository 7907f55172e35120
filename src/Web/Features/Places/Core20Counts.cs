using Commonweal.Application.Places;

namespace Commonweal.Web.Features.Places;

/// <summary>One row of the Core20 comparison's table: a district's counts, or the districts added up.</summary>
public sealed record Core20Counts(int Lsoas2011, int Core20In2019, int Lsoas2021, int Core20In2025, int Entered, int Left, int Stayed)
{
    public static Core20Counts Of(DistrictCore20 d) => new(d.Lsoas2011, d.Core20In2019, d.Lsoas2021, d.Core20In2025, d.Entered, d.Left, d.Stayed);

    public static Core20Counts Total(IEnumerable<DistrictCore20> districts) => districts.Select(Of).Aggregate(
        new Core20Counts(0, 0, 0, 0, 0, 0, 0),
        (a, b) => new(a.Lsoas2011 + b.Lsoas2011, a.Core20In2019 + b.Core20In2019, a.Lsoas2021 + b.Lsoas2021, a.Core20In2025 + b.Core20In2025,
            a.Entered + b.Entered, a.Left + b.Left, a.Stayed + b.Stayed));
}
