using Commonweal.Core.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Persistence.Configurations;

public sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.ToTable("areas");
        builder.HasKey(a => a.Code);
        builder.Property(a => a.Name).HasMaxLength(200).IsRequired();
        builder.Property(a => a.AlternateCode).HasMaxLength(16);
        builder.Ignore(a => a.Validity);
        builder.HasIndex(a => a.Type);
    }
}

public sealed class AreaMembershipConfiguration : IEntityTypeConfiguration<AreaMembership>
{
    public void Configure(EntityTypeBuilder<AreaMembership> builder)
    {
        builder.ToTable("area_memberships");
        builder.HasKey(m => new { m.Child, m.ParentType, m.ObservedOn });
        builder.HasIndex(m => new { m.Parent, m.ChildType });
    }
}

public sealed class PopulationCountConfiguration : IEntityTypeConfiguration<PopulationCount>
{
    public void Configure(EntityTypeBuilder<PopulationCount> builder)
    {
        builder.ToTable("populations");
        builder.HasKey(p => new { p.Area, p.Kind, p.Period, p.Sex, p.AgeBand });
    }
}

public sealed class LsoaDeprivationConfiguration : IEntityTypeConfiguration<LsoaDeprivation>
{
    public void Configure(EntityTypeBuilder<LsoaDeprivation> builder)
    {
        builder.ToTable("lsoa_deprivation");
        builder.HasKey(d => new { d.Lsoa, d.Vintage });
        builder.Ignore(d => d.IsCore20);
        builder.HasIndex(d => new { d.Vintage, d.ImdDecile });
    }
}

public sealed class AreaBoundaryConfiguration : IEntityTypeConfiguration<AreaBoundary>
{
    public void Configure(EntityTypeBuilder<AreaBoundary> builder)
    {
        builder.ToTable("area_boundaries");
        builder.HasKey(b => new { b.Area, b.Release });
        builder.Property(b => b.Polygons)
            .HasConversion(PolygonText.Converter, PolygonText.Comparer)
            .IsRequired();
    }
}

public sealed class GeographyReleaseConfiguration : IEntityTypeConfiguration<GeographyRelease>
{
    public void Configure(EntityTypeBuilder<GeographyRelease> builder)
    {
        builder.ToTable("geography_releases");
        builder.HasKey(r => new { r.Type, r.Date, r.Scope });
        builder.Ignore(r => r.IsNational);
    }
}

public sealed class ReleasedAreaConfiguration : IEntityTypeConfiguration<ReleasedArea>
{
    public void Configure(EntityTypeBuilder<ReleasedArea> builder)
    {
        builder.ToTable("released_areas");
        builder.HasKey(r => new { r.Area, r.Type, r.Release });
        builder.Property(r => r.Name).HasMaxLength(200).IsRequired();
        builder.Property(r => r.AlternateCode).HasMaxLength(16);
        builder.HasIndex(r => new { r.Type, r.Release });
    }
}

public sealed class LsoaLinkConfiguration : IEntityTypeConfiguration<LsoaLink>
{
    public void Configure(EntityTypeBuilder<LsoaLink> builder)
    {
        builder.ToTable("lsoa_links");
        builder.HasKey(l => new { l.Lsoa2011, l.Lsoa2021 });
        builder.HasIndex(l => l.Lsoa2021);
    }
}

public sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> builder)
    {
        builder.ToTable("imports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Kind).HasMaxLength(64);
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.Sha256).HasMaxLength(64);
        builder.Property(i => i.ImportedBy).HasMaxLength(256);
    }
}

public sealed class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> builder)
    {
        builder.ToTable("settings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(64);
        builder.Property(s => s.Value).HasMaxLength(1000);
    }
}
