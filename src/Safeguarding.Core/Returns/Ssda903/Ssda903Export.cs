using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;

namespace Safeguarding.Core.Returns.Ssda903;

/// <summary>
/// The SSDA903 return for a collection year (1 April to 31 March), built from the looked-after records:
/// every table the year's specification has, with its columns in the specification's order and values
/// as the DfE's files carry them (dates dd/mm/yyyy, codes as recorded, partial postcodes). In scope:
/// <list type="bullet">
/// <item>episodes open at any time in the year (started on or before 31 March, not ended before 1 April);
/// an end after 31 March is not yet known to this year's return, so DEC and REC are blank;</item>
/// <item>reviews held, and missing or away episodes (of a care period) running, in the year;</item>
/// <item>OC3 for care leavers whose 17th to 21st birthday falls in the year;</item>
/// <item>AD1 for children whose care ended in the year with an adoption order (E11, E12); placed for
/// adoption for decisions that the child should be placed which stood at some time in the year;</item>
/// <item>UASC for children who were unaccompanied asylum-seeking children at some time in the year;</item>
/// <item>header: every child with a row in any other table.</item>
/// </list>
/// Records merged into another child are reported under the surviving record, identified as in the CIN
/// census (<see cref="ReturnChildren"/>). Rows are ordered by child, then date, then content, so the same
/// records always give the same files. Tables the system holds nothing for (OC2, previous permanence,
/// social worker) have their columns and no rows.
/// </summary>
public sealed class Ssda903Export(SafeguardingDbContext db)
{
    /// <summary>The tables this export fills; the specification's other tables are written with no rows.</summary>
    public static readonly IReadOnlySet<string> FilledTables = new HashSet<string>(
        ["header", "episodes", "reviews", "uasc", "oc3", "ad1", "placed_adoption", "missing"], StringComparer.Ordinal);

