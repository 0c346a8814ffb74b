using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children;

/// <summary>Find a child by name, date of birth or NHS number.</summary>
public sealed class IndexModel(ChildSearch search) : PageModel
{
    public const int MostResults = ChildSearch.MostResults;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Family name")]
    public string? FamilyName { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Given name")]
    public string? GivenName { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "NHS number")]
    public string? NhsNumber { get; set; }

    public bool Searched { get; private set; }

    public bool MoreThanShown { get; private set; }

    public IReadOnlyList<ChildFound> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Searched = Request.Query.Count > 0;
        if (!Searched)
        {
            ModelState.Clear();
            return;
        }

        var criteria = new ChildSearchCriteria(FamilyName, GivenName, DateOfBirth, NhsNumber);
        ChildSearch.Validate(criteria, ModelState);
        if (!ModelState.IsValid)
        {
            return;
        }

        (Results, MoreThanShown) = await search.FindAsync(criteria, User.UserId() ?? Guid.Empty, cancellationToken: cancellationToken);
    }
}
