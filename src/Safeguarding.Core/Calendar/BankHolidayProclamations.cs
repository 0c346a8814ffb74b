namespace Safeguarding.Core.Calendar;

/// <summary>
/// A one-off royal proclamation: an extra bank holiday (<see cref="Replaces"/> is null) or a
/// standing bank holiday moved to another date (<see cref="Replaces"/> is the date it would have been).
/// </summary>
public sealed record BankHolidayProclamation(DateOnly Date, DateOnly? Replaces, string Title);

/// <summary>England and Wales one-off proclamations since 1990, as data.</summary>
public static class BankHolidayProclamations
{
    public static IReadOnlyList<BankHolidayProclamation> EnglandAndWales { get; } =
    [
        new(new DateOnly(1995, 5, 8), new DateOnly(1995, 5, 1), "Early May bank holiday (50th anniversary of VE Day)"),
        new(new DateOnly(1999, 12, 31), null, "Millennium bank holiday"),
        new(new DateOnly(2002, 6, 3), null, "Queen’s Golden Jubilee"),
        new(new DateOnly(2002, 6, 4), new DateOnly(2002, 5, 27), "Spring bank holiday"),
        new(new DateOnly(2011, 4, 29), null, "Royal wedding"),
        new(new DateOnly(2012, 6, 4), new DateOnly(2012, 5, 28), "Spring bank holiday"),
        new(new DateOnly(2012, 6, 5), null, "Queen’s Diamond Jubilee"),
        new(new DateOnly(2020, 5, 8), new DateOnly(2020, 5, 4), "Early May bank holiday (VE day)"),
        new(new DateOnly(2022, 6, 2), new DateOnly(2022, 5, 30), "Spring bank holiday"),
        new(new DateOnly(2022, 6, 3), null, "Platinum Jubilee bank holiday"),
        new(new DateOnly(2022, 9, 19), null, "Bank Holiday for the State Funeral of Queen Elizabeth II"),
        new(new DateOnly(2023, 5, 8), null, "Bank holiday for the coronation of King Charles III"),
    ];
}
