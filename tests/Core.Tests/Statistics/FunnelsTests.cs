using System.Globalization;
using Commonweal.Core.Statistics;
using CsCheck;

namespace Commonweal.Core.Tests.Statistics;

/// <summary>
/// Golden data from PHEindicatormethods' own test suite (tests/testthat/*.csv, v2.x), the expected values of
/// testFunnels.R: proportions (testdata_funnel_prop_inputs.csv / _outputs.csv), ratios
/// (testdata_funnel_ratio_inputs.csv / _outputs.csv) and rates (testdata_funnel_rate_dsr_inputs.csv).
/// </summary>
public sealed class FunnelsTests
{
    [Fact]
    public void Proportion_significance_matches_assign_funnel_significance_for_all_303_areas()
    {
        var rows = Parse(ProportionInputs);
        var numerators = rows.Select(r => Number(r[0])).ToArray();
        var denominators = rows.Select(r => Number(r[1])).ToArray();
        var labels = new string[rows.Count];
        Funnels.AssignSignificance(FunnelStatistic.Proportion, numerators, denominators, labels);
        for (var i = 0; i < rows.Count; i++) Assert.True(rows[i][2] == labels[i], $"row {i + 1}: expected {rows[i][2]}, got {labels[i]}");
    }

    [Fact]
    public void Proportion_limits_table_matches_calculate_funnel_limits()
    {
        // testdata_funnel_prop_outputs.csv (published to 6 decimal places, so tolerance 5e-7 absolute), a selection of its
        // 100 rows covering the clamping at 0 and 100 and both ends of the axis (1 to 110,000).
        var inputs = Parse(ProportionInputs);
        var table = Funnels.LimitsTable(FunnelStatistic.Proportion,
            inputs.Select(r => Number(r[0])).ToArray(), inputs.Select(r => Number(r[1])).ToArray(), 100);
        Assert.Equal(100, table.Count);
        Assert.Equal(1, table[0].X);
        Assert.Equal(110_000, table[^1].X);
        foreach (var expected in Parse(ProportionOutputs))
        {
            var row = Assert.Single(table, r => r.X == Number(expected[0]));
            Assert.Equal(Number(expected[1]), row.Lower2Sigma.Limit, 5e-7);
            Assert.Equal(Number(expected[2]), row.Upper2Sigma.Limit, 5e-7);
            Assert.Equal(Number(expected[3]), row.Lower3Sigma.Limit, 5e-7);
            Assert.Equal(Number(expected[4]), row.Upper3Sigma.Limit, 5e-7);
            Assert.Equal(80.642448, row.Baseline, 5e-7);
        }
    }

    [Fact]
    public void Ratio_significance_matches_assign_funnel_significance()
    {
        var rows = Parse(RatioSignificance);
        var labels = new string[rows.Count];
        Funnels.AssignSignificance(FunnelStatistic.Ratio, rows.Select(r => Number(r[0])).ToArray(), rows.Select(r => Number(r[1])).ToArray(), labels);
        for (var i = 0; i < rows.Count; i++) Assert.True(rows[i][2] == labels[i], $"row {i + 1} ({rows[i][0]}/{rows[i][1]}): expected {rows[i][2]}, got {labels[i]}");
    }

