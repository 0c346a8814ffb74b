using System.Collections.Concurrent;

namespace Safeguarding.Core.Performance;

/// <summary>
/// Built packs, kept while nothing has been written since. Every business write appends to the audit
/// chain, so the chain head's sequence is the data's version: a pack built at the same sequence is
/// still exact, and any write (a referral, a target, a comment, a sign-off) makes the next read rebuild.
/// A pack is 23 indicators by 24 months, so a few dozen of them cost little memory.
/// </summary>
public sealed class PerformancePackCache
{
    private const int MaxPacks = 48;
    private readonly ConcurrentDictionary<(Guid Partnership, DateOnly Month), (long Version, MonthlyPack Pack)> packs = new();

    public bool TryGet(Guid partnershipId, DateOnly month, long version, out MonthlyPack pack)
    {
        if (packs.TryGetValue((partnershipId, month), out var entry) && entry.Version == version)
        {
            pack = entry.Pack;
            return true;
        }

        pack = null!;
        return false;
    }

    public void Store(Guid partnershipId, DateOnly month, long version, MonthlyPack pack)
    {
        if (packs.Count >= MaxPacks)
        {
            // Anything older than this version is stale anyway; drop those first, else start again.
            foreach (var stale in packs.Where(p => p.Value.Version < version).Select(p => p.Key).ToList())
            {
                packs.TryRemove(stale, out _);
            }

            if (packs.Count >= MaxPacks)
            {
                packs.Clear();
            }
        }

        packs[(partnershipId, month)] = (version, pack);
    }
}
