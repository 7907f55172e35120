using Commonweal.Core.Places;
using static Commonweal.Application.Files.CsvWriting;

namespace Commonweal.Application.Places;

/// <summary>A table as the command line and the downloads give it: column names, then rows of invariant text.</summary>
public sealed record TextTable(IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<string?>> Rows);

/// <summary>
/// The tables the command line prints and the web platform downloads, defined once so the two always agree:
/// <c>places list</c>, <c>deprivation list</c> and <c>deprivation compare [--lsoas]</c>.
/// </summary>
public static class PlaceTables
{
    /// <summary>code, type, name, population (residents, or registered patients of a practice or PCN), valid_from, valid_to.</summary>
    public static TextTable Places(PlaceList list) => new(
        ["code", "type", "name", "population", "valid_from", "valid_to"],
        list.Places.Select(a => (IReadOnlyList<string?>)[a.Code.Value, a.Type.ToString(), a.Name, Number(list.Graph.Summarise(a).Headcount), Date(a.ValidFrom), Date(a.ValidTo)]));

    /// <summary>lsoa_code, lsoa_name, district_code, imd_rank, imd_decile, imd_score.</summary>
    public static TextTable Deprivation(DeprivationList list) => new(
        ["lsoa_code", "lsoa_name", "district_code", "imd_rank", "imd_decile", "imd_score"],
        list.Rows.Select(r => (IReadOnlyList<string?>)
            [r.Lsoa.Code.Value, r.Lsoa.Name, r.District?.Code.Value, Number(r.Deprivation?.ImdRank), Number(r.Deprivation?.ImdDecile), Number(r.Deprivation?.ImdScore)]));

    /// <summary>Core20 in each edition by district, with the LSOAs that entered, left or stayed.</summary>
    public static TextTable Core20ByDistrict(Core20Comparison comparison) => new(
        ["district_code", "district_name", "lsoas_2011", "core20_iod2019", "lsoas_2021", "core20_iod2025", "entered", "left", "stayed"],
        comparison.Districts.Select(d => (IReadOnlyList<string?>)
        [
            d.District.Code.Value, d.District.Name, Number(d.Lsoas2011), Number(d.Core20In2019), Number(d.Lsoas2021), Number(d.Core20In2025),
            Number(d.Entered), Number(d.Left), Number(d.Stayed),
        ]));

    /// <summary>Each 2021 LSOA with its IoD2025 decile, the 2011 LSOAs it came from (change codes, IoD2019 deciles) and its status.</summary>
    public static TextTable Core20ByLsoa(Core20Comparison comparison) => new(
        ["lsoa21_code", "lsoa21_name", "district_code", "imd2025_decile", "lsoa11_codes", "changes", "imd2019_deciles", "status"],
        comparison.Lsoas.Select(r => (IReadOnlyList<string?>)
        [
            r.Lsoa.Code.Value, r.Lsoa.Name, r.District?.Code.Value, Number(r.Decile),
            string.Join(' ', r.Predecessors.Select(p => p.Lsoa.Value)),
            string.Join(' ', r.Predecessors.Select(p => LsoaLink.Letter(p.Change))),
            string.Join(' ', r.Predecessors.Select(p => Number(p.Decile))),
            r.Status.ToString().ToLowerInvariant(),
        ]));
}
