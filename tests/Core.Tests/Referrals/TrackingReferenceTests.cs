using Commonweal.Core.Referrals;

namespace Commonweal.Core.Tests.Referrals;

/// <summary>A resident's reference: 12 of Crockford's base 32, random, read forgivingly, shown in groups of four.</summary>
public sealed class TrackingReferenceTests
{
    [Theory]
    [InlineData("7KQM-3XTD-9PVA", "7KQM3XTD9PVA")]
    [InlineData("7kqm 3xtd 9pva", "7KQM3XTD9PVA")]
    [InlineData("IL0O-3XTD-9PVA", "11003XTD9PVA")]
    [InlineData(" 7KQM3XTD9PVA ", "7KQM3XTD9PVA")]
    public void A_reference_is_read_forgivingly(string typed, string stored)
    {
        Assert.True(TrackingReference.TryParse(typed, out var reference));
        Assert.Equal(stored, reference);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7KQM-3XTD-9PV")]
    [InlineData("7KQM-3XTD-9PVAB")]
    [InlineData("7KQM-3XTD-9PVU")]
    [InlineData("7KQM_3XTD_9PVA")]
    [InlineData("d3c1f4a2-8b7e-4f1c-9a6d-2e5b7c9d0f11")]
    public void Anything_else_is_not_a_reference(string? typed) => Assert.False(TrackingReference.TryParse(typed, out _));

    [Fact]
    public void New_references_are_well_formed_shown_in_groups_and_do_not_repeat()
    {
        var made = Enumerable.Range(0, 10_000).Select(_ => TrackingReference.New()).ToList();

        Assert.All(made, r => Assert.True(TrackingReference.TryParse(r, out var read) && read == r, r));
        Assert.Equal(made.Count, made.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(32, made.SelectMany(r => r).Distinct().Count());
        Assert.Equal("7KQM-3XTD-9PVA", TrackingReference.Display("7KQM3XTD9PVA"));
    }
}
