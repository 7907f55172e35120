namespace Commonweal.Web.Features.Referrals;

/// <summary>
/// The holistic assessment as a FHIR Questionnaire at <c>/fhir/Questionnaire/holistic-assessment</c>: public, as the
/// CapabilityStatement is, so a referrer's system can build its form before it has a key. It includes SWEMWBS only where
/// the ICS holds the licence (<see cref="FhirAssessment.LicensedSetting"/>).
/// </summary>
public static class QuestionnaireEndpoints
{
    public static void MapQuestionnaireEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/fhir/Questionnaire/" + FhirAssessment.Id, (IConfiguration configuration) =>
                new FhirResult(StatusCodes.Status200OK, FhirAssessment.QuestionnaireJson(FhirAssessment.Licensed(configuration)), version: Commonweal.Core.Referrals.HolisticAssessment.Version))
            .WithTags("FHIR").RequireAuthorization(Policies.Anyone);
}