    [Fact]
    public void Ratio_limits_table_matches_calculate_funnel_limits_isr()
    {
        // testdata_funnel_ratio_outputs.csv (published to 10 significant figures or 9 decimal places; tolerance 1e-8 relative + 5e-10). The grid depends only on the
        // smallest and largest expected counts (4.293052052 and 706.7669173), both in the significance selection.
        var inputs = Parse(RatioSignificance);
        var table = Funnels.LimitsTable(FunnelStatistic.Ratio,
            inputs.Select(r => Number(r[0])).ToArray(), inputs.Select(r => Number(r[1])).ToArray(), 100, FunnelRatioType.Isr);
        Assert.Equal(100, table.Count);
        foreach (var expected in Parse(RatioOutputs))
        {
            var row = Assert.Single(table, r => r.X == Number(expected[0]));
            Relative(Number(expected[1]), row.Lower2Sigma.Denominator);
            Relative(Number(expected[2]), row.Lower2Sigma.Limit);
            Relative(Number(expected[3]), row.Upper2Sigma.Denominator);
            Relative(Number(expected[4]), row.Upper2Sigma.Limit);
            Relative(Number(expected[5]), row.Lower3Sigma.Denominator);
            Relative(Number(expected[6]), row.Lower3Sigma.Limit);
            Relative(Number(expected[7]), row.Upper3Sigma.Denominator);
            Relative(Number(expected[8]), row.Upper3Sigma.Limit);
        }

        // ratio_type = "count" gives O/E − 1: testdata_funnel_ratio_outputs.csv row 1, lower_2s_count −0.820519779.
        var counts = Funnels.LimitsTable(FunnelStatistic.Ratio,
            inputs.Select(r => Number(r[0])).ToArray(), inputs.Select(r => Number(r[1])).ToArray(), 100, FunnelRatioType.Count);
        Assert.Equal(-0.820519779, counts[0].Lower2Sigma.Limit, 1e-9);
    }

    [Fact]
    public void Poisson_bisection_lands_within_a_millionth_of_the_exact_chi_square_limit() =>
        Gen.Int[0, 3000].Sample(observed =>
        {
            var upperExpected = Funnels.PoissonFunnel(observed, 0.025, high: false);
            var lowerExpected = Funnels.PoissonFunnel(observed, 0.025, high: true);
            var exactUpper = observed == 0 ? 0 : ChiSquare.Quantile(0.025, 2 * observed) / 2;
            var exactLower = ChiSquare.Quantile(0.975, (2 * observed) + 2) / 2;
            return Math.Abs(lowerExpected - exactLower) <= 2e-6 * exactLower
                && (observed == 0 ? upperExpected < 1e-6 : Math.Abs(upperExpected - exactUpper) <= 2e-6 * exactUpper);
        });

    [Theory]
    [InlineData(true, 4)]
    [InlineData(false, 5)]
    public void Rate_significance_matches_assign_funnel_significance(bool directlyStandardised, int column)
    {
        // testdata_funnel_rate_dsr_inputs.csv: count, rate_dsr, pop, rate_crude_per_100000; expected labels in the columns
        // dsr_per_100000_with_0 and crude_per_100000_with_0 (multiplier 100,000).
        var rows = Parse(RateInputs);
        var events = rows.Select(r => Number(r[0])).ToArray();
        var rates = rows.Select(r => Number(directlyStandardised ? r[1] : r[3])).ToArray();
        var populations = rows.Select(r => Number(r[2])).ToArray();
        var labels = new string[rows.Count];
        Funnels.AssignRateSignificance(events, rates, populations, 100_000, directlyStandardised, labels);
        for (var i = 0; i < rows.Count; i++) Assert.True(rows[i][column] == labels[i], $"row {i + 1}: expected {rows[i][column]}, got {labels[i]}");
    }

    [Fact]
    public void Limits_at_denominators_pass_through_the_packages_ratio_points()
    {
        // The continuous limits at an expected count equal to a package point give that point's ratio (within the
        // bisection's ~1e-6): testdata_funnel_ratio_outputs.csv row obs = 10, upper_2s at E = 4.795387629 → 208.5337156.
        Assert.Equal(10, Funnels.UpperCountAt(4.795387629, 0.025), 1e-5);
        Assert.Equal(10, Funnels.LowerCountAt(18.39035799, 0.025), 1e-5);
        Assert.Equal(0, Funnels.LowerCountAt(0.5, 0.025));
    }

