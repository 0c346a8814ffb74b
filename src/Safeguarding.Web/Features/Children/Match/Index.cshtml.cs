using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Children;
using Safeguarding.Core.Children.Matching;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Match;

/// <summary>
/// Find a child from a referral's details: the matching engine ranks the partnership's children and
/// says why each may be the one. Posted rather than searched by URL, so the details stay out of
/// addresses and browser history.
/// </summary>
public sealed class IndexModel(SafeguardingDbContext db, ChildMatching matching, RestrictedRecordAccess restricted, ActorContext actor, TimeProvider clock) : PageModel
{
    public const int MostCandidates = 10;
    public const string Purpose = "Matched referral details";

    /// <summary>The audit row's subject: one row per search, naming the records shown (ids only).</summary>
    public const string SubjectType = "ChildMatch";

    [BindProperty]
    [Display(Name = "Given name")]
    public string? GivenName { get; set; }

    [BindProperty]
    [Display(Name = "Family name")]
    public string? FamilyName { get; set; }

    [BindProperty]
    [Display(Name = "Other names")]
    public string? OtherNames { get; set; }

    [BindProperty]
    [Display(Name = "Date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [BindProperty]
    [Display(Name = "NHS number")]
    public string? NhsNumber { get; set; }

    [BindProperty]
    [Display(Name = "Postcode")]
    public string? Postcode { get; set; }

    [BindProperty]
    [Display(Name = "Address")]
    public string? AddressLine { get; set; }

    [BindProperty]
    [Display(Name = "School")]
    public Guid? SchoolId { get; set; }

    public IReadOnlyList<SelectListItem> Schools { get; private set; } = [];

    public bool Searched { get; private set; }

    public IReadOnlyList<MatchedChild> Candidates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadSchoolsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadSchoolsAsync(cancellationToken);
        var nhsNumber = NhsNumberFormat.Normalise(NhsNumber);
        if (!string.IsNullOrWhiteSpace(NhsNumber) && nhsNumber is null)
        {
            ModelState.AddModelError(nameof(NhsNumber), "Enter a valid NHS number");
        }

        var anything = new[] { GivenName, FamilyName, OtherNames, NhsNumber, Postcode, AddressLine }.Any(v => !string.IsNullOrWhiteSpace(v))
            || DateOfBirth is not null || SchoolId is not null;
        if (!anything && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(GivenName), "Enter at least one of the child's details");
        }

        if (!ModelState.IsValid || User.PartnershipId() is not { } partnershipId)
        {
            return Page();
        }

        var query = new MatchQuery
        {
            GivenName = GivenName,
            FamilyName = FamilyName,
            OtherNames = OtherNames,
            DateOfBirth = DateOfBirth,
            NhsNumber = nhsNumber,
            Postcode = Postcode,
            AddressLine = AddressLine,
            SchoolId = SchoolId,
        };
        var found = await matching.FindAsync(query, partnershipId, MostCandidates, cancellationToken);
        var ids = found.Select(f => f.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.Postcode, p.IsRestricted })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var granted = await restricted.GrantedAmongAsync(User.UserId() ?? Guid.Empty, people.Values.Where(p => p.IsRestricted).Select(p => p.Id).ToList(), clock.GetUtcNow(), cancellationToken);

        // Masked exactly as the child search masks: a restricted child the user cannot open shows no
        // identifying details, and no reasons either (they would say what the record holds).
        Candidates = found.Where(f => people.ContainsKey(f.PersonId)).Select((f, i) =>
        {
            var p = people[f.PersonId];
            var hidden = p.IsRestricted && !granted.Contains(p.Id);
            return new MatchedChild(
                i + 1,
                p.Id,
                hidden ? "Restricted record" : $"{p.GivenName} {p.FamilyName}",
                hidden ? null : p.DateOfBirth,
                hidden ? null : p.Postcode,
                p.IsRestricted,
                f.Score,
                f.Band,
                hidden ? [] : f.Reasons.Where(r => r.Outcome != ComparisonOutcome.Missing).Select(MatchReason.From).ToList(),
                hidden ? null : f.BandNote);
        }).ToList();
        Searched = true;

        // Which records were shown, never what was typed: the referral's details are not kept.
        await db.RecordAccessAsync(SubjectType, string.Join(',', Candidates.Select(c => c.Id)), Purpose, actor.Current(), cancellationToken);
        return Page();
    }

    private async Task LoadSchoolsAsync(CancellationToken cancellationToken) =>
        Schools = await db.Agencies.AsNoTracking().Where(a => a.Type == AgencyType.School)
            .OrderBy(a => a.Name)
            .Select(a => new SelectListItem(a.Name, a.Id.ToString()))
            .ToListAsync(cancellationToken);
}

/// <summary>One candidate as the page shows it.</summary>
public sealed record MatchedChild(int Rank, Guid Id, string Name, DateOnly? DateOfBirth, string? Postcode, bool IsRestricted, double Score, MatchBand Band, IReadOnlyList<MatchReason> Reasons, string? BandNote)
{
    /// <summary>Rounded down, so a near-certain match never reads as 100%.</summary>
    public string ScorePercent => $"{Math.Floor(Score * 100):0}%";

    public string BandText => Band switch
    {
        MatchBand.Match => "Match",
        MatchBand.PossibleMatch => "Possible match",
        _ => "Low confidence",
    };

    public string BandTagClass => Band switch
    {
        MatchBand.Match => "govuk-tag--green",
        MatchBand.PossibleMatch => "govuk-tag--yellow",
        _ => "govuk-tag--grey",
    };
}

/// <summary>"Date of birth — Partly agreed: day and month swapped".</summary>
public sealed record MatchReason(string Field, string Outcome, string Detail)
{
    public static MatchReason From(FieldComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var explanation = comparison.Explanation;
        var colon = explanation.IndexOf(':', StringComparison.Ordinal);
        var detail = colon < 0 ? explanation : explanation[(colon + 1)..].Trim();
        return new MatchReason(FieldName(comparison.Field), comparison.Outcome switch
        {
            ComparisonOutcome.Agree => "Agreed",
            ComparisonOutcome.PartlyAgree => "Partly agreed",
            _ => "Disagreed",
        }, detail);
    }

    private static string FieldName(MatchField field) => field switch
    {
        MatchField.NhsNumber => "NHS number",
        MatchField.FamilyName => "Family name",
        MatchField.GivenName => "Given name",
        MatchField.DateOfBirth => "Date of birth",
        MatchField.Sex => "Sex",
        MatchField.Postcode => "Postcode",
        MatchField.Address => "Address",
        _ => "School",
    };
}
