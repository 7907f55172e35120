using Commonweal.Core.Places;

namespace Commonweal.Core.Tests.Places;

/// <summary>2021 LSOAs made by splitting or merging 2011 ones take the parents no source gives them (wards) from those.</summary>
public class LsoaInheritanceTests
{
    private static readonly Validity Of2011 = new(null, new DateOnly(2021, 3, 20));
    private static readonly Validity Of2021 = new(new DateOnly(2021, 3, 21), null);

    private static readonly AreaCode Old1 = AreaCode.Parse("E01000001");
    private static readonly AreaCode Old2 = AreaCode.Parse("E01000002");
    private static readonly AreaCode Old3 = AreaCode.Parse("E01000003");
    private static readonly AreaCode SplitA = AreaCode.Parse("E01033001");
    private static readonly AreaCode SplitB = AreaCode.Parse("E01033002");
    private static readonly AreaCode Merged = AreaCode.Parse("E01033003");
    private static readonly AreaCode Redrawn = AreaCode.Parse("E01033004");
    private static readonly AreaCode WardA = AreaCode.Parse("E05000001");
    private static readonly AreaCode WardB = AreaCode.Parse("E05000002");
    private static readonly AreaCode Msoa = AreaCode.Parse("E02000001");
    private static readonly AreaCode District = AreaCode.Parse("E07000066");
    private static readonly AreaCode OtherDistrict = AreaCode.Parse("E07000067");

    private static Validity ValidityOf(AreaCode code) => code.Value.StartsWith("E0103", StringComparison.Ordinal) ? Of2021
        : code.Value.StartsWith("E0100", StringComparison.Ordinal) ? Of2011 : Validity.Always;

    private static MembershipPeriod In(AreaCode lsoa, AreaCode parent, AreaType type) => new(lsoa, AreaType.Lsoa, parent, type, ValidityOf(lsoa), "dated sources");

    private static List<MembershipPeriod> Inherited(params LsoaLink[] links) => LsoaInheritance.Periods(
        [In(Old1, WardA, AreaType.Ward), In(Old2, WardA, AreaType.Ward), In(Old3, WardB, AreaType.Ward),
            In(Old1, Msoa, AreaType.Msoa), In(Old1, District, AreaType.District), In(SplitA, OtherDistrict, AreaType.District)],
        links, ValidityOf).ToList();

    [Fact]
    public void The_parts_of_a_split_LSOA_lie_in_its_ward_from_Census_day_but_not_in_its_MSOA_of_2011()
    {
        var inherited = Inherited(new(Old1, SplitA, LsoaChange.Split, true), new(Old1, SplitB, LsoaChange.Split, false));

        Assert.Contains(inherited, p => p.Child == SplitA && p.Parent == WardA && p.Validity == Of2021);
        Assert.Contains(inherited, p => p.Child == SplitB && p.Parent == WardA);
        Assert.DoesNotContain(inherited, p => p.ParentType == AreaType.Msoa);
        Assert.StartsWith("from E01000001 (ONS exact lookup, split)", inherited.First().Source, StringComparison.Ordinal);
    }

    [Fact]
    public void What_a_source_gives_the_2021_LSOA_itself_is_kept()
    {
        var inherited = Inherited(new LsoaLink(Old1, SplitA, LsoaChange.Split, true));

        Assert.DoesNotContain(inherited, p => p.Child == SplitA && p.ParentType == AreaType.District);
    }

    [Fact]
    public void A_merged_LSOA_lies_in_the_ward_its_parts_all_lay_in_and_in_none_when_they_differ()
    {
        var agreeing = Inherited(new(Old1, Merged, LsoaChange.Merged, true), new(Old2, Merged, LsoaChange.Merged, true));
        var differing = Inherited(new(Old1, Redrawn, LsoaChange.Redrawn, true), new(Old3, Redrawn, LsoaChange.Redrawn, true));

        Assert.Equal(WardA, Assert.Single(agreeing, p => p.ParentType == AreaType.Ward).Parent);
        Assert.DoesNotContain(differing, p => p.ParentType == AreaType.Ward);
    }

    [Fact]
    public void An_unchanged_LSOA_keeps_its_code_and_inherits_nothing()
    {
        Assert.Empty(Inherited(new LsoaLink(Old1, Old1, LsoaChange.Unchanged, true)));
    }
}
