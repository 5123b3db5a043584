using CoProd.Application.Admin;
using CoProd.Application.Audit;
using CoProd.Application.Catalogues;
using CoProd.Application.Common;
using CoProd.Application.Deals;
using CoProd.Application.Eligibility;
using CoProd.Application.ReferenceData;
using CoProd.Application.Review;
using CoProd.Application.Treaties;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Application;

public static class DependencyInjection
{
    /// <summary>Registers the use-case services and their validators.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        ValidationSetup.Configure();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ReferenceCodes>();
        services.AddScoped<EligibilityService>();
        services.AddScoped<TreatyQueries>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<DealStore>();
        services.AddScoped<DealService>();
        services.AddScoped<DealRightsService>();
        services.AddScoped<DealSectionsService>();
        services.AddScoped<DealQueries>();
        services.AddScoped<ReferenceDataQueries>();
        services.AddScoped<ExchangeRateQueries>();
        services.AddScoped<TreatyAdminService>();
        services.AddScoped<ReferenceDataAdminService>();
        services.AddScoped<CatalogueAdminService>();
        services.AddScoped<AdminQueries>();
        services.AddScoped<MemberService>();
        services.AddScoped<DealWorkflowService>();
        services.AddScoped<ReviewService>();
        services.AddScoped<VersionQueries>();
        services.AddScoped<AuditQueries>();
        return services;
    }
}
