using System.Text;
using Commonweal.Application.Referrals;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;

namespace Commonweal.TestKit;

/// <summary>
/// Referrals as the intake takes them, for tests that need cases: a professional's referral of Ada (family name as
/// given) born 12 April 1968, from a Basildon address unless another place is given, with its Patient, ServiceRequest and
/// the first version of its Task.
/// </summary>
public static class TestReferrals
{
    public static readonly AreaCode Basildon = AreaCode.Parse("E07000066");

    public static ReferralDraft Draft(
        DateTimeOffset received,
        string referrer = "gp-referrer",
        string family = "Okafor",
        AreaCode? place = null,
        string reason = "low mood",
        string? requested = null,
        IReadOnlyDictionary<string, AssessmentValue>? answers = null,
        string? identifier = null)
    {
        var id = Guid.NewGuid();
        var patient = Guid.NewGuid().ToString();
        var person = new ReferralPerson(null, "Ada", family, new DateOnly(1968, 4, 12), "female", "SS14 1AB", place ?? Basildon, "07700 900123", null);
        var referral = new Referral(id, "https://gp.example/Id/referral", identifier ?? id.ToString("N"), ReferralRoute.Professional, received, referrer, null, requested, reason,
            person, true, answers is null ? null : AssessmentAnswers.ToJson(answers));
        var task = new TaskState(Guid.NewGuid().ToString(), id, patient, CaseStatus.Received, null, null, null, 1, received, received, "Practitioner/gp-1");
        StoredResource Stored(string type, string resourceId, string json) => new(type, resourceId, id, 1, received, null, null, Encoding.UTF8.GetBytes(json));
        return new ReferralDraft(referral,
        [
            Stored("Patient", patient, $"{{\"resourceType\":\"Patient\",\"id\":\"{patient}\"}}"),
            Stored("ServiceRequest", id.ToString(), $"{{\"resourceType\":\"ServiceRequest\",\"id\":\"{id}\"}}"),
            new StoredResource("Task", task.Id, id, 1, received, "received", null, FhirTasks.Write(task)),
        ]);
    }

    /// <summary>The referral stored through the intake (a new one: fails the test otherwise); its id.</summary>
    public static async Task<Guid> ReferAsync(ReferralIntake intake, ReferralDraft draft)
    {
        var result = await intake.SubmitAsync(draft, TestContext.Current.CancellationToken);
        Assert.True(result.Created, "the referral was already stored");
        return draft.Referral.Id;
    }
}
