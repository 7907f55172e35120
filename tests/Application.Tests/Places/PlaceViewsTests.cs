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

    [Theory]
    [InlineData("2022-01-01", "NHS Mid Essex CCG")]
    [InlineData("2022-06-30", "NHS Mid Essex CCG")]
    [InlineData("2026-03-31", "NHS Mid Essex CCG")]
    [InlineData("2026-04-01", "NHS Essex ICB - 06Q")]
    public async Task A_renamed_place_goes_by_its_name_of_the_date_wherever_it_is_shown(string date, string name)
    {
        await using var app = new ApplicationScope(database);
        var places = app.Get<PlaceQueries>();
        var request = new ViewRequest(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        var midEssex = AreaCode.Parse("E38000106");

        var detail = await places.PlaceAsync(midEssex, request);
        var graph = await places.GraphAsync(request);
        var practice = graph.Children(midEssex).First(c => c.Type == AreaType.Practice);

        Assert.Equal(name, detail!.Area.Name);
        Assert.Equal(name, detail.Summary.Area.Name);
        Assert.Equal(name, graph.Parents(practice.Code).Single(p => p.Type == AreaType.SubIcb).Name);
    }

    [Theory]
    [InlineData("06Q", "2026-06-01", "E38000106")]
    [InlineData("E54000066", "2026-06-01", "D7T5G")]
    [InlineData("E54000026", "2025-06-01", "QH8")]
    public async Task A_place_is_found_by_its_other_code(string asked, string date, string code)
    {
        await using var app = new ApplicationScope(database);
        var places = app.Get<PlaceQueries>();
        var request = new ViewRequest(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        var detail = await places.PlaceAsync(AreaCode.Parse(asked), request);
        var byOther = await places.ListAsync(AreaType.Practice, AreaCode.Parse(asked), request);
        var byOwn = await places.ListAsync(AreaType.Practice, AreaCode.Parse(code), request);

        Assert.Equal(code, detail!.Area.Code.Value);
        Assert.Equal(code, byOther.Value!.Within!.Code.Value);
        Assert.NotEmpty(byOwn.Value!.Places);
        Assert.Equal(byOwn.Value.Places.Select(p => p.Code), byOther.Value.Places.Select(p => p.Code));
    }

    [Fact]
    public async Task Deprivation_of_a_PCN_is_refused_because_it_holds_no_LSOAs()
    {
        await using var app = new ApplicationScope(database);
        var graph = await app.Get<PlaceQueries>().GraphAsync(new ViewRequest(new DateOnly(2026, 6, 1)));
        var pcn = graph.OfType(AreaType.Pcn).First();

        var answer = await app.Get<DeprivationQueries>().ListAsync(null, pcn.Code, new DateOnly(2026, 6, 1));

        Assert.Null(answer.Value);
        Assert.Equal("place holds no LSOAs", answer.Refusal!.Title);
        Assert.Contains("registered patients", answer.Refusal.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-31T22:59:59Z", "2026-03-31")]
    [InlineData("2026-03-31T23:00:00Z", "2026-04-01")]
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31")]
    public async Task Today_is_the_date_in_England(string now, string today)
    {
        await using var app = new ApplicationScope(database, now: DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), app.Get<PlaceQueries>().Today);
    }

    [Fact]
    public async Task A_view_in_use_is_kept_however_many_other_dates_are_asked_for()
    {
        await using var app = new ApplicationScope(database);
        var stored = await app.Get<PlaceQueries>().TimelineAsync();
        var timeline = new PlaceTimeline(stored.Version, stored.Dataset, stored.Ics, stored.Areas, [], [], [], [], [], []) { MaxViews = 2 };
        var views = timeline.Changes.SelectMany(d => Reorganisations.Census.Select(c => (Date: d, Census: c))).ToList();
        var kept = timeline.At(views[0].Date, views[0].Census);

        foreach (var (date, census) in views.Skip(1))
        {
            timeline.At(date, census);
            timeline.At(views[0].Date, views[0].Census);
        }

        var evicted = timeline.At(views[1].Date, views[1].Census);
        Assert.True(views.Count >= 4);
        Assert.Same(kept, timeline.At(views[0].Date, views[0].Census));
        Assert.NotSame(evicted, timeline.At(views[2].Date, views[2].Census));
        Assert.NotSame(evicted, timeline.At(views[1].Date, views[1].Census));
    }
}
