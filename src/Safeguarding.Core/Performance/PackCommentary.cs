using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Performance;

/// <summary>
/// The owners' narrative beside each figure, and the manager's sign-off that publishes the month's pack
/// and locks its commentary and entered figures.
/// </summary>
public sealed class PackCommentary(SafeguardingDbContext db)
{
    public const string SubjectType = "PerformancePack";
    public const int MaxLength = 4000;

    /// <summary>
    /// Writes or rewrites the commentary; <paramref name="expectedVersion"/> is the version the author
    /// saw (null when there was none), so a colleague's edit in between is refused, not overwritten.
    /// </summary>
    public async Task<ChangeResult<IndicatorCommentary>> WriteAsync(string indicatorCode, DateOnly month, string? text, long? expectedVersion, ProcessContext context,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var partnershipId = context.PartnershipId ?? throw new InvalidOperationException("Commentary belongs to a partnership.");
        var userId = context.UserId ?? throw new InvalidOperationException("Commentary is written by a person.");
        var definition = DefaultIndicators.Find(indicatorCode);
        if (definition is null)
        {
            return ChangeResult<IndicatorCommentary>.Refused("", "There is no such indicator");
        }

        month = PerformanceMonths.StartOf(month);
        if (await IsSignedOffAsync(partnershipId, month, cancellationToken))
        {
            return ChangeResult<IndicatorCommentary>.Refused("", $"The pack for {PerformanceMonths.Name(month)} has been signed off, so its commentary is locked");
        }

        if (month > PerformanceMonths.StartOf(PerformanceAdministration.LondonToday(context)))
        {
            return ChangeResult<IndicatorCommentary>.Refused("", "Commentary can only be written for this month or earlier");
        }

        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return ChangeResult<IndicatorCommentary>.Refused("Text", "Enter the commentary");
        }

        if (trimmed.Length > MaxLength)
        {
            return ChangeResult<IndicatorCommentary>.Refused("Text", $"The commentary must be {MaxLength:N0} characters or fewer");
        }

        var commentary = await db.IndicatorCommentaries.SingleOrDefaultAsync(
            c => c.PartnershipId == partnershipId && c.IndicatorCode == definition.Code && c.Month == month, cancellationToken);
        if (commentary?.Version != expectedVersion)
        {
            return ChangeResult<IndicatorCommentary>.Refused("Text",
                commentary is null ? "The commentary you were changing has gone; check the pack and try again"
                    : $"{commentary.AuthorName} changed this commentary while you were writing; read theirs and try again");
        }

        var changed = commentary is not null;
        if (commentary is null)
        {
            commentary = new IndicatorCommentary
            {
                Id = Guid.CreateVersion7(context.Now),
                PartnershipId = partnershipId,
                IndicatorCode = definition.Code,
                Month = month,
                Text = trimmed,
                AuthorName = context.ActorName,
            };
            db.IndicatorCommentaries.Add(commentary);
        }

        commentary.Text = trimmed;
        commentary.AuthorUserId = userId;
        commentary.AuthorName = context.ActorName;
        commentary.UpdatedAt = context.Now;
        db.Record(new IndicatorCommentaryWritten(definition.Code, month, commentary.Id, changed), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<IndicatorCommentary>.Done(commentary);
    }

    /// <summary>Signs off a month that has ended; once only.</summary>
    public async Task<ChangeResult<PerformancePackSignOff>> SignOffAsync(DateOnly month, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var partnershipId = context.PartnershipId ?? throw new InvalidOperationException("A pack belongs to a partnership.");
        var userId = context.UserId ?? throw new InvalidOperationException("A pack is signed off by a person.");
        month = PerformanceMonths.StartOf(month);
        if (month >= PerformanceMonths.StartOf(PerformanceAdministration.LondonToday(context)))
        {
            return ChangeResult<PerformancePackSignOff>.Refused("", $"{PerformanceMonths.Name(month)} has not ended yet, so its pack cannot be signed off");
        }

        if (await db.PerformancePackSignOffs.AsNoTracking().SingleOrDefaultAsync(s => s.PartnershipId == partnershipId && s.Month == month, cancellationToken) is { } done)
        {
            return ChangeResult<PerformancePackSignOff>.Refused("", $"{done.SignedOffByName} already signed off this pack");
        }

        var signOff = new PerformancePackSignOff
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = partnershipId,
            Month = month,
            SignedOffByUserId = userId,
            SignedOffByName = context.ActorName,
            SignedOffAt = context.Now,
        };
        db.PerformancePackSignOffs.Add(signOff);
        db.Record(new PerformancePackSignedOff(month, signOff.Id), context);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two managers pressed the button at once: the unique index kept one sign-off.
            db.ChangeTracker.Clear();
            return ChangeResult<PerformancePackSignOff>.Refused("", "Someone else signed off this pack at the same moment");
        }

        return ChangeResult<PerformancePackSignOff>.Done(signOff);
    }

    private Task<bool> IsSignedOffAsync(Guid partnershipId, DateOnly month, CancellationToken cancellationToken) =>
        db.PerformancePackSignOffs.AnyAsync(s => s.PartnershipId == partnershipId && s.Month == month, cancellationToken);
}
