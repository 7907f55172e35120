using Commonweal.Application.Places;
using static Commonweal.Application.Files.CsvWriting;

namespace Commonweal.Application.Targeting;

/// <summary>The targeting tables the command line prints and the web platform downloads, defined once so the two agree.</summary>
public static class TargetingTables
{
    /// <summary>
    /// The Core20 LSOAs of a deprivation listing (national IMD deciles 1–2 of its edition), in code order:
    /// lsoa_code, lsoa_name, district_code, imd_rank, imd_decile, population (the LSOA's residents in the edition's population).
    /// </summary>
    public static TextTable Core20(DeprivationList list) => new(
        ["lsoa_code", "lsoa_name", "district_code", "imd_rank", "imd_decile", "population"],
        list.Rows.Where(r => r.IsCore20).Select(r => (IReadOnlyList<string?>)
            [r.Lsoa.Code.Value, r.Lsoa.Name, r.District?.Code.Value, Number(r.Deprivation?.ImdRank), Number(r.Deprivation?.ImdDecile), Number(r.Residents)]));
}
