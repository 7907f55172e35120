using Commonweal.Core.Places;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Commonweal.Web.Tests.Support;

namespace Commonweal.Web.Tests.Indicators;

/// <summary>The platform over its demo with the two hand-made indicators of <see cref="HandMadeIndicators"/> imported.</summary>
public abstract class IndicatorPlatform(DatabaseProvider provider, bool publicAggregates) : WebFixture(provider, publicAggregates)
{
    public const int Annual = HandMadeIndicators.Annual;
    public const int Quarterly = HandMadeIndicators.Quarterly;
    public const string Latest = HandMadeIndicators.Latest;

    private readonly bool available = provider == DatabaseProvider.Sqlite || TestDatabase.PostgresServer is not null;
    private HandMadeIndicatorPlaces places = new([], []);

    /// <summary>The practice whose count is suppressed in the latest year.</summary>
    public AreaCode SmallPractice => Practices[0];

    /// <summary>The ICS's practices (through <see cref="WebFixture.Factory"/>, so a test skips when the platform is not available).</summary>
    public IReadOnlyList<AreaCode> Practices => Factory is not null ? places.Practices : [];

    public IReadOnlyList<AreaCode> Districts => Factory is not null ? places.Districts : [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (available) places = await HandMadeIndicators.ImportAsync(Factory.Services);
    }
}

public sealed class SqliteIndicatorPlatform() : IndicatorPlatform(DatabaseProvider.Sqlite, publicAggregates: true);

public sealed class PostgresIndicatorPlatform() : IndicatorPlatform(DatabaseProvider.Postgres, publicAggregates: true);

public sealed class SqlitePrivateIndicatorPlatform() : IndicatorPlatform(DatabaseProvider.Sqlite, publicAggregates: false);

public sealed class PostgresPrivateIndicatorPlatform() : IndicatorPlatform(DatabaseProvider.Postgres, publicAggregates: false);
