using Commonweal.Core.Targeting.Population;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Persistence.Configurations;

public sealed class StoredPopulationConfiguration : IEntityTypeConfiguration<StoredPopulation>
{
    public void Configure(EntityTypeBuilder<StoredPopulation> builder)
    {
        builder.ToTable("person_populations");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Hash).HasMaxLength(64);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.RiskModel).HasMaxLength(128);
    }
}

public sealed class PopulationBlockConfiguration : IEntityTypeConfiguration<PopulationBlock>
{
    public void Configure(EntityTypeBuilder<PopulationBlock> builder)
    {
        builder.ToTable("person_blocks");
        builder.HasKey(b => new { b.PopulationId, b.Lsoa, b.Copy });
        builder.Property(b => b.Lsoa).HasMaxLength(64);
    }
}
