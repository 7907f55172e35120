namespace Commonweal.Web.Features.Referrals;

/// <summary>The systems and addresses Commonweal's FHIR resources use.</summary>
public static class FhirNames
{
    public const string Base = "https://commonweal.example/fhir";

    /// <summary>Commonweal's referral services (the service directory's codes).</summary>
    public const string ServiceSystem = Base + "/CodeSystem/referral-service";

    /// <summary>A case's status, beyond the Task's own (Task.businessStatus).</summary>
    public const string CaseStatusSystem = Application.Referrals.FhirTasks.CaseStatusSystem;

    /// <summary>The person's place (an LSOA, ward or district GSS code) on Patient.address, where the referrer knows it.</summary>
    public const string PlaceExtension = Base + "/StructureDefinition/place";

    /// <summary>Identifiers of referrals made through Commonweal's own web forms.</summary>
    public const string FormReferralSystem = Base + "/Id/referral";

    /// <summary>SNOMED CT 871731000000106 |Referral to social prescribing service|: a referral to the front door, naming no service.</summary>
    public const string SocialPrescribingReferral = "871731000000106";

    public const string Snomed = "http://snomed.info/sct";

    public const string UkCorePatient = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";
    public const string UkCoreServiceRequest = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest";
    public const string UkCoreTask = Application.Referrals.FhirTasks.UkCoreTask;
    public const string UkCoreQuestionnaireResponse = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-QuestionnaireResponse";
    public const string UkCoreConsent = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Consent";
}
