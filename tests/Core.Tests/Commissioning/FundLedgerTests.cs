using Commonweal.Core.Commissioning;

namespace Commonweal.Core.Tests.Commissioning;

public sealed class FundLedgerTests
{
    private const int Fund = 1;
    private const int Year = 2026; // 2026/27: 2026-04-01 to 2027-03-31
    private const int County = 2;
    private const int Icb = 3;

    private static readonly DateTimeOffset At = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    private static FundLedger Ledger() => new(id => $"fund {id}", id => $"partner {id}");

    private static FundContribution Contribution(int fund, int year, int partner, long pence, int id = 1) =>
        new(id, fund, year, partner, pence, "", At, "test");

    private static FundEarmark Earmark(int id, long pence, int fund = Fund, int year = Year, string name = "Weight management") =>
        new(id, fund, year, name, "DietAndExercise", null, pence, null, At, "test");

    private static FundCommitment Commitment(int id, long pence, int partner = County, int? earmark = null, int fund = Fund, int year = Year) =>
        new(id, fund, year, partner, earmark, 100 + id, pence, At, "test");

    private static FundSpend Spend(int id, int commitment, DateOnly on, long pence) => new(id, commitment, on, pence, "invoice", At, "test");

    /// <summary>£400,000.00 from the county into fund 1's 2026/27.</summary>
    private static FundLedger Funded(long pence = 40_000_000)
    {
        var ledger = Ledger();
        Assert.Null(ledger.Contribute(Contribution(Fund, Year, County, pence)));
        return ledger;
    }

    [Fact]
    public void Contributions_add_up_by_fund_year_and_partner()
    {
        var ledger = Ledger();
        Assert.Null(ledger.Contribute(Contribution(1, 2026, County, 30_000_000, 1)));
        Assert.Null(ledger.Contribute(Contribution(1, 2026, County, 10_000_000, 2)));
        Assert.Null(ledger.Contribute(Contribution(1, 2026, Icb, 20_000_000, 3)));
        Assert.Null(ledger.Contribute(Contribution(1, 2025, County, 5_000_000, 4)));
        Assert.Null(ledger.Contribute(Contribution(2, 2026, County, 7_000_000, 5)));

        Assert.Equal(
            [
                new FundPosition(1, 2025, County, 5_000_000, 0, 0),
                new FundPosition(1, 2026, County, 40_000_000, 0, 0),
                new FundPosition(1, 2026, Icb, 20_000_000, 0, 0),
                new FundPosition(2, 2026, County, 7_000_000, 0, 0),
            ],
            ledger.Positions());
        Assert.Equal(60_000_000, ledger.Contributed(1, 2026));
        Assert.Equal(5_000_000, ledger.Contributed(1, 2025));
        Assert.Equal(0, ledger.Contributed(3, 2026));
    }

    [Fact]
    public void A_position_shows_contributed_committed_spent_and_the_balance_of_contributed_less_committed()
    {
        var ledger = Funded();
        Assert.Null(ledger.Commit(Commitment(1, 25_000_000)));
        Assert.Null(ledger.Spend(Spend(1, 1, new DateOnly(2026, 6, 30), 10_000_000)));

        var position = Assert.Single(ledger.Positions());
        Assert.Equal(new FundPosition(Fund, Year, County, 40_000_000, 25_000_000, 10_000_000), position);
        Assert.Equal(15_000_000, position.Balance);
        Assert.Equal(10_000_000, ledger.SpentOn(1));
        Assert.Equal(0, ledger.SpentOn(2));
    }

    [Fact]
    public void A_commitment_larger_than_the_partners_contribution_is_refused_with_the_figures_and_changes_nothing()
    {
        var ledger = Funded();
        var before = ledger.Positions();

        var problem = ledger.Commit(Commitment(1, 45_000_000));

        Assert.Equal(
            "Committing £450,000.00 of partner 2's contribution would take fund 1 2026/27 below zero: "
            + "contributed £400,000.00, already committed £0.00, balance £400,000.00 (short by £50,000.00).",
            problem);
        Assert.Equal(before, ledger.Positions());
        Assert.Equal(40_000_000, Assert.Single(ledger.Positions()).Balance);
    }

    [Fact]
    public void A_commitment_is_checked_against_what_is_left_after_earlier_commitments()
    {
        var ledger = Funded();
        Assert.Null(ledger.Commit(Commitment(1, 30_000_000)));

        var problem = ledger.Commit(Commitment(2, 15_000_000));

        Assert.NotNull(problem);
        Assert.Contains("contributed £400,000.00", problem, StringComparison.Ordinal);
        Assert.Contains("already committed £300,000.00", problem, StringComparison.Ordinal);
        Assert.Contains("balance £100,000.00", problem, StringComparison.Ordinal);
        Assert.Contains("short by £50,000.00", problem, StringComparison.Ordinal);
        Assert.Equal(30_000_000, Assert.Single(ledger.Positions()).Committed);
    }