    public async Task<Ssda903Return> ExportAsync(int collectionYear, CancellationToken cancellationToken = default)
    {
        var spec = Ssda903Spec.For(collectionYear);
        var (start, end) = CollectionYear.Of(collectionYear);

        var periods = await db.CarePeriods.AsNoTracking()
            .Where(p => p.StartDate <= end && (p.EndDate == null || p.EndDate >= start))
            .ToListAsync(cancellationToken);
        var periodIds = periods.Select(p => p.Id).ToHashSet();
        var episodes = await db.CareEpisodes.AsNoTracking()
            .Where(e => e.StartDate <= end && (e.EndDate == null || e.EndDate >= start))
            .ToListAsync(cancellationToken);
        var reviews = await db.LookedAfterReviews.AsNoTracking()
            .Where(r => r.HeldOn >= start && r.HeldOn <= end)
            .ToListAsync(cancellationToken);

        // Instants are compared in the database on the London day's bounds, then the dates checked exactly.
        var yearStarts = LondonTime.StartOfDay(start);
        var yearEnded = LondonTime.StartOfDay(end.AddDays(1));
        var missing = (await db.MissingEpisodes.AsNoTracking()
            .Where(m => m.CarePeriodId != null && m.StartedAt < yearEnded && (m.ReturnedAt == null || m.ReturnedAt >= yearStarts))
            .ToListAsync(cancellationToken))
            .Where(m => LondonTime.DateOf(m.StartedAt) <= end && (m.ReturnedAt is not { } back || LondonTime.DateOf(back) >= start))
            .ToList();
        var contacts = await db.CareLeaverContacts.AsNoTracking()
            .Where(c => c.Birthday >= start && c.Birthday <= end)
            .ToListAsync(cancellationToken);
        var adoptions = (await db.AdoptionRecords.AsNoTracking()
            .Where(a => a.DecisionDate <= end)
            .ToListAsync(cancellationToken))
            .Where(a => periodIds.Contains(a.CarePeriodId))
            .ToList();

        var survivors = await ReturnChildren.SurvivorsAsync(db,
            periods.Select(p => p.PersonId).Concat(episodes.Select(e => e.PersonId)).Concat(reviews.Select(r => r.PersonId))
                .Concat(missing.Select(m => m.PersonId)).Concat(contacts.Select(c => c.PersonId)).Concat(adoptions.Select(a => a.PersonId)),
            cancellationToken);
        var children = await ReturnChildren.ChildrenAsync(db, survivors.Values, cancellationToken);
        ReturnChild Child(Guid personId) => children[survivors[personId]];

        var rows = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        foreach (var table in spec.Keys)
        {
            rows[table] = [];
        }

        void Add(string table, Guid personId, DateOnly? on, Dictionary<string, string> values)
        {
            if (!rows.TryGetValue(table, out var list))
            {
                return;
            }

            var child = Child(personId);
            values["CHILD"] = child.LaChildId;
            values.TryAdd("DOB", Date(child.DateOfBirth));
            list.Add(new Row(child, on, values));
        }

        foreach (var e in episodes)
        {
            var ended = e.EndDate is { } dec && dec <= end;
            Add("episodes", e.PersonId, e.StartDate, new(StringComparer.Ordinal)
            {
                ["DECOM"] = Date(e.StartDate),
                ["RNE"] = e.ReasonNewEpisode,
                ["LS"] = e.LegalStatus,
                ["CIN"] = e.CategoryOfNeed,
                ["PLACE"] = e.PlacementType,
                ["PLACE_PROVIDER"] = e.PlacementProvider ?? "",
                ["DEC"] = ended ? Date(e.EndDate) : "",
                ["REC"] = ended ? e.EndReason ?? "" : "",
                ["REASON_PLACE_CHANGE"] = e.ReasonPlaceChange ?? "",
                ["HOME_POST"] = PartialPostcode(e.HomePostcode),
                ["PL_POST"] = PartialPostcode(e.PlacementPostcode),
                ["URN"] = e.Urn ?? "",
            });
        }

        foreach (var r in reviews)
        {
            Add("reviews", r.PersonId, r.HeldOn, new(StringComparer.Ordinal) { ["REVIEW"] = Date(r.HeldOn), ["REVIEW_CODE"] = r.Participation });
        }

        foreach (var m in missing)
        {
            var started = LondonTime.DateOf(m.StartedAt);
            var returned = m.ReturnedAt is { } back && LondonTime.DateOf(back) <= end ? LondonTime.DateOf(back) : (DateOnly?)null;
            Add("missing", m.PersonId, started, new(StringComparer.Ordinal)
            {
                ["MISSING"] = m.Kind == MissingKind.Missing ? "M" : "A",
                ["MIS_START"] = Date(started),
                ["MIS_END"] = Date(returned),
            });
        }

        // One OC3 row a child: a merged child's two records may each hold the same birthday's contact.
        foreach (var c in contacts.GroupBy(c => survivors[c.PersonId]).Select(g => g.OrderByDescending(c => c.RecordedAt).ThenBy(c => c.Id).First()))
        {
            Add("oc3", c.PersonId, c.Birthday, new(StringComparer.Ordinal) { ["IN_TOUCH"] = c.InTouch, ["ACTIV"] = c.Activity, ["ACCOM"] = c.Accommodation });
        }

        var adoptionsByPeriod = adoptions.ToLookup(a => a.CarePeriodId);
        foreach (var period in periods.Where(p => p.EndDate is { } ended && ended <= end && p.EndReason is { } reason && LookedAfterCodes.Adopted.Contains(reason)))
        {
            // Adopted in the year: the decision that led to the adoption (one not reversed), or blanks the checks will report.
            var record = adoptionsByPeriod[period.Id].OrderBy(a => a.CeasedDate is null ? 0 : 1).ThenByDescending(a => a.DecisionDate).ThenBy(a => a.Id).FirstOrDefault();
            Add("ad1", period.PersonId, period.EndDate, new(StringComparer.Ordinal)
            {
                ["DATE_INT"] = Date(record?.DecisionDate),
                ["DATE_MATCH"] = Date(record?.MatchDate),
                ["FOSTER_CARE"] = record?.AdoptedByFosterCarers switch { true => "1", false => "0", null => "" },
                ["NB_ADOPTR"] = record?.NumberOfAdopters?.ToString(CultureInfo.InvariantCulture) ?? "",
                ["SEX_ADOPTR"] = record?.AdopterSex ?? "",
                ["LS_ADOPTR"] = record?.AdopterLegalStatus ?? "",
            });
        }

        foreach (var a in adoptions.Where(a => a.CeasedDate is not { } ceased || ceased >= start))
        {
            var ceasedInYear = a.CeasedDate is { } ceased && ceased <= end;
            Add("placed_adoption", a.PersonId, a.DecisionDate, new(StringComparer.Ordinal)
            {
                ["DATE_PLACED"] = Date(a.DecisionDate),
                ["DATE_PLACED_CEASED"] = ceasedInYear ? Date(a.CeasedDate) : "",
                ["REASON_PLACED_CEASED"] = ceasedInYear ? a.CeasedReason ?? "" : "",
            });
        }

        // UASC: at some time in the year, so not after the status ceased, and never past the 18th birthday.
        foreach (var child in periods.Where(p => p.IsUnaccompaniedAsylumSeeker).GroupBy(p => survivors[p.PersonId]))
        {
            var person = children[child.Key];
            var adult = person.DateOfBirth?.AddYears(18);
            var ceasedDates = child.Select(p => Earliest(p.UnaccompaniedCeasedOn, adult)).ToList();
            if (ceasedDates.All(d => d is { } ceased && ceased < start))
            {
                continue;
            }

            var duc = ceasedDates.Any(d => d is null) ? null : ceasedDates.Max();
            Add("uasc", child.First().PersonId, null, new(StringComparer.Ordinal)
            {
                ["SEX"] = Sex(spec, "uasc", person.Sex),
                ["DUC"] = duc is { } d && d <= end ? Date(d) : "",
            });
        }

        // The header: every child with a row anywhere in the return.
        var headerChildren = rows.Where(t => t.Key != "header").SelectMany(t => t.Value).Select(r => r.Child).DistinctBy(c => c.PersonId).ToList();
        var motherhood = await MotherhoodAsync(headerChildren.Where(c => c.Sex == PersonSex.Female).Select(c => c.PersonId).ToList(), survivors, end, cancellationToken);
        foreach (var child in headerChildren)
        {
            var female = child.Sex == PersonSex.Female;
            var mother = motherhood.TryGetValue(child.PersonId, out var childBorn);
            Add("header", child.PersonId, null, new(StringComparer.Ordinal)
            {
                ["SEX"] = Sex(spec, "header", child.Sex),
                ["DOB"] = Date(child.DateOfBirth),
                ["ETHNIC"] = child.Ethnicity ?? "NOBT",
                ["UPN"] = Upn(child, start),
                ["MOTHER"] = female ? mother ? "1" : "0" : "",
                ["MC_DOB"] = female ? Date(childBorn) : "",
            });
        }

        var tables = new Dictionary<string, Ssda903Table>(StringComparer.Ordinal);
        foreach (var (name, columns) in spec)
        {
            var names = columns.Select(c => c.Name).ToList();
            var ordered = rows[name]
                .Select(r => (r.Child.LaChildId, r.On, Values: (IReadOnlyList<string>)names.Select(n => r.Values.TryGetValue(n, out var v) ? v : "").ToList()))
                .DistinctBy(r => string.Join('\u001f', r.Values))
                .OrderBy(r => r.LaChildId, StringComparer.Ordinal)
                .ThenBy(r => r.On)
                .ThenBy(r => string.Join('\u001f', r.Values), StringComparer.Ordinal)
                .Select(r => r.Values)
                .ToList();
            tables[name] = new Ssda903Table(name, names, ordered);
        }

        return new Ssda903Return(collectionYear, tables);
    }

