using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Data;
using Safeguarding.Core.Performance;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Performance.Settings;

/// <summary>Every indicator with the target, tolerance and owner in force this financial year, and where to change them.</summary>
public sealed class IndexModel(SafeguardingDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(IndicatorDefinition Definition, IndicatorTargetBand? Band, int? BandYear, string Owner);

    public int Year { get; private set; }

    public IReadOnlyList<IGrouping<IndicatorGroup, Row>> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Year = SettingsForms.CurrentFinancialYear(clock);
        var month = new DateOnly(Year, 4, 1);
        var settings = await PerformanceSettings.LoadAsync(db, User.PartnershipId() ?? Guid.Empty, month, month, cancellationToken);
        Groups = DefaultIndicators.All
            .Select(d =>
            {
                var (band, year) = settings.BandFor(d, month);
                return new Row(d, band, year, settings.OwnerOf(d, month));
            })
            .GroupBy(r => r.Definition.Group)
            .ToList();
    }
}
