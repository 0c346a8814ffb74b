using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Children;

/// <summary>
/// Merges two records found to be the same person, and undoes it. Nothing moves and nothing is
/// deleted: the merged record points at the survivor, so every fact keeps the record (and agency)
/// it came from, and an unmerge gives back exactly what was there.
/// </summary>
public sealed class PersonMerging(SafeguardingDbContext db)
{
    public const int ShortestReason = 10;

    /// <summary>The field a refusal is keyed by when someone else changed a record since the page was loaded.</summary>
    public const string ChangedElsewhere = "Version";

    public const string ChangedElsewhereMessage = "Someone else changed these records while you were looking at them. Check the records and try again";

    /// <summary>Merges <paramref name="mergedId"/> into <paramref name="survivorId"/>; the versions are the ones the person saw.</summary>
    public async Task<ChangeResult<PersonMerge>> MergeAsync(Guid survivorId, Guid mergedId, string? reason, long survivorVersion, long mergedVersion, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var userId = context.UserId ?? throw new InvalidOperationException("Only a signed-in user can merge records.");
        var trimmed = reason?.Trim() ?? "";
        if (ReasonRefusal(trimmed, "Enter why these records are the same child", "Why these records are the same child") is { } refusedReason)
        {
            return ChangeResult<PersonMerge>.Refused("Reason", refusedReason);
        }

        if (survivorId == mergedId)
        {
            return ChangeResult<PersonMerge>.Refused("MergedId", "Choose a different record: a record cannot be merged with itself");
        }

        var people = await db.People.Where(p => p.Id == survivorId || p.Id == mergedId).ToListAsync(cancellationToken);
        var survivor = people.SingleOrDefault(p => p.Id == survivorId);
        var merged = people.SingleOrDefault(p => p.Id == mergedId);
        if (survivor is null || merged is null || survivor.PartnershipId != merged.PartnershipId)
        {
            return ChangeResult<PersonMerge>.Refused(survivor is null ? "SurvivorId" : "MergedId", "One of these records could not be found. It may have been removed");
        }

        if (survivor.MergedIntoId == mergedId)
        {
            return ChangeResult<PersonMerge>.Refused("SurvivorId", "The record you chose to keep is already merged into the other record. Keep the other record instead");
        }

        if (survivor.MergedIntoId is not null || merged.MergedIntoId is not null)
        {
            return ChangeResult<PersonMerge>.Refused(survivor.MergedIntoId is not null ? "SurvivorId" : "MergedId",
                "One of these records has already been merged into another record. Use the record it was merged into");
        }

        if (survivor.IsChild != merged.IsChild)
        {
            return ChangeResult<PersonMerge>.Refused("MergedId", "A child's record can only be merged with another child's record, and an adult's with an adult's");
        }

        if (survivor.NhsNumber is not null && merged.NhsNumber is not null && survivor.NhsNumber != merged.NhsNumber)
        {
            return ChangeResult<PersonMerge>.Refused("MergedId", "These records have different NHS numbers, so they cannot be the same person");
        }

        if (survivor.Version != survivorVersion || merged.Version != mergedVersion)
        {
            return ChangeResult<PersonMerge>.Refused(ChangedElsewhere, ChangedElsewhereMessage);
        }

        // The versions the person saw guard the save too, for a change that lands after the read above.
        db.Entry(survivor).Property(p => p.Version).OriginalValue = survivorVersion;
        db.Entry(merged).Property(p => p.Version).OriginalValue = mergedVersion;
        merged.MergedIntoId = survivorId;
        // A restriction is never lost: whoever could not see the merged record must not see it through the survivor.
        var restrictedByMerge = merged.IsRestricted && !survivor.IsRestricted;
        survivor.IsRestricted |= merged.IsRestricted;
        // The survivor's record changes too (it now holds more facts), so it takes a new version.
        db.Entry(survivor).State = EntityState.Modified;

        var merge = new PersonMerge
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = survivor.PartnershipId,
            SurvivorId = survivorId,
            MergedId = mergedId,
            Reason = trimmed,
            MergedAt = context.Now,
            MergedByUserId = userId,
        };
        db.PersonMerges.Add(merge);
        db.Record(new PeopleMerged(merge.Id, survivorId, mergedId, restrictedByMerge), context.WithReason(trimmed));
        return await SaveAsync(merge, cancellationToken);
    }

    /// <summary>Undoes a merge; <paramref name="version"/> is the merge's version the person saw.</summary>
    public async Task<ChangeResult<PersonMerge>> UnmergeAsync(Guid mergeId, string? reason, long version, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var userId = context.UserId ?? throw new InvalidOperationException("Only a signed-in user can unmerge records.");
        var trimmed = reason?.Trim() ?? "";
        if (ReasonRefusal(trimmed, "Enter why these records are not the same child", "Why these records are not the same child") is { } refusedReason)
        {
            return ChangeResult<PersonMerge>.Refused("Reason", refusedReason);
        }

        var merge = await db.PersonMerges.SingleOrDefaultAsync(m => m.Id == mergeId, cancellationToken);
        if (merge is null)
        {
            return ChangeResult<PersonMerge>.Refused("", "This merge could not be found");
        }

        if (merge.IsUndone)
        {
            return ChangeResult<PersonMerge>.Refused("", "This merge has already been undone");
        }

        if (merge.Version != version)
        {
            return ChangeResult<PersonMerge>.Refused(ChangedElsewhere, ChangedElsewhereMessage);
        }

        var merged = await db.People.SingleAsync(p => p.Id == merge.MergedId, cancellationToken);
        db.Entry(merge).Property(m => m.Version).OriginalValue = version;
        merged.MergedIntoId = null;
        merge.UnmergedAt = context.Now;
        merge.UnmergedByUserId = userId;
        merge.UnmergeReason = trimmed;
        db.Record(new PeopleUnmerged(merge.Id, merge.SurvivorId, merge.MergedId), context.WithReason(trimmed));
        return await SaveAsync(merge, cancellationToken);
    }

    /// <summary>
    /// The record to keep by default: the one known longest (its earliest recorded fact), or the
    /// first when neither has facts to tell.
    /// </summary>
    public async Task<Guid> OlderOfAsync(Guid first, Guid second, CancellationToken cancellationToken = default)
    {
        var ids = new[] { first, second };
        var recorded = await db.PersonNames.Where(n => ids.Contains(n.PersonId)).Select(n => new { n.PersonId, n.RecordedAt })
            .Concat(db.PersonIdentifiers.Where(n => ids.Contains(n.PersonId)).Select(n => new { n.PersonId, n.RecordedAt }))
            .Concat(db.PersonAddresses.Where(n => ids.Contains(n.PersonId)).Select(n => new { n.PersonId, n.RecordedAt }))
            .Concat(db.PersonSchools.Where(n => ids.Contains(n.PersonId)).Select(n => new { n.PersonId, n.RecordedAt }))
            .ToListAsync(cancellationToken);
        // Sorted in memory: SQLite cannot order instants stored as ticks through a union.
        var earliest = recorded.OrderBy(r => r.RecordedAt).FirstOrDefault();
        return earliest?.PersonId ?? first;
    }

    private static string? ReasonRefusal(string trimmed, string enter, string what) =>
        trimmed.Length == 0 ? enter
        : trimmed.Length < ShortestReason ? $"{what} must be {ShortestReason} characters or more"
        : null;

    private async Task<ChangeResult<PersonMerge>> SaveAsync(PersonMerge merge, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ChangeResult<PersonMerge>.Done(merge);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Forget the refused changes so a later save in this request (an access record) cannot carry them.
            db.ChangeTracker.Clear();
            return ChangeResult<PersonMerge>.Refused(ChangedElsewhere, ChangedElsewhereMessage);
        }
    }
}

/// <summary>Two records were merged. Identifiers only; the reason is the audit event's own reason.</summary>
public sealed record PeopleMerged(Guid MergeId, Guid SurvivorId, Guid MergedId, bool SurvivorRestrictedByMerge) : IDomainEvent
{
    public string SubjectType => RestrictedRecordAccess.PersonSubjectType;

    public string SubjectId => SurvivorId.ToString();
}

/// <summary>A merge was undone. Identifiers only; the reason is the audit event's own reason.</summary>
public sealed record PeopleUnmerged(Guid MergeId, Guid SurvivorId, Guid MergedId) : IDomainEvent
{
    public string SubjectType => RestrictedRecordAccess.PersonSubjectType;

    public string SubjectId => SurvivorId.ToString();
}
