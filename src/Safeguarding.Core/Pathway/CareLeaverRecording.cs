using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Pathway;

/// <summary>
/// What a care leaver's worker records about a birthday (SSDA903 OC3). The accommodation is a type
/// letter and whether it is suitable, or "0" when it is not known.
/// </summary>
public sealed record CareLeaverForm(int? Age, string? InTouch, string? Activity, string? AccommodationType, bool? AccommodationSuitable);

/// <summary>
/// Care leaver information for a birthday from 17 to 21 of someone who was looked after. One row per
/// birthday: recording it again corrects that row, at the version the person saw.
/// </summary>
public sealed class CareLeaverRecording(SafeguardingDbContext db, ChildChronology chronology)
{
    public const int YoungestAge = 17;
    public const int OldestAge = 21;

    /// <summary>The accommodation type chosen when it is not known; it takes no suitability.</summary>
    public const string UnknownAccommodation = "0";

    /// <param name="version">The version of the row for that birthday the person saw; null when they saw none.</param>
    public async Task<ChangeResult<CareLeaverContact>> RecordAsync(Guid personId, long? version, CareLeaverForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(context);
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return ChangeResult<CareLeaverContact>.Refused("", "This person's record no longer exists");
        }

        if (person.DateOfBirth is not { } born)
        {
            return ChangeResult<CareLeaverContact>.Refused("", "Their date of birth is not recorded: add it to their record before recording care leaver information");
        }

        var records = await ChildProtection.RecordsOfChildAsync(db, personId, cancellationToken);
        if (!await db.CarePeriods.AnyAsync(p => records.Contains(p.PersonId), cancellationToken))
        {
            return ChangeResult<CareLeaverContact>.Refused("", "They have never been looked after, so there is no care leaver information to record");
        }

        var errors = new Dictionary<string, string>();
        DateOnly? birthday = null;
        if (form.Age is not (>= YoungestAge and <= OldestAge))
        {
            errors[nameof(form.Age)] = $"Select the birthday the information is about, from {YoungestAge} to {OldestAge}";
        }
        else
        {
            birthday = BirthdayOf(born, form.Age.Value);
            if (Episodes.IsInFuture(birthday.Value, context))
            {
                errors[nameof(form.Age)] = $"Their {Ordinal(form.Age.Value)} birthday is on {ChildProtection.Date(birthday.Value)}: record it on or after that day";
                birthday = null;
            }
        }

        var inTouch = Code(errors, nameof(form.InTouch), form.InTouch, LookedAfterCodes.InTouch, "Select whether the local authority is in touch with them");
        var activity = Code(errors, nameof(form.Activity), form.Activity, LookedAfterCodes.Activities, "Select their main activity");
        var accommodation = Accommodation(errors, form);
        if (errors.Count > 0)
        {
            return new ChangeResult<CareLeaverContact>(null, errors);
        }

        var survivorId = person.MergedIntoId ?? person.Id;
        var age = form.Age!.Value;
        var contact = await db.CareLeaverContacts.SingleOrDefaultAsync(c => c.PersonId == survivorId && c.Age == age, cancellationToken);
        var corrected = contact is not null;
        if (contact is null)
        {
            if (version is not null)
            {
                // The person saw a row that is no longer there.
                return ChildProtection.Stale<CareLeaverContact>();
            }

            contact = new CareLeaverContact
            {
                Id = Guid.CreateVersion7(context.Now),
                PartnershipId = person.PartnershipId,
                PersonId = survivorId,
                Age = age,
                Birthday = birthday!.Value,
                InTouch = inTouch!,
                Activity = activity!,
                Accommodation = accommodation!,
                RecordedAt = context.Now,
            };
            db.CareLeaverContacts.Add(contact);
        }
        else
        {
            if (contact.Version != version)
            {
                return ChildProtection.Stale<CareLeaverContact>();
            }

            contact.Birthday = birthday!.Value;
            contact.InTouch = inTouch!;
            contact.Activity = activity!;
            contact.Accommodation = accommodation!;
            contact.RecordedAt = context.Now;
            ChildProtection.Touch(db, contact, version.Value);
        }

        db.Record(new CareLeaverContactRecorded(contact.Id, contact.PersonId, age, contact.Birthday, contact.InTouch, contact.Activity, contact.Accommodation, corrected), context);
        var staged = await chronology.StageAsync(new ChronologyEntryForm(
            contact.PersonId, contact.Birthday, ChronologyEntryType.Review, null,
            corrected ? $"Care leaver information for their {Ordinal(age)} birthday corrected" : $"Care leaver information recorded for their {Ordinal(age)} birthday",
            IsSignificant: false, Source: ChildProtection.ChronologySource, SourceReference: contact.Id.ToString()), context, cancellationToken);
        if (!staged.Succeeded)
        {
            return ChildProtection.RefusedBy<CareLeaverContact>(staged.Errors);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent change, or someone else recorded the same birthday first (unique person and age).
            db.ChangeTracker.Clear();
            return ChildProtection.Stale<CareLeaverContact>();
        }

        return ChangeResult<CareLeaverContact>.Done(contact);
    }

    /// <summary>The day of a birthday; someone born on 29 February has it on 28 February in other years.</summary>
    public static DateOnly BirthdayOf(DateOnly born, int age) => born.AddYears(age);

    /// <summary>17th, 18th, 19th, 20th, 21st.</summary>
    public static string Ordinal(int age) => (age % 100) switch
    {
        11 or 12 or 13 => $"{age}th",
        _ => (age % 10) switch
        {
            1 => $"{age}st",
            2 => $"{age}nd",
            3 => $"{age}rd",
            _ => $"{age}th",
        },
    };

    private static string? Code(Dictionary<string, string> errors, string field, string? value, IReadOnlyList<CodeOption> set, string message)
    {
        var code = ChildProtection.Blank(value);
        if (!LookedAfterCodes.IsIn(set, code))
        {
            errors[field] = message;
            return null;
        }

        return code;
    }

    private static string? Accommodation(Dictionary<string, string> errors, CareLeaverForm form)
    {
        var type = ChildProtection.Blank(form.AccommodationType);
        if (type == UnknownAccommodation)
        {
            return UnknownAccommodation;
        }

        if (!LookedAfterCodes.IsIn(LookedAfterCodes.AccommodationTypes, type))
        {
            errors[nameof(form.AccommodationType)] = "Select their accommodation, or that it is not known";
            return null;
        }

        if (form.AccommodationSuitable is not { } suitable)
        {
            errors[nameof(form.AccommodationSuitable)] = "Select whether the accommodation is suitable";
            return null;
        }

        return type + (suitable ? "1" : "2");
    }
}
