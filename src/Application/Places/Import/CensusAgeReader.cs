using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>
/// Census 2021 usual residents by six age groups per LSOA (2021 codes). LSOAs new in 2021 are added as 2021 LSOAs
/// in the district their name begins with ("Southend-on-Sea 003A" → Southend-on-Sea), when that district is known.
/// </summary>
public sealed class CensusAgeReader : CsvReaderBase
{
    public static readonly DateOnly CensusDay = new(2021, 3, 21);

    private static readonly Dictionary<string, AgeBand> Groups = new(StringComparer.Ordinal)
    {
        ["Aged 15 years and under"] = AgeBand.Range(0, 15),
        ["Aged 16 to 24 years"] = AgeBand.Range(16, 24),
        ["Aged 25 to 34 years"] = AgeBand.Range(25, 34),
        ["Aged 35 to 49 years"] = AgeBand.Range(35, 49),
        ["Aged 50 to 64 years"] = AgeBand.Range(50, 64),
        ["Aged 65 years and over"] = AgeBand.Range(65, null),
    };

    public override string Kind => "census2021-age";

    public override string Description => "Census 2021 usual residents by six age groups per LSOA (2021)";

    public override string FolderPattern => "population/census2021_lsoa21_age6_mse.csv";

    protected override ByteOrderMark Bom => ByteOrderMark.Absent;

    protected override IReadOnlyList<string> Header { get; } = ["lsoa21_code", "lsoa21_name", "age_group", "usual_residents"];

    protected override void ReadRow(CsvRow row, ReaderContext context)
    {
        var lsoa = row.Code(0, "E01");
        var name = row.Text(1);
        var groupText = row.Text(2);
        if (!Groups.TryGetValue(groupText, out var band))
            throw row.Reject(2, $"unknown age group '{groupText}' (expected one of: {string.Join("; ", Groups.Keys)})");
        context.Unique(row, 0, lsoa.Value + "|" + groupText);
        var count = row.Whole(3, NumberStyle.Plain);
        if (count < 0) throw row.Reject(3, "a population cannot be negative");

        context.Area(lsoa, name, AreaType.Lsoa2021, ifMissing: true);
        var space = name.LastIndexOf(' ');
        if (space > 0 && context.Lookup.DistrictNamed(name[..space]) is { } district)
            context.Member(lsoa, AreaType.Lsoa2021, district, AreaType.District, CensusDay);
        context.Batch.Populations.Add(new PopulationCount(lsoa, PopulationKind.Resident, CensusDay, Sex.Persons, band, count));
    }
}
