using Commonweal.Application.Referrals;
using Commonweal.Persistence;
using Commonweal.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Application.Tests.Referrals;

/// <summary>
/// The intake's group commit, on SQLite and PostgreSQL: a batch is written without looking its identifiers up, so a batch
/// that meets a stored identifier must fail whole and be tried again looking them up — the new referrals of the batch
/// stored once each, whole, the repeat answered with the stored referral (for its sender) or refused (for anyone else).
/// </summary>
public class ReferralIntakeTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Repeats_of_a_stored_referral_submitted_with_new_ones_are_answered_and_the_new_ones_stored_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new ApplicationScope(database);
        var intake = app.Get<ReferralIntake>();
        var now = app.Get<TimeProvider>().GetUtcNow();
        var stored = TestReferrals.Draft(now, identifier: "stored-1");
        await TestReferrals.ReferAsync(intake, stored);

        // Submitted together: most land in one batch with the repeats, whichever way the writer takes them.
        var fresh = Enumerable.Range(0, 40).Select(i => TestReferrals.Draft(now, family: $"New{i}")).ToList();
        var repeat = TestReferrals.Draft(now, identifier: "stored-1");
        var stranger = TestReferrals.Draft(now, referrer: "another-gp", identifier: "stored-1");
        var token = TestContext.Current.CancellationToken;
        var submitted = fresh.Take(20).Append(repeat).Append(stranger).Concat(fresh.Skip(20)).ToList();
        var answers = await Task.WhenAll(submitted.Select(d => intake.SubmitAsync(d, token)));

        // Task.WhenAll answers in the order submitted.
        var byDraft = submitted.Zip(answers).ToDictionary(p => p.First.Referral.Id, p => p.Second);
        Assert.All(fresh, d => Assert.True(byDraft[d.Referral.Id].Created));
        var again = byDraft[repeat.Referral.Id];
        Assert.False(again.Created);
        Assert.Equal(stored.Referral.Id, again.Referral.Id);
        Assert.Equal(3, again.Resources.Count);
        var refused = byDraft[stranger.Referral.Id];
        Assert.True(refused.IdentifierTaken);
        Assert.NotEqual(stored.Referral.Id, refused.Referral.Id);

        await using var scope = app.NewScope();
        var db = scope.ServiceProvider.GetRequiredService<CommonwealDbContext>();
        var ids = await db.Referrals.AsNoTracking().Select(r => r.Id).ToListAsync(token);
        Assert.Equal(fresh.Select(d => d.Referral.Id).Append(stored.Referral.Id).Order(), ids.Order());
        Assert.Equal(41, await db.Cases.CountAsync(token));
        Assert.Equal(41, await db.CaseEvents.CountAsync(token));
        Assert.Equal(41 * 3, await db.FhirResources.CountAsync(token));
        Assert.Equal(41, await db.Audit.CountAsync(a => a.Action == "referral.create", token));
    }
}