    [Fact]
    public void Limits_at_denominators_nest_and_narrow()
    {
        var inputs = Parse(RatioSignificance);
        foreach (var statistic in new[] { FunnelStatistic.Ratio, FunnelStatistic.Rate, FunnelStatistic.Proportion })
        {
            var numerators = inputs.Select(r => Number(r[0])).ToArray();
            var denominators = inputs.Select(r => statistic == FunnelStatistic.Proportion ? Number(r[1]) * 10 : Number(r[1])).ToArray();
            var rows = Funnels.LimitsAtDenominators(statistic, numerators, denominators, 100);
            Assert.Equal(100, rows.Count);
            for (var i = 1; i < rows.Count; i++)
            {
                Assert.True(rows[i].Denominator > rows[i - 1].Denominator);
                Assert.True(rows[i].ThreeSigma.Lower <= rows[i].TwoSigma.Lower && rows[i].TwoSigma.Upper <= rows[i].ThreeSigma.Upper, $"{statistic} row {i}");
                Assert.True(rows[i].TwoSigma.Upper - rows[i].TwoSigma.Lower <= rows[i - 1].TwoSigma.Upper - rows[i - 1].TwoSigma.Lower + 1e-9, $"{statistic} row {i} widens");
            }
        }
    }

    [Theory]
    [InlineData(100000, 5)] // R prints 1e+05
    [InlineData(110000, 6)]
    [InlineData(1000000, 5)] // 1e+06
    [InlineData(1200000, 7)]
    [InlineData(742, 3)]
    [InlineData(0, 1)]
    public void Axis_rounding_counts_characters_as_R_prints_numbers(double value, int expected) =>
        Assert.Equal(expected, Funnels.RNchar(value));

    [Fact]
    public void Invalid_rows_are_refused()
    {
        Assert.NotNull(Funnels.Problem(FunnelStatistic.Proportion, 11, 10));
        Assert.Null(Funnels.Problem(FunnelStatistic.Ratio, 11, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Funnels.AssignSignificance(FunnelStatistic.Proportion, [11.0], [10.0], new string[1]));
    }

    private static void Relative(double expected, double actual) => Assert.Equal(expected, actual, (Math.Abs(expected) * 1e-8) + 5e-10);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static List<string[]> Parse(string csv) =>
        [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Trim().Split(','))];

