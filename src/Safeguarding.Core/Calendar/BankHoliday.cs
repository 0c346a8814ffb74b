namespace Safeguarding.Core.Calendar;

/// <summary>Where a bank holiday date came from; shown to administrators next to each date.</summary>
public enum BankHolidaySource
{
    GovUkList,
    Rule,
    Proclamation,
    Administrator,
}

/// <summary>One England and Wales bank holiday (a non-working day that is not a weekend day by definition).</summary>
public sealed record BankHoliday(DateOnly Date, string Title, BankHolidaySource Source);
