using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Performance;

public sealed record PriorityForm(string? Name, string? Description);

public sealed record MeasureForm(string? IndicatorCode, MeasureKind? Kind);

/// <summary>
/// The partnership dashboard's Business Improvement Plan priorities, in order, each with the indicators
/// that answer "how much did we do", "how well did we do it" and "is anyone better off". Every change is
/// audited as <see cref="DashboardPrioritySet"/> with the priority as it stands afterwards (a removed
/// priority is recorded at position 0 with no measures); the audit reason says what changed.
/// </summary>
public sealed class DashboardPriorities(SafeguardingDbContext db)
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 1000;

    /// <summary>The partnership's priorities in order, with their measures in order.</summary>
    public async Task<IReadOnlyList<DashboardPriority>> ListAsync(Guid partnershipId, CancellationToken cancellationToken = default)
    {
        var priorities = await db.DashboardPriorities.AsNoTracking().Include(p => p.Measures)
            .Where(p => p.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        foreach (var priority in priorities)
        {
            priority.Measures = [.. priority.Measures.OrderBy(m => m.Kind).ThenBy(m => m.Position)];
        }

        return [.. priorities.OrderBy(p => p.Position).ThenBy(p => p.Name, StringComparer.Ordinal)];
    }

    public async Task<DashboardPriority?> FindAsync(Guid partnershipId, Guid priorityId, CancellationToken cancellationToken = default) =>
        (await ListAsync(partnershipId, cancellationToken)).FirstOrDefault(p => p.Id == priorityId);

    public async Task<ChangeResult<DashboardPriority>> AddAsync(PriorityForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var partnershipId = PartnershipOf(context);
        var existing = await db.DashboardPriorities.Where(p => p.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var errors = Check(form, existing, null);
        if (errors.Count > 0)
        {
            return new ChangeResult<DashboardPriority>(null, errors);
        }

        var priority = new DashboardPriority
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = partnershipId,
            Name = form.Name!.Trim(),
            Description = Blank(form.Description),
            Position = existing.Count == 0 ? 1 : existing.Max(p => p.Position) + 1,
        };
        db.DashboardPriorities.Add(priority);
        RecordSet(priority, context, "Priority added");
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<DashboardPriority>.Done(priority);
    }

    public async Task<ChangeResult<DashboardPriority>> RenameAsync(Guid priorityId, PriorityForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var partnershipId = PartnershipOf(context);
        var existing = await db.DashboardPriorities.Include(p => p.Measures).Where(p => p.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        if (existing.FirstOrDefault(p => p.Id == priorityId) is not { } priority)
        {
            return NotFound();
        }

        var errors = Check(form, existing, priorityId);
        if (errors.Count > 0)
        {
            return new ChangeResult<DashboardPriority>(null, errors);
        }

        priority.Name = form.Name!.Trim();
        priority.Description = Blank(form.Description);
        RecordSet(priority, context, "Priority renamed");
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<DashboardPriority>.Done(priority);
    }

    /// <summary>Moves a priority one place up (-1) or down (+1) by swapping it with its neighbour; at either end it stays put.</summary>
    public async Task<ChangeResult<DashboardPriority>> MoveAsync(Guid priorityId, int direction, ProcessContext context, CancellationToken cancellationToken = default)
    {
        if (direction is not (-1 or 1))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Move a priority up (-1) or down (+1).");
        }

        var partnershipId = PartnershipOf(context);
        var ordered = (await db.DashboardPriorities.Include(p => p.Measures).Where(p => p.PartnershipId == partnershipId).ToListAsync(cancellationToken))
            .OrderBy(p => p.Position).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var index = ordered.FindIndex(p => p.Id == priorityId);
        if (index < 0)
        {
            return NotFound();
        }

        var other = index + direction;
        if (other < 0 || other >= ordered.Count)
        {
            return ChangeResult<DashboardPriority>.Done(ordered[index]);
        }

        (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
        // Renumber 1..n so gaps left by removals close up; record each priority whose place changed.
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Position != i + 1)
            {
                ordered[i].Position = i + 1;
                RecordSet(ordered[i], context, "Priorities reordered");
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<DashboardPriority>.Done(ordered[other]);
    }

    /// <summary>Removes a priority and its measures.</summary>
    public async Task<ChangeResult<DashboardPriority>> RemoveAsync(Guid priorityId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var partnershipId = PartnershipOf(context);
        var priority = await db.DashboardPriorities.Include(p => p.Measures)
            .SingleOrDefaultAsync(p => p.PartnershipId == partnershipId && p.Id == priorityId, cancellationToken);
        if (priority is null)
        {
            return NotFound();
        }

        db.DashboardMeasures.RemoveRange(priority.Measures);
        db.DashboardPriorities.Remove(priority);
        db.Record(new DashboardPrioritySet(priority.Id, priority.Name, 0, []), context.WithReason("Priority removed"));
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<DashboardPriority>.Done(priority);
    }

    public async Task<ChangeResult<DashboardMeasure>> AddMeasureAsync(Guid priorityId, MeasureForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var partnershipId = PartnershipOf(context);
        var priority = await db.DashboardPriorities.Include(p => p.Measures)
            .SingleOrDefaultAsync(p => p.PartnershipId == partnershipId && p.Id == priorityId, cancellationToken);
        if (priority is null)
        {
            return ChangeResult<DashboardMeasure>.Refused("", "The priority has been removed");
        }

        var errors = new Dictionary<string, string>();
        var definition = string.IsNullOrWhiteSpace(form.IndicatorCode) ? null : DefaultIndicators.Find(form.IndicatorCode.Trim());
        if (definition is null)
        {
            errors[nameof(form.IndicatorCode)] = "Select an indicator";
        }

        if (form.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors[nameof(form.Kind)] = "Select what the indicator measures: how much, how well or is anyone better off";
        }
        else if (definition is not null && priority.Measures.Any(m => m.IndicatorCode == definition.Code && m.Kind == kind))
        {
            errors[nameof(form.IndicatorCode)] = $"{definition.Code} is already a \"{Describe(kind)}\" measure for this priority";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<DashboardMeasure>(null, errors);
        }

        var measure = new DashboardMeasure
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = partnershipId,
            PriorityId = priority.Id,
            IndicatorCode = definition!.Code,
            Kind = form.Kind!.Value,
            Position = priority.Measures.Where(m => m.Kind == form.Kind).Select(m => m.Position).DefaultIfEmpty(0).Max() + 1,
        };
        // Added to the set, not only the collection: a new measure with its key already set would otherwise be taken for an existing row.
        db.DashboardMeasures.Add(measure);
        priority.Measures.Add(measure);
        RecordSet(priority, context, $"Measure added: {measure.IndicatorCode} ({Describe(measure.Kind)})");
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<DashboardMeasure>.Done(measure);
    }

    public async Task<ChangeResult<DashboardMeasure>> RemoveMeasureAsync(Guid priorityId, Guid measureId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var partnershipId = PartnershipOf(context);
        var priority = await db.DashboardPriorities.Include(p => p.Measures)
            .SingleOrDefaultAsync(p => p.PartnershipId == partnershipId && p.Id == priorityId, cancellationToken);
        if (priority?.Measures.FirstOrDefault(m => m.Id == measureId) is not { } measure)
        {
            return ChangeResult<DashboardMeasure>.Refused("", "The measure has already been removed");
        }

        priority.Measures.Remove(measure);
        db.DashboardMeasures.Remove(measure);
        RecordSet(priority, context, $"Measure removed: {measure.IndicatorCode} ({Describe(measure.Kind)})");
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<DashboardMeasure>.Done(measure);
    }

    /// <summary>"How much did we do?", "How well did we do it?", "Is anyone better off?".</summary>
    public static string Describe(MeasureKind kind) => kind switch
    {
        MeasureKind.HowMuch => "How much did we do?",
        MeasureKind.HowWell => "How well did we do it?",
        _ => "Is anyone better off?",
    };

    private static Dictionary<string, string> Check(PriorityForm form, IEnumerable<DashboardPriority> existing, Guid? self)
    {
        var errors = new Dictionary<string, string>();
        var name = Blank(form.Name);
        if (name is null)
        {
            errors[nameof(form.Name)] = "Enter the priority's name";
        }
        else if (name.Length > NameMaxLength)
        {
            errors[nameof(form.Name)] = $"The name must be {NameMaxLength} characters or fewer";
        }
        else if (existing.Any(p => p.Id != self && string.Equals(p.Name.Trim(), name, StringComparison.OrdinalIgnoreCase)))
        {
            errors[nameof(form.Name)] = $"There is already a priority called {name}";
        }

        if (Blank(form.Description)?.Length > DescriptionMaxLength)
        {
            errors[nameof(form.Description)] = $"The description must be {DescriptionMaxLength} characters or fewer";
        }

        return errors;
    }

    private void RecordSet(DashboardPriority priority, ProcessContext context, string change) =>
        db.Record(new DashboardPrioritySet(priority.Id, priority.Name, priority.Position,
            [.. priority.Measures.OrderBy(m => m.Kind).ThenBy(m => m.Position).Select(m => $"{m.Kind}:{m.IndicatorCode}")]), context.WithReason(change));

    private static ChangeResult<DashboardPriority> NotFound() => ChangeResult<DashboardPriority>.Refused("", "The priority has been removed");

    private static Guid PartnershipOf(ProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.PartnershipId ?? throw new InvalidOperationException("Dashboard priorities belong to a partnership.");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
