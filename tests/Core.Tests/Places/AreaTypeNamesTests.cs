using Commonweal.Core.Places;

namespace Commonweal.Core.Tests.Places;

public sealed class AreaTypeNamesTests
{
    [Theory]
    [InlineData("District", AreaType.District)]
    [InlineData("lsoa", AreaType.Lsoa)]
    [InlineData("  PCN ", AreaType.Pcn)]
    public void A_type_of_place_is_read_by_its_name_in_any_case(string text, AreaType expected)
    {
        Assert.True(AreaTypeNames.TryParse(text, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("Ward, Icb")] // Enum.TryParse would combine these as flags into Lsoa
    [InlineData("10")]
    [InlineData("-1")]
    [InlineData("Planet")]
    [InlineData("")]
    [InlineData(null)]
    public void A_number_a_list_or_an_unknown_name_is_not_a_type_of_place(string? text) =>
        Assert.False(AreaTypeNames.TryParse(text, out _));
}
