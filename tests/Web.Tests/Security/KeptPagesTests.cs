using System.IO.Compression;
using System.Net;
using Commonweal.Core.Access;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Commonweal.TestKit.Web;
using Commonweal.Web.Hosting;
using Commonweal.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Web.Tests.Security;

/// <summary>
/// The map pages are kept compressed (<see cref="KeptPages"/>): a repeat request gets the same bytes, which decompress to
/// the page as made; a kept page goes only to the cookies it was made for, never after its session has ended, its sign-out
/// form still works, and new data is seen at once.
/// </summary>
public abstract class KeptPagesTests(DatabaseProvider provider)
{
    private const string Password = "correct horse battery";

    [Theory]
    [InlineData(Compression.Brotli)]
    [InlineData(Compression.Gzip)]
    public async Task A_map_page_is_kept_compressed_and_sent_again_as_it_was_made(string encoding)
    {
        await using var platform = await OwnPlatform.StartAsync(provider);
        var client = platform.Client();
        var kept = platform.Services.GetRequiredService<KeptPages>();

        var first = await GetAsync(client, "/places/E07000066/map", encoding);
        var again = await GetAsync(client, "/places/E07000066/map", encoding);
        var plain = await client.GetStringAsync("/places/E07000066/map", TestContext.Current.CancellationToken);

        Assert.Equal(1, kept.Count);
        Assert.Equal(first.Bytes, again.Bytes);
        Assert.Equal(encoding, Assert.Single(again.Encodings));
        Assert.Contains("Accept-Encoding", again.Vary);
        Assert.Equal(plain, Decompress(again.Bytes, encoding));
        Assert.Contains("data-testid=\"map\"", plain, StringComparison.Ordinal);
        Assert.Equal("no-store", again.CacheControl);
        Assert.Equal("nosniff", again.NoSniff);
    }

    [Fact]
    public async Task A_kept_page_goes_only_to_the_viewer_it_was_made_for()
    {
        await using var platform = await OwnPlatform.StartAsync(provider);
        var (administrator, administratorName) = await platform.SignedInAsNewUserAsync(Roles.Administrator);
        var (commissioner, commissionerName) = await platform.SignedInAsNewUserAsync(Roles.Commissioner);
        var anonymous = platform.Client();

        foreach (var round in new[] { 1, 2 })
        {
            var forAdministrator = Decompress((await GetAsync(administrator, "/map", Compression.Brotli)).Bytes, Compression.Brotli);
            var forCommissioner = Decompress((await GetAsync(commissioner, "/map", Compression.Brotli)).Bytes, Compression.Brotli);
            var forAnonymous = Decompress((await GetAsync(anonymous, "/map", Compression.Brotli)).Bytes, Compression.Brotli);

            Assert.Contains(administratorName, forAdministrator, StringComparison.Ordinal);
            Assert.Contains("href=\"/admin/users\"", forAdministrator, StringComparison.Ordinal);
            Assert.Contains(commissionerName, forCommissioner, StringComparison.Ordinal);
            Assert.DoesNotContain(administratorName, forCommissioner, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/admin/users\"", forCommissioner, StringComparison.Ordinal);
            Assert.DoesNotContain(administratorName, forAnonymous, StringComparison.Ordinal);
            Assert.DoesNotContain(commissionerName, forAnonymous, StringComparison.Ordinal);
            Assert.Contains("href=\"/account/login\"", forAnonymous, StringComparison.Ordinal);
        }

        Assert.Equal(3, platform.Services.GetRequiredService<KeptPages>().Count);
    }

    [Fact]
    public async Task A_kept_page_is_not_sent_once_its_session_has_ended()
    {
        await using var platform = await OwnPlatform.StartAsync(provider, publicAggregates: false);
        var (laptop, name) = await platform.SignedInAsNewUserAsync(Roles.Commissioner);
        using var bare = platform.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var cookie = await CookieSignIn.SignInAsync(bare, name, Password);
        Assert.Equal(HttpStatusCode.OK, (await Replay(bare, cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Replay(bare, cookie)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await SessionTests.PostWithTokenAsync(laptop, "/", "/account/logout")).StatusCode);

        var refused = await Replay(bare, cookie);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/login", refused.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_out_form_of_a_kept_page_works()
    {
        await using var platform = await OwnPlatform.StartAsync(provider);
        var (client, _) = await platform.SignedInAsNewUserAsync(Roles.Commissioner);
        await GetAsync(client, "/map", Compression.Brotli);
        var kept = Decompress((await GetAsync(client, "/map", Compression.Brotli)).Bytes, Compression.Brotli);

        using var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.TokenIn(kept),
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/audit", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task New_data_is_seen_at_once()
    {
        await using var platform = await OwnPlatform.StartAsync(provider);
        var client = platform.Client();
        var before = Decompress((await GetAsync(client, "/map", Compression.Brotli)).Bytes, Compression.Brotli);
        Assert.Contains("IMD 2025 national decile", before, StringComparison.Ordinal);

        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();
            await db.Deprivation.Where(d => d.Vintage == Core.Places.IodVintage.Iod2025).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            db.Imports.Add(new Core.Places.ImportRecord(0, "test", "IoD2025 taken out", string.Empty, 0, 0, Importing.Now, "test"));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var after = Decompress((await GetAsync(client, "/map", Compression.Brotli)).Bytes, Compression.Brotli);
        Assert.Contains("IMD 2019 national decile", after, StringComparison.Ordinal);
        Assert.DoesNotContain("IMD 2025 national decile", after, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> Replay(HttpClient bare, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/map");
        request.Headers.Add("Cookie", cookie);
        request.Headers.AcceptEncoding.ParseAdd(Compression.Brotli);
        return await bare.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<Answer> GetAsync(HttpClient client, string address, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new Answer(
            await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken),
            [.. response.Content.Headers.ContentEncoding],
            [.. response.Headers.Vary],
            response.Headers.CacheControl?.ToString(),
            response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) ? sniff.Single() : null);
    }

    private static string Decompress(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        using Stream stream = encoding == Compression.Brotli ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record Answer(byte[] Bytes, IReadOnlyList<string> Encodings, IReadOnlyList<string> Vary, string? CacheControl, string? NoSniff);
}

public sealed class SqliteKeptPagesTests() : KeptPagesTests(DatabaseProvider.Sqlite);

public sealed class PostgresKeptPagesTests() : KeptPagesTests(DatabaseProvider.Postgres);
