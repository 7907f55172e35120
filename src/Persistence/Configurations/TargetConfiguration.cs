using Commonweal.Core.Commissioning;
using Commonweal.Core.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Persistence.Configurations;

public sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.ToTable("targets");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => new { t.Indicator, t.Area });
        builder.Property(t => t.Age).HasMaxLength(48);
        builder.Property(t => t.Category).HasMaxLength(200);
        builder.Property(t => t.BaselinePeriod).HasMaxLength(48);
        builder.Property(t => t.DeadlinePeriod).HasMaxLength(48);
        builder.Property(t => t.Trajectory).HasMaxLength(2000);
        builder.Property(t => t.Lead).HasMaxLength(200);
        builder.Property(t => t.Rationale).HasMaxLength(4000);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.HasOne<Partner>().WithMany().HasForeignKey(t => t.Owner).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> builder)
    {
        builder.ToTable("partners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => p.Name).IsUnique();
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.OdsCode).HasMaxLength(6);
        builder.Property(p => p.CharityNumber).HasMaxLength(9);
        builder.Property(p => p.CompanyNumber).HasMaxLength(8);
    }
}

public sealed class TargetChangeConfiguration : IEntityTypeConfiguration<TargetChange>
{
    public void Configure(EntityTypeBuilder<TargetChange> builder)
    {
        builder.ToTable("target_changes");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Target);
        builder.Property(c => c.Field).HasMaxLength(64);
        builder.Property(c => c.Before).HasMaxLength(4000);
        builder.Property(c => c.After).HasMaxLength(4000);
        builder.Property(c => c.Why).HasMaxLength(2000);
        builder.Property(c => c.By).HasMaxLength(256);
        builder.HasOne<Target>().WithMany().HasForeignKey(c => c.Target).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TargetCommentaryConfiguration : IEntityTypeConfiguration<TargetCommentary>
{
    public void Configure(EntityTypeBuilder<TargetCommentary> builder)
    {
        builder.ToTable("target_commentaries");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Target);
        builder.Property(c => c.Text).HasMaxLength(8000);
        builder.Property(c => c.Author).HasMaxLength(256);
        builder.HasOne<Target>().WithMany().HasForeignKey(c => c.Target).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TargetActionConfiguration : IEntityTypeConfiguration<TargetAction>
{
    public void Configure(EntityTypeBuilder<TargetAction> builder)
    {
        builder.ToTable("target_actions");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.Target);
        builder.Property(a => a.What).HasMaxLength(2000);
        builder.Property(a => a.Who).HasMaxLength(200);
        builder.Property(a => a.Status).HasMaxLength(16);
        builder.Property(a => a.Author).HasMaxLength(256);
        builder.HasOne<Target>().WithMany().HasForeignKey(a => a.Target).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FrameworkVersionConfiguration : IEntityTypeConfiguration<FrameworkVersion>
{
    public void Configure(EntityTypeBuilder<FrameworkVersion> builder)
    {
        builder.ToTable("framework_versions");
        builder.HasKey(v => v.Version);
        builder.Property(v => v.Version).ValueGeneratedNever();
        builder.Property(v => v.Title).HasMaxLength(400);
        builder.Property(v => v.AgreedBy).HasMaxLength(400);
        builder.Property(v => v.Why).HasMaxLength(2000);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
    }
}