    // numerator,denominator,significance (area names dropped) — testdata_funnel_prop_inputs.csv, all 303 rows.
    private const string ProportionInputs = """
        35078.4880000,41980,High (0.001)
        24803.6256000,31824,Low (0.001)
        50050.7443000,61921,Not significant
        48686.4364000,59804,High (0.001)
        35795.6324000,45449,Low (0.001)
        66969.6742000,80002,High (0.001)
        48514.4460000,64755,Low (0.001)
        70670.2858000,93122,Low (0.001)
        26029.3176000,33708,Low (0.001)
        22506.3828000,25932,High (0.001)
        20619.5552000,25852,Low (0.001)
        19847.1920000,23684,High (0.001)
        23617.7778000,28954,High (0.001)
        21121.0160000,27530,Low (0.001)
        30294.3882000,41066,Low (0.001)
        24648.7596000,30521,Not significant
        18986.0000000,22000,High (0.001)
        31759.3850000,39350,Not significant
        26008.3050000,29850,High (0.001)
        49524.9445000,63065,Low (0.001)
        24107.1107000,28519,High (0.001)
        55471.6028000,73972,Low (0.001)
        30573.2632000,39752,Low (0.001)
        49513.0482000,69993,Low (0.001)
        39350.4825000,52293,Low (0.001)
        54063.9774000,71034,Low (0.001)
        55438.5333000,77743,Low (0.001)
        29561.6517000,36627,Not significant
        18631.5660000,21342,High (0.001)
        32137.8848000,38024,High (0.001)
        18365.4621000,29277,Low (0.001)
        27622.3500000,35076,Low (0.001)
        18205.1925000,22215,High (0.001)
        20235.1110000,24590,High (0.001)
        29722.5035000,41845,Low (0.001)
        46855.9900000,56453,High (0.001)
        33893.8041000,40989,High (0.001)
        18550.7595000,22905,Not significant
        48475.9332000,59604,High (0.001)
        27846.1152000,36486,Low (0.001)
        21114.2036000,25214,High (0.001)
        26529.3344000,32048,High (0.001)
        26789.2380000,33012,High (0.025)
        43206.2400000,51744,High (0.001)
        42896.1330000,55818,Low (0.001)
        38999.9142000,45662,High (0.001)
        24877.3400000,29528,High (0.001)
        15990.2792000,18602,High (0.001)
        27609.7972000,33434,High (0.001)
        51464.1825000,63185,High (0.001)
        42343.3836000,50967,High (0.001)
        17321.4088000,21587,Not significant
        15808.1975000,20597,Low (0.001)
        58476.8416000,73316,Low (0.001)
        40167.5494000,48949,High (0.001)
        26669.8560000,31480,High (0.001)
        23388.3000000,29985,Low (0.001)
        23320.2424000,29848,Low (0.001)
        22102.1585000,26885,High (0.001)
        41085.5856000,52566,Low (0.001)
        22094.6563000,28969,Low (0.001)
        31573.5024000,39212,Not significant
        43009.4060000,50380,High (0.001)
        32822.1995000,38411,High (0.001)
        22030.9072000,27388,Not significant
        16404.9694000,19574,High (0.001)
        26103.1484000,31442,High (0.001)
        32072.8360000,42520,Low (0.001)
        16971.6940000,20522,High (0.001)
        41936.1228000,49764,High (0.001)
        36850.0492000,45449,High (0.025)
        58527.8136000,68598,High (0.001)
        32974.2245000,37715,High (0.001)
        31386.2036000,36649,High (0.001)
        24145.8074000,28886,High (0.001)
        30111.0810000,37037,High (0.001)
        37539.3770000,44743,High (0.001)
        31681.4948000,37951,High (0.001)
        34502.0685000,42485,High (0.025)
        24108.2412000,28177,High (0.001)
        20623.8688000,23267,High (0.001)
        28315.4886000,32569,High (0.001)
        23685.9377000,28397,High (0.001)
        32311.8720000,39024,High (0.001)
        31340.3520000,36240,High (0.001)
        29336.9895000,34665,High (0.001)
        26560.1090000,33710,Low (0.001)
        17971.5636000,21012,High (0.001)
        21059.6532000,25306,High (0.001)
        55711.1808000,66704,High (0.001)
        23910.2469000,29457,High (0.025)
        24789.7336000,28879,High (0.001)
        30239.1376000,36904,High (0.001)
        19328.1155000,22229,High (0.001)
        21955.5516000,25661,High (0.001)
        29301.6135000,33415,High (0.001)
        30821.2788000,36363,High (0.001)
        30898.8120000,41160,Low (0.001)
        49993.8450000,61050,High (0.001)
        44395.0808000,52801,High (0.001)
        21953.8428000,26868,High (0.001)
        14493.3552000,17964,Not significant
        41853.2554000,53174,Low (0.001)
        17967.1247000,22603,Low (0.001)
        60027.0906000,73079,High (0.001)
        21834.8100000,26307,High (0.001)
        21838.3308000,28041,Low (0.001)
        17288.2710000,19998,High (0.001)
        26371.7175000,29775,High (0.001)
        37216.4698000,45986,Not significant
        33458.8056000,42962,Low (0.001)
        39994.4982000,46821,High (0.001)
        15371.4413000,17951,High (0.001)
        18169.4562000,21739,High (0.001)
        29196.8608000,35632,High (0.001)
        34759.1180000,44449,Low (0.001)
        30453.2129000,37741,Not significant
        29865.2200000,33880,High (0.001)
        27617.9472000,32507,High (0.001)
        30277.5312000,37828,Low (0.025)
        24866.9160000,30929,Not significant
        21139.2936000,25992,High (0.025)
        20759.6500000,25750,Not significant
        27035.5764000,32898,High (0.001)
        21823.4910000,26517,High (0.001)
        21463.4220000,25491,High (0.001)
        41388.6880000,49508,High (0.001)
        21306.0303000,26333,Not significant
        34087.5366000,42926,Low (0.001)
        35804.9654000,42433,High (0.001)
        29921.5840000,35860,High (0.001)
        37930.4752000,45904,High (0.001)
        22297.9500000,26865,High (0.001)
        49272.1026000,59493,High (0.001)
        20649.9294000,27121,Low (0.001)
        36343.7088000,46028,Low (0.001)
        29299.4686000,36929,Low (0.001)
        53485.6845000,64965,High (0.001)
        33001.0560000,38720,High (0.001)
        18773.5158000,23894,Low (0.001)
        38314.0408000,47678,Not significant
        38045.3716000,46958,High (0.025)
        16924.1296000,20776,High (0.025)
        17414.1015000,21085,High (0.001)
        34188.8140000,42001,High (0.001)
        15524.9934000,19257,Not significant
        30035.0871000,37269,Not significant
        27851.4816000,36724,Low (0.001)
        19109.2370000,25513,Low (0.001)
        16997.2937000,21839,Low (0.001)
        35982.2873000,44461,Not significant
        30905.7200000,37075,High (0.001)
        30006.6536000,35752,High (0.001)
        41001.8990000,59726,Low (0.001)
        41581.1286000,53166,Low (0.001)
        33431.7795000,39795,High (0.001)
        53873.8618000,63877,High (0.001)
        41825.7675000,49005,High (0.001)
        17487.1408000,21176,High (0.001)
        19020.9916000,22441,High (0.001)
        48590.8983000,60459,Not significant
        52752.0840000,64806,High (0.001)
        46269.4848000,62594,Low (0.001)
        17677.9584000,23328,Low (0.001)
        27321.2720000,34024,Not significant
        13551.2220000,16386,High (0.001)
        24180.7545000,29151,High (0.001)
        59356.4384000,73352,Not significant
        21667.1616000,26869,Not significant
        30130.0802000,38149,Low (0.001)
        27715.4463000,34981,Low (0.001)
        29334.6610000,36238,Not significant
        32730.8129000,43289,Low (0.001)
        21893.0980000,25666,High (0.001)
        27706.9455000,35345,Low (0.001)
        55735.3934000,67714,High (0.001)
        22557.7128000,26236,High (0.001)
        41657.6196000,50202,High (0.001)
        20013.1828000,25196,Low (0.001)
        20125.9692000,24254,High (0.001)
        72885.0164000,96053,Low (0.001)
        51088.3010000,67595,Low (0.001)
        24159.2202000,30906,Low (0.001)
        41206.0880000,49616,High (0.001)
        37299.2620000,46277,Not significant
        29053.7724000,38436,Low (0.001)
        44673.5670000,54255,High (0.001)
        41423.2908000,49103,High (0.001)
        33742.5907000,40747,High (0.001)
        18599.3456000,22264,High (0.001)
        20275.7984000,24544,High (0.001)
        21877.7319000,25943,High (0.001)
        48450.4800000,57135,High (0.001)
        33210.6936000,39284,High (0.001)
        46717.7490000,58617,Low (0.001)
        40575.3975000,54647,Low (0.001)
        38496.4354000,50507,Low (0.001)
        25938.8600000,32834,Low (0.001)
        23104.8464000,27112,High (0.001)
        29375.6832000,35248,High (0.001)
        25156.8975000,29775,High (0.001)
        18504.9982000,22739,High (0.025)
        25810.4160000,31172,High (0.001)
        32352.2484000,40787,Low (0.001)
        29947.9362000,35763,High (0.001)
        19676.7054000,23111,High (0.001)
        21057.8940000,24543,High (0.001)
        24217.5490000,28670,High (0.001)
        48244.4227000,57427,High (0.001)
        37764.5735000,45803,High (0.001)
        26734.0178000,32867,High (0.001)
        29311.7004000,35908,High (0.001)
        20781.4840000,25672,Not significant
        38384.7005000,48619,Low (0.001)
        40086.8865000,51705,Low (0.001)
        64290.8550000,88775,Low (0.001)
        43879.7100000,56220,Low (0.001)
        50161.2996000,68043,Low (0.001)
        46828.1065000,61901,Low (0.001)
        71273.1704000,92108,Low (0.001)
        17183.6880000,20920,High (0.001)
        30309.7041000,36699,High (0.001)
        18746.7077000,23233,Not significant
        19663.4268000,24012,High (0.001)
        40416.5916000,49518,High (0.001)
        29709.0543000,36583,High (0.025)
        24154.9560000,28035,High (0.001)
        44689.6786000,52171,High (0.001)
        32810.9509000,38077,High (0.001)
        56140.4742000,70053,Low (0.001)
        33698.3088000,42484,Low (0.001)
        19941.1968000,24224,High (0.001)
        57183.5824000,68656,High (0.001)
        32555.8572000,39476,High (0.001)
        32294.8308000,39188,High (0.001)
        40118.0766000,49273,High (0.001)
        35176.5102000,39734,High (0.001)
        32335.6402000,38893,High (0.001)
        43886.9340000,53586,High (0.001)
        40207.3551000,47883,High (0.001)
        42177.0041000,54233,Low (0.001)
        51594.8418000,60922,High (0.001)
        55826.0785000,67139,High (0.001)
        19387.5944000,23308,High (0.001)
        50623.2867000,61593,High (0.001)
        44620.7166000,54462,High (0.001)
        42724.9914000,51594,High (0.001)
        41845.5120000,51789,Not significant
        39309.8886000,49242,Low (0.001)
        41728.5048000,57908,Low (0.001)
        47372.6876000,66647,Low (0.001)
        74612.5980000,101060,Low (0.001)
        56898.4045000,79835,Low (0.001)
        58379.6200000,77324,Low (0.001)
        69813.9400000,92776,Low (0.001)
        46932.2676000,56929,High (0.001)
        27543.7679000,32393,High (0.001)
        19618.6936000,22406,High (0.001)
        21614.9820000,25671,High (0.001)
        31834.0190000,38345,High (0.001)
        43622.6530000,52274,High (0.001)
        18672.6456000,22683,High (0.001)
        58815.3654000,72237,High (0.001)
        32775.7593000,38977,High (0.001)
        33232.5100000,38620,High (0.001)
        56530.8036000,68622,High (0.001)
        42276.3940000,51670,High (0.001)
        37945.3125000,46875,Not significant
        32638.4190000,38786,High (0.001)
        67289.9760000,87435,Low (0.001)
        56612.0280000,67540,High (0.001)
        48822.4950000,60990,Low (0.001)
        28735.0316000,37631,Low (0.001)
        45239.2392000,56634,Low (0.001)
        81412.8600000,102950,Low (0.001)
        38873.3924000,48236,Not significant
        18003.1000000,21955,High (0.001)
        22441.8338000,28946,Low (0.001)
        20274.1032000,24292,High (0.001)
        59851.2992000,75992,Low (0.001)
        24374.6640000,29438,High (0.001)
        27339.7012000,33131,High (0.001)
        20574.1692000,25948,Low (0.001)
        13240.9172000,16477,Not significant
        25812.6393000,32753,Low (0.001)
        31973.4336000,39488,Not significant
        25716.8488000,30806,High (0.001)
        25700.2025000,30775,High (0.001)
        38797.1714000,46397,High (0.001)
        36354.8534000,43838,High (0.001)
        53914.2098000,64537,High (0.001)
        33506.9514000,40482,High (0.001)
        53405.3864000,67363,Low (0.001)
        46845.3090000,58962,Low (0.001)
        36378.5696000,45202,Not significant
        45320.7168000,63904,Low (0.001)
        43013.5895000,55181,Low (0.001)
        45487.9818000,60066,Low (0.001)
        49697.2917000,65331,Low (0.001)
        66151.5729000,76273,High (0.001)
        28537.4507000,35201,High (0.025)
        45559.3820000,54070,High (0.001)
        26882.4969000,32573,High (0.001)
        """;

