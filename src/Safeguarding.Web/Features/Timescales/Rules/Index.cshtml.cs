using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguarding.Core.Data;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Web.Features.Timescales.Rules;

/// <summary>Every timescale rule with the partnership's local versions.</summary>
public sealed class IndexModel(TimescaleRuleAdministration rules) : PageModel
{
    public IReadOnlyList<TimescaleRule> Rules => DefaultTimescaleRules.All;

    public ILookup<string, TimescaleRuleOverride> LocalVersions { get; private set; } = Array.Empty<TimescaleRuleOverride>().ToLookup(o => o.RuleId);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var overrides = await rules.OverridesAsync(cancellationToken);
        LocalVersions = overrides.ToLookup(o => o.RuleId, StringComparer.Ordinal);
    }
}
