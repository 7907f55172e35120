using Commonweal.Core.Targeting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Persistence.Configurations;

public sealed class CohortDefinitionConfiguration : IEntityTypeConfiguration<CohortDefinition>
{
    public void Configure(EntityTypeBuilder<CohortDefinition> builder)
    {
        builder.ToTable("cohort_definitions");
        builder.HasKey(c => new { c.Name, c.Version });
        builder.Property(c => c.Name).HasMaxLength(64);
        builder.Property(c => c.Subject).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Rule).HasMaxLength(2000);
        builder.Property(c => c.Description).HasMaxLength(2000);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
    }
}

public sealed class FamilySnapshotConfiguration : IEntityTypeConfiguration<FamilySnapshot>
{
    public void Configure(EntityTypeBuilder<FamilySnapshot> builder)
    {
        builder.ToTable("family_snapshots");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TakenBy).HasMaxLength(256);
        builder.Property(s => s.PopulationHash).HasMaxLength(64);
        builder.Property(s => s.RiskModel).HasMaxLength(128);
    }
}

public sealed class FamilyMemberConfiguration : IEntityTypeConfiguration<FamilyMember>
{
    public void Configure(EntityTypeBuilder<FamilyMember> builder)
    {
        builder.ToTable("family_snapshot_members");
        builder.HasKey(m => new { m.SnapshotId, m.Rank });
        builder.Property(m => m.HouseholdId).HasMaxLength(64);
        builder.Property(m => m.Lsoa).HasMaxLength(64);
        builder.Property(m => m.District).HasMaxLength(64);
        builder.Property(m => m.Reasons).HasMaxLength(1000);
    }
}
