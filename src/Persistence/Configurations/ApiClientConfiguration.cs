using Commonweal.Core.Access;
using Commonweal.Core.Commissioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Commonweal.Persistence.Configurations;

public sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    /// <summary>The roles in one column, comma-separated (role names have no commas): a client holds one to six of them.</summary>
    private static readonly ValueConverter<IReadOnlyList<string>, string> RoleList = new(
        roles => string.Join(',', roles),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries));

    private static readonly ValueComparer<IReadOnlyList<string>> RoleListComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        roles => roles.Aggregate(0, (hash, role) => HashCode.Combine(hash, role.GetHashCode(StringComparison.Ordinal))),
        roles => roles.ToArray());

    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("api_clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(ApiKeys.NameLength);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.Roles).HasConversion(RoleList, RoleListComparer).HasMaxLength(200);
        builder.Property(c => c.KeyHash).HasMaxLength(64);
        builder.HasIndex(c => c.KeyHash).IsUnique();
        builder.Property(c => c.KeyPrefix).HasMaxLength(ApiKeys.ShownLength);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.RevokedBy).HasMaxLength(256);
        builder.HasOne<Partner>().WithMany().HasForeignKey(c => c.Partner).OnDelete(DeleteBehavior.Restrict);
    }
}
