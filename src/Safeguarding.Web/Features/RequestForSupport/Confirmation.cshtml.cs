using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;
using Safeguarding.Web.Features.Timescales;

namespace Safeguarding.Web.Features.RequestForSupport;

public sealed class ConfirmationModel(SafeguardingDbContext db) : PageModel
{
    public Contact Contact { get; private set; } = null!;

    public string ReceivedAt => LondonTimeText(Contact.ReceivedAt);

    public string DecisionDue { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var me = User.UserId();
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.SubmittedByUserId == me, cancellationToken);
        if (contact is null)
        {
            return NotFound();
        }

        Contact = contact;
        var due = await db.Clocks.AsNoTracking().Where(c => c.SubjectType == Contact.SubjectType && c.SubjectId == id && c.RuleId == "FD-1")
            .Select(c => (DateTimeOffset?)c.DueAt).SingleOrDefaultAsync(cancellationToken);
        DecisionDue = due is { } d ? LondonTimeText(d) : "";
        return Page();
    }

    private static string LondonTimeText(DateTimeOffset instant) => TimescaleText.When(instant, withTime: true);
}
