using Commonweal.Core.Access;

namespace Commonweal.Core.Tests.Access;

/// <summary>API keys: their shape, their hash (a known SHA-256 worked out independently) and client names.</summary>
public sealed class ApiKeysTests
{
    [Fact]
    public void A_new_key_is_the_prefix_and_43_base64url_characters_and_never_the_same_twice()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKeys.New()).ToList();

        Assert.All(keys, k => Assert.True(ApiKeys.IsWellFormed(k), k));
        Assert.All(keys, k => Assert.Equal(47, k.Length));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(keys[0].Substring(4, 8), ApiKeys.Shown(keys[0]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cwk_")]
    [InlineData("cwk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // one short
    [InlineData("cwk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // one long
    [InlineData("cwx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // another prefix
    [InlineData("cwk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // padding
    [InlineData("cwk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+A")] // base64, not base64url
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")] // a JWT
    public void Anything_else_is_not_a_key(string? text) => Assert.False(ApiKeys.IsWellFormed(text));

    [Fact]
    public void The_hash_is_the_SHA_256_of_the_key_in_lower_case_hex()
    {
        // sha256("cwk_" + 43 × "A"), worked out with Python's hashlib.
        Assert.Equal("38100388a49992379f8d315d79c4ac96cc53f1718ee1c044c6e9a4897a6c8c8f", ApiKeys.Hash("cwk_" + new string('A', 43)));
    }

    [Theory]
    [InlineData("gp-system.practice_1", true)]
    [InlineData("A", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("slash/name", false)]
    [InlineData("ünïcode", false)]
    public void A_client_name_is_1_to_64_letters_digits_dash_underscore_or_dot(string name, bool valid)
    {
        Assert.Equal(valid, ApiKeys.IsValidName(name));
        Assert.True(ApiKeys.IsValidName(new string('a', 64)));
        Assert.False(ApiKeys.IsValidName(new string('a', 65)));
    }

    [Fact]
    public void Roles_are_read_in_their_own_spelling_once_and_a_wrong_one_is_named()
    {
        Assert.Null(Roles.Canonical(["referrer", "Provider", "REFERRER"], out var roles));
        Assert.Equal([Roles.Referrer, Roles.Provider], roles);
        Assert.Equal("'Overlord' is not a role (choose from Administrator, Analyst, Commissioner, Provider, Referrer, VolunteerCoordinator)", Roles.Canonical(["Overlord"], out _));
        Assert.StartsWith("at least one role is required", Roles.Canonical([], out _), StringComparison.Ordinal);
    }
}
