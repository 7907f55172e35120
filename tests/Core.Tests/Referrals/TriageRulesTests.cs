using Commonweal.Core.Referrals;

namespace Commonweal.Core.Tests.Referrals;

/// <summary>The rules file: read, every problem with its line and field, and written back the same.</summary>
public sealed class TriageRulesTests
{
    private const string Header = "id,need,at_least,tier,min_age,max_age,cohorts,explanation\n";

    [Fact]
    public void A_good_file_is_read()
    {
        var file = TriageRules.Parse(Header +
            "weight-core20,weight,light,professional,,,core20,\"Core20, any weight need: the \"\"professional\"\" programme.\"\n" +
            "\n" +
            "young-wellbeing, Wellbeing ,Light,PROFESSIONAL,16,24,core20; Carers ,Young people.\r\n");
        Assert.Empty(file.Problems);
        Assert.Equal(2, file.Rules.Count);
        var (core20, young) = (file.Rules[0], file.Rules[1]);
        Assert.Equal(("weight-core20", Need.Weight, NeedLevel.Light, SupportTier.Professional, (int?)null, (int?)null), (core20.Id, core20.Need, core20.AtLeast, core20.Tier, core20.MinAge, core20.MaxAge));
        Assert.Equal("Core20, any weight need: the \"professional\" programme.", core20.Explanation);
        Assert.Equal(["core20"], core20.Cohorts!);
        Assert.Equal(("young-wellbeing", Need.Wellbeing, 16, 24, "Young people."), (young.Id, young.Need, young.MinAge!.Value, young.MaxAge!.Value, young.Explanation));
        Assert.Equal(["core20", "carers"], young.Cohorts!);
    }

    [Theory]
    [InlineData("r,smokin,light,community,,,,x.", "need", "'smokin' is not a need; needs are smoking, weight, physical-activity, alcohol, money, debt, employment, housing, loneliness, caring, long-term-conditions, frailty, environment, wellbeing")]
    [InlineData("r,smoking,none,community,,,,x.", "at_least", "'none' is not a level a rule can start at; levels are light, specialist")]
    [InlineData("r,smoking,medium,community,,,,x.", "at_least", "'medium' is not a level")]
    [InlineData("r,smoking,light,clinic,,,,x.", "tier", "'clinic' is not a tier; tiers are community, professional")]
    [InlineData("r,smoking,light,community,x,,,x.", "min_age", "'x' is not an age: a whole number of years 0 to 130, or empty for no limit")]
    [InlineData("r,smoking,light,community,,-3,,x.", "max_age", "'-3' is not an age")]
    [InlineData("r,smoking,light,community,,200,,x.", "max_age", "'200' is not an age")]
    [InlineData("r,smoking,light,community,30,20,,x.", "max_age", "20 is below min_age 30")]
    [InlineData("r,smoking,light,community,,,core 20,x.", "cohorts", "'core 20' is not a cohort name")]
    [InlineData("r,smoking,light,community,,,,  ", "explanation", "a rule needs its explanation")]
    [InlineData(",smoking,light,community,,,,x.", "id", "a rule needs an id")]
    [InlineData("Weight Rule,smoking,light,community,,,,x.", "id", "'Weight Rule' is not an id")]
    [InlineData("r,smoking,light,community,,,x.", "line", "has 7 fields; a rule has 8: id, need, at_least, tier, min_age, max_age, cohorts, explanation")]
    [InlineData("r,smoking,light,community,,,,\"x., more", "line", "a quoted field is not closed")]
    [InlineData("r,smoking,light,community,,,,\"x.\"y", "line", "column 34: a quoted field must be followed by ','")]
    public void Each_bad_field_is_named_with_its_line(string line, string field, string message)
    {
        var file = TriageRules.Parse(Header + "ok,debt,light,community,,,,Fine.\n" + line + "\n");
        Assert.Empty(file.Rules); // a file is taken whole or not at all
        var problem = Assert.Single(file.Problems);
        Assert.Equal((3, field), (problem.Line, problem.Field));
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"line 3, field '{field}': ", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_is_refused_naming_the_first()
    {
        var file = TriageRules.Parse(Header + "debt-light,debt,light,community,,,,A.\ndebt-light,debt,specialist,professional,,,,B.\n");
        Assert.Equal("line 3, field 'id': 'debt-light' is already the id of the rule on line 2", Assert.Single(file.Problems).ToString());
    }

    [Fact]
    public void Every_problem_is_returned_at_once()
    {
        var file = TriageRules.Parse(Header + "a,smokin,light,clinic,,,,x.\nb,debt,light,community,,,,\n");
        Assert.Equal(["line 2, field 'need'", "line 2, field 'tier'", "line 3, field 'explanation'"], file.Problems.Select(p => p.ToString().Split(':')[0]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("id,need,tier\n")]
    public void The_header_must_be_the_rules_header(string text)
    {
        var problem = Assert.Single(TriageRules.Parse(text).Problems);
        Assert.Equal("line 1, field 'header': the first line should be 'id,need,at_least,tier,min_age,max_age,cohorts,explanation'", problem.ToString());
    }

    [Fact]
    public void The_default_rules_round_trip_through_the_file_format()
    {
        TriageRule[] rules = [.. TriageRules.Default, new("young", Need.Wellbeing, NeedLevel.Light, SupportTier.Professional, "Quote \"this\", please.", 16, 24, ["core20", "carers"])];
        var text = TriageRules.Format(rules);
        Assert.StartsWith(Header, text, StringComparison.Ordinal);
        Assert.Contains("\nyoung,wellbeing,light,professional,16,24,core20;carers,\"Quote \"\"this\"\", please.\"\n", text, StringComparison.Ordinal);
        var file = TriageRules.Parse(text);
        Assert.Empty(file.Problems);
        Assert.Equal(rules.Length, file.Rules.Count);
        foreach (var (expected, actual) in rules.Zip(file.Rules))
        {
            Assert.Equal(expected with { Cohorts = null }, actual with { Cohorts = null });
            Assert.Equal(expected.Cohorts ?? [], actual.Cohorts ?? []);
        }

        Assert.Equal(text, TriageRules.Format(file.Rules));
    }

    [Fact]
    public void A_field_cannot_span_lines() =>
        Assert.Throws<ArgumentException>(() => TriageRules.Format([new("r", Need.Debt, NeedLevel.Light, SupportTier.Community, "two\nlines")]));
}
