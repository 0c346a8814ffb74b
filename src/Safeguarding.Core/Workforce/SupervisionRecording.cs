using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;

namespace Safeguarding.Core.Workforce;

public sealed record SupervisionForm(Guid? WorkerUserId, DateOnly? HeldOn);

/// <summary>A social worker in post with their last supervision, for the team manager's list (KPI 15).</summary>
public sealed record SupervisedWorker(Guid UserId, string Name, DateOnly? LastSupervisedOn, bool SupervisedThisMonth);

/// <summary>
/// A manager records a supervision session with a social worker: KPI 15 counts the social workers in
/// post with at least one in the month. Only a worker in a social worker post that day can be supervised
/// (the indicator's denominator), and never on a date still to come.
/// </summary>
public sealed class SupervisionRecording(SafeguardingDbContext db)
{
    public const string SubjectType = "Supervision";

    public async Task<ChangeResult<Supervision>> RecordAsync(SupervisionForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var partnershipId = context.PartnershipId ?? throw new InvalidOperationException("A supervision belongs to a partnership.");
        var errors = new Dictionary<string, string>();
        if (form.WorkerUserId is null)
        {
            errors[nameof(form.WorkerUserId)] = "Select the social worker you supervised";
        }
        else if (form.WorkerUserId == context.UserId)
        {
            errors[nameof(form.WorkerUserId)] = "You cannot record your own supervision";
        }

        if (form.HeldOn is not { } on)
        {
            errors[nameof(form.HeldOn)] = "Enter the date of the supervision";
        }
        else if (Episodes.IsInFuture(on, context))
        {
            errors[nameof(form.HeldOn)] = "The date of the supervision must be today or in the past";
        }
        else if (form.WorkerUserId is { } worker && !errors.ContainsKey(nameof(form.WorkerUserId))
            && !await Establishment.SocialWorkersInPost(db, on).AnyAsync(u => u == worker, cancellationToken))
        {
            errors[nameof(form.WorkerUserId)] = $"Select a social worker who was in a social worker post on {Episodes.Format(on)}";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<Supervision>(null, errors);
        }

        var supervision = new Supervision
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = partnershipId,
            WorkerUserId = form.WorkerUserId!.Value,
            SupervisorUserId = context.UserId,
            HeldOn = form.HeldOn!.Value,
            RecordedAt = context.Now,
        };
        db.Supervisions.Add(supervision);
        db.Record(new SupervisionRecorded(supervision.Id, supervision.WorkerUserId, supervision.SupervisorUserId, supervision.HeldOn), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<Supervision>.Done(supervision);
    }

    /// <summary>The social workers in post today, by name, with their last supervision and whether it was this month.</summary>
    public async Task<List<SupervisedWorker>> WorkersAsync(Guid partnershipId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var today = LondonTime.DateOf(now);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var workers = await Establishment.SocialWorkersInPost(db, today).Distinct().ToListAsync(cancellationToken);
        var names = await Establishment.NamesAsync(db, partnershipId, workers, cancellationToken);
        var last = await db.Supervisions.AsNoTracking().Where(s => workers.Contains(s.WorkerUserId) && s.HeldOn <= today)
            .GroupBy(s => s.WorkerUserId).Select(g => new { g.Key, Last = g.Max(s => s.HeldOn) })
            .ToDictionaryAsync(g => g.Key, g => g.Last, cancellationToken);
        return workers.Where(names.ContainsKey)
            .Select(w => new SupervisedWorker(w, names[w], last.TryGetValue(w, out var on) ? on : null, last.TryGetValue(w, out var held) && held >= monthStart))
            .OrderBy(w => w.Name).ToList();
    }
}
