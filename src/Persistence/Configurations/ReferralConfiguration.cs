using Commonweal.Core.Commissioning;
using Commonweal.Core.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Persistence.Configurations;

public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("referrals");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.IdentifierSystem).HasMaxLength(256);
        builder.Property(r => r.IdentifierValue).HasMaxLength(128);
        // Idempotency rests on this: the same ServiceRequest identifier cannot be stored twice, whoever sends it. The value
        // first, as repeats and searches look referrals up by it (with or without the system).
        builder.HasIndex(r => new { r.IdentifierValue, r.IdentifierSystem }).IsUnique();
        builder.Property(r => r.Route).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ReferredBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.ReferredBy, r.Received });
        builder.Property(r => r.RequestedService).HasMaxLength(64);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.HasOne<Partner>().WithMany().HasForeignKey(r => r.ReferrerPartner).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(r => r.Person, person =>
        {
            person.Property(p => p.NhsNumber).HasMaxLength(10);
            person.Property(p => p.GivenName).HasMaxLength(100);
            person.Property(p => p.FamilyName).HasMaxLength(100);
            person.Property(p => p.BirthDate);
            person.Property(p => p.Gender).HasMaxLength(16);
            person.Property(p => p.Postcode).HasMaxLength(8);
            person.Property(p => p.Place);
            person.Property(p => p.Phone).HasMaxLength(32);
            person.Property(p => p.Email).HasMaxLength(256);
        });
    }
}

public sealed class ReferralCaseConfiguration : IEntityTypeConfiguration<ReferralCase>
{
    public void Configure(EntityTypeBuilder<ReferralCase> builder)
    {
        builder.ToTable("referral_cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => new { c.Status, c.Opened });
        // Two people moving one case at once: the second is refused rather than overwriting the first.
        builder.Property(c => c.Updated).IsConcurrencyToken();
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.HasOne<Referral>().WithOne().HasForeignKey<ReferralCase>(c => c.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("case_events");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.Case);
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.By).HasMaxLength(256);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.HasOne<ReferralCase>().WithMany().HasForeignKey(e => e.Case).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StoredResourceConfiguration : IEntityTypeConfiguration<StoredResource>
{
    public void Configure(EntityTypeBuilder<StoredResource> builder)
    {
        builder.ToTable("fhir_resources");
        builder.HasKey(r => new { r.Type, r.Id });
        builder.Property(r => r.Type).HasMaxLength(32);
        builder.Property(r => r.Id).HasMaxLength(64);
        builder.Property(r => r.Status).HasMaxLength(32);
        builder.Property(r => r.Owner).HasMaxLength(128);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.Referral);
        builder.HasIndex(r => new { r.Type, r.Status, r.Owner });
        builder.HasOne<Referral>().WithMany().HasForeignKey(r => r.Referral).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SupportLineConfiguration : IEntityTypeConfiguration<SupportLine>
{
    public void Configure(EntityTypeBuilder<SupportLine> builder)
    {
        builder.ToTable("support_lines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasIndex(l => l.Case);
        builder.HasIndex(l => new { l.Service, l.Case });
        builder.HasIndex(l => l.Provider);
        builder.Property(l => l.Need).HasConversion<string>().HasMaxLength(32);
        builder.Property(l => l.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Tier).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Service).HasMaxLength(64);
        builder.Property(l => l.WaitlistedFor).HasMaxLength(64);
        builder.Property(l => l.Why).HasMaxLength(2000);
        builder.Property(l => l.PlannedBy).HasMaxLength(256);
        builder.HasOne<ReferralCase>().WithMany().HasForeignKey(l => l.Case).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partner>().WithMany().HasForeignKey(l => l.Provider).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.HasIndex(n => new { n.Recipient, n.At });
        builder.Property(n => n.Recipient).HasMaxLength(256);
        builder.Property(n => n.Text).HasMaxLength(2000);
        builder.HasOne<Referral>().WithMany().HasForeignKey(n => n.Referral).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The service directory: lists are kept as codes joined by ';' (a service lists a handful of needs, places and cohorts).</summary>
public sealed class ReferralServiceConfiguration : IEntityTypeConfiguration<ReferralService>
{
    public void Configure(EntityTypeBuilder<ReferralService> builder)
    {
        builder.ToTable("referral_services");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(64);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Needs).HasConversion(Joined<Need>(Needs.Code, t => Needs.TryParse(t, out var n) ? n : throw new FormatException($"'{t}' is not a need")))
            .HasMaxLength(400);
        builder.Property(s => s.Areas).HasConversion(Joined(a => a.Value, Commonweal.Core.Places.AreaCode.Parse)).HasMaxLength(2000);
        builder.Property(s => s.Cohorts).HasConversion(Joined(c => c, c => c)).HasMaxLength(400);
        builder.Property(s => s.ContractRef).HasMaxLength(64);
        builder.Property(s => s.ServiceLine).HasMaxLength(32);
        builder.Ignore(s => s.Tier);
        builder.Ignore(s => s.Label);
        builder.Ignore(s => s.Serves);
    }

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<IReadOnlyList<T>, string> Joined<T>(Func<T, string> write, Func<string, T> read) =>
        new(list => string.Join(';', list.Select(write)), text => text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(read).ToList());
}

/// <summary>
/// One outcome per completed case, in the case's own key: the outcome and its baseline as columns of the row, each ONS4
/// set as its four ratings in one column ("7 8 6 3": life satisfaction, worthwhile, happiness, anxiety).
/// </summary>
public sealed class RecordedOutcomeConfiguration : IEntityTypeConfiguration<RecordedOutcome>
{
    public void Configure(EntityTypeBuilder<RecordedOutcome> builder)
    {
        builder.ToTable("case_outcomes");
        builder.HasKey(o => o.Case);
        builder.Property(o => o.Case).ValueGeneratedNever();
        builder.HasIndex(o => o.Completed);
        builder.HasIndex(o => new { o.District, o.Completed });
        builder.Property(o => o.CompletedBy).HasMaxLength(256);
        builder.Property(o => o.Lines).HasConversion<int>();
        builder.ComplexProperty(o => o.Outcome, outcome =>
        {
            outcome.Property(x => x.Summary).HasMaxLength(CaseOutcome.SummaryLength);
            outcome.Property(x => x.Goals).HasConversion<string>().HasMaxLength(16);
            outcome.Property(x => x.Ons4After).HasConversion(new Ons4Converter()).HasMaxLength(11);
            outcome.Property(x => x.WeightAfterKg).HasPrecision(5, 1);
            outcome.Property(x => x.Quit).HasConversion<string>().HasMaxLength(24);
            outcome.ComplexProperty(x => x.Baseline, baseline =>
            {
                baseline.Property(b => b.Ons4).HasConversion(new Ons4Converter()).HasMaxLength(11);
                baseline.Property(b => b.WeightKg).HasPrecision(7, 3);
                baseline.Property(b => b.HeightCm).HasPrecision(7, 3);
            });
        });
        builder.HasOne<ReferralCase>().WithOne().HasForeignKey<RecordedOutcome>(o => o.Case).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The four ONS4 ratings as one short text, "7 8 6 3", and back.</summary>
public sealed class Ons4Converter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Ons4Scores, string>(
    s => Ons4Converter.Write(s),
    t => Ons4Converter.Read(t))
{
    public static string Write(Ons4Scores s) => FormattableString.Invariant($"{s.LifeSatisfaction} {s.Worthwhile} {s.Happiness} {s.Anxiety}");

    public static Ons4Scores Read(string text)
    {
        var r = text.Split(' ').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new Ons4Scores(r[0], r[1], r[2], r[3]);
    }
}
