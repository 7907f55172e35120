using Commonweal.Core.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Persistence.Configurations;

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("indicators");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Name).HasMaxLength(400);
        builder.Property(i => i.Unit).HasMaxLength(64);
        builder.Property(i => i.Source).HasMaxLength(400);
        builder.Property(i => i.Licence).HasMaxLength(200);
        builder.Property(i => i.Profile).HasMaxLength(400);
    }
}

public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("indicator_values");
        builder.HasKey(v => new { v.Indicator, v.Area, v.Period, v.Sex, v.Age, v.CategoryType, v.Category });
        builder.HasIndex(v => new { v.Indicator, v.AreaType, v.Period });
        builder.Property(v => v.AreaName).HasMaxLength(200);
        builder.Property(v => v.Period).HasMaxLength(48);
        builder.Property(v => v.Age).HasMaxLength(48);
        builder.Property(v => v.CategoryType).HasMaxLength(200);
        builder.Property(v => v.Category).HasMaxLength(200);
        builder.Property(v => v.ValueNote).HasMaxLength(400);
        builder.Property(v => v.PublishedComparison).HasMaxLength(64);
        builder.Property(v => v.PublishedTrend).HasMaxLength(200);
    }
}

public sealed class IndicatorAgeCountConfiguration : IEntityTypeConfiguration<IndicatorAgeCount>
{
    public void Configure(EntityTypeBuilder<IndicatorAgeCount> builder)
    {
        builder.ToTable("indicator_age_counts");
        builder.HasKey(c => new { c.Indicator, c.Area, c.Period, c.Sex, c.CategoryType, c.Category, c.AgeBand });
        builder.Property(c => c.Period).HasMaxLength(48);
        builder.Property(c => c.CategoryType).HasMaxLength(200);
        builder.Property(c => c.Category).HasMaxLength(200);
    }
}
