using System.Globalization;

namespace Commonweal.Core.Referrals;

/// <summary>
/// One typed answer, as a QuestionnaireResponse holds it: an option's code, yes/no, a whole number or a decimal. Made by
/// <see cref="OfCode"/> or one of the <c>Of</c> overloads, so a value always has exactly one kind.
/// </summary>
public sealed record AssessmentValue
{
    private AssessmentValue(AnswerKind kind, string? code, bool? boolean, int? integer, decimal? number)
    {
        Kind = kind;
        Code = code;
        Boolean = boolean;
        Integer = integer;
        Decimal = number;
    }

    public AnswerKind Kind { get; }

    /// <summary>The option's code, for a choice.</summary>
    public string? Code { get; }

    public bool? Boolean { get; }

    public int? Integer { get; }

    public decimal? Decimal { get; }

    public static AssessmentValue OfCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new(AnswerKind.Choice, code, null, null, null);
    }

    public static AssessmentValue Of(bool value) => new(AnswerKind.Boolean, null, value, null, null);

    public static AssessmentValue Of(int value) => new(AnswerKind.Integer, null, null, value, null);

    public static AssessmentValue Of(decimal value) => new(AnswerKind.Decimal, null, null, null, value);

    /// <summary>
    /// The value as a decimal, for a decimal question: a whole number is taken too (96 kg is 96.0 kg), since widening loses
    /// nothing and a resident's "96" should not be refused.
    /// </summary>
    internal decimal? AsDecimal => Decimal ?? Integer;

    public override string ToString() => Kind switch
    {
        AnswerKind.Choice => Code!,
        AnswerKind.Boolean => Boolean == true ? "yes" : "no",
        AnswerKind.Integer => Integer!.Value.ToString(CultureInfo.InvariantCulture),
        _ => Decimal!.Value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
