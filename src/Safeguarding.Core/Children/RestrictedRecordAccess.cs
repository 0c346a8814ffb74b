using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Notifications;

namespace Safeguarding.Core.Children;

/// <summary>
/// Who may open a restricted record: its named users, and anyone who breaks glass with a reason (the
/// owners are told by email). Restricting a record and naming users are decisions of its owner or an
/// administrator, each recorded with a reason.
/// </summary>
public sealed class RestrictedRecordAccess(SafeguardingDbContext db, ServiceAddress? service = null)
{
    public const string BreakGlassNotificationKind = "restricted-record-opened";

    public const string PersonSubjectType = "Person";
    public const int ShortestReason = 10;

    /// <summary>Whether the user holds an unexpired break-glass grant for the person.</summary>
    public Task<bool> IsGrantedAsync(Guid userId, Guid personId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.BreakGlassAccesses.AnyAsync(a => a.UserId == userId && a.PersonId == personId && a.ExpiresAt > now, cancellationToken);

    /// <summary>Whether the user is named on the person's record (owner or not) and has not been removed.</summary>
    public Task<bool> IsNamedAsync(Guid userId, Guid personId, CancellationToken cancellationToken = default) =>
        db.NamedRecordAccesses.AnyAsync(a => a.UserId == userId && a.PersonId == personId && a.RemovedAt == null, cancellationToken);

    /// <summary>Of the given people, those the user is named on or holds an unexpired break-glass grant for.</summary>
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
        var named = await db.NamedRecordAccesses
            .Where(a => a.UserId == userId && personIds.Contains(a.PersonId) && a.RemovedAt == null)
            .Select(a => a.PersonId)
            .ToListAsync(cancellationToken);
        return granted.Concat(named).ToHashSet();
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
        await QueueOwnerNotificationsAsync(access, context, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<BreakGlassAccess>.Done(access);
    }

    /// <summary>
    /// Tells each owner that someone opened their restricted record: who and when, and a link to the
    /// access page where the reason is. No child's name or reason leaves the system by email.
    /// </summary>
    private async Task QueueOwnerNotificationsAsync(BreakGlassAccess access, ProcessContext context, CancellationToken cancellationToken)
    {
        var owners = await db.NamedRecordAccesses.AsNoTracking()
            .Where(a => a.PersonId == access.PersonId && a.IsOwner && a.RemovedAt == null && a.UserId != access.UserId)
            .Join(db.Users.Where(u => u.IsActive && u.Email != null), a => a.UserId, u => u.Id, (a, u) => new { u.Id, u.Email })
            .Distinct()
            .ToListAsync(cancellationToken);
        var when = LondonTime.ToLondon(access.GrantedAt).ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"));
        var link = (service ?? new ServiceAddress(ServiceAddress.Development)).Link($"/children/{access.PersonId}/access");
        foreach (var owner in owners)
        {
            var notification = new OutboxNotification
            {
                Id = Guid.CreateVersion7(context.Now),
                PartnershipId = access.PartnershipId,
                Kind = BreakGlassNotificationKind,
                RecipientUserId = owner.Id,
                RecipientEmail = owner.Email!,
                Subject = "A restricted record you own was opened",
                Body = $"{context.ActorName} broke glass to open a restricted record you own on {when}.\n\n"
                    + $"See who has opened it and why: {link}",
                Reference = $"{BreakGlassNotificationKind}:{access.Id}",
                Status = NotificationStatus.Pending,
                CreatedAt = context.Now,
                NextAttemptAt = context.Now,
            };
            db.OutboxNotifications.Add(notification);
            db.Record(new NotificationQueued(notification.Id, notification.Kind, owner.Id, notification.Reference), context);
        }
    }

    /// <summary>The record's owners (usually one) and other named users, removed ones included, oldest first.</summary>
    public Task<List<NamedRecordAccess>> NamedUsersAsync(Guid personId, CancellationToken cancellationToken = default) =>
        db.NamedRecordAccesses.AsNoTracking().Where(a => a.PersonId == personId)
            .OrderBy(a => a.GrantedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>The record's owner or an administrator: they decide who sees it.</summary>
    public async Task<bool> CanManageAsync(Guid userId, Guid personId, CancellationToken cancellationToken = default) =>
        await db.NamedRecordAccesses.AnyAsync(a => a.PersonId == personId && a.UserId == userId && a.IsOwner && a.RemovedAt == null, cancellationToken)
        || await IsAdministratorAsync(userId, cancellationToken);

    /// <summary>
    /// Restricts the record. The owner or an administrator may; so may anyone when the record has no
    /// owner yet, and whoever restricts an ownerless record becomes its owner.
    /// </summary>
    public async Task<ChangeResult<Person>> RestrictAsync(Guid personId, string? reason, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var userId = context.UserId ?? throw new InvalidOperationException("Only a signed-in user can restrict a record.");
        if (CheckReason(reason, "restricting") is { } refused)
        {
            return ChangeResult<Person>.Refused(nameof(reason), refused);
        }

        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return ChangeResult<Person>.Refused("", "There is no such record");
        }

        if (person.IsRestricted)
        {
            return ChangeResult<Person>.Refused("", "This record is already restricted");
        }

        var hasOwner = await db.NamedRecordAccesses.AnyAsync(a => a.PersonId == personId && a.IsOwner && a.RemovedAt == null, cancellationToken);
        if (hasOwner && !await CanManageAsync(userId, personId, cancellationToken))
        {
            return ChangeResult<Person>.Refused("", "Only the record's owner or an administrator can restrict it");
        }

        person.IsRestricted = true;
        var withReason = context.WithReason(reason!.Trim());
        db.Record(new RecordRestricted(personId), withReason);
        if (!hasOwner)
        {
            Name(person, userId, isOwner: true, withReason);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<Person>.Done(person);
    }

    /// <summary>Lifts the restriction; the named users stay, in case it is restricted again.</summary>
    public async Task<ChangeResult<Person>> UnrestrictAsync(Guid personId, string? reason, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var userId = context.UserId ?? throw new InvalidOperationException("Only a signed-in user can lift a restriction.");
        if (CheckReason(reason, "lifting the restriction") is { } refused)
        {
            return ChangeResult<Person>.Refused(nameof(reason), refused);
        }

        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null || !person.IsRestricted)
        {
            return ChangeResult<Person>.Refused("", "This record is not restricted");
        }

        if (!await CanManageAsync(userId, personId, cancellationToken))
        {
            return ChangeResult<Person>.Refused("", "Only the record's owner or an administrator can lift the restriction");
        }

        person.IsRestricted = false;
        db.Record(new RecordUnrestricted(personId), context.WithReason(reason!.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<Person>.Done(person);
    }

    /// <summary>
    /// Names a user on the record so they open it without breaking glass (owner or administrator only).
    /// Naming them as an owner too lets an administrator give a record restricted before owners existed
    /// someone to tell about break glass.
    /// </summary>
    public async Task<ChangeResult<NamedRecordAccess>> NameUserAsync(Guid personId, Guid namedUserId, string? reason, ProcessContext context, bool asOwner = false, CancellationToken cancellationToken = default)
    {
        var userId = context.UserId ?? throw new InvalidOperationException("Only a signed-in user can name a user.");
        if (!await CanManageAsync(userId, personId, cancellationToken))
        {
            return ChangeResult<NamedRecordAccess>.Refused("", "Only the record's owner or an administrator can name users");
        }

        if (CheckReason(reason, "naming this user") is { } refused)
        {
            return ChangeResult<NamedRecordAccess>.Refused(nameof(reason), refused);
        }

        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return ChangeResult<NamedRecordAccess>.Refused("", "There is no such record");
        }

        var sameTeam = await db.Users.AnyAsync(u => u.Id == namedUserId && u.PartnershipId == person.PartnershipId && u.IsActive, cancellationToken);
        if (!sameTeam)
        {
            return ChangeResult<NamedRecordAccess>.Refused(nameof(namedUserId), "Select a user from your partnership");
        }

        if (await IsNamedAsync(namedUserId, personId, cancellationToken))
        {
            return ChangeResult<NamedRecordAccess>.Refused(nameof(namedUserId), "This user is already named on the record");
        }

        var named = Name(person, namedUserId, asOwner, context.WithReason(reason!.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<NamedRecordAccess>.Done(named);
    }

    /// <summary>Removes a named user (owner or administrator only). The row stays, with when and by whom.</summary>
    public async Task<ChangeResult<NamedRecordAccess>> RemoveNamedUserAsync(Guid namedRecordAccessId, string? reason, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var userId = context.UserId ?? throw new InvalidOperationException("Only a signed-in user can remove a named user.");
        var named = await db.NamedRecordAccesses.SingleOrDefaultAsync(a => a.Id == namedRecordAccessId && a.RemovedAt == null, cancellationToken);
        if (named is null)
        {
            return ChangeResult<NamedRecordAccess>.Refused("", "This user is not named on the record");
        }

        if (!await CanManageAsync(userId, named.PersonId, cancellationToken))
        {
            return ChangeResult<NamedRecordAccess>.Refused("", "Only the record's owner or an administrator can remove named users");
        }

        if (CheckReason(reason, "removing this user") is { } refused)
        {
            return ChangeResult<NamedRecordAccess>.Refused(nameof(reason), refused);
        }

        named.RemovedAt = context.Now;
        named.RemovedByUserId = userId;
        db.Record(new NamedUserRemoved(named.Id, named.PersonId, named.UserId), context.WithReason(reason!.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<NamedRecordAccess>.Done(named);
    }

    /// <summary>Every break glass on the record, newest first.</summary>
    public Task<List<BreakGlassAccess>> BreakGlassLogAsync(Guid personId, CancellationToken cancellationToken = default) =>
        db.BreakGlassAccesses.AsNoTracking().Where(a => a.PersonId == personId)
            .OrderByDescending(a => a.GrantedAt).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);

    private NamedRecordAccess Name(Person person, Guid namedUserId, bool isOwner, ProcessContext context)
    {
        var named = new NamedRecordAccess
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = person.PartnershipId,
            PersonId = person.Id,
            UserId = namedUserId,
            IsOwner = isOwner,
            GrantedAt = context.Now,
            GrantedByUserId = context.UserId,
        };
        db.NamedRecordAccesses.Add(named);
        db.Record(new NamedUserAdded(named.Id, person.Id, namedUserId, isOwner), context);
        return named;
    }

    private Task<bool> IsAdministratorAsync(Guid userId, CancellationToken cancellationToken) =>
        db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .AnyAsync(name => name == Roles.Administrator, cancellationToken);

    private static string? CheckReason(string? reason, string doing)
    {
        var trimmed = reason?.Trim() ?? "";
        return trimmed.Length == 0 ? $"Enter why you are {doing}"
            : trimmed.Length < ShortestReason ? $"Why you are {doing} must be {ShortestReason} characters or more"
            : null;
    }
}

/// <summary>A record was restricted: only named users open it now. Ids only; the reason is the audit event's.</summary>
public sealed record RecordRestricted(Guid PersonId) : IDomainEvent
{
    public string SubjectType => RestrictedRecordAccess.PersonSubjectType;

    public string SubjectId => PersonId.ToString();
}

/// <summary>A record's restriction was lifted.</summary>
public sealed record RecordUnrestricted(Guid PersonId) : IDomainEvent
{
    public string SubjectType => RestrictedRecordAccess.PersonSubjectType;

    public string SubjectId => PersonId.ToString();
}

/// <summary>A user was named on a record (as its owner, or not).</summary>
public sealed record NamedUserAdded(Guid NamedRecordAccessId, Guid PersonId, Guid UserId, bool IsOwner) : IDomainEvent
{
    public string SubjectType => RestrictedRecordAccess.PersonSubjectType;

    public string SubjectId => PersonId.ToString();
}

/// <summary>A named user was removed from a record.</summary>
public sealed record NamedUserRemoved(Guid NamedRecordAccessId, Guid PersonId, Guid UserId) : IDomainEvent
{
    public string SubjectType => RestrictedRecordAccess.PersonSubjectType;

    public string SubjectId => PersonId.ToString();
}
