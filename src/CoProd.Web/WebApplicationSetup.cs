using CoProd.Application.Common;
using CoProd.Web.Api;
using CoProd.Web.Components;
using CoProd.Web.Deals;
using CoProd.Web.Infrastructure;
using CoProd.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace CoProd.Web;

/// <summary>The web layer's composition: services (<see cref="AddWeb"/>) and the request pipeline (<see cref="UseWeb"/>).</summary>
public static class WebApplicationSetup
{
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRazorComponents();
        services.AddWebAuthentication(environment);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(options => Json.Configure(options.SerializerOptions));
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CoProd API";
            document.Info.Description = "Co-production deals and treaty eligibility. JSON in CoProd's dialect: camelCase, enums as camelCase strings, percentages as numbers (20 = 20 %). "
                + "Authenticate with a bearer token from POST /api/auth/token (or the browser's sign-in cookie); the treaty and eligibility routes are public.";

            // How to authenticate, for clients and generators: the bearer token, or the sign-in cookie of the web pages.
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken from POST /api/auth/token (valid 30 minutes; POST /api/auth/refresh renews it).",
            };
            document.Components.SecuritySchemes["cookie"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.ApiKey,
                In = Microsoft.OpenApi.ParameterLocation.Cookie,
                Name = ".AspNetCore.Identity.Application",
                Description = "The sign-in cookie of the web pages (state-changing calls from a page also need its antiforgery token).",
            };
            document.Security ??= [];
            document.Security.Add(new Microsoft.OpenApi.OpenApiSecurityRequirement { [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("bearer", document)] = [] });
            document.Security.Add(new Microsoft.OpenApi.OpenApiSecurityRequirement { [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("cookie", document)] = [] });
            return Task.CompletedTask;
        }));
        services.AddAntiforgery();
        return services;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Request logging comes first, so it records the status the client finally got (a 404 ProblemDetails, the
        // error page's 500) and the path it asked for, and an expected refusal (400, 403, 404, 409) that the
        // handlers below turn into a response is not logged as a server error with its stack trace.
        app.UseSerilogRequestLogging();

        // Pages answer errors with the friendly error and 404 pages. The JSON API answers with ProblemDetails,
        // written by its own handlers inside, so the page handlers outside find the response already written.
        // (Re-executing handlers do not work inside a UseWhen branch, hence this nesting.)
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        app.UseWhen(IsApiRequest, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseMiddleware<ActiveUserCheck>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseMiddleware<DealMembershipGate>();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();

        app.MapOpenApi().AllowAnonymous();
        app.MapAuthApi();
        app.MapAccountEndpoints();
        app.MapEligibilityApi();
        app.MapDealFragments();
        app.MapTreatyApi();
        app.MapAdminApi();
        app.MapDealApi();
        app.MapDealEditApi();
        app.MapRazorComponents<App>();
        return app;
    }

    private static bool IsApiRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
