using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Chronology;

/// <summary>
/// What a module or an agency knows happened to a child. Nullable where a person types it, so the
/// service can say what is missing. A correction is a new entry whose summary starts "Correction:"
/// (entries are never edited, and there is no column linking a correction to what it corrects).
/// </summary>
public sealed record ChronologyEntryForm(
    Guid PersonId,
    DateOnly? OccurredOn,
    ChronologyEntryType? Type,
    Guid? AgencyId,
    string? Summary,
    bool? IsSignificant,
    string Source = ChildChronology.AgencySource,
    string? SourceReference = null,
    DateTimeOffset? OccurredAt = null);

/// <summary>Ids only: the audit trail never carries what happened to the child.</summary>
public sealed record ChronologyEntryAdded(Guid EntryId, Guid PersonId, ChronologyEntryType Type, Guid? AgencyId) : IDomainEvent
{
    public string SubjectType => RestrictedRecordAccess.PersonSubjectType;
    public string SubjectId => PersonId.ToString();
}

/// <summary>Which entries to show; empty lists mean "all".</summary>
public sealed record ChronologyFilter(IReadOnlyCollection<Guid> AgencyIds, IReadOnlyCollection<ChronologyEntryType> Types, bool SignificantOnly)
{
    public static readonly ChronologyFilter None = new([], [], false);
}

public sealed record ChronologyItem(
    Guid Id,
    Guid PersonId,
    DateOnly OccurredOn,
    DateTimeOffset? OccurredAt,
    ChronologyEntryType Type,
    Guid? AgencyId,
    string? AgencyName,
    string Summary,
    bool IsSignificant,
    string Source,
    string? SourceReference,
    DateTimeOffset RecordedAt);

public sealed record AgencyFacet(Guid AgencyId, string Name, int Count);

public sealed record TypeFacet(ChronologyEntryType Type, int Count);

/// <summary>One page of a child's chronology, plus what the whole chronology holds (for the filters).</summary>
public sealed record ChronologyPage(
    IReadOnlyList<ChronologyItem> Entries,
    int Total,
    int Page,
    int PageCount,
    int AllEntries,
    int SignificantEntries,
    IReadOnlyList<AgencyFacet> Agencies,
    IReadOnlyList<TypeFacet> Types);

/// <summary>
/// The multi-agency chronology: every event any module or agency records about a child, across the
/// records merged into theirs, newest first. Reviews keep finding each agency held part of the
/// story; this is where the parts are put together.
/// </summary>
public sealed class ChildChronology(SafeguardingDbContext db)
{
    public const string AgencySource = "Agency";
    public const int LongestSummary = 4000;
    public const int DefaultPageSize = 50;

