using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.LeavingCare;

/// <summary>One birthday from 17 to 21: its date (when the date of birth is known) and what was recorded for it.</summary>
public sealed record BirthdayRow(int Age, DateOnly? Birthday, bool IsFuture, CareLeaverContact? Answers);

/// <summary>A care leaver's SSDA903 OC3 answers, birthday by birthday. Every view is audited.</summary>
public sealed class IndexModel(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor, TimeProvider clock)
    : LookedAfterPage(db, authorization, actor)
{
    public IReadOnlyList<BirthdayRow> Birthdays { get; private set; } = [];

    public bool WasLookedAfter { get; private set; }

    public bool CanRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid child, CancellationToken cancellationToken)
    {
        if (await OpenChildAsync(child, "View care leaver information", cancellationToken) is { } refused)
        {
            return refused;
        }

        WasLookedAfter = await Db.CarePeriods.AnyAsync(p => ChildIds.Contains(p.PersonId), cancellationToken);
        var answers = await Db.CareLeaverContacts.AsNoTracking().Where(c => ChildIds.Contains(c.PersonId)).ToListAsync(cancellationToken);
        Birthdays = LeavingCareText.Birthdays(Child.DateOfBirth, LondonTime.DateOf(clock.GetUtcNow()), answers);
        CanRecord = await CanRecordAsync();
        return Page();
    }

    public string RecordUrl(int age) => $"/children/{Child.Id}/pathway/leaving-care/record?age={age}";
}

/// <summary>How the OC3 answers read on screen, and the birthdays they are about.</summary>
public static class LeavingCareText
{
    public static IReadOnlyList<BirthdayRow> Birthdays(DateOnly? born, DateOnly today, IReadOnlyCollection<CareLeaverContact> answers) =>
        Enumerable.Range(CareLeaverRecording.YoungestAge, CareLeaverRecording.OldestAge - CareLeaverRecording.YoungestAge + 1)
            .Select(age =>
            {
                DateOnly? birthday = born is { } b ? CareLeaverRecording.BirthdayOf(b, age) : null;
                return new BirthdayRow(age, birthday, birthday > today, answers.FirstOrDefault(a => a.Age == age));
            })
            .ToList();

    public static string Accommodation(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code == CareLeaverRecording.UnknownAccommodation || code.Length != 2)
        {
            return "Not known";
        }

        var type = LookedAfterCodes.LabelOf(LookedAfterCodes.AccommodationTypes, code[..1]);
        return LookedAfterCodes.IsSuitable(code) ? $"{type}: suitable" : $"{type}: not suitable";
    }
}
