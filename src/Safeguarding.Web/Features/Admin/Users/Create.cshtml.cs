using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Admin.Users;

public sealed class CreateModel(SafeguardingDbContext db, UserDirectory directory, ActorContext actor) : PageModel
{
    public sealed class NewUserInput
    {
        [Required(ErrorMessage = "Enter the user's full name")]
        [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Enter the user's email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.org")]
        public string? Email { get; set; }

        [StringLength(200, ErrorMessage = "Job title must be 200 characters or fewer")]
        public string? JobTitle { get; set; }

        [Required(ErrorMessage = "Select the user's agency")]
        public Guid? AgencyId { get; set; }

        public List<string> Roles { get; set; } = [];

        [Required(ErrorMessage = "Enter a first password for the user")]
        public string? InitialPassword { get; set; }
    }

    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Agencies = await UserPageData.AgenciesAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Roles.Count == 0)
        {
            ModelState.AddModelError("Input.Roles", "Select at least one role");
        }

        if (ModelState.IsValid)
        {
            var form = new NewUserForm(Input.DisplayName!, Input.Email!, Input.JobTitle, Input.AgencyId!.Value, Input.Roles, Input.InitialPassword!);
            var result = await directory.CreateUserAsync(form, actor.Current(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Notice"] = $"{result.Value!.DisplayName} added. Give them their first password in person or by phone; they will set up an authenticator app when they first sign in";
                return RedirectToPage("Index");
            }

            ModelState.AddErrors(result);
        }

        Agencies = await UserPageData.AgenciesAsync(db, cancellationToken);
        return Page();
    }
}
