using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Demo;

/// <summary>
/// The real district-level facts the demo is calibrated to, for the fourteen districts of Essex (the nine of Mid and
/// South Essex and the five that joined them in NHS Essex ICB in April 2026), and a generic profile for any other.
/// </summary>
internal static class DemoDistricts
{
    private static readonly DemoSubIcb MidEssex = new("E38000106", "06Q", "NHS Mid Essex CCG");
    private static readonly DemoSubIcb BasildonAndBrentwood = new("E38000007", "99E", "NHS Basildon and Brentwood CCG");
    private static readonly DemoSubIcb CastlePointAndRochford = new("E38000030", "99F", "NHS Castle Point and Rochford CCG");
    private static readonly DemoSubIcb Southend = new("E38000168", "99G", "NHS Southend CCG");
    private static readonly DemoSubIcb Thurrock = new("E38000185", "07G", "NHS Thurrock CCG");
    private static readonly DemoSubIcb NorthEastEssex = new("E38000117", "06T", "NHS North East Essex CCG");
    private static readonly DemoSubIcb WestEssex = new("E38000197", "07H", "NHS West Essex CCG");

    /// <summary>
    /// Per district: LSOAs of 2011 and of 2021 (ONS; every change in Essex between them is a split, so the difference is
    /// the number of 2011 LSOAs split); mid-2019 residents (ONS, Mid and South Essex summing to 1,195,348) and Census 2021
    /// residents (1,199,554); LSOAs per national IMD decile 1–10 in IoD2019 (deciles 1–2 summing to Mid and South
    /// Essex's 69 Core20 LSOAs) and IoD2025 (83); the Census 2021 age mix in percent (TS007A in six bands); and the
    /// former CCG, now sub-ICB location. The centres (latitude, longitude) are the real ones moved: every LSOA gets a
    /// cell of the same size, so small urban districts (Southend-on-Sea, 42 km²) come out as large as rural ones
    /// (Braintree, 612 km²); drawn closer together, and apart where they crowd, the districts meet without gaps and keep
    /// their real neighbours (Brentwood west of Basildon, Rochford north of Southend, Thurrock south-west, Colchester
    /// and Tendring north-east, Uttlesford, Harlow and Epping Forest west).
    /// </summary>
    private static readonly Dictionary<AreaCode, DemoDistrict> Essex = new()
    {
        [AreaCode.Parse("E07000066")] = new(110, 112, 187_199, 187_601, [12, 14, 20, 10, 6, 7, 9, 6, 11, 15], [9, 18, 17, 11, 7, 8, 2, 9, 14, 17], [20.7, 9.4, 14.0, 19.8, 19.1, 17.0], 51.6, 0.47, BasildonAndBrentwood),
        [AreaCode.Parse("E07000067")] = new(87, 88, 152_604, 155_251, [0, 2, 4, 7, 15, 16, 10, 15, 10, 8], [0, 4, 6, 15, 15, 12, 13, 12, 7, 4], [18.5, 8.9, 12.3, 19.1, 20.8, 20.4], 51.86, 0.54, MidEssex),
        [AreaCode.Parse("E07000068")] = new(46, 48, 77_021, 77_030, [0, 0, 0, 3, 3, 7, 5, 3, 9, 16], [0, 0, 2, 2, 3, 9, 7, 3, 9, 13], [18.4, 8.7, 12.8, 19.5, 20.4, 20.2], 51.68, 0.30, BasildonAndBrentwood),
        [AreaCode.Parse("E07000069")] = new(57, 57, 90_376, 89_595, [1, 4, 3, 5, 11, 4, 6, 11, 9, 3], [1, 5, 4, 7, 10, 4, 7, 11, 8, 0], [16.9, 9.1, 11.0, 17.0, 20.7, 25.2], 51.55, 0.58, CastlePointAndRochford),
        [AreaCode.Parse("E07000070")] = new(107, 113, 178_388, 181_521, [0, 1, 8, 5, 8, 9, 16, 16, 18, 26], [0, 5, 7, 3, 14, 13, 14, 13, 23, 21], [18.6, 9.2, 13.1, 20.3, 19.4, 19.4], 51.75, 0.46, MidEssex),
        [AreaCode.Parse("E07000074")] = new(40, 41, 64_926, 66_197, [0, 0, 2, 2, 6, 7, 8, 9, 2, 4], [0, 0, 3, 6, 6, 9, 4, 8, 4, 1], [16.3, 8.8, 10.2, 16.6, 23.1, 25.0], 51.74, 0.645, MidEssex),
        [AreaCode.Parse("E07000075")] = new(53, 53, 87_368, 85_665, [0, 1, 0, 4, 4, 3, 3, 10, 13, 15], [1, 1, 0, 6, 2, 4, 6, 7, 12, 14], [17.5, 9.0, 10.7, 18.1, 21.4, 23.3], 51.645, 0.65, CastlePointAndRochford),
        [AreaCode.Parse("E06000033")] = new(107, 108, 183_125, 180_691, [9, 14, 12, 10, 13, 5, 10, 8, 13, 13], [12, 13, 14, 7, 11, 11, 9, 5, 15, 11], [19.0, 9.2, 12.8, 20.3, 19.6, 19.1], 51.56, 0.71, Southend),
        [AreaCode.Parse("E06000034")] = new(98, 100, 174_341, 176_003, [4, 7, 14, 20, 12, 5, 15, 9, 11, 1], [3, 11, 10, 20, 11, 12, 8, 17, 7, 1], [22.5, 10.0, 14.7, 21.6, 17.6, 13.5], 51.5, 0.33, Thurrock),
        [AreaCode.Parse("E07000071")] = new(105, 117, 194_706, 192_712, [1, 10, 6, 10, 13, 17, 14, 10, 16, 8], [2, 9, 10, 16, 6, 18, 20, 17, 12, 7], [18.9, 11.9, 13.5, 19.7, 18.2, 17.8], 51.88, 0.76, NorthEastEssex),
        [AreaCode.Parse("E07000072")] = new(78, 78, 131_689, 134_987, [0, 1, 5, 10, 13, 8, 7, 17, 8, 9], [0, 0, 4, 9, 11, 13, 7, 8, 15, 11], [18.6, 9.1, 12.2, 20.0, 20.7, 19.5], 51.68, 0.16, WestEssex),
        [AreaCode.Parse("E07000073")] = new(54, 58, 87_067, 93_345, [0, 1, 12, 15, 14, 2, 3, 4, 3, 0], [1, 2, 12, 14, 14, 5, 1, 4, 5, 0], [21.7, 9.5, 15.2, 21.0, 18.1, 14.6], 51.78, 0.28, WestEssex),
        [AreaCode.Parse("E07000076")] = new(89, 89, 146_561, 148_285, [16, 11, 11, 19, 11, 12, 5, 3, 1, 0], [18, 13, 10, 18, 13, 8, 6, 2, 1, 0], [15.8, 8.2, 10.0, 14.8, 21.6, 29.6], 51.84, 0.98, NorthEastEssex),
        [AreaCode.Parse("E07000077")] = new(46, 49, 91_284, 91_341, [0, 0, 0, 0, 1, 5, 9, 10, 13, 8], [0, 0, 0, 0, 0, 8, 11, 12, 13, 5], [19.5, 8.5, 10.5, 19.8, 21.6, 20.2], 51.92, 0.39, WestEssex),
    };

