using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Safeguarding.Web.Navigation;

/// <summary>
/// The GOV.UK service navigation: the modules the signed-in user may use, with the current one
/// marked. Nothing is rendered for anonymous users or users who may use no module.
/// </summary>
public sealed class ServiceNavigationViewComponent(IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.Identity?.IsAuthenticated != true)
        {
            return Content(string.Empty);
        }

        // On an error page, mark the module of the page that was asked for, not /error/404.
        var currentPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } originalPath
            ? new PathString(originalPath)
            : HttpContext.Request.Path;
        var items = new List<ServiceNavigationItem>();
        foreach (var module in ModuleCatalogue.All)
        {
            var result = await authorization.AuthorizeAsync(UserClaimsPrincipal, module.Policy);
            if (result.Succeeded)
            {
                items.Add(new ServiceNavigationItem(
                    module.Name,
                    module.Path,
                    IsActive: IsWithin(currentPath, module.Path),
                    IsCurrentPage: IsSamePath(currentPath, module.Path)));
            }
        }

        return items.Count == 0 ? Content(string.Empty) : View(items);
    }

    /// <summary>True when <paramref name="path"/> is the module path or below it ("/admin", "/admin/users").</summary>
    public static bool IsWithin(PathString path, string modulePath) =>
        path.StartsWithSegments(modulePath, StringComparison.OrdinalIgnoreCase);

    public static bool IsSamePath(PathString path, string modulePath) =>
        string.Equals(path.Value?.TrimEnd('/'), modulePath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}

/// <summary>A link in the service navigation.</summary>
/// <param name="IsActive">The current page is in this module: the link is highlighted.</param>
/// <param name="IsCurrentPage">The current page is the module's own page (aria-current="page");
/// deeper pages in the module get aria-current="true".</param>
public sealed record ServiceNavigationItem(string Name, string Path, bool IsActive, bool IsCurrentPage)
{
    public string? AriaCurrent => IsCurrentPage ? "page" : IsActive ? "true" : null;
}