    /// <summary>
    /// Girls who are mothers by the end of the year, by surviving record, with the birth of their most recent child
    /// (null when only an imported return said she is a mother and it did not know the date).
    /// </summary>
    private async Task<Dictionary<Guid, DateOnly?>> MotherhoodAsync(List<Guid> girls, Dictionary<Guid, Guid> survivors, DateOnly end, CancellationToken cancellationToken)
    {
        // A relationship reads "PersonId's parent is RelatedPersonId"; the girl's other records count too.
        var wanted = girls.ToHashSet();
        var records = survivors.Where(s => wanted.Contains(s.Value)).Select(s => s.Key).Concat(girls).Distinct().ToList();
        var born = new Dictionary<Guid, DateOnly?>();
        void Born(Guid record, DateOnly? on)
        {
            var mother = survivors.TryGetValue(record, out var survivor) ? survivor : record;
            born[mother] = born.TryGetValue(mother, out var latest) && (on is null || latest > on) ? latest : on;
        }

        foreach (var batch in records.Chunk(5_000))
        {
            var babies = await db.PersonRelationships.AsNoTracking()
                .Where(r => r.Type == RelationshipType.Parent && batch.Contains(r.RelatedPersonId))
                .Join(db.People, r => r.PersonId, p => p.Id, (r, p) => new { r.RelatedPersonId, p.DateOfBirth })
                .Where(b => b.DateOfBirth != null && b.DateOfBirth <= end)
                .ToListAsync(cancellationToken);
            foreach (var baby in babies)
            {
                Born(baby.RelatedPersonId, baby.DateOfBirth);
            }

            // A return's word for a child born after the year belongs to a later year's return.
            var returned = await db.People.AsNoTracking()
                .Where(p => batch.Contains(p.Id) && p.IsMotherPerSsda903 && (p.ChildBornOnPerSsda903 == null || p.ChildBornOnPerSsda903 <= end))
                .Select(p => new { p.Id, p.ChildBornOnPerSsda903 })
                .ToListAsync(cancellationToken);
            foreach (var girl in returned)
            {
                Born(girl.Id, girl.ChildBornOnPerSsda903);
            }
        }

        return born;
    }

