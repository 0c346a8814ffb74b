using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Learning;
using Safeguarding.Core.Notifications;
using Safeguarding.Core.Pathway;
using Safeguarding.Core.Performance;
using Safeguarding.Core.Timescales;
using Safeguarding.Core.Workforce;

namespace Safeguarding.Core.Data;

/// <summary>
/// The one database context. Modules add entity configurations to this assembly; the context finds
/// them. Saving appends the pending audit events to the hash chain in the same transaction.
/// </summary>
public class SafeguardingDbContext(DbContextOptions<SafeguardingDbContext> options, ITenantScope tenant)
    : IdentityDbContext<User, Role, Guid>(options)
{
    public const string TenantFilter = "Tenant";

    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);
    private readonly List<AuditEvent> pendingAudit = [];

    public Guid? CurrentPartnershipId => tenant.PartnershipId;

    /// <summary>
    /// Another context on the same database, options and partnership, with its own connection: for reads that
    /// run side by side (a context serves one operation at a time). The caller disposes it.
    /// </summary>
    public SafeguardingDbContext Sibling() => new(options, tenant);

    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Locality> Localities => Set<Locality>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonRelationship> PersonRelationships => Set<PersonRelationship>();
    public DbSet<BreakGlassAccess> BreakGlassAccesses => Set<BreakGlassAccess>();
    public DbSet<PersonName> PersonNames => Set<PersonName>();
    public DbSet<PersonIdentifier> PersonIdentifiers => Set<PersonIdentifier>();
    public DbSet<PersonAddress> PersonAddresses => Set<PersonAddress>();
    public DbSet<PersonSchool> PersonSchools => Set<PersonSchool>();
    public DbSet<PersonMerge> PersonMerges => Set<PersonMerge>();
    public DbSet<NamedRecordAccess> NamedRecordAccesses => Set<NamedRecordAccess>();
    public DbSet<PersonIndexRevision> PersonIndexRevisions => Set<PersonIndexRevision>();
    public DbSet<ChronologyEntry> ChronologyEntries => Set<ChronologyEntry>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<DataProtectionKeyRecord> DataProtectionKeys => Set<DataProtectionKeyRecord>();
    public DbSet<Clock> Clocks => Set<Clock>();
    public DbSet<TimescaleRuleOverride> TimescaleRuleOverrides => Set<TimescaleRuleOverride>();
    public DbSet<BankHolidayChange> BankHolidayChanges => Set<BankHolidayChange>();
    public DbSet<OutboxNotification> OutboxNotifications => Set<OutboxNotification>();
    public DbSet<SeriousIncidentNotification> SeriousIncidentNotifications => Set<SeriousIncidentNotification>();
    public DbSet<RequestForSupportDraft> RequestForSupportDrafts => Set<RequestForSupportDraft>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactDecision> ContactDecisions => Set<ContactDecision>();
    public DbSet<AgencyInformationRequest> AgencyInformationRequests => Set<AgencyInformationRequest>();
    public DbSet<AgencyApiKey> AgencyApiKeys => Set<AgencyApiKey>();
    public DbSet<ContactChild> ContactChildren => Set<ContactChild>();
    public DbSet<ContactPerson> ContactPeople => Set<ContactPerson>();
    public DbSet<ContactConcern> ContactConcerns => Set<ContactConcern>();
    public DbSet<ContactAttachment> ContactAttachments => Set<ContactAttachment>();
    public DbSet<ContactReferenceCounter> ContactReferenceCounters => Set<ContactReferenceCounter>();
    public DbSet<CinEpisode> CinEpisodes => Set<CinEpisode>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<CinPlan> CinPlans => Set<CinPlan>();
    public DbSet<StrategyDiscussion> StrategyDiscussions => Set<StrategyDiscussion>();
    public DbSet<StrategyDiscussionAttendee> StrategyDiscussionAttendees => Set<StrategyDiscussionAttendee>();
    public DbSet<Section47Enquiry> Section47Enquiries => Set<Section47Enquiry>();
    public DbSet<ChildProtectionConference> ChildProtectionConferences => Set<ChildProtectionConference>();
    public DbSet<ConferenceAttendance> ConferenceAttendances => Set<ConferenceAttendance>();
    public DbSet<ChildProtectionPlan> ChildProtectionPlans => Set<ChildProtectionPlan>();
    public DbSet<CoreGroupMeeting> CoreGroupMeetings => Set<CoreGroupMeeting>();
    public DbSet<CarePeriod> CarePeriods => Set<CarePeriod>();
    public DbSet<CareEpisode> CareEpisodes => Set<CareEpisode>();
    public DbSet<LookedAfterReview> LookedAfterReviews => Set<LookedAfterReview>();
    public DbSet<MissingEpisode> MissingEpisodes => Set<MissingEpisode>();
    public DbSet<CareLeaverContact> CareLeaverContacts => Set<CareLeaverContact>();
    public DbSet<AdoptionRecord> AdoptionRecords => Set<AdoptionRecord>();
    public DbSet<EarlyHelpEpisode> EarlyHelpEpisodes => Set<EarlyHelpEpisode>();
    public DbSet<FamilyPlanReview> FamilyPlanReviews => Set<FamilyPlanReview>();
    public DbSet<WorkforcePost> WorkforcePosts => Set<WorkforcePost>();
    public DbSet<PostHolding> PostHoldings => Set<PostHolding>();
    public DbSet<Supervision> Supervisions => Set<Supervision>();
    public DbSet<CaseAllocation> CaseAllocations => Set<CaseAllocation>();
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();
    public DbSet<IndicatorComparator> IndicatorComparators => Set<IndicatorComparator>();
    public DbSet<ChildPopulation> ChildPopulations => Set<ChildPopulation>();
    public DbSet<IndicatorFigure> IndicatorFigures => Set<IndicatorFigure>();
    public DbSet<IndicatorCommentary> IndicatorCommentaries => Set<IndicatorCommentary>();
    public DbSet<PerformancePackSignOff> PerformancePackSignOffs => Set<PerformancePackSignOff>();
    public DbSet<DashboardPriority> DashboardPriorities => Set<DashboardPriority>();
    public DbSet<DashboardMeasure> DashboardMeasures => Set<DashboardMeasure>();

    /// <summary>Queues a domain event; it is written with the next save, in the same transaction.</summary>
    public void Record(IDomainEvent domainEvent, ProcessContext context) =>
        Queue(AuditKind.Write, domainEvent.GetType().Name, domainEvent.SubjectType, domainEvent.SubjectId,
            JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), EventJson), context, context.Reason);

    /// <summary>Records that someone looked at a record, and why; saved at once.</summary>
    public async Task RecordAccessAsync(string subjectType, string subjectId, string purpose, ProcessContext context, CancellationToken cancellationToken = default)
    {
        Queue(AuditKind.Access, "RecordViewed", subjectType, subjectId, "{}", context, purpose);
        await SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records a security event (sign-in, lockout) with its details; saved at once.</summary>
    public async Task RecordSecurityAsync(string eventType, string? subjectId, object details, ProcessContext context, CancellationToken cancellationToken = default)
    {
        Queue(AuditKind.Security, eventType, "User", subjectId, JsonSerializer.Serialize(details, EventJson), context, context.Reason);
        await SaveChangesAsync(cancellationToken);
    }

    private void Queue(AuditKind kind, string eventType, string? subjectType, string? subjectId, string data, ProcessContext context, string? reason) =>
        pendingAudit.Add(new AuditEvent
        {
            Kind = kind,
            EventType = eventType,
            // Whole milliseconds: SQLite keeps instants to a tenth of a millisecond, and the hash
            // must be computed on exactly what the database gives back.
            OccurredAt = context.Now.AddTicks(-(context.Now.UtcTicks % TimeSpan.TicksPerMillisecond)),
            PartnershipId = context.PartnershipId,
            ActorUserId = context.UserId,
            ActorName = context.ActorName,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Reason = reason,
            Data = data,
            PreviousHash = "",
            Hash = "",
        });

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        EnsureWritesAreRecorded();
        BumpVersions();
        if (pendingAudit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            await AppendPendingAuditAsync(cancellationToken);
            await BumpPersonIndexRevisionsAsync(cancellationToken);
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            pendingAudit.Clear();
            return result;
        }
        catch
        {
            // The events stay queued only if the caller's own transaction is still open; otherwise a
            // retry would record them twice.
            if (ownTransaction is not null)
            {
                await ownTransaction.RollbackAsync(cancellationToken);
                foreach (var e in pendingAudit)
                {
                    Entry(e).State = EntityState.Detached;
                }

                pendingAudit.Clear();
            }

            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private async Task AppendPendingAuditAsync(CancellationToken cancellationToken)
    {
        // Updating the head row first takes a row lock (PostgreSQL) or the write lock (SQLite), so
        // two concurrent saves cannot both link to the same previous row.
        var touched = await AuditChainHeads.Where(h => h.Id == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence), cancellationToken);
        if (touched == 0)
        {
            AuditChainHeads.Add(new AuditChainHead { Id = 1, LastSequence = 0, LastHash = AuditChain.GenesisHash });
            await base.SaveChangesAsync(true, cancellationToken);
        }

        var head = await AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == 1, cancellationToken);
        var sequence = head.LastSequence;
        var previous = head.LastHash;
        foreach (var e in pendingAudit)
        {
            e.Sequence = ++sequence;
            e.PreviousHash = previous;
            e.Hash = AuditChain.ComputeHash(e);
            previous = e.Hash;
            AuditEvents.Add(e);
        }

        await AuditChainHeads.Where(h => h.Id == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, sequence).SetProperty(h => h.LastHash, previous), cancellationToken);
    }

    /// <summary>
    /// A change to a business record without a domain event would leave a hole in the audit trail,
    /// so it is refused. Identity's own bookkeeping (failed-attempt counts, security stamps, tokens)
    /// and the data-protection key ring are exempt.
    /// </summary>
    private void EnsureWritesAreRecorded()
    {
        if (pendingAudit.Count > 0)
        {
            return;
        }

        var unrecorded = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.GetType())
            .FirstOrDefault(t => !IsBookkeeping(t));
        if (unrecorded is not null)
        {
            throw new InvalidOperationException($"A change to {unrecorded.Name} was saved without a domain event. Record one with Record(event, context).");
        }
    }

    private static bool IsBookkeeping(Type type) =>
        type == typeof(User) || type == typeof(DataProtectionKeyRecord) || type == typeof(AuditChainHead) || type == typeof(PersonIndexRevision)
        || (type.IsGenericType && type.Namespace == typeof(IdentityUserToken<>).Namespace);

    /// <summary>
    /// A change to anyone the matcher indexes tells every instance its index is stale. Such changes
    /// always carry a domain event, so this runs inside the save's transaction.
    /// </summary>
    private async Task BumpPersonIndexRevisionsAsync(CancellationToken cancellationToken)
    {
        var partnerships = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity is Person or PersonName or PersonIdentifier or PersonAddress or PersonSchool)
            .Select(e => ((IPartnershipOwned)e.Entity).PartnershipId)
            .Distinct()
            .ToList();
        foreach (var partnershipId in partnerships)
        {
            // One atomic increment inside the save's transaction: concurrent saves never share a number.
            var bumped = await PersonIndexRevisions.Where(r => r.PartnershipId == partnershipId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Revision, r => r.Revision + 1), cancellationToken);
            if (bumped == 0 && PersonIndexRevisions.Local.All(r => r.PartnershipId != partnershipId))
            {
                PersonIndexRevisions.Add(new PersonIndexRevision { PartnershipId = partnershipId, Revision = 1 });
            }
        }
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IConcurrencyVersioned>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version++;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            // SQLite has no date-time type: store instants as UTC ticks so they sort and compare.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }

        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SafeguardingDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            var clr = entityType.ClrType;
            // Users are found by email before anyone knows their partnership, so they are not filtered;
            // pages that list users filter by partnership themselves.
            if (typeof(IPartnershipOwned).IsAssignableFrom(clr) && clr != typeof(User))
            {
                builder.Entity(clr).HasIndex(nameof(IPartnershipOwned.PartnershipId));
                builder.Entity(clr).HasQueryFilter(TenantFilter, TenantFilterFor(clr));
            }

            if (typeof(IConcurrencyVersioned).IsAssignableFrom(clr))
            {
                builder.Entity(clr).Property(nameof(IConcurrencyVersioned.Version)).IsConcurrencyToken();
            }
        }
    }

    // e => CurrentPartnershipId == null || e.PartnershipId == CurrentPartnershipId
    private LambdaExpression TenantFilterFor(Type clr)
    {
        var e = Expression.Parameter(clr, "e");
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentPartnershipId));
        var owner = Expression.Convert(Expression.Property(e, nameof(IPartnershipOwned.PartnershipId)), typeof(Guid?));
        var body = Expression.OrElse(
            Expression.Equal(current, Expression.Constant(null, typeof(Guid?))),
            Expression.Equal(owner, current));
        return Expression.Lambda(body, e);
    }
}
