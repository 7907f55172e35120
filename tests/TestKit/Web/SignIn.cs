using System.Text.RegularExpressions;

namespace Commonweal.TestKit.Web;

/// <summary>Fills in and posts the sign-in form as a browser would.</summary>
public static partial class SignIn
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = TokenIn(form),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The antiforgery token of the (first) form on a page.</summary>
    public static string TokenIn(string html)
    {
        var token = Token().Match(html);
        Assert.True(token.Success, "the page has no form with an antiforgery token");
        return System.Net.WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

/// <summary>Signing in without a cookie jar: the cookies come back as a Cookie header any client can replay (as a thief would).</summary>
public static class CookieSignIn
{
    public static async Task<string> SignInAsync(HttpClient bare, string userName, string password)
    {
        var form = await bare.GetAsync("/account/login");
        var antiforgery = Cookies(form);
        var token = SignIn.TokenIn(await form.Content.ReadAsStringAsync());
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = userName,
                ["Input.Password"] = password,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var response = await bare.SendAsync(post);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return antiforgery + "; " + Cookies(response);
    }

    /// <summary>The name=value pairs a response sets, as a Cookie header.</summary>
    public static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);
}
