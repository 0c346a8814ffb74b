using Safeguarding.Core.Access;

namespace Safeguarding.Core.Calendar;

public enum BankHolidayChangeKind
{
    /// <summary>An extra bank holiday (a proclamation the GOV.UK list has not caught up with).</summary>
    Add,

    /// <summary>A bank holiday moved from <see cref="BankHolidayChange.Date"/> to <see cref="BankHolidayChange.MovedTo"/>.</summary>
    Move,

    /// <summary>A bank holiday that will not happen after all.</summary>
    Remove,
}

/// <summary>
/// An administrator's one-off change to a partnership's bank holidays. Rows are never edited or
/// deleted: a mistake is put right by a further change, so past deadlines stay reproducible.
/// </summary>
public sealed class BankHolidayChange : IPartnershipOwned
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    public BankHolidayChangeKind Kind { get; set; }

    /// <summary>The day added, removed, or moved from.</summary>
    public DateOnly Date { get; set; }

    /// <summary>For <see cref="BankHolidayChangeKind.Move"/> only: the new date.</summary>
    public DateOnly? MovedTo { get; set; }

    public required string Title { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }

    /// <summary>
    /// Checks the change against the holidays in force now. Only future days (after
    /// <paramref name="today"/>) may be removed or moved, so no past deadline changes under anyone's
    /// feet. Returns messages a person can act on; empty when the change is valid.
    /// </summary>
    public IReadOnlyList<string> Validate(DateOnly today, IReadOnlySet<DateOnly> currentHolidays)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add("Enter a name for the bank holiday");
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            errors.Add("Enter the reason for the change");
        }

        if (!InCalendarRange(Date))
        {
            errors.Add($"The date must be between {DateDisplay.Iso(WorkingDayCalendar.FirstDate)} and {DateDisplay.Iso(WorkingDayCalendar.LastDate)}");
            return errors;
        }

        switch (Kind)
        {
            case BankHolidayChangeKind.Add:
                if (MovedTo is not null)
                {
                    errors.Add("An added bank holiday has no 'moved to' date");
                }

                CheckNewDay(Date, currentHolidays, errors);
                break;

            case BankHolidayChangeKind.Remove:
                if (MovedTo is not null)
                {
                    errors.Add("A removed bank holiday has no 'moved to' date");
                }

                CheckExistingFutureDay(Date, today, currentHolidays, "removed", errors);
                break;

            case BankHolidayChangeKind.Move:
                CheckExistingFutureDay(Date, today, currentHolidays, "moved", errors);
                if (MovedTo is not { } to)
                {
                    errors.Add("Enter the date the bank holiday moves to");
                }
                else if (!InCalendarRange(to))
                {
                    errors.Add($"The new date must be between {DateDisplay.Iso(WorkingDayCalendar.FirstDate)} and {DateDisplay.Iso(WorkingDayCalendar.LastDate)}");
                }
                else if (to <= today)
                {
                    errors.Add("A bank holiday can only be moved to a date in the future");
                }
                else
                {
                    CheckNewDay(to, currentHolidays, errors);
                }

                break;

            default:
                errors.Add("Choose add, move or remove");
                break;
        }

        return errors;
    }

    /// <summary>
    /// Applies changes to a base set, in the order they were made. Pure: the inputs are not modified.
    /// A change whose day has since disappeared from the base (a refreshed GOV.UK list already carries
    /// the move, say) is a no-op rather than an error, because it was valid when it was made.
    /// </summary>
    public static IReadOnlyList<BankHoliday> Apply(IEnumerable<BankHoliday> baseSet, IEnumerable<BankHolidayChange> changes)
    {
        var byDate = new Dictionary<DateOnly, BankHoliday>();
        foreach (var holiday in baseSet)
        {
            byDate[holiday.Date] = holiday;
        }

        foreach (var change in changes.OrderBy(c => c.CreatedAt))
        {
            switch (change.Kind)
            {
                case BankHolidayChangeKind.Add:
                    byDate[change.Date] = new BankHoliday(change.Date, change.Title, BankHolidaySource.Administrator);
                    break;
                case BankHolidayChangeKind.Remove:
                    byDate.Remove(change.Date);
                    break;
                case BankHolidayChangeKind.Move when change.MovedTo is { } to:
                    byDate.Remove(change.Date);
                    byDate[to] = new BankHoliday(to, change.Title, BankHolidaySource.Administrator);
                    break;
            }
        }

        var result = byDate.Values.ToList();
        result.Sort((a, b) => a.Date.CompareTo(b.Date));
        return result;
    }

    private static bool InCalendarRange(DateOnly date) => date >= WorkingDayCalendar.FirstDate && date <= WorkingDayCalendar.LastDate;

    private static void CheckNewDay(DateOnly date, IReadOnlySet<DateOnly> currentHolidays, List<string> errors)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            errors.Add($"{DateDisplay.Readable(date)} is a weekend day, so it is already not a working day");
        }
        else if (currentHolidays.Contains(date))
        {
            errors.Add($"{DateDisplay.Readable(date)} is already a bank holiday");
        }
    }

    private static void CheckExistingFutureDay(DateOnly date, DateOnly today, IReadOnlySet<DateOnly> currentHolidays, string verb, List<string> errors)
    {
        if (date <= today)
        {
            // Past (and today's) holidays are history: deadlines already worked out depend on them.
            errors.Add($"Only a future bank holiday can be {verb}; {DateDisplay.Readable(date)} is not after today");
        }
        else if (!currentHolidays.Contains(date))
        {
            errors.Add($"{DateDisplay.Readable(date)} is not a bank holiday");
        }
    }
}