    // Population,Lower2s0025limit,Upper2s0025limit,Lower3s0001limit,Upper3s0001limit — testdata_funnel_prop_outputs.csv, selected rows.
    private const string ProportionOutputs = """
        1,3.204264,100,0,100
        3,35.933491,100,10.150815,100
        14,59.946223,100,48.011163,100
        16,61.282902,100,50.118675,100
        18,62.390093,98.894803,51.864359,100
        41,68.548635,92.73626,61.574398,99.710497
        102,72.974925,88.309971,68.553233,92.731663
        1008,78.203374,83.081521,76.796814,84.488082
        9998,79.867989,81.416907,79.421375,81.863521
        47766,80.288128,80.996768,80.083799,81.201097
        110000,80.408963,80.875933,80.274317,81.010578
        """;

    // obs,expected,significance — testdata_funnel_ratio_inputs.csv, selected rows (ratio significance needs no average).
    private const string RatioSignificance = """
        8,6.239860227,Not significant
        151,106.4429719,High (0.001)
        159,232.9329036,Low (0.001)
        191,184.0963855,Not significant
        150,119.5695496,High (0.025)
        0,240.6273499,Low (0.001)
        101,126.2973615,Low (0.025)
        16,36.38844667,Low (0.001)
        6,4.293052052,Not significant
        27,26.73002673,Not significant
        74,52.09066592,High (0.025)
        113,73.49115505,High (0.001)
        87,45.27241505,High (0.001)
        35,56.15273544,Low (0.025)
        25,55.01760563,Low (0.001)
        29,31.19956966,Not significant
        28,37.38816931,Not significant
        38,35.36199516,Not significant
        31,57.81424841,Low (0.001)
        893,706.7669173,High (0.001)
        677,349.8165659,High (0.001)
        241,288.6919023,Low (0.025)
        327,344.573235,Not significant
        49,87.5,Low (0.001)
        48,64,Low (0.025)
        40,44.1014333,Not significant
        41,58.50456621,Low (0.025)
        93,58.34744965,High (0.001)
        """;

