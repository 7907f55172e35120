namespace Commonweal.Core.Tests;

/// <summary>The day it is in England: British Summer Time moves midnight an hour before UTC's, Greenwich Mean Time not at all.</summary>
public class EnglandDateTests
{
    [Theory]
    [InlineData("2026-03-31T23:30:00Z", "2026-04-01")] // BST began on 29 March: 00:30 in England
    [InlineData("2026-01-15T23:30:00Z", "2026-01-15")] // GMT: still the 15th
    [InlineData("2026-10-24T23:00:00Z", "2026-10-25")] // the last night of BST: midnight in England
    [InlineData("2026-10-25T23:00:00Z", "2026-10-25")] // BST ended on 25 October: 23:00 in England
    public void The_day_in_England(string at, string day)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out _))
            Assert.Skip("this machine has no tz database (apt-get install tzdata): the day is UTC's");
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            EnglandDate.On(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
