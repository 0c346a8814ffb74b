using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.Pathway;

/// <summary>One agency's part in a conference, as the form gives it.</summary>
public sealed record ConferenceAttendanceForm(Guid? AgencyId, bool Invited, bool Attended, bool ReportSubmitted)
{
    public bool IsEmpty => AgencyId is null && !Invited && !Attended && !ReportSubmitted;
}

/// <summary>What a conference chair records, initial or review; nullable where a person types or chooses it.</summary>
public sealed record ConferenceForm(
    DateOnly? HeldOn,
    string? Chair,
    IReadOnlyList<ConferenceAttendanceForm> Attendance,
    ConferenceDecision? Decision,
    string? CategoryOfAbuse,
    string? ReasonLate);

/// <summary>
/// What the child protection route shares: clock rules and subjects, the checks every date and
/// attendance list gets, and the refusal a stale page receives.
/// </summary>
public static class ChildProtection
{
    public const string EpisodeSubjectType = "CinEpisode";
    public const string EnquirySubjectType = "Section47Enquiry";
    public const string PlanSubjectType = "ChildProtectionPlan";
    public const string ChronologySource = "Pathway";

    public const string VisitRuleId = "CW-4";
    public const string InitialConferenceRuleId = "CW-5";
    public const string CoreGroupRuleId = "CW-6";
    public const string FirstReviewRuleId = "CW-7";
    public const string LaterReviewRuleId = "CW-8";

    public const int LongestName = 200;
    public const int LongestReason = 2000;
    public const int LongText = RequestForSupportRules.LongText;

    /// <summary>The field a stale change is reported against (the page shows it without a link).</summary>
    public const string ChangedElsewhere = "Version";
    public const string ChangedElsewhereMessage = "Someone else recorded a change to this while you were working on it, so yours has not been saved. Check the record as it is now, then try again";

    /// <summary>A refusal from a step this one depends on (e.g. the chronology), shown above the form.</summary>
    public static ChangeResult<T> RefusedBy<T>(IReadOnlyDictionary<string, string> errors) =>
        ChangeResult<T>.Refused("", errors.Values.FirstOrDefault() ?? "This could not be saved");

    public static ChangeResult<T> Stale<T>() => ChangeResult<T>.Refused(ChangedElsewhere, ChangedElsewhereMessage);

    /// <summary>A date a person entered for something that has happened: given, and not in the future.</summary>
    public static DateOnly? PastDate(Dictionary<string, string> errors, string field, DateOnly? date, string what, ProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(context);
        if (date is null)
        {
            errors[field] = $"Enter the date {what}";
            return null;
        }

        if (date > LondonTime.DateOf(context.Now))
        {
            errors[field] = $"The date {what} must be today or in the past";
            return null;
        }

        return date;
    }

    /// <summary>Text that may be left out but has a limit.</summary>
    public static string? OptionalText(Dictionary<string, string> errors, string field, string? value, string what, int longest)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = Blank(value);
        if (text is not null && text.Length > longest)
        {
            errors[field] = $"{what} must be {longest:N0} characters or fewer";
        }

