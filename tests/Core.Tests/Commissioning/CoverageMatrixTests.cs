using Commonweal.Core.Commissioning;
using Commonweal.Core.Indicators;
using Commonweal.Core.Places;

namespace Commonweal.Core.Tests.Commissioning;

/// <summary>
/// The matrix as tables. A service is "FocusArea place provider contract pence", a need "FocusArea place why" and a cell
/// "FocusArea place status contracts pence needs", contracts as provider/ref joined by "+", needs joined by "|", "-" for none;
/// rows are separated by ";".
/// </summary>
public sealed class CoverageMatrixTests
{
    private const string Chelmsford = "E07000070";
    private const string Southend = "E06000033";
    private const string Basildon = "E07000066";

    /// <summary>The order the places are given in: not the order of their codes.</summary>
    private static readonly AreaCode[] Places = [AreaCode.Parse(Chelmsford), AreaCode.Parse(Southend), AreaCode.Parse(Basildon)];

    [Theory]
    [InlineData( // no service and a need: a gap
        "",
        "TobaccoUse E06000033 Priority",
        "TobaccoUse E06000033 gap - 0 Priority")]
    [InlineData( // one contract: covered
        "TobaccoUse E06000033 Trust STOP-2024 18000000",
        "TobaccoUse E06000033 Priority",
        "TobaccoUse E06000033 covered Trust/STOP-2024 18000000 Priority")]
    [InlineData( // two contracts in one focus area and place: an overlap, both listed, their pence added
        "DietAndExercise E07000070 Wellbeing IWS-2021 10000000;DietAndExercise E07000070 Leisure LEIS-2025 25000000",
        "",
        "DietAndExercise E07000070 overlap Leisure/LEIS-2025+Wellbeing/IWS-2021 35000000 -")]
    [InlineData( // two lines of the same contract in one cell: one contract, covered, pence added
        "DietAndExercise E07000070 Wellbeing IWS-2021 10000000;DietAndExercise E07000070 Wellbeing IWS-2021 4000000",
        "DietAndExercise E07000070 Target 12",
        "DietAndExercise E07000070 covered Wellbeing/IWS-2021 14000000 Target 12")]
    [InlineData( // a service with no need: covered, no needs
        "FamilyAndSocialSupport E07000066 Connectors GRANT-CC1-2025 6000000",
        "",
        "FamilyAndSocialSupport E07000066 covered Connectors/GRANT-CC1-2025 6000000 -")]
    [InlineData( // a need in a place served for another focus area: a gap for the need, covered for the other
        "DietAndExercise E06000033 Wellbeing IWS-2021 10000000",
        "TobaccoUse E06000033 Priority",
        "TobaccoUse E06000033 gap - 0 Priority;DietAndExercise E06000033 covered Wellbeing/IWS-2021 10000000 -")]
    [InlineData( // several reasons for one need are all kept, once each
        "",
        "TobaccoUse E06000033 Priority;TobaccoUse E06000033 Target 4;TobaccoUse E06000033 Priority",
        "TobaccoUse E06000033 gap - 0 Priority|Target 4")]
    [InlineData( // cells by focus area in the enum's order, then places in the order given (not by code)
        "Income E06000033 Advice ADV-1 100;TobaccoUse E07000066 Trust STOP-1 200;TobaccoUse E07000070 Trust STOP-2 300",
        "TobaccoUse E06000033 Priority;DietAndExercise E07000066 Priority",
        "TobaccoUse E07000070 covered Trust/STOP-2 300 -;TobaccoUse E06000033 gap - 0 Priority;TobaccoUse E07000066 covered Trust/STOP-1 200 -;"
        + "DietAndExercise E07000066 gap - 0 Priority;Income E06000033 covered Advice/ADV-1 100 -")]
    [InlineData( // neither service nor need: no cells
        "",
        "",
        "")]
    public void The_matrix_marks_gaps_coverage_and_overlaps(string services, string needs, string expected)
    {
        var cells = CoverageMatrix.Of(Rows(services).Select(Service), Rows(needs).Select(Need), Places);

        Assert.Equal(Rows(expected), cells.Select(Render));
    }

    [Fact]
    public void An_overlap_lists_both_contracts_with_their_own_pence()
    {
        CoverageService[] services =
        [
            new(FocusArea.DietAndExercise, Places[0], "Wellbeing", "IWS-2021", 10_000_000),
            new(FocusArea.DietAndExercise, Places[0], "Leisure", "LEIS-2025", 25_000_000),
            new(FocusArea.DietAndExercise, Places[0], "Wellbeing", "IWS-2021", 2_500_000),
        ];

        var cell = Assert.Single(CoverageMatrix.Of(services, [], Places));

        Assert.Equal(CoverageStatus.Overlap, cell.Status);
        Assert.Equal([new CoverageContract("Leisure", "LEIS-2025", 25_000_000), new CoverageContract("Wellbeing", "IWS-2021", 12_500_000)], cell.Contracts);
        Assert.Equal(37_500_000, cell.AnnualValuePence);
        Assert.Empty(cell.Needs);
    }

    [Fact]
    public void A_place_not_in_the_list_comes_after_the_listed_places()
    {
        CoverageNeed[] needs =
        [
            new(FocusArea.TobaccoUse, AreaCode.Parse("E06000034"), "Priority"),
            new(FocusArea.TobaccoUse, Places[2], "Priority"),
        ];

        Assert.Equal(["E07000066", "E06000034"], CoverageMatrix.Of([], needs, Places).Select(c => c.Place.Value));
    }

    [Theory]
    [InlineData(CoverageStatus.Covered, "covered")]
    [InlineData(CoverageStatus.Gap, "gap")]
    [InlineData(CoverageStatus.Overlap, "overlap")]
    public void A_status_is_written_in_lower_case(CoverageStatus status, string code) => Assert.Equal(code, status.Code());

    private static string[] Rows(string table) => table.Split(';', StringSplitOptions.RemoveEmptyEntries);

    private static CoverageService Service(string row)
    {
        var f = row.Split(' ');
        return new(Enum.Parse<FocusArea>(f[0]), AreaCode.Parse(f[1]), f[2], f[3], long.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static CoverageNeed Need(string row)
    {
        var f = row.Split(' ', 3);
        return new(Enum.Parse<FocusArea>(f[0]), AreaCode.Parse(f[1]), f[2]);
    }

    private static string Render(CoverageCell cell) => string.Join(
        ' ',
        cell.FocusArea,
        cell.Place,
        cell.Status.Code(),
        cell.Contracts.Count == 0 ? "-" : string.Join('+', cell.Contracts.Select(c => $"{c.Provider}/{c.ContractRef}")),
        cell.AnnualValuePence,
        cell.Needs.Count == 0 ? "-" : string.Join('|', cell.Needs));
}