    // Observed_events, then per limit (lower 2s, upper 2s, lower 3s, upper 3s) exp_events and isr — testdata_funnel_ratio_outputs.csv, selected rows.
    private const string RatioOutputs = """
        1,5.571644585,17.94802207,0.025317898,3949.774946,9.233410143,10.83023482,0.001000547,99945.32721
        2,7.224687515,27.6828582,0.242209467,825.7315569,11.22886836,17.81123382,0.04540199,4405.093268
        5,11.6683331,42.85102213,1.623486324,307.979188,16.45474478,30.38637225,0.739371928,676.2496398
        9,17.08479966,52.67840524,4.11537405,218.6921502,22.65737951,39.72215762,2.452425215,366.9836676
        10,18.39035799,54.3763205,4.795387629,208.5337156,24.13397235,41.43536693,2.960519925,337.778507
        16,25.98299459,61.57873737,9.14538148,174.951696,32.62361534,49.04422712,6.405328218,249.7920396
        33,46.34427966,71.206199,22.71567629,145.2741252,54.89565059,60.11405211,18.04631223,182.8628453
        35,48.67652359,71.90324497,24.37878318,143.5674608,57.41756498,60.95695631,19.51818966,179.3199093
        100,121.6268111,82.21871402,81.36400699,122.9044681,134.9243187,74.11562345,71.92139974,139.0406755
        227,258.5302269,87.80404625,198.4284557,114.3989148,277.5240904,81.79470102,183.2744047,123.8579934
        413,454.8179145,90.80557006,374.1243435,110.3911058,479.7365479,86.08891731,353.0371292,116.9848624
        716,770.4222128,92.93605352,664.5083011,107.7488421,802.60414,89.20960712,636.1521174,112.5516964
        """;

