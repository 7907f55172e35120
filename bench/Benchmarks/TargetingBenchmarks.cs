using BenchmarkDotNet.Attributes;
using Commonweal.Core.Targeting;
using Commonweal.Core.Targeting.Population;
using Commonweal.Core.Targeting.Risk;

namespace Commonweal.Benchmarks;

/// <summary>
/// Targeting at the size of an ICS (1.2 M people, <see cref="TargetingData"/>): generating the population, stratifying
/// everyone, a person-rule count by district and by practice, and the First 5,000 Families. Targets (issue #12): generate
/// ≤ 15 s, stratify ≤ 1 s, a count by place ≤ 200 ms, the families ≤ 1 s.
/// </summary>
[MemoryDiagnoser]
public class TargetingBenchmarks
{
    private PopulationFrame frame = null!;
    private SyntheticPopulation people = null!;
    private Caseload caseload = null!;
    private CohortRule<CaseloadPerson> rule = null!;
    private PersonUnits districts = null!;
    private PersonUnits practices = null!;

    [GlobalSetup]
    public void Setup()
    {
        frame = TargetingData.Frame();
        people = PopulationGenerator.Generate(frame, 42);
        caseload = new Caseload(people, RiskStratification.Run(people, RiskModel.Default));
        rule = CohortRule.Parse("age >= 65 and (diabetes or copd) and (core20 or tier in (high, very_high))", PersonFields.All).Rule!;
        districts = PersonUnits.ByResidence(frame.Districts.Count, [.. people.Lsoas.Select(l => l.District)]);
        practices = PersonUnits.ByRegistration(people.PracticeCodes.Count, [.. Enumerable.Range(0, people.PracticeCodes.Count)]);
    }

    [Benchmark]
    public int GeneratePopulation() => PopulationGenerator.Generate(frame, 7).Count;

    [Benchmark]
    public int StratifyEveryone() => RiskStratification.Run(people, RiskModel.Default).Scores.Length;

    [Benchmark]
    public long CountByDistrict() => CohortCounting.Count(caseload, rule, districts).Count.Sum();

    [Benchmark]
    public long CountByPractice() => CohortCounting.Count(caseload, rule, practices).Count.Sum();

    [Benchmark]
    public int First5000Families() => Families.Rank(caseload, 5000).Count;
}
