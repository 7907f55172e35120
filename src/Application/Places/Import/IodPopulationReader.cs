using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Import;

/// <summary>IoD2019 File 6 (MHCLG): mid-2015 population denominators (excluding prisoners) by LSOA and broad age group.</summary>
public sealed class IodPopulationReader : CsvReaderBase
{
    public static readonly DateOnly Period = new(2015, 6, 30);

    private static readonly AgeBand[] Bands = [AgeBand.All, AgeBand.Range(0, 15), AgeBand.Range(16, 59), AgeBand.Range(60, null), AgeBand.WorkingAge];

    public override string Kind => "iod-population";

    public override string Description => "IoD2019 File 6: mid-2015 population denominators by LSOA (MHCLG)";

    public override string FolderPattern => "deprivation/File_6_-_IoD2019_Population_Denominators.csv";

    protected override ByteOrderMark Bom => ByteOrderMark.Present;

    protected override IReadOnlyList<string> Header { get; } =
    [
        "LSOA code (2011)", "LSOA name (2011)", "Local Authority District code (2019)", "Local Authority District name (2019)",
        "Total population: mid 2015 (excluding prisoners)", "Dependent Children aged 0-15: mid 2015 (excluding prisoners)",
        "Population aged 16-59: mid 2015 (excluding prisoners)", "Older population aged 60 and over: mid 2015 (excluding prisoners)",
        "Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)",
    ];

    protected override void ReadRow(CsvRow row, ReaderContext context)
    {
        var lsoa = IodColumns.LsoaAndDistrict(row, context);
        var counts = new long[Bands.Length];
        for (var i = 0; i < Bands.Length; i++)
        {
            counts[i] = row.Whole(4 + i, NumberStyle.Grouped);
            if (counts[i] < 0) throw row.Reject(4 + i, "a population cannot be negative");
            context.Batch.Populations.Add(new PopulationCount(lsoa, PopulationKind.Resident, Period, Sex.Persons, Bands[i], counts[i]));
        }

        if (counts[1] + counts[2] + counts[3] != counts[0])
            throw row.Reject(4, $"the total {counts[0]} is not the sum of the age groups ({counts[1] + counts[2] + counts[3]})");
    }
}
