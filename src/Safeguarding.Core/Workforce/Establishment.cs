using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;

namespace Safeguarding.Core.Workforce;

/// <summary>A new post as the form gives it; nullable where a person types or chooses it.</summary>
public sealed record PostForm(string? Reference, string? Team, WorkforceRole? Role, DateOnly? EstablishedOn);

/// <summary>Who fills a post, on what terms, from when.</summary>
public sealed record FillPostForm(Guid? UserId, Employment? Employment, DateOnly? StartDate);

/// <summary>A post with the holding in force on the day (none when vacant), for the establishment page.</summary>
public sealed record EstablishedPost(WorkforcePost Post, PostHolding? Holding, string? HolderName);

/// <summary>Someone who can hold a post: a user with the social worker or team manager role.</summary>
public sealed record PostCandidate(Guid UserId, string Name);

/// <summary>
/// The establishment KPI 13 measures: posts added from a date, filled by one holder at a time
/// (permanent or agency), holdings ended, posts deleted once nobody holds them. Each change moves the
/// post's version, so two people changing the same post at once cannot both succeed.
/// </summary>
public sealed class Establishment(SafeguardingDbContext db)
{
    public const string SubjectType = "WorkforcePost";
    public const int ReferenceLength = 50;
    public const int TeamLength = 100;

    public async Task<ChangeResult<WorkforcePost>> AddPostAsync(PostForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var partnershipId = context.PartnershipId ?? throw new InvalidOperationException("A post belongs to a partnership.");
        var errors = new Dictionary<string, string>();
        var reference = Episodes.Blank(form.Reference);
        var team = Episodes.Blank(form.Team);
        if (reference is null)
        {
            errors[nameof(form.Reference)] = "Enter the post reference, for example SW-0142";
        }
        else if (reference.Length > ReferenceLength)
        {
            errors[nameof(form.Reference)] = $"The post reference must be {ReferenceLength} characters or fewer";
        }
        else if (await db.WorkforcePosts.AnyAsync(p => p.PartnershipId == partnershipId && p.Reference == reference, cancellationToken))
        {
            errors[nameof(form.Reference)] = $"A post with the reference {reference} already exists";
        }

        if (team is null)
        {
            errors[nameof(form.Team)] = "Enter the team the post is in";
        }
        else if (team.Length > TeamLength)
        {
            errors[nameof(form.Team)] = $"The team must be {TeamLength} characters or fewer";
        }

        if (form.Role is not { } role || !Enum.IsDefined(role))
        {
            errors[nameof(form.Role)] = "Select whether the post is a social worker's or a team manager's";
        }

        if (form.EstablishedOn is null)
        {
            errors[nameof(form.EstablishedOn)] = "Enter the date the post was established";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<WorkforcePost>(null, errors);
        }

        var post = new WorkforcePost
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = partnershipId,
            Reference = reference!,
            Team = team!,
            Role = form.Role!.Value,
            EstablishedOn = form.EstablishedOn!.Value,
        };
        db.WorkforcePosts.Add(post);
        db.Record(new WorkforcePostAdded(post.Id, post.Reference, post.Team, post.Role, post.EstablishedOn), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<WorkforcePost>.Done(post);
    }

