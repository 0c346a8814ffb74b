using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children.Matching;
using Safeguarding.Core.Data;
using Safeguarding.Core.Learning;
using Safeguarding.Core.Notifications;
using Safeguarding.Core.Timescales;
using Safeguarding.Web.Access;
using Safeguarding.Web.Api;
using Safeguarding.Web.GovUk;
using Safeguarding.Web.Infrastructure;
using Safeguarding.Web.Notifications;
using Safeguarding.Web.Reporting;

namespace Safeguarding.Web;

/// <summary>How the web application is put together: services, the request pipeline, and first start.</summary>
public static class SafeguardingApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        AddServices(builder.Services, builder.Configuration, builder.Environment);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    public static void AddServices(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        // Migrates in StartingAsync, before any hosted service starts (the data-protection key ring
        // and the reminder loop both read the database).
        services.AddHostedService<DatabasePreparation>();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSafeguardingDatabase(configuration, environment.ContentRootPath);
        services.AddScoped<ITenantScope, HttpTenantScope>();
        services.AddScoped<ActorContext>();
        services.AddScoped<AgencyDirectory>();
        services.AddScoped<UserDirectory>();
        services.AddSingleton<PartnershipTimescales>();
        services.AddMemoryCache();
        services.AddSingleton<Safeguarding.Web.Features.Performance.Returns.UploadedReturns>();
        services.AddScoped<ClockService>();
        services.AddScoped<TimescaleRuleAdministration>();
        services.AddScoped<SeriousIncidentRegister>();
        services.AddScoped<Safeguarding.Core.Chronology.ChildChronology>();
        services.AddScoped<Safeguarding.Core.FrontDoor.RequestForSupportDrafts>();
        services.AddScoped<Safeguarding.Core.FrontDoor.RequestForSupportSubmission>();
        services.AddScoped<Safeguarding.Core.FrontDoor.AgencyChecks>();
        services.AddScoped<Safeguarding.Core.FrontDoor.FrontDoorWorkspace>();

        // The statutory pathway: referrals, assessments, plans and closure; the child protection route.
        services.AddScoped<Safeguarding.Core.Pathway.ReferralRecording>();
        services.AddScoped<Safeguarding.Core.Pathway.AssessmentRecording>();
        services.AddScoped<Safeguarding.Core.Pathway.CinPlanRecording>();
        services.AddScoped<Safeguarding.Core.Workforce.Establishment>();
        services.AddScoped<Safeguarding.Core.Workforce.SupervisionRecording>();
        services.AddScoped<Safeguarding.Core.Workforce.CaseAllocations>();
        services.AddScoped<Safeguarding.Core.Pathway.EpisodeClosure>();
        services.AddScoped<Safeguarding.Core.Pathway.StrategyDiscussionRecording>();
        services.AddScoped<Safeguarding.Core.Pathway.Section47OutcomeRecording>();
        services.AddScoped<Safeguarding.Core.Pathway.InitialConferenceRecording>();
        services.AddScoped<Safeguarding.Core.Pathway.ReviewConferenceRecording>();
        services.AddScoped<Safeguarding.Core.Pathway.CoreGroupRecording>();

        // Looked-after children: periods of care and their episodes, looked-after reviews.
        services.AddScoped<Safeguarding.Core.Pathway.CareRecording>();
        services.AddScoped<Safeguarding.Core.Pathway.LookedAfterReviewRecording>();
        // Looked-after children: missing episodes (CW-12), care leavers (OC3), the route to adoption.
        services.AddScoped<Safeguarding.Core.Pathway.MissingEpisodeRecording>();
        services.AddScoped<Safeguarding.Core.Pathway.CareLeaverRecording>();
        services.AddScoped<Safeguarding.Core.Pathway.AdoptionRecording>();

        // Early help: the assessment, the lead practitioner, Our Family Plan, step-up and step-down.
        services.AddScoped<Safeguarding.Core.Pathway.EarlyHelpRecording>();
        services.AddSingleton<Safeguarding.Core.Performance.PerformancePackCache>();
        services.AddScoped(provider => new Safeguarding.Core.Performance.PerformancePack(
            DatabaseSetup.ReportingContext(provider), provider.GetRequiredService<PartnershipTimescales>(), provider.GetRequiredService<Safeguarding.Core.Performance.PerformancePackCache>()));
        services.AddScoped<Safeguarding.Core.Performance.PerformanceAdministration>();
        services.AddScoped<Safeguarding.Core.Performance.DashboardPriorities>();
        services.AddScoped<Safeguarding.Core.Performance.PackCommentary>();
        services.Configure<Features.RequestForSupport.FrontDoorOptions>(configuration.GetSection(Features.RequestForSupport.FrontDoorOptions.Section));
        services.AddSingleton(provider => new Safeguarding.Core.FrontDoor.LevelOfNeedGuidance(
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Features.RequestForSupport.FrontDoorOptions>>().Value.LevelsOfNeed));
        services.AddScoped<Safeguarding.Core.Children.RestrictedRecordAccess>();
        services.AddScoped<Safeguarding.Core.Children.PersonFactsRecording>();
        services.AddSingleton(new ServiceAddress(configuration["Service:Url"] is { Length: > 0 } url ? url : ServiceAddress.Development));

        // Matching: one index per partnership in memory, rebuilt when people change; bands from "Matching".
        services.AddSingleton<PersonIndexCache>();
        services.AddSingleton(configuration.GetSection("Matching").Get<MatchBands>() ?? new MatchBands());
        services.AddScoped<ChildMatching>();
        services.AddScoped<Safeguarding.Core.Children.PersonMerging>();
        services.AddScoped<BankHolidayAdministration>();
        services.AddScoped<ClockReminders>();
        services.AddScoped<NotificationOutbox>();
        // One headless Chromium for the app's PDFs, started on first print (Reporting:ChromiumPath).
        services.AddSingleton(Safeguarding.Web.Reporting.PdfPrinter.Create);

        // Email: GOV.UK Notify when configured, else the in-memory mailbox; plus the reminder loop.
        services.AddSafeguardingNotifications(configuration, environment);

        services.AddIdentity<User, Role>(options =>
            {
                options.Password.RequiredLength = CommonPasswordValidator.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SafeguardingDbContext>()
            .AddSignInManager<SafeguardingSignInManager>()
            .AddClaimsPrincipalFactory<SafeguardingClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();

        var idleMinutes = configuration.GetValue("Session:IdleTimeoutMinutes", 30);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = ".Safeguarding.Session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(idleMinutes);
            options.SlidingExpiration = true;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/error/403";
            options.ReturnUrlParameter = "returnUrl";
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The revalidated principal is rebuilt from the user record and would drop how they signed in
            // (amr), sending staff who used a second factor to set one up again a minute after signing in.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal is { } current && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    foreach (var method in current.FindAll(SafeguardingClaims.AuthenticationMethod))
                    {
                        if (!identity.HasClaim(method.Type, method.Value))
                        {
                            identity.AddClaim(new System.Security.Claims.Claim(method.Type, method.Value));
                        }
                    }
                }

                return Task.CompletedTask;
            };
        });

        services.AddSingleton<IXmlRepository, DatabaseKeyRepository>();
        services.AddDataProtection().SetApplicationName("Safeguarding");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider>((options, provider) => options.XmlRepository = provider.GetRequiredService<IXmlRepository>());

        services.AddAuthorization(options =>
        {
            options.AddSafeguardingPolicies();
            Api.AgencyApiKeyAuthentication.AddPolicy(options);
        });
        services.AddAgencyApi();
        services.AddSingleton<IAuthorizationHandler, SecondFactorRequirement>();
        services.AddScoped<IAuthorizationHandler, RecordAccessHandler>();
        services.AddScoped<IRestrictedRecordGrants, Safeguarding.Web.Features.Children.BreakGlassGrants>();
        services.AddScoped<Safeguarding.Web.Features.Children.ChildSearch>();

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".Safeguarding.Antiforgery";
            options.FormFieldName = "__RequestVerificationToken";
        });
        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Features";
                options.Conventions.Add(new PageRouteTransformerConvention(new KebabCaseRoutes()));
                options.Conventions.AuthorizeModuleFolders();
                options.Conventions.ConfigureFilter(new AutoValidateAntiforgeryTokenAttribute());
                if (!environment.IsDevelopment())
                {
                    // The demo sign-in must not exist outside Development: no route, so a 404.
                    options.Conventions.AddFolderRouteModelConvention("/Demo", model => model.Selectors.Clear());

                    // Developer tools (the mailbox) likewise exist only in Development.
                    options.Conventions.AddFolderRouteModelConvention("/Dev", model => model.Selectors.Clear());
                }
            })
            .AddMvcOptions(options => options.AddGovUkDateInputBinding());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
    }

    public static void UsePipeline(WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseErrorPages();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();
        app.UseRouting();
        app.UseRedactedRequestLogging();
        app.UseAuthentication();
        app.UseSecondFactorEnrolment();
        app.UseAuthorization();
        app.UsePrintAsPdf();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        app.MapAgencyApi();
    }
}
