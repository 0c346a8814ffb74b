using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using static Safeguarding.Core.Returns.ImportChanges;

namespace Safeguarding.Core.Returns.Ssda903;

/// <summary>How many records of one kind an import made, changed and found as the files say.</summary>
public sealed record Ssda903ImportCount(string Records, int Created, int Updated, int Unchanged);

/// <summary>
/// What an SSDA903 import did. Problems (a file that cannot be read, a value that cannot be stored) mean
/// nothing was imported; the DfE rules' issues are reported whether or not it was.
/// </summary>
public sealed record Ssda903ImportResult(
    int CollectionYear,
    IReadOnlyList<Ssda903FileProblem> Problems,
    IReadOnlyList<Ssda903ImportCount> Counts,
    int Children,
    int ChildrenCreated,
    IReadOnlyList<string> NotImported,
    Ssda903Validation? Validation)
{
    public bool Succeeded => Problems.Count == 0;

    public int Created => Counts.Sum(c => c.Created);

    public int Updated => Counts.Sum(c => c.Updated);
}

public sealed record Ssda903Imported(Guid PartnershipId, string Folder, int CollectionYear, int Children, int ChildrenCreated, int Created, int Updated) : IDomainEvent
{
    public string SubjectType => "Partnership";
    public string SubjectId => PartnershipId.ToString();
}

