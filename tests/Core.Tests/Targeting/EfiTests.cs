using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;

namespace Commonweal.Core.Tests.Targeting;

/// <summary>The electronic Frailty Index (Clegg et al. 2016): deficits ÷ 36 and the four categories at each boundary.</summary>
public sealed class EfiTests
{
    private static ulong First(int count) => count == 0 ? 0 : (1UL << count) - 1;

    [Theory]
    [InlineData(0, FrailtyCategory.Fit)]
    [InlineData(4, FrailtyCategory.Fit)] // 0.111 ≤ 0.12
    [InlineData(5, FrailtyCategory.Mild)] // 0.139 > 0.12
    [InlineData(8, FrailtyCategory.Mild)] // 0.222 ≤ 0.24
    [InlineData(9, FrailtyCategory.Moderate)] // 0.25 > 0.24
    [InlineData(12, FrailtyCategory.Moderate)] // 0.333 ≤ 0.36
    [InlineData(13, FrailtyCategory.Severe)] // 0.361 > 0.36
    [InlineData(36, FrailtyCategory.Severe)]
    public void Categories_change_at_the_published_score_boundaries(int deficits, FrailtyCategory expected)
    {
        Assert.Equal(expected, Efi.Category(First(deficits)));
        Assert.Equal(deficits / 36.0, Efi.Score(First(deficits)), 12);
        var band = Efi.Score(First(deficits)) switch { <= 0.12 => FrailtyCategory.Fit, <= 0.24 => FrailtyCategory.Mild, <= 0.36 => FrailtyCategory.Moderate, _ => FrailtyCategory.Severe };
        Assert.Equal(band, expected);
    }

    [Fact]
    public void The_explanation_lists_each_deficit_present_and_adds_up_to_the_score()
    {
        var deficits = EfiDeficit.Falls.Bit() | EfiDeficit.Hypertension.Bit() | EfiDeficit.Polypharmacy.Bit() | EfiDeficit.VisualImpairment.Bit() | EfiDeficit.Arthritis.Bit();
        var present = Efi.Present(deficits);
        Assert.Equal(["ARTH", "FALL", "HYPT", "POLYPH", "VISIMP"], present.Select(d => d.Code()));
        Assert.Equal(Efi.Score(deficits), present.Count / 36.0, 12);
        Assert.Equal(FrailtyCategory.Mild, Efi.Category(deficits));
    }

    [Fact]
    public void There_are_36_deficits_with_distinct_codes_and_bits_beyond_them_do_not_count()
    {
        Assert.Equal(36, EfiDeficits.All.Count);
        Assert.Equal(36, EfiDeficits.All.Select(d => d.Code()).Distinct().Count());
        Assert.Equal(EfiDeficit.MobilityProblems, EfiDeficits.Find("mob"));
        Assert.Equal(36, Efi.Count(ulong.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => Efi.Category(37));
    }
}
