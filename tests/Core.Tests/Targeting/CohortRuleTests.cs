using Commonweal.Core.Targeting;

namespace Commonweal.Core.Tests.Targeting;

public sealed class CohortRuleTests
{
    private sealed record Subject(double? Age, string? Sex, bool Diabetes, bool Copd, string? District, double? ImdDecile = null);

    private static readonly RuleFields<Subject> Fields = new(
    [
        RuleField.Numeric<Subject>("age", "age in years", s => s.Age),
        RuleField.Word<Subject>("sex", "female or male", s => s.Sex),
        RuleField.YesNo<Subject>("diabetes", "on the diabetes register", s => s.Diabetes),
        RuleField.YesNo<Subject>("copd", "on the COPD register", s => s.Copd),
        RuleField.Word<Subject>("district", "district code", s => s.District),
        RuleField.Numeric<Subject>("imd_decile", "national IMD decile", s => s.ImdDecile),
    ]);

    private static readonly Subject OlderDiabeticWoman = new(70, "female", true, false, "E07000066", 1);
    private static readonly Subject YoungMan = new(20, "male", false, false, "E06000033", 6);
    private static readonly Subject OlderCopdMan = new(80, "male", false, true, "E07000070", 2);
    private static readonly Subject Unknown = new(null, null, false, false, null);

    public static TheoryData<string, bool, bool, bool, bool> Rules => new()
    {
        // rule, OlderDiabeticWoman, YoungMan, OlderCopdMan, Unknown
        { "age >= 65", true, false, true, false },
        { "age < 65", false, true, false, false },
        { "not age < 65", true, false, true, true },
        { "age between 16 and 64", false, true, false, false },
        { "age = 70", true, false, false, false },
        { "age != 70", false, true, true, false },
        { "diabetes", true, false, false, false },
        { "not diabetes", false, true, true, true },
        { "age >= 65 and (diabetes or copd)", true, false, true, false },
        { "age >= 65 and diabetes or copd", true, false, true, false },
        { "copd or diabetes and age < 65", false, false, true, false },
        { "sex = FEMALE", true, false, false, false },
        { "sex != female", false, true, true, false },
        { "district in (E07000066, e06000033)", true, true, false, false },
        { "imd_decile in (1, 2) and not sex = 'male'", true, false, false, false },
        { "NOT (diabetes OR copd) AND age > 18.5", false, true, false, false },
        { "imd_decile <= 2", true, false, true, false },
        { "age > -1", true, true, true, false },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_rule_selects_the_subjects_it_describes(string text, bool woman, bool young, bool copd, bool unknown)
    {
        var (rule, problems) = CohortRule.Parse(text, Fields);

        Assert.Empty(problems);
        Assert.Equal([woman, young, copd, unknown], new[] { OlderDiabeticWoman, YoungMan, OlderCopdMan, Unknown }.Select(rule!.Matches));
    }

    [Theory]
    [InlineData("", 1, "the rule is empty")]
    [InlineData("   ", 1, "the rule is empty")]
    [InlineData("agee >= 65", 1, "'agee' is not a field (did you mean age?)")]
    [InlineData("height > 2", 1, "'height' is not a field; the fields are age, sex, diabetes, copd, district, imd_decile")]
    [InlineData("age >= sixty", 8, "'sixty' is not a number")]
    [InlineData("age", 1, "age is a number: compare it, e.g. age <= 2")]
    [InlineData("diabetes = 1", 10, "diabetes is yes/no: name it alone")]
    [InlineData("sex < female", 5, "sex is a word: compare it with = , != or in")]
    [InlineData("(age > 5", 9, "a ')' is missing to close the '(' at column 1")]
    [InlineData("age > 5)", 8, "')' was not expected here")]
    [InlineData("age > 5 diabetes", 9, "'diabetes' was not expected here")]
    [InlineData("age >=", 7, "the rule ends where a number should be")]
    [InlineData("age between 64 and 16", 5, "between 64 and 16 is empty")]
    [InlineData("age between 16 64", 16, "'between' takes two numbers joined by 'and'")]
    [InlineData("district in E07000066", 13, "'in' is followed by a list in brackets")]
    [InlineData("district in (E07000066", 23, "a ')' is missing to close the list after 'in' at column 10")]
    [InlineData("sex = 'female", 7, "the quotation opened here (') is not closed")]
    [InlineData("age ≥ 65", 5, "'≥' cannot be read here")]
    [InlineData("age >= 65 and", 14, "the rule ends where a condition should be")]
    [InlineData("and age > 1", 1, "'and' is not a field")]
    [InlineData("sex between 1 and 2", 5, "sex is a word: 'between' compares numbers")]
    [InlineData("age in (1, x)", 12, "'x' is not a number")]
    public void A_rule_that_cannot_be_read_is_refused_with_the_column_and_the_reason(string text, int column, string message)
    {
        var (rule, problems) = CohortRule.Parse(text, Fields);

        Assert.Null(rule);
        var problem = Assert.Single(problems);
        Assert.Equal(column, problem.Column);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rule_keeps_its_text()
    {
        var (rule, _) = CohortRule.Parse("  age >= 65 and diabetes ", Fields);

        Assert.Equal("age >= 65 and diabetes", rule!.Text);
    }
}