/// <summary>
/// Loads an authority's SSDA903 return (a folder of the DfE's CSV files) into the looked-after records, so its
/// KPIs and returns come out without re-keying. Every file must be readable and every value one the records can
/// hold (the field checks, and a few facts the records need, such as a period of care for a review); otherwise
/// nothing is imported and each problem is named by file, line and column. The DfE's validation rules run too, but
/// their issues do not stop the import: authorities load returns that were submitted with errors and queries.
/// Then it is one transaction. Children are found by LA child id as the CIN census import finds them; each record
/// is found by its date within the child (an episode by DECOM, a review by its date, a missing episode by its
/// start, an OC3 answer by the birthday, a route to adoption by its period of care) and updated, so the same
/// folder twice changes nothing and a later year's files bring earlier records up to date. A value left blank
/// never clears one already held: this year's file leaves blank an end that falls after 31 March.
/// </summary>
public sealed class Ssda903Import(SafeguardingDbContext db)
{
    /// <summary>The tables the export writes empty, because the records do not hold what they ask, and why.</summary>
    private static readonly IReadOnlyDictionary<string, string> NotHeld = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["oc2"] = "the system does not record the health and offending of children looked after for 12 months (OC2)",
        ["prev_perm"] = "the system does not record previous permanence (adoption, special guardianship or child arrangements before care)",
        ["social_worker"] = "the system does not record social workers' Social Work England numbers (SW_ID)",
    };

    public async Task<Ssda903ImportResult> ImportAsync(string directory, int collectionYear, ProcessContext context, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var partnershipId = context.PartnershipId ?? throw new InvalidOperationException("An import belongs to a partnership.");
        Ssda903Return read;
        Dictionary<string, string> fileOf;
        try
        {
            read = await Ssda903Reader.ReadAsync(directory, collectionYear, cancellationToken);
            fileOf = await FilesOfTablesAsync(directory, collectionYear, cancellationToken);
        }
        catch (Ssda903FileException e)
        {
            return Failed(collectionYear, e.Problems);
        }

        progress?.Report($"Read {read.Tables.Count} files: {read.Tables.Values.Sum(t => t.Rows.Count):N0} rows.");
        var problems = Ssda903FieldChecks.Check(read).Select(issue => Problem(read, fileOf, issue)).ToList();
        progress?.Report($"Checked every field: {problems.Count:N0} cannot be stored.");
        var validation = Ssda903Validator.Validate(read);
        progress?.Report($"Ran the DfE rules: {validation.Errors:N0} error(s), {validation.Queries:N0} query(ies).");
        if (problems.Count > 0)
        {
            return Failed(collectionYear, problems) with { Validation = validation };
        }

        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        var source = $"SSDA903 {collectionYear - 1}-{collectionYear % 100:00} import ({name})";
        var run = new Run(db, read, fileOf, partnershipId, source[..Math.Min(source.Length, 200)], context, await ImportedChildren.LoadAsync(db, cancellationToken));
        await run.LoadAsync(cancellationToken);
        run.Import();
        if (run.Problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Failed(collectionYear, run.Problems) with { Validation = validation };
        }

        progress?.Report($"Matched {run.Children.Count:N0} children ({run.ChildrenCreated:N0} new); saving in one transaction.");
        var counts = run.Counts.Select(c => new Ssda903ImportCount(c.Key, c.Value.Created, c.Value.Updated, c.Value.Unchanged)).ToList();
        db.Record(new Ssda903Imported(partnershipId, name, collectionYear, run.Children.Count, run.ChildrenCreated, counts.Sum(c => c.Created), counts.Sum(c => c.Updated)), context);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var notImported = NotHeld.Where(t => read.Tables.TryGetValue(t.Key, out var table) && table.Rows.Count > 0)
            .Select(t => $"{fileOf[t.Key]}: {read.Tables[t.Key].Rows.Count:N0} row(s) not imported: {t.Value}").ToList();
        return new(collectionYear, [], counts, run.Children.Count, run.ChildrenCreated, notImported, validation);
    }

    /// <summary>Which file holds each table, for naming the file of a problem: the reader knows tables by their columns, not their file names.</summary>
    private static async Task<Dictionary<string, string>> FilesOfTablesAsync(string directory, int collectionYear, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*.csv"))
        {
            var content = await File.ReadAllBytesAsync(path, cancellationToken);
            foreach (var table in Ssda903Reader.Read([(Path.GetFileName(path), content)], collectionYear).Tables.Keys)
            {
                files[table] = Path.GetFileName(path);
            }
        }

        return files;
    }

    private static Ssda903FileProblem Problem(Ssda903Return read, Dictionary<string, string> fileOf, Ssda903FieldIssue issue)
    {
        var column = read.Tables.TryGetValue(issue.Table, out var table) ? table.IndexOf(issue.Column) + 1 : 0;
        return new(fileOf.GetValueOrDefault(issue.Table, Ssda903Files.FileName(issue.Table)), issue.Row + 1, Math.Max(column, 0), issue.Message);
    }

    private static Ssda903ImportResult Failed(int year, IReadOnlyList<Ssda903FileProblem> problems) => new(year, problems, [], 0, 0, [], null);

    /// <summary>One import: the return, the records it may match, and what it has done so far.</summary>
    private sealed class Run(SafeguardingDbContext db, Ssda903Return read, Dictionary<string, string> fileOf, Guid partnershipId, string source, ProcessContext context, ImportedChildren people)
    {
        private readonly (DateOnly Start, DateOnly End) year = CollectionYear.Of(read.CollectionYear);
        private static readonly (string Column, int Longest)[] Longest = [("CHILD", 40), ("URN", 10)];
        private static readonly string[] AdoptionDetails = ["DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"];
        private readonly Dictionary<Guid, List<CarePeriod>> periods = [];
        private readonly Dictionary<Guid, CarePeriod> periodById = [];
        private readonly Dictionary<Guid, List<CareEpisode>> episodesOfPeriod = [];
        private readonly Dictionary<(Guid Person, DateOnly Started), CareEpisode> episodes = [];
        private readonly Dictionary<(Guid Person, DateOnly Held), LookedAfterReview> reviews = [];
        private readonly Dictionary<(Guid Person, MissingKind Kind, DateOnly Started), MissingEpisode> missing = [];
        private readonly Dictionary<(Guid Person, int Age), CareLeaverContact> contacts = [];
        private readonly Dictionary<Guid, AdoptionRecord> adoptions = [];

        /// <summary>Routes to adoption set by a row of this import, with the row, so a second decision for one period of care is caught.</summary>
        private readonly Dictionary<Guid, string> adoptionSetBy = [];

        public List<Ssda903FileProblem> Problems { get; } = [];

        public Dictionary<string, Person> Children { get; } = new(StringComparer.Ordinal);

        public int ChildrenCreated { get; private set; }

        public SortedDictionary<string, (int Created, int Updated, int Unchanged)> Counts { get; } = new(StringComparer.Ordinal);

        public async Task LoadAsync(CancellationToken cancellationToken)
        {
            foreach (var p in await db.CarePeriods.ToListAsync(cancellationToken))
            {
                PeriodsOf(people.Survivor(p.PersonId)).Add(p);
                periodById[p.Id] = p;
            }

            foreach (var e in await db.CareEpisodes.ToListAsync(cancellationToken))
            {
                episodes[(people.Survivor(e.PersonId), e.StartDate)] = e;
                EpisodesOf(e.CarePeriodId).Add(e);
            }

            foreach (var r in await db.LookedAfterReviews.ToListAsync(cancellationToken))
            {
                reviews[(people.Survivor(r.PersonId), r.HeldOn)] = r;
            }

            foreach (var m in await db.MissingEpisodes.ToListAsync(cancellationToken))
            {
                missing[(people.Survivor(m.PersonId), m.Kind, LondonTime.DateOf(m.StartedAt))] = m;
            }

            foreach (var c in await db.CareLeaverContacts.ToListAsync(cancellationToken))
            {
                contacts[(people.Survivor(c.PersonId), c.Age)] = c;
            }

            foreach (var a in await db.AdoptionRecords.ToListAsync(cancellationToken))
            {
                adoptions[a.CarePeriodId] = a;
            }
        }

        /// <summary>Header first (the children), then episodes (the periods of care every other table hangs on).</summary>
        public void Import()
        {
            foreach (var table in read.Tables.Values)
            {
                ForEachRow(table.Name, Fits);
            }

            if (Problems.Count > 0)
            {
                return;
            }

            ForEachRow("header", Header);
            ImportEpisodes();
            ForEachRow("uasc", Uasc);
            ForEachRow("reviews", Review);
            ForEachRow("missing", Missing);
            ForEachRow("placed_adoption", PlacedForAdoption);
            ForEachRow("ad1", Adopted);
            ForEachRow("oc3", CareLeaver);
        }

        /// <summary>Values the specification allows longer than the records hold: an LA child id is kept as an identifier, a URN as Ofsted gives it.</summary>
        private void Fits(Row row)
        {
            foreach (var (column, longest) in Longest)
            {
                if (row.Text(column) is { } value && value.Length > longest)
                {
                    Problem(row, column, $"{column} '{value}' is longer than the {longest} characters the records hold");
                }
            }
        }

        private void Header(Row row)
        {
            var person = Child(row, out var isNew);
            var upn = row["UPN"];
            var changed = Set(person.Sex, Sex(row["SEX"]), v => person.Sex = v)
                | Set(person.DateOfBirth, row.Date("DOB") ?? person.DateOfBirth, v => person.DateOfBirth = v)
                | Set(person.EthnicityCode, row["ETHNIC"].Length > 0 ? row["ETHNIC"] : person.EthnicityCode, v => person.EthnicityCode = v);

            // A mother stays one: MOTHER 0 or blank in a later file clears nothing. Her child is not made a record: the return names no child.
            if (row["MOTHER"] == "1")
            {
                changed |= Set(person.IsMotherPerSsda903, true, v => person.IsMotherPerSsda903 = v)
                    | Set(person.ChildBornOnPerSsda903, row.Date("MC_DOB") ?? person.ChildBornOnPerSsda903, v => person.ChildBornOnPerSsda903 = v);
            }

            // UN1 to UN5 say why there is no UPN; the export works UN1 out from the age, and only a valid UPN can be recorded.
            if (UpnFormat.IsValid(upn))
            {
                changed |= people.AddIdentifier(person, PersonIdentifierType.UniquePupilNumber, upn, context);
            }

            Count("children", isNew, changed);
        }

        private void ImportEpisodes()
        {
            if (!read.Tables.TryGetValue("episodes", out var table))
            {
                return;
            }

            var touched = new HashSet<CarePeriod>();
            var rows = Enumerable.Range(0, table.Rows.Count).Select(i => new Row(table, i, fileOf["episodes"])).OrderBy(r => r["CHILD"], StringComparer.Ordinal).ThenBy(r => r.Date("DECOM"));
            foreach (var row in rows)
            {
                var person = Child(row, out _);
                var started = row.Date("DECOM")!.Value;
                var isNew = !episodes.TryGetValue((person.Id, started), out var episode);
                if (episode is null)
                {
                    // S starts a period of care; any other episode carries on the one it falls in, or one whose start is before this return.
                    var period = row["RNE"] == "S" ? PeriodsOf(person.Id).FirstOrDefault(p => p.StartDate == started) : Covering(person.Id, started);
                    period ??= NewPeriod(person, started);
                    episode = new CareEpisode
                    {
                        Id = Guid.CreateVersion7(context.Now),
                        PartnershipId = partnershipId,
                        CarePeriodId = period.Id,
                        PersonId = person.Id,
                        StartDate = started,
                        ReasonNewEpisode = row["RNE"],
                        LegalStatus = row["LS"],
                        CategoryOfNeed = row["CIN"],
                        PlacementType = row["PLACE"],
                        Source = source,
                    };
                    db.CareEpisodes.Add(episode);
                    episodes[(person.Id, started)] = episode;
                    EpisodesOf(period.Id).Add(episode);
                }

                var changed = Set(episode.ReasonNewEpisode, row["RNE"], v => episode.ReasonNewEpisode = v)
                    | Set(episode.LegalStatus, row["LS"], v => episode.LegalStatus = v)
                    | Set(episode.CategoryOfNeed, row["CIN"], v => episode.CategoryOfNeed = v)
                    | Set(episode.PlacementType, row["PLACE"], v => episode.PlacementType = v)
                    | Set(episode.PlacementProvider, row.Text("PLACE_PROVIDER") ?? episode.PlacementProvider, v => episode.PlacementProvider = v)
                    | Set(episode.ReasonPlaceChange, row.Text("REASON_PLACE_CHANGE") ?? episode.ReasonPlaceChange, v => episode.ReasonPlaceChange = v)
                    | Set(episode.HomePostcode, row.Text("HOME_POST") ?? episode.HomePostcode, v => episode.HomePostcode = v)
                    | Set(episode.PlacementPostcode, row.Text("PL_POST") ?? episode.PlacementPostcode, v => episode.PlacementPostcode = v)
                    | Set(episode.Urn, row.Text("URN") ?? episode.Urn, v => episode.Urn = v)
                    | Set(episode.EndDate, row.Date("DEC") ?? episode.EndDate, v => episode.EndDate = v)
                    | Set(episode.EndReason, row.Text("REC") ?? episode.EndReason, v => episode.EndReason = v);
                Count("episodes", isNew, changed);
                if (changed)
                {
                    episode.Source = source;
                }

                touched.Add(periodById[episode.CarePeriodId]);
            }

            // A period of care ends with its last episode, when that ended care (any reason but X1).
            foreach (var period in touched)
            {
                var last = EpisodesOf(period.Id).MaxBy(e => e.StartDate)!;
                var ended = last.EndDate is not null && last.EndReason is { } reason && reason != "X1";
                var changed = ended && (Set(period.EndDate, last.EndDate, v => period.EndDate = v) | Set(period.EndReason, last.EndReason, v => period.EndReason = v));
                Count("periods of care", db.Entry(period).State == EntityState.Added, MarkedPeriod(period, changed));
            }
        }

        private void Uasc(Row row)
        {
            // The periods of care in the year: the 903 says the child was unaccompanied at some time in it.
            var person = Child(row, out _);
            var inYear = PeriodsOf(person.Id).Where(p => p.StartDate <= year.End && (p.EndDate is not { } end || end >= year.Start)).ToList();
            if (inYear.Count == 0)
            {
                Problem(row, "CHILD", $"child {row["CHILD"]} has no episode of care in the year, so there is no period of care to record as an unaccompanied asylum-seeking child's");
                return;
            }

            var changed = false;
            foreach (var period in inYear)
            {
                changed |= MarkedPeriod(period, Set(period.IsUnaccompaniedAsylumSeeker, true, v => period.IsUnaccompaniedAsylumSeeker = v)
                    | Set(period.UnaccompaniedCeasedOn, row.Date("DUC") ?? period.UnaccompaniedCeasedOn, v => period.UnaccompaniedCeasedOn = v));
            }

            Count("uasc", inYear.All(p => db.Entry(p).State == EntityState.Added), changed);
        }

        private void Review(Row row)
        {
            var person = Child(row, out _);
            var held = row.Date("REVIEW")!.Value;
            var isNew = !reviews.TryGetValue((person.Id, held), out var review);
            if (review is null)
            {
                if (PeriodFor(row, person, held, "REVIEW") is not { } period)
                {
                    return;
                }

                review = new LookedAfterReview { Id = Guid.CreateVersion7(context.Now), PartnershipId = partnershipId, CarePeriodId = period.Id, PersonId = person.Id, HeldOn = held, Participation = row["REVIEW_CODE"], Source = source };
                db.LookedAfterReviews.Add(review);
                reviews[(person.Id, held)] = review;
            }

            var changed = Set(review.Participation, row["REVIEW_CODE"], v => review.Participation = v);
            if (changed)
            {
                review.Source = source;
            }

            Count("reviews", isNew, changed);
        }

        private void Missing(Row row)
        {
            // The 903 gives days, not times: the episode is taken to start and end at the start of the London day.
            var person = Child(row, out _);
            var kind = row["MISSING"] == "M" ? MissingKind.Missing : MissingKind.Away;
            var started = row.Date("MIS_START")!.Value;
            var returned = row.Date("MIS_END") is { } back ? LondonTime.StartOfDay(back) : (DateTimeOffset?)null;
            var isNew = !missing.TryGetValue((person.Id, kind, started), out var episode);
            if (episode is null)
            {
                if (PeriodFor(row, person, started, "MIS_START") is not { } period)
                {
                    return;
                }

                episode = new MissingEpisode { Id = Guid.CreateVersion7(context.Now), PartnershipId = partnershipId, PersonId = person.Id, CarePeriodId = period.Id, Kind = kind, StartedAt = LondonTime.StartOfDay(started), Source = source };
                db.MissingEpisodes.Add(episode);
                missing[(person.Id, kind, started)] = episode;
            }

            var changed = episode.CarePeriodId is null && PeriodFor(row, person, started, "MIS_START") is { } during && Set(episode.CarePeriodId, during.Id, v => episode.CarePeriodId = v);
            if (returned is { } at && (episode.ReturnedAt is not { } known || LondonTime.DateOf(known) != LondonTime.DateOf(at)))
            {
                episode.ReturnedAt = at;
                changed = true;
            }

            if (changed)
            {
                episode.Source = source;
            }

            Count("missing", isNew, changed);
        }

        private void PlacedForAdoption(Row row)
        {
            var person = Child(row, out _);
            var decided = row.Date("DATE_PLACED")!.Value;
            if (PeriodFor(row, person, decided, "DATE_PLACED") is not { } period || Adoption(row, person, period, decided, "DATE_PLACED") is not { } adoption)
            {
                return;
            }

            var changed = Set(adoption.Record.CeasedDate, row.Date("DATE_PLACED_CEASED") ?? adoption.Record.CeasedDate, v => adoption.Record.CeasedDate = v)
                | Set(adoption.Record.CeasedReason, row.Text("REASON_PLACED_CEASED") ?? adoption.Record.CeasedReason, v => adoption.Record.CeasedReason = v);
            Count("adoption", adoption.IsNew, MarkedAdoption(adoption.Record, adoption.Changed | changed));
        }

        private void Adopted(Row row)
        {
            var person = Child(row, out _);
            if (row.Date("DATE_INT") is not { } decided)
            {
                // The export writes the row from the period's end alone when no route to adoption was recorded.
                if (AdoptionDetails.FirstOrDefault(c => row.Text(c) is not null) is { } given)
                {
                    Problem(row, given, "the route to adoption cannot be recorded without DATE_INT, the date of the decision that the child should be placed for adoption");
                }

                return;
            }

            // The adoption the row is about: the period of care that ended with an adoption order in the year.
            var period = PeriodsOf(person.Id).Where(p => p.EndDate is { } end && end >= year.Start && end <= year.End && p.EndReason is { } reason && LookedAfterCodes.Adopted.Contains(reason))
                .MaxBy(p => p.EndDate) ?? PeriodFor(row, person, decided, "DATE_INT");
            if (period is null || Adoption(row, person, period, decided, "DATE_INT") is not { } adoption)
            {
                return;
            }

            var record = adoption.Record;
            var changed = Set(record.MatchDate, row.Date("DATE_MATCH") ?? record.MatchDate, v => record.MatchDate = v)
                | Set(record.AdoptedByFosterCarers, row.Text("FOSTER_CARE") is { } foster ? foster == "1" : record.AdoptedByFosterCarers, v => record.AdoptedByFosterCarers = v)
                | Set(record.NumberOfAdopters, row.Text("NB_ADOPTR") is { } number ? int.Parse(number, CultureInfo.InvariantCulture) : record.NumberOfAdopters, v => record.NumberOfAdopters = v)
                | Set(record.AdopterSex, row.Text("SEX_ADOPTR") ?? record.AdopterSex, v => record.AdopterSex = v)
                | Set(record.AdopterLegalStatus, row.Text("LS_ADOPTR") ?? record.AdopterLegalStatus, v => record.AdopterLegalStatus = v);
            Count("adoption", adoption.IsNew, MarkedAdoption(adoption.Record, adoption.Changed | changed));
        }

        private void CareLeaver(Row row)
        {
            var person = Child(row, out _);
            person.DateOfBirth ??= row.Date("DOB");
            if (person.DateOfBirth is not { } born)
            {
                Problem(row, "DOB", $"child {row["CHILD"]} has no date of birth, so the birthday these answers are about is not known");
                return;
            }

            // The answers are about the birthday that fell in the year.
            var birthday = born.AddYears(year.Start.Year - born.Year);
            birthday = birthday < year.Start ? born.AddYears(year.Start.Year + 1 - born.Year) : birthday;
            var age = birthday.Year - born.Year;
            var isNew = !contacts.TryGetValue((person.Id, age), out var contact);
            if (contact is null)
            {
                contact = new CareLeaverContact { Id = Guid.CreateVersion7(context.Now), PartnershipId = partnershipId, PersonId = person.Id, Age = age, Birthday = birthday, InTouch = row["IN_TOUCH"], Activity = row["ACTIV"], Accommodation = row["ACCOM"], RecordedAt = context.Now, Source = source };
                db.CareLeaverContacts.Add(contact);
                contacts[(person.Id, age)] = contact;
            }

            var changed = Set(contact.Birthday, birthday, v => contact.Birthday = v)
                | Set(contact.InTouch, row["IN_TOUCH"], v => contact.InTouch = v)
                | Set(contact.Activity, row["ACTIV"], v => contact.Activity = v)
                | Set(contact.Accommodation, row["ACCOM"], v => contact.Accommodation = v);
            if (changed)
            {
                contact.Source = source;
            }

            Count("oc3", isNew, changed);
        }

        /// <summary>The period of care's route to adoption, made when there is none. The records hold one a period, so two decisions for one period in the files cannot both be kept.</summary>
        private (AdoptionRecord Record, bool IsNew, bool Changed)? Adoption(Row row, Person person, CarePeriod period, DateOnly decided, string column)
        {
            var place = $"{row.File} line {row.Line}";
            if (adoptions.TryGetValue(period.Id, out var record))
            {
                if (record.DecisionDate != decided && adoptionSetBy.TryGetValue(period.Id, out var earlier))
                {
                    Problem(row, column, $"a second decision to place for adoption in one period of care ({earlier} gives {Ssda903Export.Date(record.DecisionDate)}): the records hold one route to adoption a period of care");
                    return null;
                }

                adoptionSetBy.TryAdd(period.Id, place);
                return (record, db.Entry(record).State == EntityState.Added, Set(record.DecisionDate, decided, v => record.DecisionDate = v));
            }

            record = new AdoptionRecord { Id = Guid.CreateVersion7(context.Now), PartnershipId = partnershipId, PersonId = person.Id, CarePeriodId = period.Id, DecisionDate = decided, Source = source };
            db.AdoptionRecords.Add(record);
            adoptions[period.Id] = record;
            adoptionSetBy[period.Id] = place;
            return (record, true, false);
        }

        /// <summary>The child of a row, found by LA child id or made; a child met first outside the header is counted there.</summary>
        private Person Child(Row row, out bool isNew)
        {
            var laChildId = row["CHILD"];
            isNew = false;
            if (Children.TryGetValue(laChildId, out var known))
            {
                return known;
            }

            var person = people.Find(laChildId);
            if (person is null)
            {
                person = people.Add(laChildId, partnershipId, context);
                ChildrenCreated++;
                isNew = true;
            }

            Children[laChildId] = person;
            return person;
        }

        /// <summary>The period of care a dated record belongs to: the one running that day, else the last begun before it, else the first; a problem when the child has none.</summary>
        private CarePeriod? PeriodFor(Row row, Person person, DateOnly on, string column)
        {
            var list = PeriodsOf(person.Id);
            var period = Covering(person.Id, on) ?? list.Where(p => p.StartDate <= on).MaxBy(p => p.StartDate) ?? list.MinBy(p => p.StartDate);
            if (period is null)
            {
                Problem(row, column, $"child {row["CHILD"]} has no episode of care in these files or the records, so there is no period of care to record this under");
            }

            return period;
        }

        private CarePeriod? Covering(Guid personId, DateOnly on) =>
            PeriodsOf(personId).Where(p => p.StartDate <= on && (p.EndDate is not { } end || end >= on)).MaxBy(p => p.StartDate);

        private CarePeriod NewPeriod(Person person, DateOnly started)
        {
            var period = new CarePeriod { Id = Guid.CreateVersion7(context.Now), PartnershipId = partnershipId, PersonId = person.Id, StartDate = started, RecordedAt = context.Now, Source = source };
            db.CarePeriods.Add(period);
            PeriodsOf(person.Id).Add(period);
            periodById[period.Id] = period;
            return period;
        }

        private List<CarePeriod> PeriodsOf(Guid personId) => periods.TryGetValue(personId, out var list) ? list : periods[personId] = [];

        private List<CareEpisode> EpisodesOf(Guid periodId) => episodesOfPeriod.TryGetValue(periodId, out var list) ? list : episodesOfPeriod[periodId] = [];

        private void ForEachRow(string table, Action<Row> import)
        {
            if (read.Tables.TryGetValue(table, out var rows))
            {
                for (var i = 0; i < rows.Rows.Count; i++)
                {
                    import(new Row(rows, i, fileOf[table]));
                }
            }
        }

        private void Count(string records, bool isNew, bool changed)
        {
            var (created, updated, unchanged) = Counts.GetValueOrDefault(records);
            Counts[records] = isNew ? (created + 1, updated, unchanged) : changed ? (created, updated + 1, unchanged) : (created, updated, unchanged + 1);
        }

        private void Problem(Row row, string column, string message) =>
            Problems.Add(new(row.File, row.Line, row.Table.IndexOf(column) + 1, message));

        /// <summary>Marks a record the import changed with where its facts now come from; passes the change on.</summary>
        private bool MarkedPeriod(CarePeriod period, bool changed)
        {
            if (changed)
            {
                period.Source = source;
            }

            return changed;
        }

        private bool MarkedAdoption(AdoptionRecord record, bool changed)
        {
            if (changed)
            {
                record.Source = source;
            }

            return changed;
        }

        private static PersonSex Sex(string code) => code switch
        {
            "M" or "1" => PersonSex.Male,
            "F" or "2" => PersonSex.Female,
            _ => PersonSex.NotKnown,
        };
    }

    /// <summary>A row of a table as the import reads it: blank values as null, dates parsed (the field checks have passed).</summary>
    private readonly record struct Row(Ssda903Table Table, int Index, string File)
    {
        public string this[string column] => Text(column) ?? "";

        /// <summary>The file's line: the header is line 1.</summary>
        public int Line => Index + 2;

        public string? Text(string column) => Table.IndexOf(column) is >= 0 and var i && Table.Rows[Index][i] is { Length: > 0 } value ? value : null;

        public DateOnly? Date(string column) => Text(column) is { } text ? DateOnly.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture) : null;
    }
}