    /// <summary>
    /// The child's UPN when a valid one is recorded; UN1 (under school age) for a child who had not turned
    /// five by the 31 August in the year; otherwise blank, which the field checks report, since only a
    /// person can say which of the DfE's other reasons (UN2 to UN5) applies.
    /// </summary>
    public static string Upn(ReturnChild child, DateOnly yearStart)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Upn is { } upn && UpnFormat.IsValid(upn))
        {
            return upn;
        }

        return child.DateOfBirth is { } born && born.AddYears(5) > new DateOnly(yearStart.Year, 8, 31) ? "UN1" : "";
    }

    /// <summary>
    /// The 903's partial postcode: the outward code, a space and the first character of the inward code
    /// ("ZX1 4AB" is "ZX1 4"). A partial postcode already stored is kept; anything else is passed through
    /// in capitals for the checks to report.
    /// </summary>
    public static string PartialPostcode(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return "";
        }

        if (PostcodeFormat.Normalise(stored) is { } full)
        {
            return full[..^2];
        }

        return string.Join(' ', stored.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>A date as the 903 writes it, dd/mm/yyyy; blank when there is none.</summary>
    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Sex in the year's code set: M, F, U from 2025; 1 (male) and 2 (female) before.</summary>
    private static string Sex(IReadOnlyDictionary<string, IReadOnlyList<Ssda903Column>> spec, string table, PersonSex sex)
    {
        var letters = spec.TryGetValue(table, out var columns) && columns.FirstOrDefault(c => c.Name == "SEX") is { } column && column.Codes.Contains("M");
        return (sex, letters) switch
        {
            (PersonSex.Male, true) => "M",
            (PersonSex.Female, true) => "F",
            (_, true) => "U",
            (PersonSex.Male, false) => "1",
            (PersonSex.Female, false) => "2",
            _ => "",
        };
    }

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private sealed record Row(ReturnChild Child, DateOnly? On, Dictionary<string, string> Values);
}
