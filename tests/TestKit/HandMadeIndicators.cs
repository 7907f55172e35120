using System.Globalization;
using System.Text;
using Commonweal.Application.Indicators.Import;
using Commonweal.Application.Places;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;
using Commonweal.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.TestKit;

/// <summary>The ICS's practices and districts the demo indicators have values for.</summary>
public sealed record HandMadeIndicatorPlaces(IReadOnlyList<AreaCode> Practices, IReadOnlyList<AreaCode> Districts);

/// <summary>
/// Two hand-made indicators over the demo's places in the Fingertips export layout, imported as an analyst would:
/// <see cref="Annual"/>, a proportion (low is good) for England, every practice of the ICS over five financial years (the
/// first practice with a count of 3 in the latest year, to be suppressed) and every LSOA in the latest year; and
/// <see cref="Quarterly"/>, a proportion for England and the ICS's districts over sixteen quarters, the last far above.
/// </summary>
public static class HandMadeIndicators
{
    public const int Annual = 1_000_001;
    public const int Quarterly = 1_000_002;
    public const string Latest = "2023/24";

    private const string Header =
        "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,"
        + "Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,"
        + "Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal";

    private static readonly string[] Years = ["2019/20", "2020/21", "2021/22", "2022/23", Latest];

    /// <summary>Imports both into the platform's store (its services), returning the places they cover.</summary>
    public static async Task<HandMadeIndicatorPlaces> ImportAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var places = scope.ServiceProvider.GetRequiredService<PlaceQueries>();
        var graph = await places.GraphAsync(new ViewRequest(new DateOnly(2024, 3, 31)));
        var ics = places.Ics.Code;
        List<AreaCode> practices = [.. graph.Within(ics, AreaType.Practice).Select(p => p.Code).Order()];
        List<AreaCode> districts = [.. graph.Within(ics, AreaType.District).Select(p => p.Code).Order()];
        var small = practices[0];
        var lsoas = graph.LsoasIn(ics);

        var annual = new StringBuilder(Header + "\n");
        for (var y = 0; y < Years.Length; y++)
        {
            annual.Append(Row(Annual, "Test smoking prevalence", "E92000001", "England", "England", Years[y], 8_000_000 - y * 200_000, 50_000_000));
            for (var k = 0; k < practices.Count; k++)
            {
                var denominator = 5_000 + 37 * k;
                var count = practices[k] == small && Years[y] == Latest ? 3 : Math.Round(denominator * (0.10 + 0.002 * (k % 50)) * (1 - 0.03 * y));
                annual.Append(Row(Annual, "Test smoking prevalence", practices[k].Value, "Practice " + practices[k].Value, "GPs", Years[y], count, denominator));
            }
        }

        foreach (var lsoa in lsoas)
        {
            var decile = graph.Deprivation(lsoa)?.ImdDecile ?? 5;
            annual.Append(Row(Annual, "Test smoking prevalence", lsoa.Value, "LSOA " + lsoa.Value, "LSOA", Latest, 100 + (10 - decile) * 15, 1_200));
        }

        var quarterly = new StringBuilder(Header + "\n");
        for (var q = 0; q < 16; q++)
        {
            var label = $"{2020 + q / 4}/{(21 + q / 4) % 100:00} Q{q % 4 + 1}";
            quarterly.Append(Row(Quarterly, "Test quarterly uptake", "E92000001", "England", "England", label, 500_000, 1_000_000));
            foreach (var (district, i) in districts.Select((d, i) => (d, i)))
                quarterly.Append(Row(Quarterly, "Test quarterly uptake", district.Value, "District " + district.Value, "District", label, q == 15 ? 900 : 480 + (q * 7 + i * 3) % 40, 1_000));
        }

        var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();
        var options = new IndicatorImportOptions(IndicatorValueType.Proportion, 100, Polarity.LowIsGood);
        foreach (var (name, text) in new[] { ("annual.csv", annual.ToString()), ("quarterly.csv", quarterly.ToString()) })
        {
            var outcome = await IndicatorImporting.For(db).ImportFileAsync(Importing.TempFile(name, text), options, "test");
            Assert.True(outcome.Succeeded, outcome.Problem?.ToString());
        }

        return new HandMadeIndicatorPlaces(practices, districts);
    }


    private static string Row(int id, string name, string code, string areaName, string type, string period, double count, double denominator) =>
        string.Join(',', id.ToString(CultureInfo.InvariantCulture), name, string.Empty, string.Empty, code, areaName, type, "Persons", "All ages", string.Empty, string.Empty, period,
            (count / denominator * 100).ToString("R", CultureInfo.InvariantCulture), string.Empty, string.Empty, string.Empty, string.Empty,
            count.ToString("R", CultureInfo.InvariantCulture), denominator.ToString("R", CultureInfo.InvariantCulture), string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty) + "\n";
}
