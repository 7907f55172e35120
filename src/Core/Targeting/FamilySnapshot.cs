namespace Commonweal.Core.Targeting;

/// <summary>A dated First 5,000 Families cohort: which population and risk model it was taken from, by whom, when.</summary>
public sealed record FamilySnapshot(long Id, DateTimeOffset TakenAt, string TakenBy, int Size, string PopulationHash, string RiskModel);

/// <summary>One family of a snapshot: its rank, household, LSOA, district, need score and the reasons for it.</summary>
public sealed record FamilyMember(long SnapshotId, int Rank, string HouseholdId, string Lsoa, string District, double Score, string Reasons);
