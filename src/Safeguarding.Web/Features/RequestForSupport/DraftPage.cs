using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Web.Access;
using Safeguarding.Web.Infrastructure;

namespace Safeguarding.Web.Features.RequestForSupport;

/// <summary>
/// What every question page of the journey shares: it opens the signed-in user's own draft (anyone
/// else's is "not found"), checks the page's answers with the shared rules, saves the draft, and
/// goes on to the next question or back to "Check your answers" when the user came from there.
/// </summary>
public abstract partial class DraftPage(RequestForSupportDrafts drafts, ActorContext actor) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    /// <summary>Set by the Change links on "Check your answers", so saving returns there.</summary>
    [BindProperty(SupportsGet = true, Name = "change")]
    public bool Changing { get; set; }

    public RequestForSupportDraft Draft { get; private set; } = null!;

    public RequestForSupportAnswers Answers { get; private set; } = null!;

    /// <summary>Where the back link goes when the user did not come from "Check your answers".</summary>
    protected abstract string PreviousPage { get; }

    public string BackLink => Changing ? JourneyLinks.Page("CheckAnswers", Id) : PreviousPage;

    protected DateOnly Today => LondonTime.DateOf(actor.Current().Now);

    protected RequestForSupportDrafts Drafts => drafts;

    protected Core.Access.ProcessContext Actor => actor.Current();

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var draft = await drafts.FindOwnAsync(Id, actor.Current(), HttpContext.RequestAborted);
        if (draft is null)
        {
            context.Result = await DraftNotFoundAsync();
            return;
        }

        Draft = draft;
        Answers = draft.ReadAnswers();
        await next();
    }

    /// <summary>What to show when the draft is not the user's or no longer exists.</summary>
    protected virtual Task<IActionResult> DraftNotFoundAsync() => Task.FromResult<IActionResult>(NotFound());

    /// <summary>Puts rule errors on the page's fields; <paramref name="prefix"/> is the bound property holding them ("Child").</summary>
    protected void AddErrors(IReadOnlyDictionary<string, string> errors, string? prefix = null)
    {
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(prefix is null ? field : $"{prefix}.{field}", message);
        }
    }

    /// <summary>Checks one section with the shared rules, saves, and moves on; shows the page again with errors.</summary>
    protected async Task<IActionResult> SaveSectionAsync(RequestForSupportSection section, string nextPage)
    {
        if (ModelState.IsValid)
        {
            foreach (var (field, message) in RequestForSupportRules.ValidateSection(Answers, section, Today))
            {
                // A saved child or household member can fall foul of a rule later (a baby's due date
                // passes while the draft waits): the list page names them, since their fields are elsewhere.
                var person = PersonInError().Match(field);
                if (person.Success)
                {
                    var index = int.Parse(person.Groups[2].Value, CultureInfo.InvariantCulture);
                    var name = person.Groups[1].Value == "Children" ? ChildText.Name(Answers.Children[index]) : Answers.Household[index].Name;
                    ModelState.AddModelError(person.Groups[1].Value, $"{name}: {message}");
                }
                else
                {
                    ModelState.AddModelError(field, message);
                }
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await SaveAsync(section.ToString(), Changing ? "CheckAnswers" : nextPage);
    }

    [GeneratedRegex(@"^(Children|Household)\[(\d+)\]\.")]
    private static partial Regex PersonInError();

    protected async Task<IActionResult> SaveAsync(string section, string nextPage)
    {
        var saved = await drafts.SaveAsync(Draft, Answers, section, Actor, HttpContext.RequestAborted);
        if (!saved.Succeeded)
        {
            AddErrors(saved.Errors);
            return Page();
        }

        return Redirect(JourneyLinks.Page(nextPage, Id, Changing && nextPage != "CheckAnswers"));
    }
}

/// <summary>The journey's URLs, in one place so pages and tests agree.</summary>
public static class JourneyLinks
{
    public const string Root = "/request-for-support";

    public static string Page(string page, Guid draftId, bool changing = false) =>
        $"{Root}/{Routes.TransformOutbound(page)}/{draftId}{(changing ? "?change=true" : "")}";

    private static readonly KebabCaseRoutes Routes = new();

    /// <summary>The question page that asks for a section.</summary>
    public static string PageFor(RequestForSupportSection section) => section switch
    {
        RequestForSupportSection.Urgency => "Urgency",
        RequestForSupportSection.AboutYou => "AboutYou",
        RequestForSupportSection.Children => "Children",
        RequestForSupportSection.Household => "Household",
        RequestForSupportSection.Concerns => "Concerns",
        RequestForSupportSection.ChildsVoice => "ChildsVoice",
        RequestForSupportSection.WhatHasBeenTried => "WhatHasBeenTried",
        RequestForSupportSection.Consent => "Consent",
        _ => "LevelOfNeed",
    };

    /// <summary>Where a draft picks up: the first section still missing answers, else "Check your answers".</summary>
    public static string Resume(RequestForSupportDraft draft, DateOnly today)
    {
        var answers = draft.ReadAnswers();
        var incomplete = Enum.GetValues<RequestForSupportSection>()
            .Where(s => RequestForSupportRules.ValidateSection(answers, s, today).Count > 0)
            .Select(s => (RequestForSupportSection?)s)
            .FirstOrDefault();
        return Page(incomplete is { } section ? PageFor(section) : "CheckAnswers", draft.Id);
    }

    /// <summary>
    /// The page and field a rule error belongs to, for links from "Check your answers":
    /// "Children[1].NhsNumber" is the NHS number field on that child's page.
    /// </summary>
    public static string FieldLink(string key, RequestForSupportAnswers answers, Guid draftId)
    {
        var match = System.Text.RegularExpressions.Regex.Match(key, @"^(Children|Household)\[(\d+)\]\.(\w+)$");
        if (match.Success)
        {
            var index = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            return match.Groups[1].Value == "Children"
                ? $"{Page("Child", draftId)}?child={answers.Children[index].Id}&change=true#Child_{match.Groups[3].Value}"
                : $"{Page("HouseholdMember", draftId)}?member={answers.Household[index].Id}&change=true#Member_{match.Groups[3].Value}";
        }

        var section = key switch
        {
            "Urgency" => RequestForSupportSection.Urgency,
            _ when key.StartsWith("Referrer", StringComparison.Ordinal) => RequestForSupportSection.AboutYou,
            "Children" => RequestForSupportSection.Children,
            "Concerns" or "OtherConcern" or "ConcernNarrative" => RequestForSupportSection.Concerns,
            "ChildsVoice" or "HowChildWasSeen" => RequestForSupportSection.ChildsVoice,
            "EarlyHelpTried" or "WhatHasBeenTried" or "PlansInPlace" => RequestForSupportSection.WhatHasBeenTried,
            _ when key.StartsWith("Consent", StringComparison.Ordinal) => RequestForSupportSection.Consent,
            _ => RequestForSupportSection.LevelOfNeed,
        };
        return $"{Page(PageFor(section), draftId, changing: true)}#{key}";
    }
}
