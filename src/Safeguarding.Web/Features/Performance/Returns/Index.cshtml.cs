using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Reporting;
using Safeguarding.Core.Returns;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Returns;

/// <summary>
/// Checks a statutory return before it goes to the DfE: built from the records for a collection year, or uploaded.
/// The findings are grouped by rule, can be narrowed to a rule or a child, link to the child's record so the data
/// can be put right at source, and are worked out afresh each time the page is asked for (so "check again" after a
/// fix shows the fix). Results list children, so each check is recorded in the audit trail.
/// </summary>
public sealed class IndexModel(SafeguardingDbContext db, ActorContext actor, TimeProvider clock, UploadedReturns uploads, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 50;

    public const string SubjectType = "StatutoryReturnCheck";

    public const string AccessPurpose = "Checking a statutory return before it is submitted";

    /// <summary>"cin-census" or "ssda903".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Return { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Uploaded files kept for this person (see <see cref="UploadedReturns"/>); none when checking the records.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Upload { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Child { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Rule { get; set; }

    public ReturnCheck? Check { get; private set; }

    /// <summary>The findings the filters leave, in rule then child order.</summary>
    public IReadOnlyList<ReturnFinding> Matching { get; private set; } = [];

    public IReadOnlyList<ReturnFinding> Shown { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    /// <summary>The record each shown child id names, when the person may open children's records.</summary>
    public IReadOnlyDictionary<string, Guid> Records { get; private set; } = new Dictionary<string, Guid>();

    public string? UploadedNames { get; private set; }

    /// <summary>The collection year under way today (2027 runs from 1 April 2026 to 31 March 2027).</summary>
    public int CurrentYear => CollectionYearOf(LondonTime.DateOf(clock.GetUtcNow()));

    /// <summary>The years offered: the one under way and the two before it (the schemas held go back to 2024-25).</summary>
    public IEnumerable<int> Years => YearsTo(CurrentYear);

    public static IEnumerable<int> YearsTo(int currentYear) => Enumerable.Range(0, 3).Select(i => currentYear - i);

    public static int CollectionYearOf(DateOnly day) => day.Month >= 4 ? day.Year + 1 : day.Year;

    public static string Name(StatutoryReturn kind) => kind == StatutoryReturn.CinCensus ? "CIN census" : "SSDA903 (children looked after)";

    public static string YearName(int year) => $"{year - 1}-{year % 100:00}";

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        if (User.PartnershipId() is null || User.UserId() is not { } userId)
        {
            return NotFound();
        }

        if (Upload is { } uploadId)
        {
            if (uploads.Find(userId, uploadId) is not { } upload)
            {
                // Kept for half an hour only: say so rather than show an empty result.
                TempData["Notice"] = "Those files are no longer kept. Upload them again to check them.";
                return Redirect("/performance/returns");
            }

            Return = Key(upload.Return);
            Year = upload.CollectionYear;
            UploadedNames = string.Join(", ", upload.Files.Select(f => f.Name));
            Check = ReturnChecks.OfFiles(upload.Return, upload.CollectionYear, upload.Files);
        }
        else if (Return is not null || Year is not null)
        {
            if (Chosen() is not { } kind || Year is not { } year)
            {
                return Page();
            }

            Check = await ReturnChecks.OfRecordsAsync(db, kind, year, clock.GetUtcNow(), cancellationToken);
        }

        if (Check is null)
        {
            Year = CurrentYear;
            return Page();
        }

        await RecordCheckAsync(Check, cancellationToken);
        Matching = Filtered(Check.Findings);
        PageCount = Math.Max(1, (int)Math.Ceiling(Matching.Count / (double)PageSize));
        PageNumber = Math.Clamp(pageNumber ?? 1, 1, PageCount);
        Shown = Matching.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        if ((await authorization.AuthorizeAsync(User, AccessPolicies.Children)).Succeeded)
        {
            Records = await ReturnChecks.RecordsAsync(db, Shown.Select(f => f.Child), cancellationToken);
        }

        return Page();
    }

    /// <summary>Every finding the filters leave, as a CSV file to work through or share with the team fixing the data.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (User.PartnershipId() is null || User.UserId() is not { } userId)
        {
            return NotFound();
        }

        ReturnCheck check;
        if (Upload is { } uploadId)
        {
            if (uploads.Find(userId, uploadId) is not { } upload)
            {
                return NotFound();
            }

            check = ReturnChecks.OfFiles(upload.Return, upload.CollectionYear, upload.Files);
        }
        else if (Chosen() is { } kind && Year is { } year)
        {
            check = await ReturnChecks.OfRecordsAsync(db, kind, year, clock.GetUtcNow(), cancellationToken);
        }
        else
        {
            return NotFound();
        }

        await RecordCheckAsync(check, cancellationToken);
        var stream = new MemoryStream();
        await using (var csv = new CsvWriter(stream, leaveOpen: true))
        {
            csv.WriteRow("Rule", "Error or query", "Child", "Where", "Fields", "Message");
            foreach (var finding in check.FileProblems.Select(p => new ReturnFinding("File", true, "", "", [], p)).Concat(Filtered(check.Findings)))
            {
                csv.WriteRow(finding.Rule, finding.IsError ? "Error" : "Query", finding.Child, finding.Where, string.Join(" ", finding.Fields), finding.Message);
            }
        }

        stream.Position = 0;
        return File(stream, CsvWriter.ContentType, $"{Key(check.Return)}-{check.CollectionYear}-checks.csv");
    }

    /// <summary>The link to this page with the current check and filters, changed as asked.</summary>
    public string Link(string? rule = null, string? child = null, int? page = null, bool csv = false)
    {
        var query = new List<string>();
        if (Upload is { } upload)
        {
            query.Add($"upload={upload}");
        }
        else
        {
            query.Add($"return={Return}");
            query.Add($"year={Year}");
        }

        if (csv)
        {
            query.Add("handler=csv");
        }

        if ((rule ?? Rule) is { Length: > 0 } chosenRule)
        {
            query.Add($"rule={Uri.EscapeDataString(chosenRule)}");
        }

        if ((child ?? Child) is { Length: > 0 } chosenChild)
        {
            query.Add($"child={Uri.EscapeDataString(chosenChild)}");
        }

        if (page is > 1)
        {
            query.Add($"page={page}");
        }

        return "/performance/returns?" + string.Join("&", query);
    }

    /// <summary>A check lists children, so it is recorded as a look at their records: which return, which year, from where.</summary>
    private Task RecordCheckAsync(ReturnCheck check, CancellationToken cancellationToken) =>
        db.RecordAccessAsync(SubjectType, $"{Key(check.Return)} {check.CollectionYear}{(Upload is null ? "" : " upload")}", AccessPurpose, actor.Current(), cancellationToken);

    public static string Key(StatutoryReturn kind) => kind == StatutoryReturn.CinCensus ? "cin-census" : "ssda903";

    private StatutoryReturn? Chosen() => Choose(Return, Year, CurrentYear, ModelState);

    /// <summary>The return and year a form chose, or null with the errors added when either is missing or not offered.</summary>
    public static StatutoryReturn? Choose(string? chosenReturn, int? year, int currentYear, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        StatutoryReturn? kind = chosenReturn switch
        {
            "cin-census" => StatutoryReturn.CinCensus,
            "ssda903" => StatutoryReturn.Ssda903,
            _ => null,
        };
        if (kind is null)
        {
            modelState.AddModelError(nameof(Return), "Select the return to check");
        }

        if (year is null)
        {
            modelState.AddModelError(nameof(Year), "Select the collection year");
        }
        else if (!YearsTo(currentYear).Contains(year.Value))
        {
            modelState.AddModelError(nameof(Year), $"Select a collection year from {YearName(currentYear - 2)} to {YearName(currentYear)}");
        }

        return modelState.IsValid ? kind : null;
    }

    private List<ReturnFinding> Filtered(IEnumerable<ReturnFinding> findings)
    {
        var child = Child?.Trim();
        return findings
            .Where(f => string.IsNullOrEmpty(Rule) || f.Rule == Rule)
            .Where(f => string.IsNullOrEmpty(child) || f.Child.Equals(child, StringComparison.OrdinalIgnoreCase))
            // Stable: within a rule, the order the file has them in.
            .OrderByDescending(f => f.IsError).ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ToList();
    }
}
