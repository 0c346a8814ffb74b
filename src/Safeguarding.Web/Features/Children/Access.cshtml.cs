using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children;

/// <summary>
/// Who can see a record: its named users, restricting it, and every break glass on it. Only the
/// record's owner and administrators see or change this; every view is audited. The child's name is
/// not shown, since an administrator managing access may not be allowed to open the record itself.
/// </summary>
public sealed class AccessModel(SafeguardingDbContext db, RestrictedRecordAccess access, ActorContext actor) : PageModel
{
    public const string Purpose = "View who can see a record";

    public bool IsRestricted { get; private set; }

    public bool IsChild { get; private set; }

    public IReadOnlyList<NamedUserRow> NamedUsers { get; private set; } = [];

    public IReadOnlyList<BreakGlassRow> BreakGlassLog { get; private set; } = [];

    public IReadOnlyList<SelectListItem> UsersToName { get; private set; } = [];

    /// <summary>The named user being removed, when the page asks to confirm it.</summary>
    public NamedUserRow? Removing { get; private set; }

    [BindProperty]
    [Display(Name = "Why")]
    public string? RestrictionReason { get; set; }

    [BindProperty]
    [Display(Name = "User")]
    public Guid? NamedUserId { get; set; }

    [BindProperty]
    [Display(Name = "Why")]
    public string? NameReason { get; set; }

    [BindProperty]
    public bool AsOwner { get; set; }

    [BindProperty]
    public Guid? RemoveId { get; set; }

    [BindProperty]
    [Display(Name = "Why")]
    public string? RemoveReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? remove, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Removing = NamedUsers.SingleOrDefault(n => n.Id == remove && n.IsActive);
        await db.RecordAccessAsync(RestrictedRecordAccess.PersonSubjectType, id.ToString(), Purpose, actor.Current(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRestrictionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = IsRestricted
            ? await access.UnrestrictAsync(id, RestrictionReason, actor.Current(), cancellationToken)
            : await access.RestrictAsync(id, RestrictionReason, actor.Current(), cancellationToken);
        return Done(result.Errors, nameof(RestrictionReason), IsRestricted ? "The restriction has been lifted" : "The record is restricted", id);
    }

    public async Task<IActionResult> OnPostNameAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (NamedUserId is not { } userId || UsersToName.All(u => u.Value != userId.ToString()))
        {
            ModelState.AddModelError(nameof(NamedUserId), "Select the user to name on this record");
            return Page();
        }

        var result = await access.NameUserAsync(id, userId, NameReason, actor.Current(), AsOwner, cancellationToken);
        return Done(result.Errors, nameof(NameReason), "The user has been named on this record", id);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Removing = NamedUsers.SingleOrDefault(n => n.Id == RemoveId && n.IsActive);
        if (Removing is null)
        {
            return RedirectToPage("Access", new { id });
        }

        var result = await access.RemoveNamedUserAsync(Removing.Id, RemoveReason, actor.Current(), cancellationToken);
        return Done(result.Errors, nameof(RemoveReason), "The user has been removed from this record", id);
    }

    private IActionResult Done(IReadOnlyDictionary<string, string> errors, string reasonField, string notice, Guid id)
    {
        if (errors.Count == 0)
        {
            TempData["Notice"] = notice;
            return RedirectToPage("Access", new { id });
        }

        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field == "reason" ? reasonField : field == "namedUserId" ? nameof(NamedUserId) : "", message);
        }

        return Page();
    }

    /// <summary>Loads the page, or the response refusing it: not found, or not the owner or an administrator.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.PartnershipId, p.IsRestricted, p.IsChild }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return NotFound();
        }

        if (User.UserId() is not { } userId || person.PartnershipId != User.PartnershipId() || !await access.CanManageAsync(userId, id, cancellationToken))
        {
            return Forbid();
        }

        IsRestricted = person.IsRestricted;
        IsChild = person.IsChild;
        var names = await db.Users.AsNoTracking().Where(u => u.PartnershipId == person.PartnershipId)
            .Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string NameOf(Guid? user) => user is { } known && names.TryGetValue(known, out var name) ? name : "Unknown user";

        NamedUsers = (await access.NamedUsersAsync(id, cancellationToken))
            .Select(n => new NamedUserRow(n.Id, n.UserId, NameOf(n.UserId), n.IsOwner, n.GrantedAt, NameOf(n.GrantedByUserId), n.RemovedAt, n.RemovedByUserId is null ? null : NameOf(n.RemovedByUserId)))
            .ToList();
        BreakGlassLog = (await access.BreakGlassLogAsync(id, cancellationToken))
            .Select(b => new BreakGlassRow(NameOf(b.UserId), b.GrantedAt, b.Reason, b.ExpiresAt))
            .ToList();

        var named = NamedUsers.Where(n => n.IsActive).Select(n => n.UserId).ToHashSet();
        var roles = AccessPolicies.ChildrenRoles.ToList();
        var eligible = await db.Users.AsNoTracking()
            .Where(u => u.PartnershipId == person.PartnershipId && u.IsActive)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))))
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName })
            .ToListAsync(cancellationToken);
        UsersToName = eligible.Where(u => !named.Contains(u.Id)).Select(u => new SelectListItem(u.DisplayName, u.Id.ToString())).ToList();
        return null;
    }
}

public sealed record NamedUserRow(Guid Id, Guid UserId, string Name, bool IsOwner, DateTimeOffset GrantedAt, string GrantedBy, DateTimeOffset? RemovedAt, string? RemovedBy)
{
    public bool IsActive => RemovedAt is null;
}

public sealed record BreakGlassRow(string Who, DateTimeOffset When, string Reason, DateTimeOffset Expires);
