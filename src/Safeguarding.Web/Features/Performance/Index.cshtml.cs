using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance;

/// <summary>All indicators at a glance for a month: status, trend, months on target; and the rates per 10,000 against published figures.</summary>
public sealed class IndexModel(PerformancePack pack, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public DateOnly Month { get; private set; }

    public IReadOnlyList<DateOnly> Months { get; private set; } = [];

    public MonthlyPack? Pack { get; private set; }

    public bool CanSignOff { get; private set; }

    public bool CanChangeSettings { get; private set; }

    public bool CanDownloadAnnexA { get; private set; }

    public IEnumerable<PackIndicator> Kpis => Pack?.Indicators.Where(i => i.Definition.Group == IndicatorGroup.ContractKpi) ?? [];

    public IEnumerable<PackIndicator> Rates => Pack?.Indicators.Where(i => i.Definition.Group == IndicatorGroup.HeadlineRate) ?? [];

    public IEnumerable<PackIndicator> Activity => Pack?.Indicators.Where(i => i.Definition.Group == IndicatorGroup.Activity) ?? [];

    public async Task OnGetAsync(string? month, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Month = PerformanceText.MonthFrom(month, now);
        Months = PerformanceText.MonthChoices(now);
        CanChangeSettings = (await authorization.AuthorizeAsync(User, AccessPolicies.PerformanceSettings)).Succeeded;
        CanDownloadAnnexA = (await authorization.AuthorizeAsync(User, AccessPolicies.PerformanceRecords)).Succeeded;
        if (User.PartnershipId() is { } partnershipId)
        {
            Pack = await pack.BuildAsync(partnershipId, Month, cancellationToken);
            CanSignOff = !Pack.IsSignedOff && (await authorization.AuthorizeAsync(User, AccessPolicies.PerformanceSignOff)).Succeeded;
        }
    }

    public int Count(IndicatorStatus status) => Kpis.Count(i => i.Status == status);
}
