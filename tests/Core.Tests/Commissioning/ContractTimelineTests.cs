using Commonweal.Core.Commissioning;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Core.Tests.Commissioning;

public sealed class ContractTimelineTests
{
    private static readonly DateTimeOffset Created = new(2021, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly AreaCode Essex = AreaCode.Parse("E10000012");

    /// <summary>The integrated wellbeing service: 2021-04-01 to 2026-03-31 at £500,000 a year.</summary>
    private static readonly Contract Iws = Contract(1, new DateOnly(2021, 4, 1), new DateOnly(2026, 3, 31), 50_000_000);

    /// <summary>Variation 1 (2023-04-01) adds KPI WM5 and changes no value; variation 2 (2026-04-01) extends the term a year at £520,000.</summary>
    private static readonly ContractVariation[] Variations =
    [
        Variation(1, 1, new DateOnly(2023, 4, 1), null, null),
        Variation(1, 2, new DateOnly(2026, 4, 1), 52_000_000, new DateOnly(2027, 3, 31)),
    ];

    private static readonly ContractKpi[] Kpis =
    [
        Kpi(1, "PEOPLE", new DateOnly(2021, 4, 1), new DateOnly(2026, 3, 31)),
        Kpi(2, "QUIT", new DateOnly(2021, 4, 1), null),
        Kpi(3, "BMI", new DateOnly(2021, 4, 1), new DateOnly(2024, 3, 31)), // ended by a variation
        Kpi(4, "WM5", new DateOnly(2023, 4, 1), null), // added by variation 1
        Kpi(5, "PEOPLE", new DateOnly(2026, 4, 1), null), // the same measure with new targets from variation 2
    ];

    private static readonly ServiceLine[] Lines =
    [
        Line(1, "SS", new DateOnly(2021, 4, 1), null),
        Line(2, "EX", new DateOnly(2021, 4, 1), new DateOnly(2024, 3, 31)),
        Line(3, "WM", new DateOnly(2023, 4, 1), null),
    ];

    private static Contract Contract(int id, DateOnly start, DateOnly end, long annualPence) =>
        new(id, $"C-{id}", "Integrated wellbeing service", 20, 10, ProcurementRoute.OpenProcedure, start, end, annualPence, null, null, "", Created, "test");

    private static ContractVariation Variation(int contract, int number, DateOnly from, long? annualPence, DateOnly? end) =>
        new((contract * 100) + number, contract, number, from, $"Variation {number}", annualPence, end, Created, "test");

    private static ContractKpi Kpi(int id, string code, DateOnly from, DateOnly? to) =>
        new(id, 1, code, new IndicatorId(IndicatorId.FirstLocal + id), Essex, KpiRole.Outcome, "Mar-21", 20, 30, "Mar-26", "", "Lead", from, to);

    private static ServiceLine Line(int id, string code, DateOnly from, DateOnly? to) =>
        new(id, 1, code, code, FocusArea.DietAndExercise, Essex, 10_000_000, from, to);

    private static ContractState On(int year, int month, int day) => ContractTimeline.AsAt(Iws, Variations, Lines, Kpis, new DateOnly(year, month, day));

    [Fact]
    public void The_day_before_a_variation_its_kpi_is_not_in_force_and_it_is_not_applied()
    {
        var state = On(2023, 3, 31);

        Assert.True(state.InForce);
        Assert.Empty(state.Variations);
        Assert.DoesNotContain("WM5", state.Kpis.Select(k => k.Code));
        Assert.Equal(["BMI", "PEOPLE", "QUIT"], state.Kpis.Select(k => k.Code));
        Assert.Equal(["EX", "SS"], state.Lines.Select(l => l.Code));
    }

    [Fact]
    public void On_the_day_a_variation_takes_effect_its_kpi_is_in_force_and_it_is_applied()
    {
        var state = On(2023, 4, 1);

        Assert.True(state.InForce);
        Assert.Equal([1], state.Variations.Select(v => v.Number));
        Assert.Equal(["BMI", "PEOPLE", "QUIT", "WM5"], state.Kpis.Select(k => k.Code));
        Assert.Equal(["EX", "SS", "WM"], state.Lines.Select(l => l.Code));
        Assert.Equal(50_000_000, state.AnnualValuePence);
    }

    [Fact]
    public void After_a_variation_its_kpi_stays_in_force()
    {
        var state = On(2024, 1, 1);

        Assert.Contains("WM5", state.Kpis.Select(k => k.Code));
        Assert.Equal([1], state.Variations.Select(v => v.Number));
    }

    [Fact]
    public void A_kpi_and_a_service_line_ended_by_a_variation_are_in_force_on_their_last_day_and_not_the_day_after()
    {
        var last = On(2024, 3, 31);
        var after = On(2024, 4, 1);

        Assert.Contains("BMI", last.Kpis.Select(k => k.Code));
        Assert.Contains("EX", last.Lines.Select(l => l.Code));
        Assert.DoesNotContain("BMI", after.Kpis.Select(k => k.Code));
        Assert.DoesNotContain("EX", after.Lines.Select(l => l.Code));
        Assert.Equal(["PEOPLE", "QUIT", "WM5"], after.Kpis.Select(k => k.Code));
        Assert.Equal(["SS", "WM"], after.Lines.Select(l => l.Code));
    }

    [Fact]
    public void On_the_last_day_of_the_original_term_the_extension_is_not_yet_applied()
    {
        var state = On(2026, 3, 31);

        Assert.True(state.InForce);
        Assert.Equal(50_000_000, state.AnnualValuePence);
        Assert.Equal(new DateOnly(2026, 3, 31), state.End);
        Assert.Equal([1], state.Variations.Select(v => v.Number));
        Assert.Equal([1], state.Kpis.Where(k => k.Code == "PEOPLE").Select(k => k.Id));
    }

    [Fact]
    public void From_the_day_the_extension_takes_effect_the_value_and_end_are_varied()
    {
        var state = On(2026, 4, 1);

        Assert.True(state.InForce);
        Assert.Equal(52_000_000, state.AnnualValuePence);
        Assert.Equal(new DateOnly(2027, 3, 31), state.End);
        Assert.Equal([1, 2], state.Variations.Select(v => v.Number));
        Assert.Equal([5], state.Kpis.Where(k => k.Code == "PEOPLE").Select(k => k.Id));
        Assert.Equal(["PEOPLE", "QUIT", "WM5"], state.Kpis.Select(k => k.Code));
    }

    [Fact]
    public void After_the_varied_end_the_contract_is_not_in_force_and_has_no_lines_or_kpis()
    {
        var state = On(2027, 4, 1);

        Assert.False(state.InForce);
        Assert.Empty(state.Lines);
        Assert.Empty(state.Kpis);
        Assert.Equal(52_000_000, state.AnnualValuePence);
        Assert.Equal(new DateOnly(2027, 3, 31), state.End);
        Assert.True(On(2027, 3, 31).InForce);
    }

    [Fact]
    public void Before_its_start_the_contract_is_not_in_force_and_has_no_lines_or_kpis()
    {
        var state = On(2021, 3, 31);

        Assert.False(state.InForce);
        Assert.Empty(state.Lines);
        Assert.Empty(state.Kpis);
        Assert.Empty(state.Variations);
        Assert.True(On(2021, 4, 1).InForce);
    }

    [Fact]
    public void Variations_lines_and_kpis_of_another_contract_are_ignored()
    {
        ContractVariation[] variations = [.. Variations, Variation(2, 1, new DateOnly(2022, 1, 1), 1, new DateOnly(2022, 6, 30))];
        ContractKpi[] kpis = [.. Kpis, Kpis[3] with { Id = 99, Contract = 2, Code = "OTHER" }];
        ServiceLine[] lines = [.. Lines, Lines[0] with { Id = 99, Contract = 2, Code = "OTHER" }];

        var state = ContractTimeline.AsAt(Iws, variations, lines, kpis, new DateOnly(2024, 1, 1));

        Assert.True(state.InForce);
        Assert.Equal(50_000_000, state.AnnualValuePence);
        Assert.Equal(new DateOnly(2026, 3, 31), state.End);
        Assert.Equal([1], state.Variations.Select(v => v.Number));
        Assert.DoesNotContain("OTHER", state.Kpis.Select(k => k.Code));
        Assert.DoesNotContain("OTHER", state.Lines.Select(l => l.Code));
    }

    [Fact]
    public void Variations_apply_in_order_of_effective_date_so_the_latest_value_wins()
    {
        // Numbered out of date order: variation 2 takes effect before variation 1.
        ContractVariation[] variations =
        [
            Variation(1, 1, new DateOnly(2024, 4, 1), 60_000_000, null),
            Variation(1, 2, new DateOnly(2023, 4, 1), 55_000_000, null),
        ];

        Assert.Equal(55_000_000, ContractTimeline.AsAt(Iws, variations, [], [], new DateOnly(2023, 6, 1)).AnnualValuePence);
        var later = ContractTimeline.AsAt(Iws, variations, [], [], new DateOnly(2024, 6, 1));
        Assert.Equal(60_000_000, later.AnnualValuePence);
        Assert.Equal([1, 2], later.Variations.Select(v => v.Number));
    }

    [Theory]
    [InlineData(2024)] // 365 days
    [InlineData(2023)] // 366 days: February 2024
    public void A_whole_financial_year_at_a_constant_value_is_worth_that_value(int year)
    {
        var contract = Contract(1, new DateOnly(2021, 4, 1), new DateOnly(2028, 3, 31), 36_500_000);

        Assert.Equal(36_500_000, ContractTimeline.ValueIn(contract, [], new FinancialYear(year)));
    }

    [Fact]
    public void A_contract_starting_mid_year_is_worth_its_share_of_the_days()
    {
        // 2024/25 has 365 days; 15 July 2024 to 31 March 2025 is 17 + 31 + 30 + 31 + 30 + 31 + 31 + 28 + 31 = 260 of them.
        var contract = Contract(1, new DateOnly(2024, 7, 15), new DateOnly(2027, 3, 31), 50_000_000);

        // 50,000,000 × 260 ÷ 365 = 35,616,438.36
        Assert.Equal(35_616_438, ContractTimeline.ValueIn(contract, [], new FinancialYear(2024)));
    }

    [Fact]
    public void A_contract_ending_mid_year_is_worth_its_share_of_the_days()
    {
        // 1 April to 30 September 2024 is 183 of 2024/25's 365 days: 50,000,000 × 183 ÷ 365 = 25,068,493.15
        var contract = Contract(1, new DateOnly(2021, 4, 1), new DateOnly(2024, 9, 30), 50_000_000);

        Assert.Equal(25_068_493, ContractTimeline.ValueIn(contract, [], new FinancialYear(2024)));
    }

    [Fact]
    public void A_value_changed_mid_year_pro_rates_both_parts()
    {
        // 2023/24 has 366 days: 91 (April to June) at £500,000 and 275 at £520,000.
        // (50,000,000 × 91 + 52,000,000 × 275) ÷ 366 = 51,502,732.24
        ContractVariation[] variations = [Variation(1, 1, new DateOnly(2023, 7, 1), 52_000_000, null)];

        Assert.Equal(51_502_732, ContractTimeline.ValueIn(Iws, variations, new FinancialYear(2023)));
        Assert.Equal(50_000_000, ContractTimeline.ValueIn(Iws, variations, new FinancialYear(2022)));
        Assert.Equal(52_000_000, ContractTimeline.ValueIn(Iws, variations, new FinancialYear(2024)));
    }

    [Fact]
    public void A_variation_that_shortens_the_term_mid_year_stops_the_value_at_the_new_end()
    {
        // Effective 1 October 2024, ending the term on 31 December 2024: 275 of 365 days at £500,000 = 37,671,232.88
        ContractVariation[] variations = [Variation(1, 1, new DateOnly(2024, 10, 1), null, new DateOnly(2024, 12, 31))];

        Assert.Equal(37_671_233, ContractTimeline.ValueIn(Iws, variations, new FinancialYear(2024)));
    }

    [Fact]
    public void The_extension_is_worth_its_varied_value_in_the_extra_year()
    {
        Assert.Equal(50_000_000, ContractTimeline.ValueIn(Iws, Variations, new FinancialYear(2025)));
        Assert.Equal(52_000_000, ContractTimeline.ValueIn(Iws, Variations, new FinancialYear(2026)));
    }

    [Theory]
    [InlineData(2020)]
    [InlineData(2026)]
    [InlineData(2030)]
    public void A_year_outside_the_term_is_worth_nothing(int year) =>
        Assert.Equal(0, ContractTimeline.ValueIn(Iws, [], new FinancialYear(year)));
}
