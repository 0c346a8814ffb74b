using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Children;

public sealed record NameDetails(string? GivenName, string? FamilyName, PersonNameKind? Kind, DateOnly? From, DateOnly? To);

public sealed record IdentifierDetails(PersonIdentifierType? Type, string? Value, Guid? IssuingAgencyId);

public sealed record AddressDetails(string? AddressLine, string? Town, string? Postcode, DateOnly? From, DateOnly? To);

public sealed record SchoolDetails(Guid? SchoolId, DateOnly? From);

/// <summary>
/// Adds what an agency knows about a person: another name, an identifier, an address, a school. Facts
/// are only ever added (with their source), so a merge or an unmerge never loses one. A change of
/// name, address or school also moves the person's current details, keeping the old as history.
/// </summary>
public sealed class PersonFactsRecording(SafeguardingDbContext db)
{
    public const int LongestName = 100;
    public const int LongestIdentifier = 40;

    public async Task<ChangeResult<PersonName>> AddNameAsync(Guid personId, NameDetails details, Guid? sourceAgencyId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new Dictionary<string, string>();
        var given = Required(details.GivenName, nameof(NameDetails.GivenName), "Enter the given name", errors);
        var family = Required(details.FamilyName, nameof(NameDetails.FamilyName), "Enter the family name", errors);
        if (details.Kind is null)
        {
            errors[nameof(NameDetails.Kind)] = "Select what kind of name this is";
        }

        CheckDates(details.From, details.To, LondonTime.DateOf(context.Now), errors);
        var person = await OpenAsync(personId, errors, cancellationToken);
        if (errors.Count > 0 || person is null)
        {
            return new ChangeResult<PersonName>(null, errors);
        }

        var kind = details.Kind!.Value;
        // A new current name is a change of name: the name the person had becomes a previous name.
        var name = kind == PersonNameKind.Current
            ? NewName(person, person.GivenName, person.FamilyName, PersonNameKind.Previous, null, details.From?.AddDays(-1), sourceAgencyId, context)
            : NewName(person, given!, family!, kind, details.From, details.To, sourceAgencyId, context);
        if (kind == PersonNameKind.Current)
        {
            person.GivenName = given!;
            person.FamilyName = family!;
        }

        db.PersonNames.Add(name);
        db.Record(new PersonFactRecorded(person.Id, "Name", name.Id, sourceAgencyId), context);
        return await SaveAsync(name, cancellationToken);
    }

