using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;

namespace Safeguarding.Core.Workforce;

public sealed record AllocationForm(Guid? WorkerUserId, DateOnly? StartDate);

/// <summary>An allocation with the worker's name, for the child's allocation page.</summary>
public sealed record ChildAllocation(CaseAllocation Allocation, string? WorkerName);

/// <summary>
/// Which social worker holds a child's case, from a date until reallocated or closed: KPI 14's caseloads.
/// A child has one allocated worker at a time, so allocating ends the current allocation on the new one's
/// start date. The worker must be in a social worker post on that date.
/// </summary>
public sealed class CaseAllocations(SafeguardingDbContext db)
{
    public const string SubjectType = "CaseAllocation";

    /// <param name="currentSeen">The child's current allocation when the page was shown: a different one now means someone else changed it.</param>
    public async Task<ChangeResult<CaseAllocation>> AllocateAsync(Guid personId, Guid? currentSeen, AllocationForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var child = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Id, p.PartnershipId }).SingleOrDefaultAsync(cancellationToken);
        if (child is null)
        {
            return ChangeResult<CaseAllocation>.Refused("", "This child's record no longer exists");
        }

        var current = await CurrentAsync(personId, cancellationToken);
        if (current?.Id != currentSeen)
        {
            return ChangeResult<CaseAllocation>.Refused("", "Someone else has changed this child's allocation: check it and try again");
        }

        var errors = new Dictionary<string, string>();
        if (form.StartDate is not { } start)
        {
            errors[nameof(form.StartDate)] = "Enter the date the child was allocated";
        }
        else if (Episodes.IsInFuture(start, context))
        {
            errors[nameof(form.StartDate)] = "The date the child was allocated must be today or in the past";
        }
        else if (current is not null && start < current.StartDate)
        {
            errors[nameof(form.StartDate)] = $"The date the child was allocated must be on or after the current allocation started, {Episodes.Format(current.StartDate)}";
        }

        if (form.WorkerUserId is not { } worker)
        {
            errors[nameof(form.WorkerUserId)] = "Select the social worker";
        }
        else if (current?.WorkerUserId == worker)
        {
            errors[nameof(form.WorkerUserId)] = "The child is already allocated to this social worker";
        }
        else if (form.StartDate is { } on && !errors.ContainsKey(nameof(form.StartDate))
            && !await Establishment.SocialWorkersInPost(db, on).AnyAsync(u => u == worker, cancellationToken))
        {
            errors[nameof(form.WorkerUserId)] = $"Select a social worker who was in a social worker post on {Episodes.Format(on)}";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<CaseAllocation>(null, errors);
        }

        var allocation = Stage(db, child.PartnershipId, personId, current, form.WorkerUserId!.Value, form.StartDate!.Value, context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<CaseAllocation>.Done(allocation);
    }

    /// <summary>Ends the allocation (the child's case closed): on the caseload until the day before the end date.</summary>
    public async Task<ChangeResult<CaseAllocation>> EndAsync(Guid allocationId, DateOnly? endDate, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var allocation = await db.CaseAllocations.SingleOrDefaultAsync(a => a.Id == allocationId, cancellationToken);
        if (allocation is null)
        {
            return ChangeResult<CaseAllocation>.Refused("", "This allocation no longer exists");
        }

        var errors = new Dictionary<string, string>();
        if (allocation.EndDate is { } ended)
        {
            errors[""] = $"This allocation has already ended, on {Episodes.Format(ended)}";
        }
        else if (endDate is not { } end)
        {
            errors["EndDate"] = "Enter the date the allocation ends";
        }
        else if (end < allocation.StartDate)
        {
            errors["EndDate"] = $"The date the allocation ends must be on or after the date it started, {Episodes.Format(allocation.StartDate)}";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<CaseAllocation>(null, errors);
        }

        allocation.EndDate = endDate!.Value;
        db.Record(new CaseAllocationEnded(allocation.Id, allocation.PersonId, allocation.EndDate.Value), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<CaseAllocation>.Done(allocation);
    }

    public Task<CaseAllocation?> CurrentAsync(Guid personId, CancellationToken cancellationToken = default) =>
        db.CaseAllocations.Where(a => a.PersonId == personId && a.EndDate == null)
            .OrderByDescending(a => a.StartDate).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The child's allocations, latest first, with the workers' names.</summary>
    public async Task<List<ChildAllocation>> HistoryAsync(Guid personId, Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var allocations = await db.CaseAllocations.AsNoTracking().Where(a => a.PersonId == personId)
            .OrderByDescending(a => a.StartDate).ThenByDescending(a => a.RecordedAt).ToListAsync(cancellationToken);
        var names = await Establishment.NamesAsync(db, partnershipId, allocations.Select(a => a.WorkerUserId).Distinct().ToList(), cancellationToken);
        return allocations.Select(a => new ChildAllocation(a, names.GetValueOrDefault(a.WorkerUserId))).ToList();
    }

    /// <summary>Social workers in a social worker post on the day, by name: who a child can be allocated to.</summary>
    public async Task<List<PostCandidate>> SocialWorkersAsync(Guid partnershipId, DateOnly on, CancellationToken cancellationToken = default)
    {
        var workers = await Establishment.SocialWorkersInPost(db, on).Distinct().ToListAsync(cancellationToken);
        var names = await Establishment.NamesAsync(db, partnershipId, workers, cancellationToken);
        return names.Select(n => new PostCandidate(n.Key, n.Value)).OrderBy(c => c.Name).ToList();
    }

    /// <summary>
    /// An assessment allocated to a social worker puts the child on their caseload, in the assessment's
    /// transaction, unless they already hold the case. A later allocation already on record stands.
    /// </summary>
    internal static async Task AllocateForAssessmentAsync(SafeguardingDbContext db, Guid partnershipId, Guid personId, Guid worker, DateOnly on, ProcessContext context, CancellationToken cancellationToken)
    {
        var current = await db.CaseAllocations.Where(a => a.PersonId == personId && a.EndDate == null)
            .OrderByDescending(a => a.StartDate).FirstOrDefaultAsync(cancellationToken);
        if (current is null || (current.WorkerUserId != worker && current.StartDate <= on))
        {
            Stage(db, partnershipId, personId, current, worker, on, context);
        }
    }

    private static CaseAllocation Stage(SafeguardingDbContext db, Guid partnershipId, Guid personId, CaseAllocation? current, Guid worker, DateOnly start, ProcessContext context)
    {
        if (current is not null)
        {
            // Reallocation: the previous worker holds the case until the day before the new start.
            current.EndDate = start;
            db.Record(new CaseAllocationEnded(current.Id, current.PersonId, start), context);
        }

        var allocation = new CaseAllocation
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = partnershipId,
            PersonId = personId,
            WorkerUserId = worker,
            StartDate = start,
            RecordedAt = context.Now,
            RecordedByUserId = context.UserId,
        };
        db.CaseAllocations.Add(allocation);
        db.Record(new CaseAllocated(allocation.Id, personId, worker, start, current?.Id), context);
        return allocation;
    }
}
