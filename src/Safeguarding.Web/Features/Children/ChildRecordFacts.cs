using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.FrontDoor;
using Safeguarding.Core.Learning;

namespace Safeguarding.Web.Features.Children;

public sealed record OtherName(string FullName, PersonNameKind Kind, DateOnly? From, DateOnly? To, string? Source);

public sealed record IdentifierRow(PersonIdentifierType Type, string Value, string? IssuedBy);

public sealed record AddressRow(string AddressLine, string? Town, string? Postcode, DateOnly? From, DateOnly? To, string? Source);

public sealed record SchoolRow(string School, DateOnly? From, DateOnly? To);

/// <summary>Something the partnership is doing for the child now, shown at the top of the record.</summary>
/// <summary>One kind of current work with the child; the link is shown to those the policy lets in.</summary>
public sealed record Involvement(string Kind, string Detail, DateOnly Since, string? Link, string LinkPolicy = Access.AccessPolicies.Learning);

/// <summary>
/// What agencies hold about a child, gathered across the record and everything merged into it,
/// each fact with where it came from.
/// </summary>
public sealed record ChildRecordFacts(
    IReadOnlyList<OtherName> OtherNames,
    IReadOnlyList<IdentifierRow> Identifiers,
    IReadOnlyList<AddressRow> Addresses,
    IReadOnlyList<SchoolRow> Schools,
    IReadOnlyList<Involvement> Involvements,
    int MergedRecords)
{
    public static readonly ChildRecordFacts None = new([], [], [], [], [], 0);

    public static async Task<ChildRecordFacts> LoadAsync(SafeguardingDbContext db, Guid childId, CancellationToken cancellationToken)
    {
        var ids = await Core.Children.MergedRecords.IdsOfAsync(db, childId, cancellationToken);
        var agencies = db.Agencies.AsNoTracking();
        var names = await db.PersonNames.AsNoTracking().Where(n => ids.Contains(n.PersonId))
            .OrderBy(n => n.From)
            .Select(n => new OtherName(n.GivenName + " " + n.FamilyName, n.Kind, n.From, n.To, agencies.Where(a => a.Id == n.SourceAgencyId).Select(a => a.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var identifiers = await db.PersonIdentifiers.AsNoTracking().Where(i => ids.Contains(i.PersonId))
            .OrderBy(i => i.Type).ThenBy(i => i.Value)
            .Select(i => new IdentifierRow(i.Type, i.Value, agencies.Where(a => a.Id == i.IssuingAgencyId).Select(a => a.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var addresses = await db.PersonAddresses.AsNoTracking().Where(a => ids.Contains(a.PersonId))
            .Select(a => new AddressRow(a.AddressLine, a.Town, a.Postcode, a.From, a.To, agencies.Where(g => g.Id == a.SourceAgencyId).Select(g => g.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var schools = await db.PersonSchools.AsNoTracking().Where(s => ids.Contains(s.PersonId))
            .Select(s => new SchoolRow(agencies.Where(a => a.Id == s.SchoolId).Select(a => a.Name).First(), s.From, s.To))
            .ToListAsync(cancellationToken);
        return new ChildRecordFacts(
            names,
            identifiers,
            // Where they live now first, then back through time.
            addresses.OrderBy(a => a.To is null ? 0 : 1).ThenByDescending(a => a.From).ToList(),
            schools.OrderBy(s => s.To is null ? 0 : 1).ThenByDescending(s => s.From).ToList(),
            await InvolvementsAsync(db, ids, cancellationToken),
            ids.Count - 1);
    }

    /// <summary>
    /// Current work with the child. Each module adds its own kind here as it is built: serious
    /// incidents notified to the National Panel, the open child in need episode, CIN and CP plans.
    /// </summary>
    private static async Task<IReadOnlyList<Involvement>> InvolvementsAsync(SafeguardingDbContext db, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var incidents = await db.SeriousIncidentNotifications.AsNoTracking()
            .Where(n => n.ChildId != null && ids.Contains(n.ChildId.Value))
            .Select(n => new { n.Id, n.IncidentDate })
            .ToListAsync(cancellationToken);
        var involvements = incidents
            .Select(n => new Involvement("Serious incident notification", "Notified to the Child Safeguarding Practice Review Panel", n.IncidentDate, $"/learning/serious-incidents/details/{n.Id}"))
            .ToList();

        // Children's social care: the open child in need episode, and the plans in force.
        var pathway = $"/children/{ids[0]}/pathway";
        involvements.AddRange((await db.CinEpisodes.AsNoTracking().Where(e => ids.Contains(e.PersonId) && e.ClosureDate == null)
                .Select(e => e.ReferralDate).ToListAsync(cancellationToken))
            .Select(d => new Involvement("Child in need episode", "Open referral to children's social care", d, pathway, Access.AccessPolicies.Pathway)));
        involvements.AddRange((await db.CinPlans.AsNoTracking().Where(p => ids.Contains(p.PersonId) && p.EndDate == null)
                .Select(p => p.StartDate).ToListAsync(cancellationToken))
            .Select(d => new Involvement("Child in need plan", "Child in need plan in place", d, pathway, Access.AccessPolicies.Pathway)));
        involvements.AddRange((await db.ChildProtectionPlans.AsNoTracking().Where(p => ids.Contains(p.PersonId) && p.EndDate == null)
                .Select(p => new { p.StartDate, p.LatestCategory }).ToListAsync(cancellationToken))
            .Select(p => new Involvement("Child protection plan", $"Child protection plan: {CinCensusCodes.Describe(CinCensusCodes.CategoriesOfAbuse, p.LatestCategory)}", p.StartDate, pathway, Access.AccessPolicies.Pathway)));
        return involvements.OrderByDescending(i => i.Since).ToList();
    }

    public static string Describe(PersonNameKind kind) => kind switch
    {
        PersonNameKind.Current => "Current name",
        PersonNameKind.Birth => "Name at birth",
        PersonNameKind.Previous => "Previous name",
        PersonNameKind.Alias => "Alias",
        PersonNameKind.KnownAs => "Known as",
        _ => kind.ToString(),
    };

    public static string Describe(PersonIdentifierType type) => type switch
    {
        PersonIdentifierType.NhsNumber => "NHS number",
        PersonIdentifierType.UniquePupilNumber => "Unique pupil number",
        PersonIdentifierType.LocalAuthorityChildId => "Local authority child ID",
        PersonIdentifierType.PoliceReference => "Police reference",
        _ => "Other",
    };

    /// <summary>"From 4 May 2021 to 3 June 2024", "From 4 May 2021", "Until 3 June 2024" or "Dates not known".</summary>
    public static string Period(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        ({ } f, { } t) => $"{f:d MMMM yyyy} to {t:d MMMM yyyy}",
        ({ } f, null) => $"Since {f:d MMMM yyyy}",
        (null, { } t) => $"Until {t:d MMMM yyyy}",
        _ => "Dates not known",
    };
}
