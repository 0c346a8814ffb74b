using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.SyntheticData;

/// <summary>How much a load wrote and how long it took.</summary>
public sealed record CityLoadSummary(int Rows, int Batches, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Rows / Elapsed.TotalSeconds : Rows;
}

/// <summary>
/// Writes a generated city into the database in batches: each batch is added, saved with one
/// audit event, and then forgotten by the change tracker, so memory stays flat however big the city.
/// The whole load is one transaction (unless the caller has one open): a city is there entirely or not at all.
/// </summary>
public static class CityLoader
{
    public const int BatchSize = 5_000;

    /// <summary>Whether the demo city (or the partnership with this code) is already in the database.</summary>
    public static Task<bool> IsLoadedAsync(SafeguardingDbContext db, CancellationToken cancellationToken = default) =>
        IsLoadedAsync(db, DemoCity.PartnershipCode, cancellationToken);

    public static Task<bool> IsLoadedAsync(SafeguardingDbContext db, string partnershipCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Partnerships.AsNoTracking().AnyAsync(p => p.Code == partnershipCode, cancellationToken);
    }

    public static async Task<CityLoadSummary> LoadAsync(
        SafeguardingDbContext db,
        SyntheticCity city,
        ProcessContext context,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(context);
        if (await IsLoadedAsync(db, city.Partnership.Code, cancellationToken))
        {
            throw new InvalidOperationException($"The partnership {city.Partnership.Code} is already loaded; a city is loaded only once.");
        }

        // The city's events belong to its partnership, so they show in that tenant's audit trail.
        context = context with { PartnershipId = context.PartnershipId ?? city.Partnership.Id };
        var stopwatch = Stopwatch.StartNew();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var ownTransaction = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        var writer = new BatchWriter(db, city.Partnership.Id, context, progress, cancellationToken);
        try
        {
            db.Partnerships.Add(city.Partnership);
            db.Localities.AddRange(city.Localities);
            db.Agencies.AddRange(city.Agencies);
            var roleIds = await AddMissingRolesAsync(db, cancellationToken);
            await writer.SaveAsync("Partnership, localities, agencies and roles", 1 + city.Localities.Count + city.Agencies.Count + db.ChangeTracker.Entries<Role>().Count());

            await writer.WriteAsync("Users", WithDemoPasswords(city.Users), db.Users.AddRange);
            await writer.WriteAsync("User roles", city.UserRoles.Select(r => new IdentityUserRole<Guid> { UserId = r.UserId, RoleId = roleIds[r.Role] }).ToList(), db.UserRoles.AddRange);
            await writer.WriteAsync("People", city.People, db.People.AddRange);

            // Before the facts, which give care leavers who are adults now the UPN they had at school.
            await writer.WriteAsync("Former looked-after children (adults now)", city.LookedAfter.FormerChildren, db.People.AddRange);
            await writer.WriteAsync("Relationships", city.Relationships, db.PersonRelationships.AddRange);
            var facts = PersonFactsGenerator.For(city);
            await writer.WriteAsync("Identifiers", facts.Identifiers, db.PersonIdentifiers.AddRange);
            await writer.WriteAsync("Addresses", facts.Addresses, db.PersonAddresses.AddRange);
            await writer.WriteAsync("Schools", facts.Schools, db.PersonSchools.AddRange);
            await writer.WriteAsync("Other names", facts.Names, db.PersonNames.AddRange);
            await writer.WriteAsync("Chronology entries", city.ChronologyEntries, db.ChronologyEntries.AddRange);
            await WriteContactsAsync(writer, db, city.Contacts);
            await WritePathwayAsync(writer, db, city.Pathway);
            await WriteLookedAfterAsync(writer, db, city.LookedAfter);
            await writer.WriteAsync("Early help episodes", city.EarlyHelp.Episodes, db.EarlyHelpEpisodes.AddRange);
            await writer.WriteAsync("Our Family Plan reviews", city.EarlyHelp.Reviews, db.FamilyPlanReviews.AddRange);
            await WriteWorkforceAsync(writer, db, city.Workforce);
            await WritePerformanceAsync(writer, db, city.Performance);

            db.Record(new DemoCityLoaded(city.Partnership.Id, city.Partnership.Code, city.Spec.Seed, city.Spec.Children,
                city.People.Count, city.Relationships.Count, city.HouseholdCount, city.Agencies.Count, city.Users.Count), context);
            await db.SaveChangesAsync(cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }

        stopwatch.Stop();
        progress?.Report($"Loaded {writer.Rows:N0} rows in {stopwatch.Elapsed.TotalSeconds:N1} s");
        return new CityLoadSummary(writer.Rows, writer.Batches + 1, stopwatch.Elapsed);
    }

    private static async Task WriteContactsAsync(BatchWriter writer, SafeguardingDbContext db, SyntheticContacts contacts)
    {
        await writer.WriteAsync("Contacts", contacts.Contacts, db.Contacts.AddRange);
        await writer.WriteAsync("Contact children", contacts.Children, db.ContactChildren.AddRange);
        await writer.WriteAsync("Contact concerns", contacts.Concerns, db.ContactConcerns.AddRange);
        await writer.WriteAsync("Contact decisions", contacts.Decisions, db.ContactDecisions.AddRange);
        await writer.WriteAsync("Agency information requests", contacts.InformationRequests, db.AgencyInformationRequests.AddRange);
        await writer.WriteAsync("Front door clocks", contacts.Clocks, db.Clocks.AddRange);
        await writer.WriteAsync("Contact reference counters", contacts.ReferenceCounters, db.ContactReferenceCounters.AddRange);
    }

    private static async Task WritePathwayAsync(BatchWriter writer, SafeguardingDbContext db, SyntheticPathway pathway)
    {
        await writer.WriteAsync("CIN episodes", pathway.Episodes, db.CinEpisodes.AddRange);
        await writer.WriteAsync("Assessments", pathway.Assessments, db.Assessments.AddRange);
        await writer.WriteAsync("CIN plans", pathway.CinPlans, db.CinPlans.AddRange);
        await writer.WriteAsync("Strategy discussions", pathway.StrategyDiscussions, db.StrategyDiscussions.AddRange);
        await writer.WriteAsync("Strategy discussion attendees", pathway.StrategyDiscussionAttendees, db.StrategyDiscussionAttendees.AddRange);
        await writer.WriteAsync("Section 47 enquiries", pathway.Section47Enquiries, db.Section47Enquiries.AddRange);
        await writer.WriteAsync("Child protection conferences", pathway.Conferences, db.ChildProtectionConferences.AddRange);
        await writer.WriteAsync("Conference attendance", pathway.ConferenceAttendance, db.ConferenceAttendances.AddRange);
        await writer.WriteAsync("Child protection plans", pathway.ChildProtectionPlans, db.ChildProtectionPlans.AddRange);
        await writer.WriteAsync("Core group meetings", pathway.CoreGroupMeetings, db.CoreGroupMeetings.AddRange);
    }

    private static async Task WriteLookedAfterAsync(BatchWriter writer, SafeguardingDbContext db, SyntheticLookedAfter lookedAfter)
    {
        // The former looked-after children are written with the people; periods before everything that refers to a period.
        await writer.WriteAsync("Care periods", lookedAfter.Periods, db.CarePeriods.AddRange);
        await writer.WriteAsync("Care episodes", lookedAfter.Episodes, db.CareEpisodes.AddRange);
        await writer.WriteAsync("Looked-after reviews", lookedAfter.Reviews, db.LookedAfterReviews.AddRange);
        await writer.WriteAsync("Missing episodes", lookedAfter.MissingEpisodes, db.MissingEpisodes.AddRange);
        await writer.WriteAsync("Care leaver contacts", lookedAfter.CareLeaverContacts, db.CareLeaverContacts.AddRange);
        await writer.WriteAsync("Adoption records", lookedAfter.Adoptions, db.AdoptionRecords.AddRange);
    }

    private static async Task WriteWorkforceAsync(BatchWriter writer, SafeguardingDbContext db, SyntheticWorkforce workforce)
    {
        await writer.WriteAsync("Social work posts", workforce.Posts, db.WorkforcePosts.AddRange);
        await writer.WriteAsync("Post holdings", workforce.Holdings, db.PostHoldings.AddRange);
        await writer.WriteAsync("Supervisions", workforce.Supervisions, db.Supervisions.AddRange);
        await writer.WriteAsync("Case allocations", workforce.Allocations, db.CaseAllocations.AddRange);
    }

    private static async Task WritePerformanceAsync(BatchWriter writer, SafeguardingDbContext db, SyntheticPerformance performance)
    {
        await writer.WriteAsync("Child population", performance.Populations, db.ChildPopulations.AddRange);
        await writer.WriteAsync("Indicator comparators", performance.Comparators, db.IndicatorComparators.AddRange);
        await writer.WriteAsync("Indicator figures", performance.Figures, db.IndicatorFigures.AddRange);
        await writer.WriteAsync("Dashboard priorities", performance.Priorities, db.DashboardPriorities.AddRange);
        await writer.WriteAsync("Dashboard measures", performance.Measures, db.DashboardMeasures.AddRange);
    }

    /// <summary>
    /// Demo users get the documented demo password; everyone else has none and cannot sign in.
    /// Copies, so the generated city itself stays as generated (and reusable).
    /// </summary>
    private static List<User> WithDemoPasswords(IReadOnlyList<User> users)
    {
        var hasher = new PasswordHasher<User>();

        // One hash shared by every demo user: the password is public anyway, and PBKDF2 is slow on purpose.
        string? demoHash = null;
        var demoEmails = DemoCity.Users.Select(u => u.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return users.Select(u =>
        {
            if (!demoEmails.Contains(u.Email ?? ""))
            {
                return u;
            }

            var copy = new User
            {
                Id = u.Id,
                PartnershipId = u.PartnershipId,
                AgencyId = u.AgencyId,
                DisplayName = u.DisplayName,
                JobTitle = u.JobTitle,
                UserName = u.UserName,
                NormalizedUserName = u.NormalizedUserName,
                Email = u.Email,
                NormalizedEmail = u.NormalizedEmail,
                EmailConfirmed = u.EmailConfirmed,
                LockoutEnabled = u.LockoutEnabled,
                SecurityStamp = u.SecurityStamp,
                ConcurrencyStamp = u.ConcurrencyStamp,
                IsActive = u.IsActive,
            };
            copy.PasswordHash = demoHash ??= hasher.HashPassword(copy, DemoCity.DemoPassword);
            return copy;
        }).ToList();
    }

    private static async Task<Dictionary<string, Guid>> AddMissingRolesAsync(SafeguardingDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Roles.AsNoTracking()
            .Where(r => r.Name != null)
            .ToDictionaryAsync(r => r.Name!, r => r.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var name in Roles.All.Where(n => !existing.ContainsKey(n)))
        {
            var role = new Role
            {
                Id = RoleId(name),
                Name = name,
                NormalizedName = name.ToUpperInvariant(),
                ConcurrencyStamp = RoleId(name).ToString(),
            };
            db.Roles.Add(role);
            existing[name] = role.Id;
        }

        return existing;
    }

    /// <summary>A role's id is derived from its name, so every database created this way agrees.</summary>
    private static Guid RoleId(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("safeguarding-role:" + name));
        hash[7] = (byte)((hash[7] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    private sealed class BatchWriter(SafeguardingDbContext db, Guid partnershipId, ProcessContext context, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        public int Rows { get; private set; }
        public int Batches { get; private set; }

        public async Task WriteAsync<T>(string entity, IReadOnlyList<T> rows, Action<IEnumerable<T>> addRange)
        {
            for (var start = 0; start < rows.Count; start += BatchSize)
            {
                var count = Math.Min(BatchSize, rows.Count - start);
                addRange(Slice(rows, start, count));
                await SaveAsync(entity, count);
                progress?.Report($"{entity}: {start + count:N0} of {rows.Count:N0}");
            }
        }

        public async Task SaveAsync(string entity, int rows)
        {
            Batches++;
            db.Record(new SyntheticBatchLoaded(partnershipId, Batches, entity, rows), context);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            Rows += rows;
        }

        private static IEnumerable<T> Slice<T>(IReadOnlyList<T> rows, int start, int count)
        {
            for (var i = start; i < start + count; i++)
            {
                yield return rows[i];
            }
        }
    }
}