    /// <summary>Validates and saves an entry, with its audit event, in one transaction.</summary>
    public async Task<ChangeResult<ChronologyEntry>> AddAsync(ChronologyEntryForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var result = await StageAsync(form, context, cancellationToken);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Validates an entry and queues it with its event, without saving: for modules that write an
    /// entry in the same transaction as their own change.
    /// </summary>
    public async Task<ChangeResult<ChronologyEntry>> StageAsync(ChronologyEntryForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new Dictionary<string, string>();
        var summary = form.Summary?.Trim() ?? "";
        if (form.OccurredOn is null)
        {
            errors[nameof(form.OccurredOn)] = "Enter the date it happened";
        }
        else if (form.OccurredOn > Calendar.LondonTime.DateOf(context.Now))
        {
            errors[nameof(form.OccurredOn)] = "The date it happened must be today or in the past";
        }

        if (form.Type is not { } type || !Enum.IsDefined(type))
        {
            errors[nameof(form.Type)] = "Select the type of event";
        }

        if (summary.Length == 0)
        {
            errors[nameof(form.Summary)] = "Enter a summary of what happened";
        }
        else if (summary.Length > LongestSummary)
        {
            errors[nameof(form.Summary)] = $"Summary must be {LongestSummary:N0} characters or fewer";
        }

        if (form.IsSignificant is null)
        {
            errors[nameof(form.IsSignificant)] = "Select yes if this is a significant event";
        }

        var person = await db.People.AsNoTracking().Where(p => p.Id == form.PersonId)
            .Select(p => new { p.PartnershipId }).SingleOrDefaultAsync(cancellationToken);
        if (person is null || (context.PartnershipId is { } own && person.PartnershipId != own))
        {
            errors[nameof(form.PersonId)] = "This child's record no longer exists";
        }

        // Information an agency adds must say whose it is; modules may write without one.
        if (form.AgencyId is { } agencyId)
        {
            if (person is not null && !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.PartnershipId == person.PartnershipId, cancellationToken))
            {
                errors[nameof(form.AgencyId)] = "Your agency is not part of this partnership";
            }
        }
        else if (form.Source == AgencySource)
        {
            errors[nameof(form.AgencyId)] = "Information from an agency must say which agency it is from";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<ChronologyEntry>(null, errors);
        }

        var entry = new ChronologyEntry
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = person!.PartnershipId,
            PersonId = form.PersonId,
            OccurredOn = form.OccurredOn!.Value,
            OccurredAt = form.OccurredAt,
            AgencyId = form.AgencyId,
            Type = form.Type!.Value,
            Summary = summary,
            IsSignificant = form.IsSignificant!.Value,
            Source = form.Source,
            SourceReference = form.SourceReference,
            RecordedAt = context.Now,
            RecordedByUserId = context.UserId,
        };
        db.ChronologyEntries.Add(entry);
        db.Record(new ChronologyEntryAdded(entry.Id, entry.PersonId, entry.Type, entry.AgencyId), context);
        return ChangeResult<ChronologyEntry>.Done(entry);
    }

    /// <summary>
    /// A child's chronology across every record merged into theirs, newest first. A null page size
    /// returns every entry on one page (a printed chronology must be complete).
    /// </summary>
    public async Task<ChronologyPage> ForChildAsync(Guid personId, ChronologyFilter filter, int page = 1, int? pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var ids = await MergedRecords.IdsOfAsync(db, personId, cancellationToken);
        var all = db.ChronologyEntries.AsNoTracking().Where(e => ids.Contains(e.PersonId));

        // Facets describe the whole chronology, so ticking one filter never hides the others' options.
        var agencyCounts = await all.Where(e => e.AgencyId != null).GroupBy(e => e.AgencyId!.Value)
            .Select(g => new { AgencyId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var agencyIds = agencyCounts.Select(a => a.AgencyId).ToList();
        var agencyNames = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var typeCounts = await all.GroupBy(e => e.Type).Select(g => new { Type = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var allEntries = typeCounts.Sum(t => t.Count);
        var significant = await all.CountAsync(e => e.IsSignificant, cancellationToken);

        var query = all;
        if (filter.AgencyIds.Count > 0)
        {
            var wanted = filter.AgencyIds.ToList();
            query = query.Where(e => e.AgencyId != null && wanted.Contains(e.AgencyId.Value));
        }

        if (filter.Types.Count > 0)
        {
            var wanted = filter.Types.ToList();
            query = query.Where(e => wanted.Contains(e.Type));
        }

        if (filter.SignificantOnly)
        {
            query = query.Where(e => e.IsSignificant);
        }

        var total = await query.CountAsync(cancellationToken);
        var size = pageSize is > 0 ? pageSize.Value : Math.Max(1, total);
        var pageCount = Math.Max(1, (total + size - 1) / size);
        page = Math.Clamp(page, 1, pageCount);
        var ordered = query.OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.OccurredAt).ThenByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id);
        var rows = await (pageSize is > 0 ? ordered.Skip((page - 1) * size).Take(size) : ordered).ToListAsync(cancellationToken);

        return new ChronologyPage(
            rows.Select(e => new ChronologyItem(e.Id, e.PersonId, e.OccurredOn, e.OccurredAt, e.Type, e.AgencyId,
                e.AgencyId is { } id ? agencyNames.GetValueOrDefault(id) : null, e.Summary, e.IsSignificant, e.Source, e.SourceReference, e.RecordedAt)).ToList(),
            total,
            page,
            pageCount,
            allEntries,
            significant,
            agencyCounts.Select(a => new AgencyFacet(a.AgencyId, agencyNames.GetValueOrDefault(a.AgencyId) ?? "Unknown agency", a.Count))
                .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList(),
            typeCounts.Select(t => new TypeFacet(t.Type, t.Count)).OrderBy(t => t.Type).ToList());
    }
}

/// <summary>Plain-English names for entry types, as practitioners say them.</summary>
public static class ChronologyEntryTypeNames
{
    public static string Describe(this ChronologyEntryType type) => type switch
    {
        ChronologyEntryType.Contact => "Contact",
        ChronologyEntryType.Decision => "Decision",
        ChronologyEntryType.AgencyInformation => "Agency information",
        ChronologyEntryType.EarlyHelp => "Early help",
        ChronologyEntryType.Assessment => "Assessment",
        ChronologyEntryType.StrategyDiscussion => "Strategy discussion",
        ChronologyEntryType.Section47Enquiry => "Section 47 enquiry",
        ChronologyEntryType.Conference => "Child protection conference",
        ChronologyEntryType.Plan => "Plan",
        ChronologyEntryType.Placement => "Placement",
        ChronologyEntryType.MissingEpisode => "Missing episode",
        ChronologyEntryType.Review => "Review",
        ChronologyEntryType.SeriousIncident => "Serious incident",
        ChronologyEntryType.Other => "Other",
        _ => type.ToString(),
    };
}
