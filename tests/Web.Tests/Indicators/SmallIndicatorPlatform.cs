using Commonweal.Application.Indicators.Import;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Commonweal.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Indicators;

/// <summary>
/// A small export in Fingertips' download layout of indicator 91547 (smoking prevalence, a proportion): England and
/// four districts of Mid and South Essex in 2013/14 — Maldon with a count of 3, to be suppressed — and England and
/// Basildon again in 2014/15.
/// </summary>
public static class SmallIndicatorFile
{
    public const string Header =
        "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,"
        + "Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,"
        + "Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal";

    private const string Name = "Smoking prevalence in adults (15+) - current smokers (QOF)";

    public const string England201314 = "91547," + Name + ",,,E92000001,England,England,Persons,15+ yrs,,,2013/14,19.17076526,19.15946674,19.18206886,,,8935216,46608551.5,,,Not compared,Not compared,20130000,,";

    public const string Basildon201314 = "91547," + Name + ",E92000001,England,E07000066,Basildon,District,Persons,15+ yrs,,,2013/14,21.75000544,21.53307848,21.9685059,21.4087005,22.09522184,30000,137931,,,Worse,Worse,20130000,,";

    public static readonly string[] Rows =
    [
        England201314,
        Basildon201314,
        "91547," + Name + ",E92000001,England,E07000067,Braintree,District,Persons,15+ yrs,,,2013/14,20.83333333,,,,,25000,120000,,,Worse,Worse,20130000,,",
        "91547," + Name + ",E92000001,England,E07000070,Chelmsford,District,Persons,15+ yrs,,,2013/14,20,,,,,30000,150000,,,Worse,Worse,20130000,,",
        "91547," + Name + ",E92000001,England,E07000074,Maldon,District,Persons,15+ yrs,,,2013/14,5,,,,,3,60,,,Better,Better,20130000,,",
        "91547," + Name + ",,,E92000001,England,England,Persons,15+ yrs,,,2014/15,18,,,,,9000000,50000000,,,Not compared,Not compared,20140000,,",
        "91547," + Name + ",E92000001,England,E07000066,Basildon,District,Persons,15+ yrs,,,2014/15,20,,,,,28000,140000,,,Worse,Worse,20140000,,",
    ];

    public static string Content(params string[] rows) => Header + "\n" + string.Concat((rows.Length == 0 ? Rows : rows).Select(r => r + "\n"));

    public static string Write(string fileName = "fingertips_91547.csv") => Importing.TempFile(fileName, Content());

    /// <summary>Indicator 90001, a proportion published quarterly for Basildon over two years (for an SPC chart).</summary>
    public static string Quarterly() => Content(
    [
        .. Enumerable.Range(0, 8).Select(i => (Year: 2021 + (i / 4), Quarter: (i % 4) + 1))
            .Select((p, i) => $"90001,Test quarterly proportion,E92000001,England,E07000066,Basildon,District,Persons,18+ yrs,,,{p.Year}/{(p.Year + 1) % 100:00} Q{p.Quarter},"
                + $"{(200 + (i % 3 * 10)) / 10.0},,,,,{200 + (i % 3 * 10)},1000,,,,,{p.Year}0{p.Quarter}00,,"),
    ]);
}

/// <summary>The platform over its demo with <see cref="SmallIndicatorFile"/> imported, as the command line would.</summary>
public abstract class SmallIndicatorPlatform(DatabaseProvider provider, bool publicAggregates) : WebFixture(provider, publicAggregates)
{
    private readonly bool available = provider == DatabaseProvider.Sqlite || TestDatabase.PostgresServer is not null;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (!available) return;
        await using var scope = Factory.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<IndicatorImport>()
            .ImportFileAsync(SmallIndicatorFile.Write(), IndicatorImportOptions.None, "test");
        Assert.True(outcome.Succeeded, outcome.Problem?.ToString());
        var quarterly = await scope.ServiceProvider.GetRequiredService<IndicatorImport>()
            .ImportFileAsync(Importing.TempFile("quarterly.csv", SmallIndicatorFile.Quarterly()), new IndicatorImportOptions(ValueType: Core.Indicators.IndicatorValueType.Proportion), "test");
        Assert.True(quarterly.Succeeded, quarterly.Problem?.ToString());
    }
}

public sealed class SqliteSmallIndicatorPlatform() : SmallIndicatorPlatform(DatabaseProvider.Sqlite, publicAggregates: true);

public sealed class PostgresSmallIndicatorPlatform() : SmallIndicatorPlatform(DatabaseProvider.Postgres, publicAggregates: true);

public sealed class SqlitePrivateSmallIndicatorPlatform() : SmallIndicatorPlatform(DatabaseProvider.Sqlite, publicAggregates: false);

public sealed class PostgresPrivateSmallIndicatorPlatform() : SmallIndicatorPlatform(DatabaseProvider.Postgres, publicAggregates: false);
