using System.Text.RegularExpressions;

namespace Commonweal.TestKit.Web;

/// <summary>Fills in and posts the sign-in form as a browser would.</summary>
public static partial class SignIn
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = Token().Match(form);
        Assert.True(token.Success, "the sign-in form has no antiforgery token");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