        return text;
    }

    /// <summary>Text that must be given, with a limit.</summary>
    public static string? RequiredText(Dictionary<string, string> errors, string field, string? value, string missing, string what, int longest)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = Blank(value);
        if (text is null)
        {
            errors[field] = missing;
            return null;
        }

        return OptionalText(errors, field, text, what, longest);
    }

    /// <summary>
    /// Checks a conference's attendance rows: each row names an active agency of the partnership, once;
    /// rows left blank are ignored; at least two agencies were invited (a conference is multi-agency).
    /// </summary>
    public static async Task<List<ConferenceAttendanceForm>> AttendanceAsync(
        SafeguardingDbContext db, Dictionary<string, string> errors, IReadOnlyList<ConferenceAttendanceForm>? rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(errors);
        rows ??= [];
        var ids = rows.Where(r => r.AgencyId is not null).Select(r => r.AgencyId!.Value).Distinct().ToList();
        var active = (await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id) && a.IsActive).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
        var kept = new List<ConferenceAttendanceForm>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsEmpty)
            {
                continue;
            }

            var field = $"Attendance[{i}].AgencyId";
            if (row.AgencyId is not { } agencyId || !active.Contains(agencyId))
            {
                errors[field] = $"Select the agency for row {i + 1}";
            }
            else if (!seen.Add(agencyId))
            {
                errors[field] = $"Row {i + 1} repeats an agency already listed: record each agency once";
            }
            else if (!row.Invited && !row.Attended && !row.ReportSubmitted)
            {
                errors[$"Attendance[{i}].Involvement"] = $"Select whether the agency in row {i + 1} was invited, attended or sent a report";
            }
            else
            {
                kept.Add(row);
            }
        }

        if (!errors.Keys.Any(k => k.StartsWith("Attendance[", StringComparison.Ordinal)) && kept.Count(r => r.Invited) < 2)
        {
            errors["Attendance"] = "Record at least two agencies invited to the conference";
        }

        return kept;
    }

    public static List<ConferenceAttendance> ToAttendance(IEnumerable<ConferenceAttendanceForm> rows, Guid partnershipId, Guid conferenceId, DateTimeOffset now) =>
        rows.Select(r => new ConferenceAttendance
        {
            Id = Guid.CreateVersion7(now),
            PartnershipId = partnershipId,
            ConferenceId = conferenceId,
            AgencyId = r.AgencyId!.Value,
            Invited = r.Invited,
            Attended = r.Attended,
            ReportSubmitted = r.ReportSubmitted,
        }).ToList();

    /// <summary>The category of abuse, when one is needed.</summary>
    public static string? Category(Dictionary<string, string> errors, string? code)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var trimmed = Blank(code);
        if (!CinCensusCodes.IsCategoryOfAbuse(trimmed))
        {
            errors[nameof(ConferenceForm.CategoryOfAbuse)] = "Select the category of abuse";
            return null;
        }

        return trimmed;
    }

    /// <summary>The running (not stopped, not "not required") clock of a rule for a subject, oldest first.</summary>
    public static Task<Clock?> RunningClockAsync(SafeguardingDbContext db, string subjectType, Guid subjectId, IReadOnlyCollection<string> ruleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Clocks.Where(c => c.SubjectType == subjectType && c.SubjectId == subjectId && ruleIds.Contains(c.RuleId) && c.StoppedAt == null && !c.NotRequired)
            .OrderBy(c => c.StartedAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>An event that happened on a day, as a clock instant: the start of that London day.</summary>
    public static DateTimeOffset On(DateOnly date) => LondonTime.StartOfDay(date);

    /// <summary>Every record of the child: the survivor of any merge and the records merged into it.</summary>
    public static async Task<IReadOnlyList<Guid>> RecordsOfChildAsync(SafeguardingDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        var survivor = await MergedRecords.SurvivorOfAsync(db, personId, cancellationToken) ?? personId;
        return await MergedRecords.IdsOfAsync(db, survivor, cancellationToken);
    }

    /// <summary>A date as GOV.UK writes it: 5 March 2026.</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Describe(Section47Outcome outcome) => outcome switch
    {
        Section47Outcome.ConferenceRequired => "Concerns substantiated: initial child protection conference required",
        Section47Outcome.SubstantiatedNoConference => "Concerns substantiated: no conference needed",
        Section47Outcome.NotSubstantiated => "Concerns not substantiated",
        _ => outcome.ToString(),
    };

    public static string Describe(ConferenceDecision decision) => decision switch
    {
        ConferenceDecision.PlanStarted => "Child protection plan started",
        ConferenceDecision.NoPlan => "No child protection plan",
        ConferenceDecision.PlanContinues => "Plan continues",
        ConferenceDecision.PlanEnded => "Plan ended",
        _ => decision.ToString(),
    };

    /// <summary>Marks a concurrency-versioned record changed (so its version moves) and expects the version the person saw.</summary>
    internal static void Touch<T>(SafeguardingDbContext db, T entity, long expectedVersion)
        where T : class, IConcurrencyVersioned
    {
        var entry = db.Entry(entity);
        entry.Property(e => e.Version).OriginalValue = expectedVersion;
        if (entry.State == EntityState.Unchanged)
        {
            entry.State = EntityState.Modified;
        }
    }
}