    /// <summary>Takes the post off the establishment from a date: it counts until the day before.</summary>
    public async Task<ChangeResult<WorkforcePost>> DeletePostAsync(Guid postId, long version, DateOnly? deletedOn, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var post = await LoadAsync(postId, version, cancellationToken);
        if (post is null)
        {
            return ChangeResult<WorkforcePost>.Refused("", "This post no longer exists");
        }

        var errors = new Dictionary<string, string>();
        if (post.DeletedOn is { } deleted)
        {
            errors[""] = $"This post was already deleted from {Episodes.Format(deleted)}";
        }
        else if (deletedOn is not { } on)
        {
            errors["DeletedOn"] = "Enter the date the post is deleted from";
        }
        else if (on < post.EstablishedOn)
        {
            errors["DeletedOn"] = $"The date the post is deleted from must be on or after the date it was established, {Episodes.Format(post.EstablishedOn)}";
        }
        else if (await db.PostHoldings.AnyAsync(h => h.PostId == postId && (h.EndDate == null || h.EndDate > on), cancellationToken))
        {
            // A post someone holds cannot leave the establishment under them: end the holding first.
            errors["DeletedOn"] = "Someone holds this post on or after that date: end their holding first";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<WorkforcePost>(null, errors);
        }

        post.DeletedOn = deletedOn!.Value;
        db.Record(new WorkforcePostDeleted(post.Id, post.DeletedOn.Value), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<WorkforcePost>.Done(post);
    }

    public async Task<ChangeResult<PostHolding>> FillPostAsync(Guid postId, long version, FillPostForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var post = await LoadAsync(postId, version, cancellationToken);
        if (post is null)
        {
            return ChangeResult<PostHolding>.Refused("", "This post no longer exists");
        }

        var errors = new Dictionary<string, string>();
        if (form.UserId is not { } userId || !await Candidates(post.PartnershipId).AnyAsync(u => u.Id == userId, cancellationToken))
        {
            errors[nameof(form.UserId)] = "Select who holds the post";
        }

        if (form.Employment is not { } employment || !Enum.IsDefined(employment))
        {
            errors[nameof(form.Employment)] = "Select whether the holder is permanent or from an agency";
        }

        if (form.StartDate is not { } start)
        {
            errors[nameof(form.StartDate)] = "Enter the date they started in the post";
        }
        else if (start < post.EstablishedOn)
        {
            errors[nameof(form.StartDate)] = $"The date they started must be on or after the date the post was established, {Episodes.Format(post.EstablishedOn)}";
        }
        else if (post.DeletedOn is { } deleted && start >= deleted)
        {
            errors[nameof(form.StartDate)] = $"The post was deleted from {Episodes.Format(deleted)}: the date they started must be before that";
        }
        else if (await db.PostHoldings.AnyAsync(h => h.PostId == postId && (h.EndDate == null || h.EndDate > start), cancellationToken))
        {
            // One holder at a time: the new holding runs on with no end, so any holding not ended by its start overlaps.
            errors[nameof(form.StartDate)] = "Someone holds this post on or after that date: end their holding first";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<PostHolding>(null, errors);
        }

        var holding = new PostHolding
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = post.PartnershipId,
            PostId = post.Id,
            UserId = form.UserId!.Value,
            Employment = form.Employment!.Value,
            StartDate = form.StartDate!.Value,
        };
        db.PostHoldings.Add(holding);
        Touch(post);
        db.Record(new WorkforcePostFilled(post.Id, holding.Id, holding.UserId, holding.Employment, holding.StartDate), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<PostHolding>.Done(holding);
    }

    /// <summary>Ends a holding: the holder is in post until the day before the end date.</summary>
    public async Task<ChangeResult<PostHolding>> EndHoldingAsync(Guid holdingId, long postVersion, DateOnly? endDate, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var holding = await db.PostHoldings.SingleOrDefaultAsync(h => h.Id == holdingId, cancellationToken);
        var post = holding is null ? null : await LoadAsync(holding.PostId, postVersion, cancellationToken);
        if (holding is null || post is null)
        {
            return ChangeResult<PostHolding>.Refused("", "This holding no longer exists");
        }

        var errors = new Dictionary<string, string>();
        if (holding.EndDate is { } ended)
        {
            errors[""] = $"This holding has already ended, on {Episodes.Format(ended)}";
        }
        else if (endDate is not { } end)
        {
            errors["EndDate"] = "Enter the date the holding ends";
        }
        else if (end < holding.StartDate)
        {
            errors["EndDate"] = $"The date the holding ends must be on or after the date it started, {Episodes.Format(holding.StartDate)}";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<PostHolding>(null, errors);
        }

        holding.EndDate = endDate!.Value;
        Touch(post);
        db.Record(new PostHoldingEnded(post.Id, holding.Id, holding.UserId, holding.EndDate.Value), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<PostHolding>.Done(holding);
    }

    /// <summary>Every post not deleted by the day, with its holding on that day and the holder's name.</summary>
    public async Task<List<EstablishedPost>> PostsAsync(Guid partnershipId, DateOnly on, CancellationToken cancellationToken = default)
    {
        var posts = await db.WorkforcePosts.AsNoTracking()
            .Where(p => p.PartnershipId == partnershipId && (p.DeletedOn == null || p.DeletedOn > on))
            .OrderBy(p => p.Team).ThenBy(p => p.Reference).ToListAsync(cancellationToken);
        var holdings = (await db.PostHoldings.AsNoTracking()
                .Where(h => h.PartnershipId == partnershipId && h.StartDate <= on && (h.EndDate == null || h.EndDate > on))
                .ToListAsync(cancellationToken))
            .ToLookup(h => h.PostId);
        var holderIds = holdings.SelectMany(h => h).Select(h => h.UserId).Distinct().ToList();
        var names = await NamesAsync(partnershipId, holderIds, cancellationToken);
        return posts.Select(p =>
        {
            var holding = holdings[p.Id].FirstOrDefault();
            return new EstablishedPost(p, holding, holding is null ? null : names.GetValueOrDefault(holding.UserId));
        }).ToList();
    }

    public async Task<WorkforcePost?> FindAsync(Guid postId, CancellationToken cancellationToken = default) =>
        await db.WorkforcePosts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);

    /// <summary>The post's holdings, latest first, with the holders' names.</summary>
    public async Task<List<(PostHolding Holding, string? Name)>> HoldingsAsync(WorkforcePost post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var holdings = await db.PostHoldings.AsNoTracking().Where(h => h.PostId == post.Id)
            .OrderByDescending(h => h.StartDate).ToListAsync(cancellationToken);
        var names = await NamesAsync(post.PartnershipId, holdings.Select(h => h.UserId).Distinct().ToList(), cancellationToken);
        return holdings.Select(h => (h, names.GetValueOrDefault(h.UserId))).ToList();
    }

    /// <summary>Active users with the social worker or team manager role, by name: who can hold a post.</summary>
    public async Task<List<PostCandidate>> CandidatesAsync(Guid partnershipId, CancellationToken cancellationToken = default) =>
        await Candidates(partnershipId).OrderBy(u => u.DisplayName).Select(u => new PostCandidate(u.Id, u.DisplayName)).ToListAsync(cancellationToken);

    // Users are not tenant-filtered (sign-in finds them first), so the partnership is explicit.
    private IQueryable<User> Candidates(Guid partnershipId)
    {
        string[] roles = [Roles.SocialWorker, Roles.TeamManager];
        return db.Users.AsNoTracking().Where(u => u.IsActive && u.PartnershipId == partnershipId
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
    }

    internal static async Task<Dictionary<Guid, string>> NamesAsync(SafeguardingDbContext db, Guid partnershipId, List<Guid> userIds, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => u.PartnershipId == partnershipId && userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

    private Task<Dictionary<Guid, string>> NamesAsync(Guid partnershipId, List<Guid> userIds, CancellationToken cancellationToken) =>
        NamesAsync(db, partnershipId, userIds, cancellationToken);

    private async Task<WorkforcePost?> LoadAsync(Guid postId, long version, CancellationToken cancellationToken)
    {
        var post = await db.WorkforcePosts.SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is not null)
        {
            if (post.Version != version)
            {
                throw new DbUpdateConcurrencyException($"WorkforcePost {postId} is at version {post.Version}, not {version}.");
            }

            db.Entry(post).Property(p => p.Version).OriginalValue = version;
        }

        return post;
    }

    /// <summary>A change to a post's holdings changes the post: its version moves.</summary>
    private void Touch(WorkforcePost post) => db.Entry(post).State = EntityState.Modified;

    /// <summary>Social workers in a SocialWorker post on the day (a holder is in post until the day before the end date).</summary>
    internal static IQueryable<Guid> SocialWorkersInPost(SafeguardingDbContext db, DateOnly on) =>
        db.PostHoldings.Where(h => h.StartDate <= on && (h.EndDate == null || h.EndDate > on)
                && db.WorkforcePosts.Any(p => p.Id == h.PostId && p.Role == WorkforceRole.SocialWorker))
            .Select(h => h.UserId);
}