    [Fact]
    public void A_partner_cannot_commit_another_partners_contribution()
    {
        var ledger = Funded(); // the county put in £400,000; the ICB nothing
        var before = ledger.Positions();

        var problem = ledger.Commit(Commitment(1, 100, partner: Icb));

        Assert.NotNull(problem);
        Assert.StartsWith("Committing £1.00 of partner 3's contribution would take fund 1 2026/27 below zero", problem, StringComparison.Ordinal);
        Assert.Contains("contributed £0.00", problem, StringComparison.Ordinal);
        Assert.Contains("short by £1.00", problem, StringComparison.Ordinal);
        Assert.Equal(before, ledger.Positions());
    }

    [Fact]
    public void A_commitment_of_exactly_the_balance_is_accepted_and_leaves_nothing()
    {
        var ledger = Funded();
        Assert.Null(ledger.Commit(Commitment(1, 40_000_000)));
        Assert.Equal(0, Assert.Single(ledger.Positions()).Balance);
        Assert.NotNull(ledger.Commit(Commitment(2, 1)));
    }

    [Fact]
    public void Commitments_in_a_batch_are_checked_cumulatively_so_two_that_each_fit_but_together_exceed_are_accepted_then_refused()
    {
        var ledger = Funded();

        var first = ledger.Commit(Commitment(1, 25_000_000));
        var second = ledger.Commit(Commitment(2, 20_000_000));
        var third = ledger.Commit(Commitment(3, 15_000_000));

        Assert.Null(first);
        Assert.NotNull(second);
        Assert.Contains("short by £50,000.00", second, StringComparison.Ordinal);
        Assert.Null(third);
        Assert.Equal(new FundPosition(Fund, Year, County, 40_000_000, 40_000_000, 0), Assert.Single(ledger.Positions()));
    }

    [Fact]
    public void A_commitment_from_an_earmark_beyond_what_is_left_of_it_is_refused_with_the_figures_and_changes_nothing()
    {
        var ledger = Funded();
        Assert.Null(ledger.Earmark(Earmark(7, 30_000_000)));
        Assert.Null(ledger.Commit(Commitment(1, 20_000_000, earmark: 7)));
        var positions = ledger.Positions();
        var earmarks = ledger.Earmarks();

        var problem = ledger.Commit(Commitment(2, 15_000_000, earmark: 7));

        Assert.Equal(
            "Committing £150,000.00 from the earmark 'Weight management' would take it below zero: "
            + "earmarked £300,000.00, already committed £200,000.00, balance £100,000.00 (short by £50,000.00).",
            problem);
        Assert.Equal(positions, ledger.Positions());
        Assert.Equal(earmarks, ledger.Earmarks());
        var earmark = Assert.Single(ledger.Earmarks());
        Assert.Equal(20_000_000, earmark.Committed);
        Assert.Equal(10_000_000, earmark.Balance);
    }

    [Fact]
    public void Earmarks_of_a_fund_year_beyond_its_contributions_are_refused_with_the_figures()
    {
        var ledger = Funded();
        Assert.Null(ledger.Contribute(Contribution(Fund, Year, Icb, 10_000_000, 2)));
        Assert.Null(ledger.Earmark(Earmark(1, 30_000_000)));

        var problem = ledger.Earmark(Earmark(2, 25_000_000, name: "Stop smoking"));

        Assert.Equal(
            "Earmarking £250,000.00 for 'Stop smoking' would take fund 1 2026/27 below zero: contributed £500,000.00, "
            + "already earmarked £300,000.00, so £200,000.00 is left to earmark (short by £50,000.00).",
            problem);
        Assert.Equal([1], ledger.Earmarks().Select(e => e.Earmark.Id));
        Assert.Null(ledger.Earmark(Earmark(3, 20_000_000, name: "Stop smoking")));
    }

    [Fact]
    public void Contributions_to_another_year_or_fund_do_not_cover_an_earmark()
    {
        var ledger = Ledger();
        Assert.Null(ledger.Contribute(Contribution(Fund, 2025, County, 40_000_000, 1)));
        Assert.Null(ledger.Contribute(Contribution(2, Year, County, 40_000_000, 2)));

        var problem = ledger.Earmark(Earmark(1, 100));

        Assert.NotNull(problem);
        Assert.Contains("contributed £0.00", problem, StringComparison.Ordinal);
        Assert.Empty(ledger.Earmarks());
    }

