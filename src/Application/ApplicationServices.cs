using Commonweal.Application.Access;
using Commonweal.Application.Backups;
using Commonweal.Application.Indicators;
using Commonweal.Application.Indicators.Import;
using Commonweal.Application.Outcomes;
using Commonweal.Application.Places;
using Commonweal.Application.Places.Ics;
using Commonweal.Application.Places.Import;
using Commonweal.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Commonweal.Application;

public static class ApplicationServices
{
    /// <summary>Registers every use case by name, the ICS description and the clock. Shared by Web and CLI.</summary>
    /// <param name="icsFile">A shipped ICS description's name (mid-and-south-essex, essex) or a file's path; null for the Mid and South Essex default.</param>
    public static IServiceCollection AddApplication(this IServiceCollection services, string? icsFile)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(IcsConfiguration.Load(icsFile));
        services.AddScoped<AuditOrigin>();
        services.AddScoped<AuditLog>();
        services.AddScoped<SessionRevocation>();
        services.AddScoped<ReferenceImport>();
        services.AddScoped<ImportHistory>();
        services.AddScoped<IndicatorImport>();
        services.AddScoped<IndicatorCatalogue>();
        services.AddScoped<CatalogueEditing>();
        services.AddScoped<DemoSeeding>();
        services.AddScoped<DatabaseSetup>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<ApiClients>();
        services.AddSingleton<ActiveApiClients>();
        services.AddScoped<StoreBackups>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<PlaceQueries>();
        services.AddScoped<DeprivationSetting>();
        services.AddScoped<DeprivationQueries>();
        services.AddScoped<Targeting.TargetingQueries>();
        services.AddScoped<Targeting.PopulationFrames>();
        services.AddScoped<Targeting.PopulationStore>();
        services.AddScoped<Targeting.PopulationGeneration>();
        services.AddScoped<Targeting.RiskStratifying>();
        services.AddSingleton<Targeting.CaseloadCache>();
        services.AddScoped<Targeting.PersonCohorts>();
        services.AddScoped<Targeting.FamilyCohorts>();
        services.AddScoped<Targeting.CohortLibrary>();
        services.AddScoped<Targeting.ExtractImport>();
        services.AddScoped<Allocation.AllocationModels>();
        services.AddScoped<Allocation.AllocationInputs>();
        services.AddScoped<Allocation.AllocationRuns>();
        services.AddSingleton<Allocation.AllocationRunCache>();
        services.AddScoped<Allocation.Demo.DemoAllocations>();
        services.AddSingleton<Referrals.ReferralIntake>();
        services.AddScoped<Referrals.ReferralRecords>();
        services.AddScoped<Referrals.ServiceDirectory>();
        services.AddScoped<Referrals.CaseWork>();
        services.AddScoped<Referrals.ResidentReferrals>();
        services.AddScoped<Referrals.OutcomeIndicators>();
        services.AddScoped<Referrals.OutcomeReturns>();
        services.AddScoped<Referrals.CaseTriage>();
        services.AddScoped<Referrals.Caseloads>();
        services.AddScoped<Referrals.CaseDetails>();
        services.AddScoped<Referrals.NotificationsInbox>();
        services.AddScoped<Referrals.Demo.DemoReferralServices>();
        services.AddScoped<Referrals.Demo.DemoReferrals>();
        services.AddScoped<Commissioning.PartnerRegister>();
        services.AddScoped<Commissioning.FundBook>();
        services.AddScoped<Commissioning.ContractImport>();
        services.AddScoped<Commissioning.ContractRegister>();
        services.AddScoped<Commissioning.ContractPerformance>();
        services.AddScoped<Commissioning.ContractDocuments>();
        services.AddScoped<Commissioning.ReturnsImport>();
        services.AddScoped<Commissioning.RemedialPlanning>();
        services.AddScoped<Commissioning.CoverageQueries>();
        services.AddScoped<Commissioning.ValueQueries>();
        services.AddScoped<Commissioning.CommissioningPipeline>();
        services.AddScoped<Commissioning.PlanAssurance>();
        services.AddScoped<Commissioning.Demo.DemoCommissioning>();
        services.AddSingleton<PlaceGraphCache>();
        services.AddScoped<IndicatorQueries>();
        services.AddSingleton<IndicatorCache>();
        services.AddScoped<IndicatorListing>(); services.AddScoped<AreaProfiles>();
        services.AddScoped<TargetWriting>();
        services.AddScoped<TargetNotes>();
        services.AddScoped<FrameworkEditing>();
        services.AddScoped<OutcomeQueries>();
        services.AddScoped<CompositeQueries>();
        services.AddScoped<Outcomes.Demo.DemoTargets>();
        services.AddScoped<Reporting.ExceptionPacks>();
        services.AddSingleton<Reporting.ExceptionPackCache>();
        return services;
    }

    /// <summary>ASP.NET Core Identity over the store: hashed passwords, lockout, roles. The Web adds sign-in on top.</summary>
    public static IdentityBuilder AddCommonwealIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<CommonwealUser>(options =>
            {
                options.Password.RequiredLength = 12;
                // Length, not composition (NCSC/NIST guidance): 12+ characters, any kind.
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CommonwealDbContext>();
}
