using System.Globalization;
using Commonweal.Core.Referrals;
using Hl7.Fhir.Model;
using FhirTask = Hl7.Fhir.Model.Task;

namespace Commonweal.Application.Referrals;

/// <summary>
/// A structured outcome as a completed Task's outputs (Task.output), each typed and coded in Commonweal's outcome code
/// system so that a system referrer can read the figures without parsing words: the summary (valueString, type "Outcome" as
/// a text-only outcome has it), whether the goals were met and the smoking status at four weeks (valueCodeableConcept), each
/// ONS4 rating before and after (valueInteger), the weights and their change in kg (valueQuantity, UCUM "kg"), the change
/// in percent (UCUM "%"), whether 5 % was lost (valueBoolean) and BMI before and after (UCUM "kg/m2"). A figure the
/// outcome does not have is left out.
/// </summary>
public static class FhirTaskOutputs
{
    /// <summary>The kinds of output (Task.output.type).</summary>
    public const string OutputSystem = "https://commonweal.example/fhir/CodeSystem/case-outcome";

    /// <summary>Whether the goals were met: met, partly, not-met.</summary>
    public const string GoalsSystem = "https://commonweal.example/fhir/CodeSystem/goals-met";

    /// <summary>Smoking status four weeks after the quit date (NCSCT): quit-co-verified, quit-self-reported, not-quit, lost-to-follow-up.</summary>
    public const string QuitSystem = "https://commonweal.example/fhir/CodeSystem/four-week-quit-status";

    private const string Ucum = "http://unitsofmeasure.org";

    public static List<FhirTask.OutputComponent> Of(CaseOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var outputs = new List<FhirTask.OutputComponent>
        {
            new() { Type = new CodeableConcept(OutputSystem, "summary", "Outcome", "Outcome"), Value = new FhirString(outcome.Summary) },
            Output("goals-met", "Goals met", new CodeableConcept(GoalsSystem, GoalsMetCodes.Code(outcome.Goals), Capital(GoalsMetCodes.Words(outcome.Goals)))),
        };
        if (outcome.Quit is { } quit)
            outputs.Add(Output("quit-status-4-weeks", "Smoking status four weeks after the quit date", new CodeableConcept(QuitSystem, QuitStatuses.Code(quit), Capital(QuitStatuses.Words(quit)))));
        Ons4Outputs(outputs, "before", outcome.Baseline.Ons4);
        Ons4Outputs(outputs, "after", outcome.Ons4After);
        Quantity(outputs, "weight-before", "Weight at the start", outcome.Baseline.WeightKg, "kg");
        Quantity(outputs, "weight-after", "Weight at the end", outcome.WeightAfterKg, "kg");
        Quantity(outputs, "weight-change", "Change in weight", outcome.WeightChangeKg, "kg");
        Quantity(outputs, "weight-change-percent", "Change in weight as a percentage of the weight at the start", outcome.WeightChangePercent, "%");
        if (outcome.LostFivePercent is { } lost) outputs.Add(Output("weight-lost-5-percent", "Lost at least 5 % of the weight at the start", new FhirBoolean(lost)));
        Quantity(outputs, "bmi-before", "BMI at the start", outcome.BmiBefore, "kg/m2");
        Quantity(outputs, "bmi-after", "BMI at the end", outcome.BmiAfter, "kg/m2");
        return outputs;
    }

    private static void Ons4Outputs(List<FhirTask.OutputComponent> outputs, string when, Ons4Scores? scores)
    {
        if (scores is not { } s) return;
        int[] ratings = [s.LifeSatisfaction, s.Worthwhile, s.Happiness, s.Anxiety];
        for (var k = 0; k < 4; k++)
            outputs.Add(Output($"{Ons4.LinkIds[k]}-{when}", $"ONS4 {OutcomeFields.Ons4Label(k).ToLowerInvariant()} {(when == "before" ? "at the start" : "at the end")} (0 to 10)", new Integer(ratings[k])));
    }

    private static void Quantity(List<FhirTask.OutputComponent> outputs, string code, string display, decimal? value, string unit)
    {
        if (value is not { } v) return;
        outputs.Add(Output(code, display, new Hl7.Fhir.Model.Quantity { Value = v, Unit = unit, System = Ucum, Code = unit }));
    }

    private static FhirTask.OutputComponent Output(string code, string display, DataType value) =>
        new() { Type = new CodeableConcept(OutputSystem, code, display, display), Value = value };

    private static string Capital(string s) => string.Concat(s[..1].ToUpper(CultureInfo.InvariantCulture), s.AsSpan(1));
}
