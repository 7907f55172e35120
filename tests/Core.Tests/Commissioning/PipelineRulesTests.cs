using Commonweal.Core.Commissioning;

namespace Commonweal.Core.Tests.Commissioning;

public sealed class PipelineRulesTests
{
    private const int Lead = 10;

    private static readonly DateTimeOffset Created = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2025, 6, 2);

    private static readonly Partner Trust = new(20, "Mid and South Essex Trust") { Type = PartnerType.NhsBody, Role = PartnerRole.Provider };
    private static readonly Partner Charity = new(21, "Community Connectors") { Type = PartnerType.Vcse, Role = PartnerRole.Both };
    private static readonly Partner District = new(22, "Chelmsford City Council") { Type = PartnerType.Council, Role = PartnerRole.Provider };
    private static readonly Partner Icb = new(23, "The ICB") { Type = PartnerType.NhsBody, Role = PartnerRole.Commissioner };

    private static Intention At(CommissioningStage stage, ProcurementRoute? route = null) =>
        new(1, "Weight management", "", Lead, "DietAndExercise", 50_000_000, stage, route, null, null, Created, "test");

    /// <summary>The step's problem with everything each step names given, so only the order of steps is in question.</summary>
    private static string? Move(CommissioningStage from, CommissioningStage to) =>
        PipelineRules.StepProblem(At(from, ProcurementRoute.OpenProcedure), to, Today, null, ProcurementRoute.OpenProcedure, Trust, 7);

    [Theory]
    [InlineData(CommissioningStage.Intention, CommissioningStage.Specification)]
    [InlineData(CommissioningStage.Specification, CommissioningStage.Procurement)]
    [InlineData(CommissioningStage.Procurement, CommissioningStage.Award)]
    [InlineData(CommissioningStage.Award, CommissioningStage.Contract)]
    public void An_intention_moves_one_step_forward(CommissioningStage from, CommissioningStage to) => Assert.Null(Move(from, to));

    [Theory]
    [InlineData(CommissioningStage.Intention, CommissioningStage.Award, "Specification")]
    [InlineData(CommissioningStage.Intention, CommissioningStage.Contract, "Specification")]
    [InlineData(CommissioningStage.Intention, CommissioningStage.Intention, "Specification")]
    [InlineData(CommissioningStage.Specification, CommissioningStage.Award, "Procurement")]
    [InlineData(CommissioningStage.Award, CommissioningStage.Procurement, "Contract")]
    [InlineData(CommissioningStage.Procurement, CommissioningStage.Specification, "Award")]
    public void An_intention_cannot_skip_a_step_or_go_back(CommissioningStage from, CommissioningStage to, string next) =>
        Assert.Equal($"The intention is at {from.Label()}: its next step is {next} (or withdrawn), not {to.Label()}.", Move(from, to));

    [Fact]
    public void Skipping_a_step_names_the_next_one()
    {
        Assert.Equal(
            "The intention is at Intention: its next step is Specification (or withdrawn), not Award.",
            Move(CommissioningStage.Intention, CommissioningStage.Award));
    }

    [Theory]
    [InlineData(CommissioningStage.Intention)]
    [InlineData(CommissioningStage.Specification)]
    [InlineData(CommissioningStage.Procurement)]
    [InlineData(CommissioningStage.Award)]
    public void An_intention_can_be_withdrawn_at_any_step_before_a_contract(CommissioningStage from) =>
        Assert.Null(PipelineRules.StepProblem(At(from), CommissioningStage.Withdrawn, Today, null, null, null, null));

    [Theory]
    [InlineData(CommissioningStage.Contract, CommissioningStage.Withdrawn)]
    [InlineData(CommissioningStage.Contract, CommissioningStage.Contract)]
    [InlineData(CommissioningStage.Withdrawn, CommissioningStage.Intention)]
    [InlineData(CommissioningStage.Withdrawn, CommissioningStage.Specification)]
    [InlineData(CommissioningStage.Withdrawn, CommissioningStage.Withdrawn)]
    public void Nothing_follows_a_contract_or_a_withdrawal(CommissioningStage from, CommissioningStage to) =>
        Assert.Equal($"The intention is at its last step ({from.Label()}): nothing follows it.", Move(from, to));

    [Fact]
    public void A_step_dated_before_the_step_before_it_is_refused()
    {
        var problem = PipelineRules.StepProblem(At(CommissioningStage.Intention), CommissioningStage.Specification, new DateOnly(2025, 5, 31), new DateOnly(2025, 6, 1), null, null, null);

        Assert.Equal("The step is dated 2025-05-31, before the step before it (2025-06-01).", problem);
    }

    [Fact]
    public void A_step_dated_the_same_day_as_the_step_before_it_is_accepted() =>
        Assert.Null(PipelineRules.StepProblem(At(CommissioningStage.Intention), CommissioningStage.Specification, Today, Today, null, null, null));

    [Fact]
    public void A_withdrawal_cannot_be_dated_before_the_step_before_it_either() =>
        Assert.NotNull(PipelineRules.StepProblem(At(CommissioningStage.Award), CommissioningStage.Withdrawn, Today, Today.AddDays(1), null, null, null));

    [Fact]
    public void The_procurement_step_names_its_route()
    {
        Assert.Equal(
            "The procurement step names its route (e.g. psr-competitive, open, grant).",
            PipelineRules.StepProblem(At(CommissioningStage.Specification), CommissioningStage.Procurement, Today, null, null, null, null));
        Assert.Null(PipelineRules.StepProblem(At(CommissioningStage.Specification), CommissioningStage.Procurement, Today, null, ProcurementRoute.PsrCompetitive, null, null));
    }

    [Fact]
    public void The_award_step_names_a_provider()
    {
        Assert.Equal(
            "The award step names the provider awarded it.",
            PipelineRules.StepProblem(At(CommissioningStage.Procurement, ProcurementRoute.OpenProcedure), CommissioningStage.Award, Today, null, null, null, null));
    }

    [Fact]
    public void The_award_step_needs_a_partner_recorded_as_a_provider()
    {
        var intention = At(CommissioningStage.Procurement, ProcurementRoute.OpenProcedure);

        Assert.Equal(
            "The ICB is not recorded as a provider (its role is commissioner).",
            PipelineRules.StepProblem(intention, CommissioningStage.Award, Today, null, null, Icb, null));
        Assert.Equal(
            "Unknown is not recorded as a provider (its role is not recorded).",
            PipelineRules.StepProblem(intention, CommissioningStage.Award, Today, null, null, new Partner(30, "Unknown"), null));
        Assert.Null(PipelineRules.StepProblem(intention, CommissioningStage.Award, Today, null, null, Trust, null));
        Assert.Null(PipelineRules.StepProblem(intention, CommissioningStage.Award, Today, null, null, Charity, null));
    }

    [Fact]
    public void A_grant_is_awarded_only_to_a_vcse_organisation()
    {
        var intention = At(CommissioningStage.Procurement, ProcurementRoute.Grant);

        Assert.Equal(
            "A grant goes to a voluntary, community or social enterprise organisation; Mid and South Essex Trust is not recorded as one.",
            PipelineRules.StepProblem(intention, CommissioningStage.Award, Today, null, null, Trust, null));
        Assert.Null(PipelineRules.StepProblem(intention, CommissioningStage.Award, Today, null, null, Charity, null));
    }

    [Fact]
    public void The_provider_selection_regime_does_not_buy_from_a_council()
    {
        var intention = At(CommissioningStage.Procurement, ProcurementRoute.PsrDirectAwardC);

        Assert.Equal(
            "The Provider Selection Regime buys health care services from providers; Chelmsford City Council is a council.",
            PipelineRules.StepProblem(intention, CommissioningStage.Award, Today, null, null, District, null));
        Assert.Null(PipelineRules.StepProblem(intention, CommissioningStage.Award, Today, null, null, Trust, null));
        Assert.Null(PipelineRules.StepProblem(At(CommissioningStage.Procurement, ProcurementRoute.OpenProcedure), CommissioningStage.Award, Today, null, null, District, null));
    }

    [Fact]
    public void The_route_named_at_award_is_checked_when_the_intention_has_none()
    {
        var problem = PipelineRules.StepProblem(At(CommissioningStage.Procurement), CommissioningStage.Award, Today, null, ProcurementRoute.Grant, Trust, null);

        Assert.StartsWith("A grant goes to a voluntary, community or social enterprise organisation", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProcurementRoute.Grant, PartnerType.Vcse, true)]
    [InlineData(ProcurementRoute.Grant, PartnerType.NhsBody, false)]
    [InlineData(ProcurementRoute.Grant, PartnerType.Council, false)]
    [InlineData(ProcurementRoute.Grant, PartnerType.Other, false)]
    [InlineData(ProcurementRoute.Grant, null, false)]
    [InlineData(ProcurementRoute.PsrDirectAwardA, PartnerType.Council, false)]
    [InlineData(ProcurementRoute.PsrCompetitive, PartnerType.Council, false)]
    [InlineData(ProcurementRoute.PsrMostSuitableProvider, PartnerType.NhsBody, true)]
    [InlineData(ProcurementRoute.PsrCompetitive, PartnerType.Vcse, true)]
    [InlineData(ProcurementRoute.OpenProcedure, PartnerType.Council, true)]
    [InlineData(ProcurementRoute.DirectAward, PartnerType.Council, true)]
    public void A_route_is_allowed_or_not_by_the_providers_type(ProcurementRoute route, PartnerType? type, bool allowed)
    {
        var provider = new Partner(40, "Provider") { Type = type, Role = PartnerRole.Provider };

        Assert.Equal(allowed, route.Problem(provider) is null);
    }

    [Fact]
    public void The_contract_step_names_the_contract_let()
    {
        Assert.Equal(
            "The contract step names the contract let (its reference in the register).",
            PipelineRules.StepProblem(At(CommissioningStage.Award), CommissioningStage.Contract, Today, null, null, null, null));
        Assert.Null(PipelineRules.StepProblem(At(CommissioningStage.Award), CommissioningStage.Contract, Today, null, null, null, 7));
    }

    [Theory]
    [InlineData(CommissioningStage.Intention, CommissioningStage.Specification)]
    [InlineData(CommissioningStage.Award, CommissioningStage.Contract)]
    [InlineData(CommissioningStage.Contract, null)]
    [InlineData(CommissioningStage.Withdrawn, null)]
    public void The_next_stage_follows_in_order_and_none_follows_the_last(CommissioningStage stage, CommissioningStage? next) =>
        Assert.Equal(next, stage.Next());

    private static string Name(int id) => id switch { Lead => "Essex County Council", 11 => "The ICB", 12 => "Southend City Council", _ => $"partner {id}" };

    private static IntentionPartner Share(int partner, int basisPoints) => new(1, partner, basisPoints);

    [Fact]
    public void Shares_adding_up_to_the_whole_with_the_lead_among_them_are_accepted()
    {
        Assert.Null(PipelineRules.SharesProblem(Lead, [Share(Lead, 6_000), Share(11, 4_000)], Name));
        Assert.Null(PipelineRules.SharesProblem(Lead, [Share(Lead, 10_000)], Name));
        Assert.Null(PipelineRules.SharesProblem(Lead, [Share(11, 3_334), Share(Lead, 3_333), Share(12, 3_333)], Name));
    }

    [Fact]
    public void No_shares_at_all_is_no_problem() => Assert.Null(PipelineRules.SharesProblem(Lead, [], Name));

    [Theory]
    [InlineData(6_000, 3_000, "The shares add up to 90 %, not 100 %.")]
    [InlineData(6_000, 5_000, "The shares add up to 110 %, not 100 %.")]
    [InlineData(6_000, 3_950, "The shares add up to 99.5 %, not 100 %.")]
    [InlineData(3_333, 3_333, "The shares add up to 66.66 %, not 100 %.")]
    public void Shares_must_add_up_to_the_whole(int leadShare, int otherShare, string expected) =>
        Assert.Equal(expected, PipelineRules.SharesProblem(Lead, [Share(Lead, leadShare), Share(11, otherShare)], Name));

    [Fact]
    public void The_lead_must_have_a_share() =>
        Assert.Equal(
            "The lead, Essex County Council, must have a share too.",
            PipelineRules.SharesProblem(Lead, [Share(11, 5_000), Share(12, 5_000)], Name));

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void A_share_must_be_more_than_nothing(int share) =>
        Assert.Equal("The ICB's share must be more than 0.", PipelineRules.SharesProblem(Lead, [Share(Lead, 10_000), Share(11, share)], Name));

    [Fact]
    public void A_partner_cannot_be_listed_twice() =>
        Assert.Equal(
            "The ICB is listed twice.",
            PipelineRules.SharesProblem(Lead, [Share(Lead, 5_000), Share(11, 2_500), Share(11, 2_500)], Name));
}
