using Commonweal.Core.Indicators;

namespace Commonweal.Core.Tests.Commissioning;

public sealed class EnumNamesTests
{
    [Theory]
    [InlineData("DietAndExercise", FocusArea.DietAndExercise)]
    [InlineData("dietandexercise", FocusArea.DietAndExercise)]
    [InlineData("  TOBACCOUSE ", FocusArea.TobaccoUse)]
    [InlineData("HousingAndTransit", FocusArea.HousingAndTransit)]
    public void A_value_is_read_by_its_name_in_any_case(string text, FocusArea expected)
    {
        Assert.True(EnumNames.TryParse<FocusArea>(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("3")] // Enum.TryParse would read a number
    [InlineData("0")]
    [InlineData("TobaccoUse, Income")] // Enum.TryParse would combine these as flags
    [InlineData("Diet And Exercise")]
    [InlineData("Diet")]
    [InlineData("")]
    [InlineData(null)]
    public void A_number_a_list_or_an_unknown_name_is_refused(string? text)
    {
        Assert.False(EnumNames.TryParse<FocusArea>(text, out var value));
        Assert.Equal(default, value);
    }
}
