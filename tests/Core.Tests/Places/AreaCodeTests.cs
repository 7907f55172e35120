using Commonweal.Core.Places;

namespace Commonweal.Core.Tests.Places;

public class AreaCodeTests
{
    [Theory]
    [InlineData("E01021237", AreaCodeScheme.Gss)]
    [InlineData("E07000066", AreaCodeScheme.Gss)]
    [InlineData("W01000001", AreaCodeScheme.Gss)]
    [InlineData("F81001", AreaCodeScheme.OdsPractice)]
    [InlineData("Y02625", AreaCodeScheme.OdsPractice)]
    [InlineData("U12345", AreaCodeScheme.OdsPcn)]
    [InlineData("QH8", AreaCodeScheme.OdsIcb)]
    [InlineData("06Q", AreaCodeScheme.OdsSubIcb)]
    [InlineData("99E", AreaCodeScheme.OdsSubIcb)]
    [InlineData("X2C4Y", AreaCodeScheme.OdsCommissioner)]
    [InlineData("D7T5G", AreaCodeScheme.OdsCommissioner)]
    [InlineData("alliance-mid-essex", AreaCodeScheme.Local)]
    [InlineData("Cl_L2_1a", AreaCodeScheme.OnsClassification)]
    [InlineData("Cl_L3_1a1r", AreaCodeScheme.OnsClassification)]
    public void Recognises_each_scheme_from_the_shape_of_the_code(string text, AreaCodeScheme scheme)
    {
        var code = AreaCode.Parse(text);

        Assert.Equal(scheme, code.Scheme);
        Assert.Equal(text, code.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("E0102123")]
    [InlineData("E010212377")]
    [InlineData("e01021237")]
    [InlineData("E0102123X")]
    [InlineData("95AA01S1")]
    [InlineData("F8100")]
    [InlineData("Alliance-Mid")]
    [InlineData("alliance--mid")]
    [InlineData("alliance-")]
    [InlineData("QH")]
    [InlineData("X2C4")]
    [InlineData("x2c4y")]
    [InlineData("Cl_")]
    [InlineData("Cl_L2-1a")]
    [InlineData("nE38000007")]
    public void Rejects_codes_of_no_known_shape_with_a_reason(string text)
    {
        Assert.False(AreaCode.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Throws<FormatException>(() => AreaCode.Parse(text));
    }

    [Theory]
    [InlineData("E92000001", AreaType.Country)]
    [InlineData("E12000006", AreaType.StatisticalRegion)]
    [InlineData("E40000007", AreaType.Region)]
    [InlineData("E45000001", AreaType.PheCentre)]
    [InlineData("E47000010", AreaType.CombinedAuthority)]
    [InlineData("E54000026", AreaType.Icb)]
    [InlineData("E38000106", AreaType.SubIcb)]
    [InlineData("E10000012", AreaType.County)]
    [InlineData("E06000033", AreaType.District)]
    [InlineData("E07000066", AreaType.District)]
    [InlineData("E08000031", AreaType.District)]
    [InlineData("E09000001", AreaType.District)]
    [InlineData("F81001", AreaType.Practice)]
    [InlineData("U27924", AreaType.Pcn)]
    [InlineData("Cl_L2_1a", AreaType.AreaClassification)]
    public void A_code_implies_its_type_of_place_where_its_shape_says(string text, AreaType type)
    {
        Assert.Equal(type, AreaCode.Parse(text).ImpliedType);
    }

    [Fact]
    public void Gss_entity_is_the_three_character_prefix()
    {
        Assert.Equal("E01", AreaCode.Parse("E01021988").GssEntity);
        Assert.Null(AreaCode.Parse("F81001").GssEntity);
    }

    [Theory]
    [InlineData(IodVintage.Iod2019, 1, 1)]
    [InlineData(IodVintage.Iod2019, 3284, 1)]
    [InlineData(IodVintage.Iod2019, 3285, 2)]
    [InlineData(IodVintage.Iod2019, 32844, 10)]
    [InlineData(IodVintage.Iod2025, 3375, 1)]
    [InlineData(IodVintage.Iod2025, 3376, 2)]
    [InlineData(IodVintage.Iod2025, 6751, 2)]
    [InlineData(IodVintage.Iod2025, 6752, 3)]
    [InlineData(IodVintage.Iod2025, 33755, 10)]
    public void National_deciles_are_cut_where_MHCLG_cuts_them(IodVintage vintage, int rank, int decile)
    {
        Assert.Equal(decile, LsoaDeprivation.DecileOfRank(rank, vintage));
    }

    [Theory]
    [InlineData("0-15", 0, 15)]
    [InlineData("65+", 65, null)]
    public void Age_bands_round_trip_their_codes(string text, int from, int? to)
    {
        var band = AgeBand.Parse(text);
        Assert.Equal(from, band.From);
        Assert.Equal(to, band.To);
        Assert.Equal(text, band.Code);
    }
}
