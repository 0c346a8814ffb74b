using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Infrastructure;

namespace Safeguarding.Web.Features.FrontDoor;

/// <summary>What the workspace's form pages share: field errors into ModelState, and who got there first.</summary>
public abstract class ContactFormPage(SafeguardingDbContext db) : PageModel
{
    protected SafeguardingDbContext Db => db;

    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }
    }

    /// <summary>Someone saved the contact since this page was loaded: say who; what was typed stays on the page.</summary>
    protected async Task ConcurrentChangeAsync(Guid contactId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var changedBy = await ConcurrentChanges.LastChangedByAsync(db, Contact.SubjectType, contactId.ToString(), cancellationToken);
        ModelState.AddModelError("", $"{changedBy} changed this contact while you were working on it, so your change has not been saved. Your answers are still below: check the contact as it is now, then submit again");
    }

    protected Task<Contact?> ContactAsync(Guid id, CancellationToken cancellationToken) =>
        db.Contacts.AsNoTracking().Include(c => c.Children.OrderBy(x => x.Position)).Include(c => c.Concerns).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

}
