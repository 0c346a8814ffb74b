using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Children;

/// <summary>Who may open a restricted record, and breaking glass to open one with a reason.</summary>
public sealed class RestrictedRecordAccess(SafeguardingDbContext db)
{
    public const string PersonSubjectType = "Person";
    public const int ShortestReason = 10;

    /// <summary>Whether the user holds an unexpired break-glass grant for the person.</summary>
    public Task<bool> IsGrantedAsync(Guid userId, Guid personId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.BreakGlassAccesses.AnyAsync(a => a.UserId == userId && a.PersonId == personId && a.ExpiresAt > now, cancellationToken);

    /// <summary>Of the given people, those the user holds an unexpired break-glass grant for.</summary>
    public async Task<IReadOnlySet<Guid>> GrantedAmongAsync(Guid userId, IReadOnlyCollection<Guid> personIds, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (personIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var granted = await db.BreakGlassAccesses
            .Where(a => a.UserId == userId && personIds.Contains(a.PersonId) && a.ExpiresAt > now)
            .Select(a => a.PersonId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return granted.ToHashSet();
    }

    /// <summary>Opens a restricted record for the user in the context, for <see cref="BreakGlassAccess.Lasts"/>.</summary>
    public async Task<ChangeResult<BreakGlassAccess>> BreakGlassAsync(Guid personId, string? reason, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var userId = context.UserId ?? throw new InvalidOperationException("Only a signed-in user can break glass.");
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return ChangeResult<BreakGlassAccess>.Refused("Reason", "Enter why you need to see this record");
        }

        if (trimmed.Length < ShortestReason)
        {
            return ChangeResult<BreakGlassAccess>.Refused("Reason", $"Why you need to see this record must be {ShortestReason} characters or more");
        }

        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.PartnershipId, p.IsRestricted }).SingleOrDefaultAsync(cancellationToken);
        if (person is null || !person.IsRestricted)
        {
            return ChangeResult<BreakGlassAccess>.Refused("", "This record is not restricted");
        }

        var access = new BreakGlassAccess
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = person.PartnershipId,
            PersonId = personId,
            UserId = userId,
            Reason = trimmed,
            GrantedAt = context.Now,
            ExpiresAt = context.Now + BreakGlassAccess.Lasts,
        };
        db.BreakGlassAccesses.Add(access);
        db.Record(new RestrictedRecordOpened(access.Id, personId, userId, access.ExpiresAt), context.WithReason(trimmed));
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<BreakGlassAccess>.Done(access);
    }
}