    // count,rate_dsr,pop,rate_crude_per_100000,dsr_per_100000_with_0,crude_per_100000_with_0 — testdata_funnel_rate_dsr_inputs.csv (NA → NaN).
    private const string RateInputs = """
        2419,907.6174266,264102,915.9339952,High (0.001),High (0.001)
        2337,948.5620216,259711,899.8463677,High (0.001),High (0.001)
        2291,799.9690496,289247,792.056616,High (0.001),High (0.001)
        2242,852.5637927,265029,845.9451607,High (0.001),High (0.001)
        2218,868.5358183,284649,779.2052668,High (0.001),High (0.001)
        2159,769.6242217,293578,735.409329,High (0.001),High (0.001)
        2130,752.3254955,286718,742.8902266,High (0.025),High (0.001)
        2111,710.2689402,307381,686.7698394,Not significant,Not significant
        2105,815.3530325,274145,767.8418355,High (0.001),High (0.001)
        2083,717.7035916,297424,700.3469794,Not significant,High (0.025)
        2078,755.8016993,272628,762.2107781,High (0.001),High (0.001)
        2062,825.9742848,269656,764.6779601,High (0.001),High (0.001)
        2061,702.2972468,294692,699.3742619,Not significant,High (0.025)
        2033,785.6210132,277710,732.0586223,High (0.001),High (0.001)
        2033,743.6763018,259213,784.2970839,High (0.025),High (0.001)
        2010,781.8323058,285516,703.9885681,High (0.001),High (0.025)
        2004,772.6781064,269449,743.7400027,High (0.001),High (0.001)
        2002,652.3391553,290888,688.2373972,Low (0.001),Not significant
        1977,648.4969973,287112,688.5814595,Low (0.001),Not significant
        1944,727.5777428,286492,678.5529788,Not significant,Not significant
        1932,625.6551186,287012,673.1425864,Low (0.001),Not significant
        1922,688.5582424,291277,659.8529922,Not significant,Not significant
        1912,662.4465438,289859,659.631062,Low (0.025),Not significant
        1881,627.1624732,289653,649.3977276,Low (0.001),Not significant
        1844,657.1114147,282519,652.6994645,Low (0.025),Not significant
        1835,724.8456714,274220,669.1707388,Not significant,Not significant
        1833,659.7820553,280271,654.009869,Low (0.025),Not significant
        1825,654.7053631,284206,642.1398563,Low (0.001),Not significant
        1816,624.4435507,274508,661.5472045,Low (0.001),Not significant
        1809,646.7588823,288384,627.2886152,Low (0.001),Low (0.025)
        1798,703.1689982,287072,626.3237097,Not significant,Low (0.025)
        1754,567.9922764,282744,620.3491498,Low (0.001),Low (0.001)
        1746,617.7750715,289208,603.7177395,Low (0.001),Low (0.001)
        1709,610.8327232,287736,593.9472294,Low (0.001),Low (0.001)
        1694,608.5089462,296175,571.9591458,Low (0.001),Low (0.001)
        1688,662.3775859,303255,556.6272609,Low (0.025),Low (0.001)
        1649,667.6454503,285959,576.6560941,Low (0.025),Low (0.001)
        1553,604.1141693,274661,565.4242867,Low (0.001),Low (0.001)
        1332,469.5645784,281425,473.3054988,Low (0.001),Low (0.001)
        0,NaN,297820,0,Not applicable for events less than 10 for dsrs,Low (0.001)
        """;
}
