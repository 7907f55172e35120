using Commonweal.Core.Allocation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Persistence.Configurations;

public sealed class AllocationModelVersionConfiguration : IEntityTypeConfiguration<AllocationModelVersion>
{
    public void Configure(EntityTypeBuilder<AllocationModelVersion> builder)
    {
        builder.ToTable("allocation_models");
        builder.HasKey(m => new { m.Name, m.Version });
        builder.Property(m => m.Name).HasMaxLength(64);
        builder.Property(m => m.Definition).HasMaxLength(100_000);
        builder.Property(m => m.CreatedBy).HasMaxLength(256);
    }
}

public sealed class SavedAllocationRunConfiguration : IEntityTypeConfiguration<SavedAllocationRun>
{
    public void Configure(EntityTypeBuilder<SavedAllocationRun> builder)
    {
        builder.ToTable("allocation_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Model).HasMaxLength(64);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Label).HasMaxLength(200);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.HasIndex(r => r.CreatedAt);
    }
}