    [Theory]
    [InlineData(2, Year)] // another fund
    [InlineData(Fund, 2025)] // another year
    public void A_commitment_naming_an_earmark_of_another_fund_or_year_is_refused(int earmarkFund, int earmarkYear)
    {
        var ledger = Funded();
        Assert.Null(ledger.Contribute(Contribution(earmarkFund, earmarkYear, County, 40_000_000, 2)));
        Assert.Null(ledger.Earmark(Earmark(7, 10_000_000, earmarkFund, earmarkYear)));
        var positions = ledger.Positions();

        var problem = ledger.Commit(Commitment(1, 5_000_000, earmark: 7));

        Assert.Equal("Earmark 7 is not an earmark of fund 1 2026/27.", problem);
        Assert.Equal(positions, ledger.Positions());
        Assert.Equal(0, Assert.Single(ledger.Earmarks()).Committed);
    }

    [Fact]
    public void A_commitment_naming_an_earmark_that_does_not_exist_is_refused()
    {
        var ledger = Funded();
        Assert.Equal("Earmark 99 is not an earmark of fund 1 2026/27.", ledger.Commit(Commitment(1, 5_000_000, earmark: 99)));
        Assert.Equal(0, Assert.Single(ledger.Positions()).Committed);
    }

    [Fact]
    public void Spend_beyond_its_commitment_is_refused_with_the_figures()
    {
        var ledger = Funded();
        Assert.Null(ledger.Commit(Commitment(1, 10_000_000)));
        Assert.Null(ledger.Spend(Spend(1, 1, new DateOnly(2026, 5, 1), 6_000_000)));

        var problem = ledger.Spend(Spend(2, 1, new DateOnly(2026, 6, 1), 5_000_000));

        Assert.Equal("Spending £50,000.00 would exceed the commitment of £100,000.00 (£60,000.00 already spent, £40,000.00 left).", problem);
        Assert.Equal(6_000_000, ledger.SpentOn(1));
        Assert.Equal(6_000_000, Assert.Single(ledger.Positions()).Spent);
        Assert.Null(ledger.Spend(Spend(3, 1, new DateOnly(2026, 6, 1), 4_000_000)));
        Assert.Equal(10_000_000, ledger.SpentOn(1));
    }

    [Theory]
    [InlineData(2026, 3, 31)]
    [InlineData(2027, 4, 1)]
    [InlineData(2025, 12, 1)]
    public void Spend_outside_the_commitments_financial_year_is_refused(int year, int month, int day)
    {
        var ledger = Funded();
        Assert.Null(ledger.Commit(Commitment(1, 10_000_000)));
        var on = new DateOnly(year, month, day);

        var problem = ledger.Spend(Spend(1, 1, on, 1_000));

        Assert.Equal($"Spend on {on:yyyy-MM-dd} is not in the commitment's financial year 2026/27 (2026-04-01 to 2027-03-31).", problem);
        Assert.Equal(0, ledger.SpentOn(1));
        Assert.Equal(0, Assert.Single(ledger.Positions()).Spent);
    }

    [Theory]
    [InlineData(2026, 4, 1)]
    [InlineData(2026, 11, 15)]
    [InlineData(2027, 3, 31)]
    public void Spend_within_the_year_is_applied_to_the_position_and_the_earmark(int year, int month, int day)
    {
        var ledger = Funded();
        Assert.Null(ledger.Earmark(Earmark(7, 30_000_000)));
        Assert.Null(ledger.Commit(Commitment(1, 20_000_000, earmark: 7)));

        Assert.Null(ledger.Spend(Spend(1, 1, new DateOnly(year, month, day), 1_234_567)));

        Assert.Equal(1_234_567, Assert.Single(ledger.Positions()).Spent);
        var earmark = Assert.Single(ledger.Earmarks());
        Assert.Equal(20_000_000, earmark.Committed);
        Assert.Equal(1_234_567, earmark.Spent);
        Assert.Equal(10_000_000, earmark.Balance);
    }