    /// <summary>The district's real profile, or for a district outside Essex one about the size and mix of an average
    /// Mid and South Essex district, with a synthetic sub-ICB location.</summary>
    public static DemoDistrict Of(IcsDistrict district, int index) => Essex.GetValueOrDefault(district.Code) ?? new(
        80,
        82,
        135_680,
        136_100,
        [4, 4, 8, 8, 8, 8, 10, 10, 10, 10],
        [4, 4, 8, 8, 8, 8, 10, 10, 11, 11],
        [19.3, 9.3, 12.9, 19.6, 19.7, 19.2],
        51.30,
        0.25 + 0.3 * index,
        new DemoSubIcb($"E389{index + 1:D5}", null, $"{district.Name} sub-ICB location (demo)"));
}

/// <param name="Lsoas2011">LSOAs of 2011 (ONS).</param>
/// <param name="Lsoas2021">LSOAs of 2021: as many more as 2011 LSOAs were split, each in two.</param>
/// <param name="Residents2019">ONS mid-2019 residents.</param>
/// <param name="Census2021">Census 2021 usual residents.</param>
/// <param name="Iod2019Deciles">LSOAs of 2011 per national IMD 2019 decile, 1 (most deprived) to 10.</param>
/// <param name="Iod2025Deciles">LSOAs of 2021 per national IMD 2025 decile.</param>
/// <param name="AgeShares">Census 2021 residents per age band (<see cref="DemoDataset.CensusAgeBands"/>), in percent.</param>
internal sealed record DemoDistrict(
    int Lsoas2011,
    int Lsoas2021,
    long Residents2019,
    long Census2021,
    int[] Iod2019Deciles,
    int[] Iod2025Deciles,
    double[] AgeShares,
    double Lat,
    double Lon,
    DemoSubIcb SubIcb)
{
    /// <summary>How many 2011 LSOAs were split in 2021.</summary>
    public int Splits => Lsoas2021 - Lsoas2011;
}

/// <summary>A sub-ICB location (a CCG until July 2022): its GSS code, its ODS code and its name as a CCG.</summary>
internal sealed record DemoSubIcb(string Code, string? OdsCode, string CcgName)
{
    public AreaCode AreaCode => AreaCode.Parse(Code);
}
