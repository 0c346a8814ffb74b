using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Access;

public sealed record AgencyForm(string Name, AgencyType Type, Guid? LocalityId, string? Reference, string? Postcode, bool IsActive = true);

/// <summary>The outcome of a change a person asked for: either done, or the reasons it could not be.</summary>
public sealed record ChangeResult<T>(T? Value, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ChangeResult<T> Done(T value) => new(value, new Dictionary<string, string>());

    public static ChangeResult<T> Refused(string field, string message) => new(default, new Dictionary<string, string> { [field] = message });
}

/// <summary>Adds and changes the agencies of a partnership.</summary>
public sealed class AgencyDirectory(SafeguardingDbContext db)
{
    public async Task<ChangeResult<Agency>> CreateAgencyAsync(AgencyForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var partnershipId = context.PartnershipId ?? throw new InvalidOperationException("An agency belongs to a partnership.");
        var name = form.Name.Trim();
        if (await db.Agencies.AnyAsync(a => a.PartnershipId == partnershipId && a.Name == name, cancellationToken))
        {
            return ChangeResult<Agency>.Refused(nameof(AgencyForm.Name), $"An agency called {name} already exists");
        }

        var agency = new Agency
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = partnershipId,
            Name = name,
            Type = form.Type,
            LocalityId = form.LocalityId,
            Reference = Blank(form.Reference),
            Postcode = Blank(form.Postcode)?.ToUpperInvariant(),
            IsActive = form.IsActive,
        };
        db.Agencies.Add(agency);
        db.Record(new AgencyCreated(agency.Id, agency.Name, agency.Type, agency.LocalityId, agency.Reference), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<Agency>.Done(agency);
    }

    /// <summary>Changes an agency; <paramref name="expectedVersion"/> is the version the person saw, so a concurrent edit is refused, not overwritten.</summary>
    public async Task<ChangeResult<Agency>> ChangeAgencyAsync(Guid agencyId, long expectedVersion, AgencyForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, cancellationToken);
        if (agency is null)
        {
            return ChangeResult<Agency>.Refused("", "This agency no longer exists");
        }

        var name = form.Name.Trim();
        if (await db.Agencies.AnyAsync(a => a.PartnershipId == agency.PartnershipId && a.Name == name && a.Id != agencyId, cancellationToken))
        {
            return ChangeResult<Agency>.Refused(nameof(AgencyForm.Name), $"An agency called {name} already exists");
        }

        db.Entry(agency).Property(a => a.Version).OriginalValue = expectedVersion;
        var old = Details(agency);
        agency.Name = name;
        agency.Type = form.Type;
        agency.LocalityId = form.LocalityId;
        agency.Reference = Blank(form.Reference);
        agency.Postcode = Blank(form.Postcode)?.ToUpperInvariant();
        agency.IsActive = form.IsActive;
        db.Record(new AgencyChanged(agency.Id, old, Details(agency)), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<Agency>.Done(agency);
    }

    private static AgencyDetails Details(Agency a) => new(a.Name, a.Type, a.LocalityId, a.Reference, a.Postcode, a.IsActive);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
