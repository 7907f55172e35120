using Commonweal.Core.Commissioning;
using Commonweal.Core.Places;

namespace Commonweal.Core.Tests.Commissioning;

public sealed class PartnerIdentifiersTests
{
    [Theory]
    [InlineData("QH8", "QH8")]
    [InlineData("RAJ", "RAJ")]
    [InlineData("D7T5G", "D7T5G")]
    [InlineData("F81001", "F81001")]
    [InlineData("U12345", "U12345")]
    [InlineData("qh8", "QH8")]
    [InlineData(" raj ", "RAJ")]
    public void An_ods_code_is_read_in_upper_case(string text, string expected)
    {
        Assert.True(PartnerIdentifiers.TryOds(text, out var code, out var error));
        Assert.Equal(expected, code);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("12")] // too short
    [InlineData("QH")] // too short
    [InlineData("1234567")] // too long
    [InlineData("ABCDEFG")] // too long
    [InlineData("123")] // no letter
    [InlineData("123456")] // no letter
    [InlineData("QH-8")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_an_ods_code(string? text)
    {
        Assert.False(PartnerIdentifiers.TryOds(text, out var code, out var error));
        Assert.Null(code);
        Assert.Equal($"'{text}' is not an ODS code (3 to 6 letters and digits with at least one letter, e.g. QH8, RAJ or D7T5G)", error);
    }

    [Theory]
    [InlineData("E10000012", "E10000012")] // county
    [InlineData("E07000070", "E07000070")] // district
    [InlineData("E06000033", "E06000033")] // unitary
    [InlineData("E08000025", "E08000025")] // metropolitan district
    [InlineData("E09000001", "E09000001")] // London borough
    [InlineData("W06000015", "W06000015")]
    [InlineData("S12000036", "S12000036")]
    [InlineData("N09000003", "N09000003")]
    [InlineData("e10000012", "E10000012")]
    [InlineData(" E07000070 ", "E07000070")]
    public void A_councils_gss_code_is_read_in_upper_case(string text, string expected)
    {
        Assert.True(PartnerIdentifiers.TryCouncil(text, out var code, out var error));
        Assert.Equal(expected, code.Value);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("E92000001")] // England
    [InlineData("E01000001")] // an LSOA
    [InlineData("E05000001")] // a ward
    [InlineData("E54000007")] // an ICB
    [InlineData("E1000001")] // too short
    [InlineData("QH8")]
    [InlineData("X")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_codes_are_not_a_councils(string? text)
    {
        Assert.False(PartnerIdentifiers.TryCouncil(text, out _, out var error));
        Assert.StartsWith($"'{text}' is not a council's GSS code", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("E92000001")] // a GSS code, but England's
    [InlineData("X")]
    public void A_refused_council_code_gives_no_code(string text)
    {
        // The Try pattern: on false the out value is its default, as the other Try methods here do.
        Assert.False(PartnerIdentifiers.TryCouncil(text, out var code, out _));
        Assert.Equal(default(AreaCode), code);
    }

    [Theory]
    [InlineData("1012345", "1012345")]
    [InlineData("212345", "212345")]
    [InlineData("SC012345", "SC012345")]
    [InlineData("NIC100002", "NIC100002")]
    [InlineData("sc012345", "SC012345")]
    [InlineData(" 1012345 ", "1012345")]
    public void A_charity_number_is_read(string text, string expected)
    {
        Assert.True(PartnerIdentifiers.TryCharity(text, out var number, out var error));
        Assert.Equal(expected, number);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("12345678")]
    [InlineData("AB123456")]
    [InlineData("SC12345")]
    [InlineData("NI100002")]
    [InlineData("1012-345")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_charity_number(string? text)
    {
        Assert.False(PartnerIdentifiers.TryCharity(text, out var number, out var error));
        Assert.Null(number);
        Assert.StartsWith($"'{text}' is not a charity number", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("07715867", "07715867")]
    [InlineData("SC123456", "SC123456")]
    [InlineData("sc123456", "SC123456")]
    [InlineData("7715867", "07715867")]
    [InlineData("123", "00000123")]
    public void A_company_number_is_read_and_padded_to_eight_characters(string text, string expected)
    {
        Assert.True(PartnerIdentifiers.TryCompany(text, out var number, out var error));
        Assert.Equal(expected, number);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("ABC12345")]
    [InlineData("123456789")]
    [InlineData("00000000")]
    [InlineData("0")] // padded to 00000000
    [InlineData("SC12345")]
    [InlineData("S1234567")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_company_number(string? text)
    {
        Assert.False(PartnerIdentifiers.TryCompany(text, out var number, out var error));
        Assert.Null(number);
        Assert.StartsWith($"'{text}' is not a Companies House number", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nhs", PartnerType.NhsBody)]
    [InlineData("council", PartnerType.Council)]
    [InlineData("vcse", PartnerType.Vcse)]
    [InlineData("other", PartnerType.Other)]
    [InlineData("NHS", PartnerType.NhsBody)]
    [InlineData(" Council ", PartnerType.Council)]
    public void A_partner_type_is_read_by_its_code_in_any_case(string text, PartnerType expected)
    {
        Assert.True(PartnerCodes.TryParseType(text, out var type));
        Assert.Equal(expected, type);
        Assert.Equal(text.Trim().ToLowerInvariant(), type.Code());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("nhs,council")]
    [InlineData("NhsBody")] // the enum's name is not its code
    [InlineData("")]
    [InlineData(null)]
    public void A_number_a_list_or_an_unknown_name_is_not_a_partner_type(string? text) =>
        Assert.False(PartnerCodes.TryParseType(text, out _));

    [Theory]
    [InlineData("commissioner", PartnerRole.Commissioner)]
    [InlineData("provider", PartnerRole.Provider)]
    [InlineData("both", PartnerRole.Both)]
    [InlineData("PROVIDER", PartnerRole.Provider)]
    [InlineData(" Both ", PartnerRole.Both)]
    public void A_partner_role_is_read_by_its_code_in_any_case(string text, PartnerRole expected)
    {
        Assert.True(PartnerCodes.TryParseRole(text, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("commissioner,provider")]
    [InlineData("commissioners")]
    [InlineData("")]
    [InlineData(null)]
    public void A_number_a_list_or_an_unknown_name_is_not_a_partner_role(string? text) =>
        Assert.False(PartnerCodes.TryParseRole(text, out _));

    [Theory]
    [InlineData(PartnerRole.Commissioner, true, false)]
    [InlineData(PartnerRole.Provider, false, true)]
    [InlineData(PartnerRole.Both, true, true)]
    [InlineData(null, false, false)]
    public void A_partner_commissions_or_provides_by_its_role(PartnerRole? role, bool commissions, bool provides)
    {
        var partner = new Partner(1, "Partner") { Role = role };

        Assert.Equal(commissions, partner.Commissions);
        Assert.Equal(provides, partner.Provides);
    }

    [Fact]
    public void A_partners_identifiers_are_written_on_one_line()
    {
        var partner = new Partner(1, "Provide CIC") { OdsCode = "NR5", CharityNumber = "1012345", CompanyNumber = "07715867" };

        Assert.Equal("ODS NR5 · Charity 1012345 · Company 07715867", partner.Identifiers);
        Assert.Equal("", new Partner(2, "Unknown").Identifiers);
    }
}
