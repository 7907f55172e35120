using Commonweal.Core.Referrals;

namespace Commonweal.Core.Tests.Referrals;

/// <summary>The ONS reporting bands at every boundary, and the wellbeing need the ratings show.</summary>
public sealed class Ons4Tests
{
    [Theory]
    [InlineData(0, Ons4Band.Low)]
    [InlineData(4, Ons4Band.Low)]
    [InlineData(5, Ons4Band.Medium)]
    [InlineData(6, Ons4Band.Medium)]
    [InlineData(7, Ons4Band.High)]
    [InlineData(8, Ons4Band.High)]
    [InlineData(9, Ons4Band.VeryHigh)]
    [InlineData(10, Ons4Band.VeryHigh)]
    public void Life_satisfaction_worthwhile_and_happiness_bands(int rating, Ons4Band band)
    {
        var scores = Ons4.Scores(rating, rating, rating, 0);
        Assert.Equal(band, Ons4.Band(rating));
        Assert.Equal(band, scores.LifeSatisfactionBand());
        Assert.Equal(band, scores.WorthwhileBand());
        Assert.Equal(band, scores.HappinessBand());
    }

    [Theory]
    [InlineData(0, Ons4AnxietyBand.VeryLow)]
    [InlineData(1, Ons4AnxietyBand.VeryLow)]
    [InlineData(2, Ons4AnxietyBand.Low)]
    [InlineData(3, Ons4AnxietyBand.Low)]
    [InlineData(4, Ons4AnxietyBand.Medium)]
    [InlineData(5, Ons4AnxietyBand.Medium)]
    [InlineData(6, Ons4AnxietyBand.High)]
    [InlineData(10, Ons4AnxietyBand.High)]
    public void Anxiety_bands(int rating, Ons4AnxietyBand band)
    {
        Assert.Equal(band, Ons4.AnxietyBand(rating));
        Assert.Equal(band, Ons4.Scores(5, 5, 5, rating).AnxietyBand());
    }

    [Theory]
    [InlineData(Ons4Band.VeryHigh, "very high")]
    [InlineData(Ons4Band.Low, "low")]
    public void Bands_have_words(Ons4Band band, string words) => Assert.Equal(words, Ons4.Words(band));

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void A_rating_outside_0_to_10_is_refused(int rating)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Ons4.Band(rating));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ons4.AnxietyBand(rating));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ons4.Scores(5, 5, 5, rating));
    }

    [Theory]
    [InlineData(7, 2, NeedLevel.None, null)]
    [InlineData(5, 5, NeedLevel.None, null)]
    [InlineData(4, 5, NeedLevel.Light, "Wellbeing: life satisfaction 4 (low) and anxiety 5 (medium) out of 10 — low life satisfaction (0 to 4).")]
    [InlineData(5, 6, NeedLevel.Light, "Wellbeing: life satisfaction 5 (medium) and anxiety 6 (high) out of 10 — high anxiety (6 to 10).")]
    [InlineData(3, 7, NeedLevel.Light, "Wellbeing: life satisfaction 3 (low) and anxiety 7 (high) out of 10 — low life satisfaction (0 to 4) and high anxiety (6 to 10).")]
    [InlineData(2, 7, NeedLevel.Light, "Wellbeing: life satisfaction 2 (low) and anxiety 7 (high) out of 10 — low life satisfaction (0 to 4) and high anxiety (6 to 10).")]
    [InlineData(3, 8, NeedLevel.Light, "Wellbeing: life satisfaction 3 (low) and anxiety 8 (high) out of 10 — low life satisfaction (0 to 4) and high anxiety (6 to 10).")]
    [InlineData(2, 8, NeedLevel.Specialist, "Wellbeing: life satisfaction 2 (low) and anxiety 8 (high) out of 10 — life satisfaction 2 or less with anxiety 8 or more: mental health support such as NHS Talking Therapies.")]
    [InlineData(0, 10, NeedLevel.Specialist, "Wellbeing: life satisfaction 0 (low) and anxiety 10 (high) out of 10 — life satisfaction 2 or less with anxiety 8 or more: mental health support such as NHS Talking Therapies.")]
    public void Low_life_satisfaction_or_high_anxiety_is_a_wellbeing_need(int lifeSatisfaction, int anxiety, NeedLevel level, string? why)
    {
        var finding = Ons4.Scores(lifeSatisfaction, 9, 9, anxiety).WellbeingFinding();
        Assert.Equal(level, finding?.Level ?? NeedLevel.None);
        Assert.Equal(why, finding?.Why);
    }
}
