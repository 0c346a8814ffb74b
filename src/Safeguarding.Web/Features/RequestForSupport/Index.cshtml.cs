using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;
using Safeguarding.Web.Features.Timescales;

namespace Safeguarding.Web.Features.RequestForSupport;

/// <summary>"Your requests": the signed-in user's drafts to resume and what became of the ones they sent.</summary>
public sealed class IndexModel(SafeguardingDbContext db, TimeProvider clock) : PageModel
{
    public sealed record DraftRow(string Children, string Saved, string ResumeLink);

    public sealed record SentRow(Guid Id, string Reference, string Children, string Sent, string Status, string TagClass, string? Outcome);

    public IReadOnlyList<DraftRow> Drafts { get; private set; } = [];

    public IReadOnlyList<SentRow> Sent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.UserId();
        var today = LondonTime.DateOf(clock.GetUtcNow());
        var drafts = await db.RequestForSupportDrafts.AsNoTracking().Where(d => d.OwnerUserId == me).OrderByDescending(d => d.UpdatedAt).ToListAsync(cancellationToken);
        Drafts = drafts.Select(d => new DraftRow(Names(d.ReadAnswers().Children.Select(ChildText.Name)), TimescaleText.When(d.UpdatedAt, withTime: true), JourneyLinks.Resume(d, today))).ToList();

        var contacts = await db.Contacts.AsNoTracking().Where(c => c.SubmittedByUserId == me).OrderByDescending(c => c.ReceivedAt)
            .Select(c => new { c.Id, c.Reference, c.ReceivedAt, c.State, c.OutcomeFeedback, Children = c.Children.OrderBy(x => x.Position).Select(x => new { x.FirstName, x.LastName, x.Unborn }).ToList() })
            .Take(200).ToListAsync(cancellationToken);
        Sent = contacts.Select(c =>
        {
            var (status, tag) = Describe(c.State);
            var names = c.Children.Select(x => ChildText.Name(new ChildAnswer { FirstName = x.FirstName, LastName = x.LastName, Unborn = x.Unborn }));
            return new SentRow(c.Id, c.Reference, Names(names), TimescaleText.When(c.ReceivedAt, withTime: true), status, tag, c.OutcomeFeedback);
        }).ToList();
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names) is { Length: > 0 } text ? text : "No children added yet";

    private static (string Status, string TagClass) Describe(ContactState state) => state switch
    {
        ContactState.Received => ("Received", "govuk-tag--blue"),
        ContactState.InScreening => ("Being screened", "govuk-tag--light-blue"),
        ContactState.AwaitingInformation => ("Checking with agencies", "govuk-tag--yellow"),
        ContactState.AwaitingDecision => ("Awaiting decision", "govuk-tag--purple"),
        _ => ("Decided", "govuk-tag--green"),
    };
}