    public async Task<ChangeResult<PersonIdentifier>> AddIdentifierAsync(Guid personId, IdentifierDetails details, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new Dictionary<string, string>();
        string? value = null;
        if (details.Type is not { } type)
        {
            errors[nameof(IdentifierDetails.Type)] = "Select the type of identifier";
        }
        else
        {
            value = NormaliseIdentifier(type, details.Value, errors);
        }

        if (details.IssuingAgencyId is { } issuer && !await db.Agencies.AnyAsync(a => a.Id == issuer, cancellationToken))
        {
            errors[nameof(IdentifierDetails.IssuingAgencyId)] = "Select the agency that issued the identifier";
        }

        var person = await OpenAsync(personId, errors, cancellationToken);
        if (errors.Count > 0 || person is null || value is null)
        {
            return new ChangeResult<PersonIdentifier>(null, errors);
        }

        var identifierType = details.Type!.Value;
        var holders = await HoldersAsync(identifierType, value, cancellationToken);
        var record = await MergedRecords.IdsOfAsync(db, personId, cancellationToken);
        if (holders.Any(record.Contains))
        {
            return ChangeResult<PersonIdentifier>.Refused(nameof(IdentifierDetails.Value), "This record already has this identifier");
        }

        if (holders.Count > 0)
        {
            return ChangeResult<PersonIdentifier>.Refused(nameof(IdentifierDetails.Value),
                "Another record has this identifier. If they are the same person, merge the two records");
        }

        if (identifierType == PersonIdentifierType.NhsNumber)
        {
            if (person.NhsNumber is { } existing && existing != value)
            {
                return ChangeResult<PersonIdentifier>.Refused(nameof(IdentifierDetails.Value),
                    $"This record already has a different NHS number ({NhsNumberFormat.Format(existing)}). A person has only one");
            }

            person.NhsNumber = value;
        }

        var identifier = new PersonIdentifier
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = person.PartnershipId,
            PersonId = person.Id,
            Type = identifierType,
            Value = value,
            IssuingAgencyId = details.IssuingAgencyId,
            RecordedAt = context.Now,
        };
        db.PersonIdentifiers.Add(identifier);
        db.Record(new PersonFactRecorded(person.Id, "Identifier", identifier.Id, details.IssuingAgencyId), context);
        return await SaveAsync(identifier, cancellationToken);
    }

    public async Task<ChangeResult<PersonAddress>> AddAddressAsync(Guid personId, AddressDetails details, Guid? sourceAgencyId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new Dictionary<string, string>();
        var line = Required(details.AddressLine, nameof(AddressDetails.AddressLine), "Enter the address", errors);
        string? postcode = null;
        if (!string.IsNullOrWhiteSpace(details.Postcode))
        {
            postcode = PostcodeFormat.Normalise(details.Postcode);
            if (postcode is null)
            {
                errors[nameof(AddressDetails.Postcode)] = "Enter a real postcode, like ZX1 4AB";
            }
        }

        CheckDates(details.From, details.To, LondonTime.DateOf(context.Now), errors);
        var person = await OpenAsync(personId, errors, cancellationToken);
        if (errors.Count > 0 || person is null)
        {
            return new ChangeResult<PersonAddress>(null, errors);
        }

        var address = new PersonAddress
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = person.PartnershipId,
            PersonId = person.Id,
            AddressLine = line!,
            Town = string.IsNullOrWhiteSpace(details.Town) ? null : details.Town.Trim(),
            Postcode = postcode,
            From = details.From,
            To = details.To,
            SourceAgencyId = sourceAgencyId,
            RecordedAt = context.Now,
        };
        if (details.To is null)
        {
            // Moving in somewhere ends the time at the current address.
            var current = await db.PersonAddresses.Where(a => a.PersonId == person.Id && a.To == null).ToListAsync(cancellationToken);
            foreach (var old in current.Where(a => details.From is null || a.From is null || a.From < details.From))
            {
                old.To = details.From?.AddDays(-1) ?? LondonTime.DateOf(context.Now).AddDays(-1);
            }

            person.AddressLine = address.AddressLine;
            person.Town = address.Town;
            person.Postcode = address.Postcode;
        }

        db.PersonAddresses.Add(address);
        db.Record(new PersonFactRecorded(person.Id, "Address", address.Id, sourceAgencyId), context);
        return await SaveAsync(address, cancellationToken);
    }

    public async Task<ChangeResult<PersonSchool>> AddSchoolAsync(Guid personId, SchoolDetails details, Guid? sourceAgencyId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new Dictionary<string, string>();
        if (details.SchoolId is not { } schoolId || !await db.Agencies.AnyAsync(a => a.Id == schoolId && a.Type == AgencyType.School, cancellationToken))
        {
            errors[nameof(SchoolDetails.SchoolId)] = "Select the school or setting";
        }

        CheckDates(details.From, null, LondonTime.DateOf(context.Now), errors);
        var person = await OpenAsync(personId, errors, cancellationToken);
        if (errors.Count > 0 || person is null)
        {
            return new ChangeResult<PersonSchool>(null, errors);
        }

        var current = await db.PersonSchools.Where(s => s.PersonId == person.Id && s.To == null).ToListAsync(cancellationToken);
        foreach (var old in current)
        {
            old.To = details.From?.AddDays(-1) ?? LondonTime.DateOf(context.Now).AddDays(-1);
        }

        var school = new PersonSchool
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = person.PartnershipId,
            PersonId = person.Id,
            SchoolId = details.SchoolId!.Value,
            From = details.From,
            SourceAgencyId = sourceAgencyId,
            RecordedAt = context.Now,
        };
        person.SchoolId = school.SchoolId;
        db.PersonSchools.Add(school);
        db.Record(new PersonFactRecorded(person.Id, "School", school.Id, sourceAgencyId), context);
        return await SaveAsync(school, cancellationToken);
    }

    /// <summary>The identifier's canonical form for its type, or null with an error.</summary>
    public static string? NormaliseIdentifier(PersonIdentifierType type, string? typed, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        const string Field = nameof(IdentifierDetails.Value);
        if (string.IsNullOrWhiteSpace(typed))
        {
            errors[Field] = "Enter the identifier";
            return null;
        }

        switch (type)
        {
            case PersonIdentifierType.NhsNumber:
                return NhsNumberFormat.Normalise(typed) ?? Refuse("Enter a valid NHS number: 10 digits, like 999 123 4560");
            case PersonIdentifierType.UniquePupilNumber:
                return UpnFormat.Normalise(typed) ?? Refuse("Enter a valid unique pupil number: a check letter and 12 characters, like B801200005001");
            default:
                var value = typed.Trim().ToUpperInvariant();
                return value.Length > LongestIdentifier || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or ' ')
                    ? Refuse($"Enter the identifier using letters, numbers, spaces, hyphens and slashes only, {LongestIdentifier} characters or fewer")
                    : value;
        }

        string? Refuse(string message)
        {
            errors[Field] = message;
            return null;
        }
    }

    private async Task<List<Guid>> HoldersAsync(PersonIdentifierType type, string value, CancellationToken cancellationToken)
    {
        var holders = await db.PersonIdentifiers.AsNoTracking().Where(i => i.Type == type && i.Value == value).Select(i => i.PersonId).ToListAsync(cancellationToken);
        if (type == PersonIdentifierType.NhsNumber)
        {
            holders.AddRange(await db.People.AsNoTracking().Where(p => p.NhsNumber == value).Select(p => p.Id).ToListAsync(cancellationToken));
        }

        // A record merged into another is the same person, not another holder.
        var merged = await db.People.AsNoTracking().Where(p => holders.Contains(p.Id) && p.MergedIntoId != null).Select(p => p.Id).ToListAsync(cancellationToken);
        return holders.Except(merged).Distinct().ToList();
    }

    private async Task<Person?> OpenAsync(Guid personId, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            errors[""] = "This record no longer exists";
        }
        else if (person.MergedIntoId is not null)
        {
            errors[""] = "This record has been merged into another; add the information there";
        }

        return person;
    }

    private async Task<ChangeResult<T>> SaveAsync<T>(T fact, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ChangeResult<T>.Done(fact);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangeResult<T>.Refused("", "Someone else changed this record at the same time. Check the record and try again");
        }
    }

    private static string? Required(string? value, string field, string message, Dictionary<string, string> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors[field] = message;
            return null;
        }

        if (trimmed.Length > LongestName)
        {
            errors[field] = $"Must be {LongestName} characters or fewer";
            return null;
        }

        return trimmed;
    }

    private static void CheckDates(DateOnly? from, DateOnly? to, DateOnly today, Dictionary<string, string> errors)
    {
        if (from > today)
        {
            errors["From"] = "The start date must be today or in the past";
        }

        if (to > today)
        {
            errors["To"] = "The end date must be today or in the past";
        }
        else if (from is not null && to is not null && to < from)
        {
            errors["To"] = "The end date must be the same as or after the start date";
        }
    }

    private static PersonName NewName(Person person, string given, string family, PersonNameKind kind, DateOnly? from, DateOnly? to, Guid? sourceAgencyId, ProcessContext context) => new()
    {
        Id = Guid.CreateVersion7(context.Now),
        PartnershipId = person.PartnershipId,
        PersonId = person.Id,
        GivenName = given,
        FamilyName = family,
        Kind = kind,
        From = from,
        To = to,
        SourceAgencyId = sourceAgencyId,
        RecordedAt = context.Now,
    };
}

/// <summary>An agency added a fact to a person's record. Ids only: the fact itself is personal data.</summary>
public sealed record PersonFactRecorded(Guid PersonId, string Fact, Guid FactId, Guid? SourceAgencyId) : IDomainEvent
{
    public string SubjectType => RestrictedRecordAccess.PersonSubjectType;

    public string SubjectId => PersonId.ToString();
}
