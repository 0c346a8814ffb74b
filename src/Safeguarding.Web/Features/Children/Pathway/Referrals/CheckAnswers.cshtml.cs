using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Referrals;

/// <summary>Check the referral's answers, then open the episode. The answers travel in the address: codes and a date, nothing about the family.</summary>
[Authorize(Policy = AccessPolicies.PathwayRecord)]
public sealed class CheckAnswersModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, ReferralRecording referrals)
    : PathwayPage(db, authorization, actor)
{
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Need { get; set; }

    public DateOnly ReferralDate { get; private set; }

    public string ChangeUrl => $"/children/{Child.Id}/pathway/referrals/new?date={Date}&source={Uri.EscapeDataString(Source ?? "")}&need={Uri.EscapeDataString(Need ?? "")}";

    public static string UrlFor(Guid child, DateOnly date, string source, string? need) =>
        $"/children/{child}/pathway/referrals/check-answers?date={date:yyyy-MM-dd}&source={Uri.EscapeDataString(source)}&need={Uri.EscapeDataString(need ?? "")}";

    public async Task<IActionResult> OnGetAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, "Check a referral's answers", cancellationToken) is { } refused)
        {
            return refused;
        }

        return ParseDate() ? Page() : Redirect($"/children/{child}/pathway/referrals/new");
    }

    public async Task<IActionResult> OnPostAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, null, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!ParseDate())
        {
            return Redirect($"/children/{child}/pathway/referrals/new");
        }

        var result = await referrals.OpenAsync(new ReferralForm(child, ReferralDate, Source, string.IsNullOrWhiteSpace(Need) ? null : Need), Actor.Current(), cancellationToken);
        if (result.Succeeded)
        {
            return Done("Referral recorded: the child in need episode is open and the assessment is due in 45 working days");
        }

        // The answers were checked a moment ago, so what is refused now changed since (e.g. another
        // episode opened): shown at the top, the answers kept.
        foreach (var message in result.Errors.Values)
        {
            ModelState.AddModelError("", message);
        }

        Db.ChangeTracker.Clear();
        return Page();
    }

    private bool ParseDate()
    {
        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        ReferralDate = date;
        return true;
    }
}
