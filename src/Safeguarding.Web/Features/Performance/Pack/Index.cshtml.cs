using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;
using Safeguarding.Web.Reporting;

namespace Safeguarding.Web.Features.Performance.Pack;

/// <summary>The monthly pack: each indicator with its figure, comparison, target, status, trend, comparators and commentary; as a PDF with ?format=pdf.</summary>
[PrintableAsPdf("performance-pack-{month}")]
public sealed class IndexModel(PerformancePack pack, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public DateOnly Month { get; private set; }

    public IReadOnlyList<DateOnly> Months { get; private set; } = [];

    public MonthlyPack? Pack { get; private set; }

    public bool CanComment { get; private set; }

    public bool CanSeeRecords { get; private set; }

    public bool CanEnterFigures { get; private set; }

    /// <summary>The printed pack (PDF) drops links, pickers and buttons.</summary>
    public bool ForPrint { get; private set; }

    public async Task OnGetAsync(string? month, CancellationToken cancellationToken)
    {
        ForPrint = PrintAsPdf.IsRequested(Request);
        var now = clock.GetUtcNow();
        Month = PerformanceText.MonthFrom(month, now);
        Months = PerformanceText.MonthChoices(now);
        if (User.PartnershipId() is { } partnershipId)
        {
            Pack = await pack.BuildAsync(partnershipId, Month, cancellationToken);
            CanComment = !ForPrint && !Pack.IsSignedOff && (await authorization.AuthorizeAsync(User, AccessPolicies.PerformanceCommentary)).Succeeded;
            CanSeeRecords = !ForPrint && (await authorization.AuthorizeAsync(User, AccessPolicies.PerformanceRecords)).Succeeded;
            CanEnterFigures = !ForPrint && !Pack.IsSignedOff && (await authorization.AuthorizeAsync(User, AccessPolicies.PerformanceSettings)).Succeeded;
        }
    }
}
