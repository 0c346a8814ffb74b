using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Web.Access;
using Safeguarding.Web.Notifications;

namespace Safeguarding.Web.Features.Dev;

/// <summary>
/// Development only (the folder has no routes in any other environment): the emails the service
/// would have sent, newest first, read from the in-memory mailbox. Administrators only, as the
/// messages name real recipients' addresses.
/// </summary>
[Authorize(Policy = AccessPolicies.Admin)]
public sealed class MailboxModel(DevelopmentMailbox mailbox) : PageModel
{
    public IReadOnlyList<MailboxMessage> Messages { get; private set; } = [];

    public void OnGet() => Messages = mailbox.NewestFirst();
}
