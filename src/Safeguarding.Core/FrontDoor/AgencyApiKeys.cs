using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.FrontDoor;

public sealed record AgencyApiKeyIssued(Guid KeyId, Guid AgencyId, Guid ServiceUserId, string Prefix) : IDomainEvent
{
    public string SubjectType => nameof(AgencyApiKey);
    public string SubjectId => KeyId.ToString();
}

/// <summary>The reason is the context's reason, so the event itself holds ids only.</summary>
public sealed record AgencyApiKeyRevoked(Guid KeyId, Guid AgencyId) : IDomainEvent
{
    public string SubjectType => nameof(AgencyApiKey);
    public string SubjectId => KeyId.ToString();
}

/// <param name="PlainKey">Shown once, when issued; only its hash is kept.</param>
public sealed record IssuedApiKey(AgencyApiKey Key, string PlainKey);

/// <summary>
/// Keys an agency's own system uses to send Requests for Support through the API. A key looks like
/// <c>sgk_ab12CD34_&lt;43 random characters&gt;</c>: the first 12 characters are its prefix (stored,
/// shown, used to find the row); the whole key is kept only as a SHA-256 hash.
/// </summary>
public sealed class AgencyApiKeys(SafeguardingDbContext db, UserManager<User> users)
{
    public const string KeyStart = "sgk_";
    public const int PrefixLength = 12;

    /// <summary>The Development demo key for the demo city's police (docs/architecture.md). Never created outside Development.</summary>
    public const string DemoKey = "sgk_demo0000_ashbridge-police-development-key";

    /// <summary>How stale LastUsedAt may get: writing it on every call would put a write on every read.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public Task<ChangeResult<IssuedApiKey>> IssueAsync(Guid agencyId, string name, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var prefix = KeyStart + Base64Url(RandomNumberGenerator.GetBytes(6));
        var key = prefix + "_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        return IssueAsync(agencyId, name, key, context, cancellationToken);
    }

    /// <summary>Issues a key with a known value: the Development demo key only.</summary>
    public async Task<ChangeResult<IssuedApiKey>> IssueAsync(Guid agencyId, string name, string plainKey, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var partnershipId = context.PartnershipId ?? throw new InvalidOperationException("A key belongs to a partnership.");
        name = name.Trim();
        if (name.Length == 0)
        {
            return ChangeResult<IssuedApiKey>.Refused("Name", "Enter a name for the key, like the system that will use it");
        }

        if (name.Length > 200)
        {
            return ChangeResult<IssuedApiKey>.Refused("Name", "The name must be 200 characters or fewer");
        }

        var agency = await db.Agencies.IgnoreQueryFilters([SafeguardingDbContext.TenantFilter])
            .SingleOrDefaultAsync(a => a.Id == agencyId && a.PartnershipId == partnershipId, cancellationToken);
        if (agency is null)
        {
            return ChangeResult<IssuedApiKey>.Refused("AgencyId", "Select the agency whose system will use the key");
        }

        var prefix = PrefixOf(plainKey) ?? throw new ArgumentException("Not an agency API key.", nameof(plainKey));

        // The service user is who the agency's contacts are "submitted by": inactive, no password, so it can never sign in.
        var email = $"{prefix.ToLowerInvariant()}.{agency.Id:N}@api-clients.invalid";
        var serviceUser = new User
        {
            Id = Guid.CreateVersion7(context.Now),
            DisplayName = $"{agency.Name} system ({name})",
            Email = email,
            UserName = email,
            EmailConfirmed = true,
            JobTitle = "Agency system (API key)",
            AgencyId = agency.Id,
            PartnershipId = partnershipId,
            IsActive = false,
            LockoutEnabled = true,
        };
        var apiKey = new AgencyApiKey
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = partnershipId,
            AgencyId = agency.Id,
            ServiceUserId = serviceUser.Id,
            Name = name,
            Prefix = prefix,
            Hash = HashOf(plainKey),
            CreatedAt = context.Now,
            CreatedByUserId = context.UserId,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Record(new UserCreated(serviceUser.Id, email, agency.Id, []), context);
        var created = await users.CreateAsync(serviceUser);
        if (!created.Succeeded)
        {
            return ChangeResult<IssuedApiKey>.Refused("", created.Errors.First().Description);
        }

        db.AgencyApiKeys.Add(apiKey);
        db.Record(new AgencyApiKeyIssued(apiKey.Id, agency.Id, serviceUser.Id, prefix), context);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ChangeResult<IssuedApiKey>.Done(new(apiKey, plainKey));
    }

    public async Task<ChangeResult<AgencyApiKey>> RevokeAsync(Guid keyId, string reason, ProcessContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return ChangeResult<AgencyApiKey>.Refused("Reason", "Enter why the key is being revoked");
        }

        if (reason.Trim().Length > 500)
        {
            return ChangeResult<AgencyApiKey>.Refused("Reason", "The reason must be 500 characters or fewer");
        }

        var key = await db.AgencyApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.PartnershipId == context.PartnershipId, cancellationToken);
        if (key is null)
        {
            return ChangeResult<AgencyApiKey>.Refused("", "This key no longer exists");
        }

        if (key.IsRevoked)
        {
            return ChangeResult<AgencyApiKey>.Refused("", "This key has already been revoked");
        }

        key.RevokedAt = context.Now;
        key.RevokedByUserId = context.UserId;
        db.Record(new AgencyApiKeyRevoked(key.Id, key.AgencyId), context.WithReason(reason.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<AgencyApiKey>.Done(key);
    }

    /// <summary>
    /// The live key matching what a caller presented, or null. Runs before anyone is signed in, so
    /// it looks across partnerships; the prefix finds the row and the hash is compared in constant time.
    /// </summary>
    public async Task<AgencyApiKey?> FindAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (presented.Length > 200 || PrefixOf(presented) is not { } prefix)
        {
            return null;
        }

        var key = await db.AgencyApiKeys.IgnoreQueryFilters([SafeguardingDbContext.TenantFilter]).AsNoTracking()
            .SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        if (key is null || key.IsRevoked)
        {
            return null;
        }

        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashOf(presented)), Encoding.ASCII.GetBytes(key.Hash));
        return matches ? key : null;
    }

    /// <summary>Notes that the key was used, at most once a <see cref="TouchInterval"/>. Bookkeeping, like a sign-in time: no audit event.</summary>
    public async Task TouchAsync(AgencyApiKey key, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (key.LastUsedAt is { } last && now - last < TouchInterval)
        {
            return;
        }

        var staleBefore = now - TouchInterval;
        await db.AgencyApiKeys.IgnoreQueryFilters([SafeguardingDbContext.TenantFilter])
            .Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt < staleBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
    }

    public static string HashOf(string plainKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plainKey)));

    /// <summary>"sgk_ab12CD34" from "sgk_ab12CD34_…", or null when it is not shaped like one of our keys.</summary>
    public static string? PrefixOf(string plainKey) =>
        plainKey.Length > PrefixLength + 1 && plainKey.StartsWith(KeyStart, StringComparison.Ordinal) && plainKey[PrefixLength] == '_'
            ? plainKey[..PrefixLength]
            : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
