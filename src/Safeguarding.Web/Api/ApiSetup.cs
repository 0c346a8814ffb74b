using Microsoft.AspNetCore.Authentication;
using Microsoft.OpenApi;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Api.RequestsForSupport;

namespace Safeguarding.Web.Api;

/// <summary>The JSON API for agencies' systems: its own authentication, JSON, errors and OpenAPI document.</summary>
public static class ApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static IServiceCollection AddAgencyApi(this IServiceCollection services)
    {
        services.AddScoped<AgencyApiKeys>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AgencyApiKeyAuthentication>(AgencyApiKeyAuthentication.SchemeName, null);
        services.ConfigureHttpJsonOptions(options => RequestsForSupportApi.ConfigureJson(options.SerializerOptions));
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Safeguarding front door API";
            document.Info.Description = "Requests for Support from agencies' own systems. Authenticate with your agency's key as 'Authorization: Bearer <key>'. Errors are RFC 9457 problem details.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[AgencyApiKeyAuthentication.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An agency API key issued by the partnership's administrator (sgk_…).",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AgencyApiKeyAuthentication.SchemeName, document)] = [] });
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>Errors from the API are problem details; the HTML error pages stay for everything else.</summary>
    public static void UseErrorPages(this WebApplication app)
    {
        app.UseWhen(IsApi, api => api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => ApiProblems.Write(context, StatusCodes.Status500InternalServerError, "Something went wrong",
                "The request may not have been received. Send it again with the same Idempotency-Key: it will not be duplicated."),
        }));
        app.UseWhen(context => !IsApi(context), pages =>
        {
            pages.UseExceptionHandler("/error/500");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
    }

    public static void MapAgencyApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapRequestsForSupportApi();
    }
}
