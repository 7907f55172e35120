using Commonweal.Core.Commissioning;
using Commonweal.Core.Access;
using Commonweal.Core.Allocation;
using Commonweal.Core.Indicators;
using Commonweal.Core.Outcomes;
using Commonweal.Core.Places;
using Commonweal.Core.Referrals;
using Commonweal.Core.Statistics;
using Commonweal.Core.Targeting;
using Commonweal.Core.Targeting.Population;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Persistence;

/// <summary>
/// The one DbContext: places and their releases, memberships, populations, deprivation, LSOA links, boundaries;
/// indicators and their values; targets and the framework; users, their sessions, the data-protection keys, audit.
/// </summary>
public sealed class CommonwealDbContext(DbContextOptions<CommonwealDbContext> options)
    : IdentityDbContext<CommonwealUser>(options), IDataProtectionKeyContext
{
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<AreaMembership> AreaMemberships => Set<AreaMembership>();
    public DbSet<PopulationCount> Populations => Set<PopulationCount>();
    public DbSet<LsoaDeprivation> Deprivation => Set<LsoaDeprivation>();
    public DbSet<AreaBoundary> Boundaries => Set<AreaBoundary>();
    public DbSet<GeographyRelease> Releases => Set<GeographyRelease>();
    public DbSet<ReleasedArea> ReleasedAreas => Set<ReleasedArea>();
    public DbSet<LsoaLink> LsoaLinks => Set<LsoaLink>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<IndicatorAgeCount> IndicatorAgeCounts => Set<IndicatorAgeCount>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<TargetChange> TargetChanges => Set<TargetChange>();
    public DbSet<TargetCommentary> TargetCommentaries => Set<TargetCommentary>();
    public DbSet<TargetAction> TargetActions => Set<TargetAction>();
    public DbSet<FrameworkVersion> FrameworkVersions => Set<FrameworkVersion>();
    public DbSet<ImportRecord> Imports => Set<ImportRecord>();
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<SignInSession> Sessions => Set<SignInSession>();
    public DbSet<StoredPopulation> PersonPopulations => Set<StoredPopulation>();
    public DbSet<PopulationBlock> PersonBlocks => Set<PopulationBlock>();
    public DbSet<CohortDefinition> CohortDefinitions => Set<CohortDefinition>();
    public DbSet<FamilySnapshot> FamilySnapshots => Set<FamilySnapshot>();
    public DbSet<FamilyMember> FamilyMembers => Set<FamilyMember>();
    public DbSet<AllocationModelVersion> AllocationModels => Set<AllocationModelVersion>();
    public DbSet<SavedAllocationRun> AllocationRuns => Set<SavedAllocationRun>();
    public DbSet<PooledFund> Funds => Set<PooledFund>();
    public DbSet<FundContribution> FundContributions => Set<FundContribution>();
    public DbSet<FundEarmark> FundEarmarks => Set<FundEarmark>();
    public DbSet<FundCommitment> FundCommitments => Set<FundCommitment>();
    public DbSet<FundSpend> FundSpend => Set<FundSpend>();
    public DbSet<Intention> Intentions => Set<Intention>();
    public DbSet<IntentionPartner> IntentionPartners => Set<IntentionPartner>();
    public DbSet<IntentionEvidence> IntentionEvidence => Set<IntentionEvidence>();
    public DbSet<IntentionStep> IntentionSteps => Set<IntentionStep>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<ContractVariation> ContractVariations => Set<ContractVariation>();
    public DbSet<ServiceLine> ServiceLines => Set<ServiceLine>();
    public DbSet<ContractKpi> ContractKpis => Set<ContractKpi>();
    public DbSet<ContractDocument> ContractDocuments => Set<ContractDocument>();
    public DbSet<KpiReturn> KpiReturns => Set<KpiReturn>();
    public DbSet<ReturnBatch> ReturnBatches => Set<ReturnBatch>();
    public DbSet<RemedialPlan> RemedialPlans => Set<RemedialPlan>();
    public DbSet<RemedialAction> RemedialActions => Set<RemedialAction>();
    public DbSet<CommissioningPlan> CommissioningPlans => Set<CommissioningPlan>();
    public DbSet<PlanScore> PlanScores => Set<PlanScore>();
    public DbSet<PriorityMark> PriorityMarks => Set<PriorityMark>();

    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every instance (ASP.NET Core data protection).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<ReferralCase> Cases => Set<ReferralCase>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<StoredResource> FhirResources => Set<StoredResource>();
    public DbSet<SupportLine> SupportLines => Set<SupportLine>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ReferralService> ReferralServices => Set<ReferralService>();
    public DbSet<RecordedOutcome> CaseOutcomes => Set<RecordedOutcome>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CommonwealDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<AreaCode>().HaveConversion<AreaCodeConverter>().HaveMaxLength(64);
        configurationBuilder.Properties<AreaType>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PopulationKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Sex>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<IodVintage>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<LsoaChange>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AgeBand>().HaveConversion<AgeBandConverter>().HaveMaxLength(16);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<IndicatorId>().HaveConversion<IndicatorIdConverter>();
        configurationBuilder.Properties<IndicatorValueType>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Polarity>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReportingFrequency>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Comparators>().HaveConversion<string>().HaveMaxLength(64);
        configurationBuilder.Properties<HealthFactor>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<FocusArea>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DisclosureRule>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ValueSource>().HaveConversion<string>().HaveMaxLength(16);
    }
}