    [Fact]
    public void Spend_against_no_commitment_is_refused()
    {
        var ledger = Funded();
        Assert.Equal("There is no commitment 5.", ledger.Spend(Spend(1, 5, new DateOnly(2026, 5, 1), 100)));
        Assert.Equal(0, Assert.Single(ledger.Positions()).Spent);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(Pence.Most + 1)]
    public void Amounts_of_zero_or_less_or_over_a_trillion_pounds_are_refused_everywhere(long pence)
    {
        var ledger = Funded();
        Assert.Null(ledger.Earmark(Earmark(1, 10_000_000)));
        Assert.Null(ledger.Commit(Commitment(1, 10_000_000)));
        var positions = ledger.Positions();
        var earmarks = ledger.Earmarks();

        Assert.Equal(
            $"A contribution must be more than £0.00 and at most £1,000,000,000,000.00 ({Pence.Format(pence)} given).",
            ledger.Contribute(Contribution(Fund, Year, County, pence, 2)));
        Assert.StartsWith("An earmark must be more than £0.00", ledger.Earmark(Earmark(2, pence)), StringComparison.Ordinal);
        Assert.StartsWith("A commitment must be more than £0.00", ledger.Commit(Commitment(2, pence)), StringComparison.Ordinal);
        Assert.StartsWith("Spend must be more than £0.00", ledger.Spend(Spend(1, 1, new DateOnly(2026, 5, 1), pence)), StringComparison.Ordinal);

        Assert.Equal(positions, ledger.Positions());
        Assert.Equal(earmarks, ledger.Earmarks());
        Assert.Equal(0, ledger.SpentOn(1));
    }

    [Fact]
    public void A_contribution_of_exactly_a_trillion_pounds_is_accepted()
    {
        var ledger = Ledger();
        Assert.Null(ledger.Contribute(Contribution(Fund, Year, County, Pence.Most)));
        Assert.Equal(Pence.Most, ledger.Contributed(Fund, Year));
    }

    [Fact]
    public void Of_rebuilds_the_positions_and_earmarks_from_stored_rows()
    {
        FundContribution[] contributions =
        [
            Contribution(Fund, Year, County, 30_000_000, 1),
            Contribution(Fund, Year, County, 10_000_000, 2),
            Contribution(Fund, Year, Icb, 20_000_000, 3),
        ];
        FundEarmark[] earmarks = [Earmark(7, 25_000_000)];
        FundCommitment[] commitments = [Commitment(1, 15_000_000, earmark: 7), Commitment(2, 12_000_000, partner: Icb)];
        FundSpend[] spends = [Spend(1, 1, new DateOnly(2026, 5, 1), 5_000_000), Spend(2, 1, new DateOnly(2026, 6, 1), 2_000_000), Spend(3, 2, new DateOnly(2026, 7, 1), 1_000_000)];

        var ledger = FundLedger.Of(contributions, earmarks, commitments, spends, id => $"fund {id}", id => $"partner {id}");

        Assert.Equal(
            [
                new FundPosition(Fund, Year, County, 40_000_000, 15_000_000, 7_000_000),
                new FundPosition(Fund, Year, Icb, 20_000_000, 12_000_000, 1_000_000),
            ],
            ledger.Positions());
        var earmark = Assert.Single(ledger.Earmarks());
        Assert.Equal(new EarmarkPosition(earmarks[0], 15_000_000, 7_000_000), earmark);
        Assert.Equal(7_000_000, ledger.SpentOn(1));
        Assert.Equal(60_000_000, ledger.Contributed(Fund, Year));

        // The rebuilt ledger checks what comes next against what it holds.
        var problem = ledger.Commit(Commitment(3, 26_000_000));
        Assert.NotNull(problem);
        Assert.Contains("already committed £150,000.00, balance £250,000.00 (short by £10,000.00)", problem, StringComparison.Ordinal);
        Assert.NotNull(ledger.Commit(Commitment(4, 10_000_001, earmark: 7)));
        Assert.Null(ledger.Commit(Commitment(5, 10_000_000, earmark: 7)));
    }

    [Fact]
    public void Of_rebuilds_the_same_ledger_as_the_checked_calls()
    {
        var checkedLedger = Funded();
        Assert.Null(checkedLedger.Earmark(Earmark(7, 30_000_000)));
        Assert.Null(checkedLedger.Commit(Commitment(1, 20_000_000, earmark: 7)));
        Assert.Null(checkedLedger.Spend(Spend(1, 1, new DateOnly(2026, 9, 1), 3_000_000)));

        var rebuilt = FundLedger.Of(
            [Contribution(Fund, Year, County, 40_000_000)], [Earmark(7, 30_000_000)], [Commitment(1, 20_000_000, earmark: 7)],
            [Spend(1, 1, new DateOnly(2026, 9, 1), 3_000_000)], id => $"fund {id}", id => $"partner {id}");

        Assert.Equal(checkedLedger.Positions(), rebuilt.Positions());
        Assert.Equal(checkedLedger.Earmarks(), rebuilt.Earmarks());
    }
}
