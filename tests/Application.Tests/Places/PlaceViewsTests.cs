using Commonweal.Application.Places;
using Commonweal.Core.Places;
using Commonweal.Persistence;
using Commonweal.TestKit;

namespace Commonweal.Application.Tests.Places;

/// <summary>Views as at a date on the demo: dates between the same two changes share what is worked out, yet each answer carries its own date.</summary>
public sealed class PlaceViewsTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new ApplicationScope(database);
        await app.Get<DatabaseSetup>().MigrateAndSeedAsync();
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Two_dates_between_the_same_changes_share_one_view_but_each_answer_names_its_own_date()
    {
        await using var app = new ApplicationScope(database);
        var places = app.Get<PlaceQueries>();
        var (june, july) = (new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1));

        var overviews = (await places.OverviewAsync(new ViewRequest(june)), await places.OverviewAsync(new ViewRequest(july)));
        var ics = app.Get<PlaceQueries>().Ics.Code;
        var details = (await places.PlaceAsync(ics, new ViewRequest(june)), await places.PlaceAsync(ics, new ViewRequest(july)));
        var maps = (await places.MapAsync(ics, new ViewRequest(june)), await places.MapAsync(ics, new ViewRequest(july)));
        var comparisons = (await app.Get<DeprivationQueries>().CompareAsync(null, june), await app.Get<DeprivationQueries>().CompareAsync(null, july));

        Assert.Equal((june, july), (overviews.Item1.Used.AsAt, overviews.Item2.Used.AsAt));
        Assert.Equal((june, july), (details.Item1!.Used.AsAt, details.Item2!.Used.AsAt));
        Assert.Equal((june, july), (maps.Item1!.Used.AsAt, maps.Item2!.Used.AsAt));
        Assert.Equal((june, july), (comparisons.Item1.Value!.Used.AsAt, comparisons.Item2.Value!.Before.AsAt));
        Assert.Same(overviews.Item1.System, overviews.Item2.System);
        Assert.Equal(overviews.Item1.Icb?.Code, overviews.Item2.Icb?.Code);
    }

    [Theory]
    [InlineData("2026-03-31", "QH8")]
    [InlineData("2026-04-01", "D7T5G")]
    public async Task The_overview_names_the_ICB_of_the_date(string date, string icb)
    {
        await using var app = new ApplicationScope(database);

        var overview = await app.Get<PlaceQueries>().OverviewAsync(new ViewRequest(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(icb, overview.Icb?.Code.Value);
    }

    [Fact]
    public async Task An_LSOA_page_of_the_other_Census_says_it_is_not_in_force_and_is_shown_on_its_own_Census()
    {
        await using var app = new ApplicationScope(database);
        var places = app.Get<PlaceQueries>();
        var timeline = await places.TimelineAsync();
        var split = timeline.Areas.First(a => a.Type == AreaType.Lsoa && a.ValidTo == new DateOnly(2021, 3, 20));

        var detail = await places.PlaceAsync(split.Code, new ViewRequest(new DateOnly(2026, 6, 1), IodVintage.Iod2025));

        Assert.False(detail!.InForce);
        Assert.Equal("LSOA 2011", detail.Used.Lsoas);
        Assert.Equal("IoD2019", detail.Used.Deprivation);
        Assert.NotNull(detail.Lsoa);
        Assert.Equal(2, detail.Links.Count(l => l.Forward && l.Link.Change == LsoaChange.Split));
    }
}
