using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Workforce;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings.Workforce;

/// <summary>
/// A change to one post of the establishment: finds the post (this partnership's only, by the tenant
/// filter), keeps the version the person saw, and turns refusals and a stale page into the error summary.
/// </summary>
public abstract class WorkforcePage(SafeguardingDbContext db, ActorContext actor) : PageModel
{
    public const string ConcurrentChange = "Someone else changed this post while you were working on it. Check what they recorded and try again";
    public const string EstablishmentUrl = "/performance/settings/workforce";

    public WorkforcePost Post { get; private set; } = null!;

    [BindProperty]
    public long Version { get; set; }

    protected ActorContext Actor => actor;

    protected async Task<bool> LoadAsync(Guid id, bool keepVersion, CancellationToken cancellationToken)
    {
        if (await db.WorkforcePosts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } post)
        {
            return false;
        }

        Post = post;
        if (!keepVersion)
        {
            Version = post.Version;
        }

        return true;
    }

    /// <summary>Runs the change; success goes back to the establishment with a banner, a refusal or a stale page stays here.</summary>
    protected async Task<IActionResult> SaveAsync<T>(Func<Task<ChangeResult<T>>> change, string notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            var result = await change();
            if (result.Succeeded && ModelState.IsValid)
            {
                TempData["Notice"] = notice;
                return Redirect(EstablishmentUrl);
            }

            AddErrors(ModelState, result.Errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", ConcurrentChange);
            await LoadAsync(Post.Id, keepVersion: false, cancellationToken);
        }

        db.ChangeTracker.Clear();
        return Page();
    }

    /// <summary>A field the model binder already refused (an impossible date) keeps the binder's message, so each field shows one error.</summary>
    public static void AddErrors(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            if (field.Length > 0 && modelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            modelState.AddModelError(field, message);
        }
    }

    public static string Describe(WorkforceRole role) => role == WorkforceRole.SocialWorker ? "Social worker" : "Team manager";
}
