using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using static Safeguarding.Core.Returns.ImportChanges;

namespace Safeguarding.Core.Returns;

/// <summary>A problem in an imported file, where it is.</summary>
public sealed record ImportProblem(int Line, int Column, string Message);

/// <summary>
/// What an import did. Created and updated count pathway records of every kind. <see cref="Rules"/> holds what the
/// DfE validation rules found in the file (null when it failed the schema and they did not run): they are reported,
/// not a reason to refuse the file, since the authority fixes such things at source and re-imports.
/// </summary>
public sealed record CinCensusImportResult(int CollectionYear, int Children, int ChildrenCreated, int Created, int Updated, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public CinCensusValidation? Rules { get; init; }
}

public sealed record CinCensusImported(Guid PartnershipId, string FileName, int CollectionYear, int Children, int ChildrenCreated, int Created, int Updated) : IDomainEvent
{
    public string SubjectType => "Partnership";
    public string SubjectId => PartnershipId.ToString();
}

/// <summary>
/// Loads an authority's CIN census file into the pathway records, so its KPIs and returns come out
/// without re-keying. The file must pass the DfE schema first; then everything goes in one
/// transaction or nothing does. Children are found by LA child id (a new record is made when there is
/// none, named "Not known": the census carries no names); each episode, assessment, plan, enquiry and
/// review is found by its date within its parent and updated, so importing the same file twice
/// changes nothing and a later year's file brings earlier records up to date. Every record it makes
/// carries its source.
/// </summary>
public sealed class CinCensusImport(SafeguardingDbContext db)
{
    /// <summary>The census records the enquiry, not the discussion that agreed it.</summary>
    public const string DiscussionNotInCensus = "Not recorded in the CIN census: the census records the section 47 enquiry, not the strategy discussion that agreed it.";

    public const string ChairNotInCensus = "Not recorded in the CIN census";

    /// <summary>The records a census brings, each after the ones it refers to (a conference names its enquiry, a plan its conference).</summary>
    private static readonly Type[] NewRecordsInOrder =
    [
        typeof(CinEpisode), typeof(Assessment), typeof(CinPlan), typeof(StrategyDiscussion), typeof(Section47Enquiry),
        typeof(ChildProtectionConference), typeof(ChildProtectionPlan),
    ];

    /// <summary>The records this import makes, written in bulk once it knows the file can be imported whole.</summary>
    private readonly BulkInsert added = new();

    public async Task<CinCensusImportResult> ImportAsync(Stream xml, string fileName, ProcessContext context, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var partnershipId = context.PartnershipId ?? throw new InvalidOperationException("An import belongs to a partnership.");
        added.Clear();
        XDocument document;
        try
        {
            document = await XDocument.LoadAsync(xml, LoadOptions.SetLineInfo, cancellationToken);
        }
        catch (XmlException e)
        {
            return Failed(0, [new(e.LineNumber, e.LinePosition, $"This is not a well-formed XML file: {e.Message}")]);
        }

        var yearText = document.Root?.Element("Header")?.Element("CollectionDetails")?.Element("Year")?.Value;
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return Failed(0, [new(1, 1, "The file has no Header/CollectionDetails/Year, so its collection year and schema are not known")]);
        }

        var problems = new List<ImportProblem>();
        document.Validate(CinCensusSchema.For(year), (sender, e) =>
        {
            var at = sender as IXmlLineInfo;
            problems.Add(new(at?.LineNumber ?? 0, at?.LinePosition ?? 0, e.Message));
        });
        if (problems.Count > 0)
        {
            return Failed(year, problems);
        }

        progress?.Report($"Read the census for {year - 1}-{year % 100:00}: it meets the DfE schema.");

        // The rules run only on a file that meets the schema; what they find is returned with the import, not blocking it.
        var rules = CinCensusValidator.Validate(document, year);
        progress?.Report($"Ran the DfE rules: {rules.Errors:N0} error(s), {rules.Queries:N0} query(ies).");
        var source = $"CIN census {year - 1}-{year % 100:00} import ({Path.GetFileName(fileName)})";
        var people = await ImportedChildren.LoadAsync(db, cancellationToken);
        var existing = await ExistingAsync(people, cancellationToken);
        var counts = new Counts();
        var children = document.Root!.Element("Children")!.Elements("Child").ToList();
        foreach (var child in children)
        {
            ImportChild(child, partnershipId, source, people, existing, counts, context, problems);
        }

        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Failed(year, problems) with { Rules = rules };
        }

        progress?.Report($"Matched {children.Count:N0} children ({counts.ChildrenCreated:N0} new); saving in one transaction.");
        db.Record(new CinCensusImported(partnershipId, Path.GetFileName(fileName), year, children.Count, counts.ChildrenCreated, counts.Created, counts.Updated), context);
        // New pathway records go in as bulk inserts after EF has saved the children they refer to, the changes to
        // records already held and the audit event: EF's one INSERT a row was two thirds of an import at city size.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await added.WriteAsync(db, NewRecordsInOrder, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(year, children.Count, counts.ChildrenCreated, counts.Created, counts.Updated, []) { Rules = rules };
    }

    private void ImportChild(XElement child, Guid partnershipId, string source, ImportedChildren people, Existing existing, Counts counts, ProcessContext context, List<ImportProblem> problems)
    {
        var identifiers = child.Element("ChildIdentifiers")!;
        var laChildId = identifiers.Element("LAchildID")!.Value.Trim();
        var person = people.Find(laChildId);
        if (person is null)
        {
            person = people.Add(laChildId, partnershipId, context);
            counts.ChildrenCreated++;
        }

        person.DateOfBirth = DateOf(identifiers.Element("PersonBirthDate")) ?? person.DateOfBirth;
        person.ExpectedDateOfBirth = DateOf(identifiers.Element("ExpectedPersonBirthDate")) ?? person.ExpectedDateOfBirth;
        person.Sex = identifiers.Element("Sex")!.Value switch { "M" => PersonSex.Male, "F" => PersonSex.Female, _ => PersonSex.NotKnown };
        person.EthnicityCode = child.Element("ChildCharacteristics")!.Element("Ethnicity")!.Value;
        if (identifiers.Element("UPN")?.Value is { } upn)
        {
            people.AddIdentifier(person, PersonIdentifierType.UniquePupilNumber, upn, context);
        }

        foreach (var details in child.Elements("CINdetails"))
        {
            ImportEpisode(details, person, source, existing, counts, context, problems);
        }
    }

    private void ImportEpisode(XElement details, Person person, string source, Existing existing, Counts counts, ProcessContext context, List<ImportProblem> problems)
    {
        var referred = DateOf(details.Element("CINreferralDate"))!.Value;
        var closed = DateOf(details.Element("CINclosureDate"));
        if (closed < referred)
        {
            problems.Add(At(details.Element("CINclosureDate")!, $"The closure date {closed:d MMMM yyyy} is before the referral date {referred:d MMMM yyyy}"));
            return;
        }

        var episode = existing.Episodes.GetValueOrDefault((person.Id, referred));
        var isNew = episode is null;
        if (episode is null)
        {
            episode = new CinEpisode
            {
                Id = Guid.CreateVersion7(context.Now),
                PartnershipId = person.PartnershipId,
                PersonId = person.Id,
                ReferralDate = referred,
                ReferralSource = details.Element("ReferralSource")!.Value,
                RecordedAt = context.Now,
                Source = source,
            };
            added.Add(episode);
            existing.Episodes[(person.Id, referred)] = episode;
            counts.Created++;
        }

        counts.Updated += Changed(isNew,
            Set(episode.ReferralSource, details.Element("ReferralSource")!.Value, v => episode.ReferralSource = v),
            Set(episode.PrimaryNeed, details.Element("PrimaryNeedCode")?.Value ?? episode.PrimaryNeed, v => episode.PrimaryNeed = v),
            Set(episode.ClosureDate, closed ?? episode.ClosureDate, v => episode.ClosureDate = v),
            Set(episode.ClosureReason, details.Element("ReasonForClosure")?.Value ?? episode.ClosureReason, v => episode.ClosureReason = v),
            Set(episode.NoFurtherAction, YesNo(details.Element("ReferralNFA")!), v => episode.NoFurtherAction = v));

        foreach (var element in details.Elements("Assessments"))
        {
            var started = DateOf(element.Element("AssessmentActualStartDate"))!.Value;
            var assessment = existing.Assessments.GetValueOrDefault((episode.Id, started));
            var newAssessment = assessment is null;
            if (assessment is null)
            {
                assessment = new Assessment { Id = Guid.CreateVersion7(context.Now), PartnershipId = episode.PartnershipId, EpisodeId = episode.Id, PersonId = person.Id, StartDate = started, Source = source };
                added.Add(assessment);
                existing.Assessments[(episode.Id, started)] = assessment;
                counts.Created++;
            }

            var factors = element.Element("FactorsIdentifiedAtAssessment")?.Elements("AssessmentFactors").Select(f => f.Value).ToList();
            counts.Updated += Changed(newAssessment,
                Set(assessment.AuthorisationDate, DateOf(element.Element("AssessmentAuthorisationDate")) ?? assessment.AuthorisationDate, v => assessment.AuthorisationDate = v),
                Set(assessment.Factors, factors is { Count: > 0 } ? string.Join(' ', factors) : assessment.Factors, v => assessment.Factors = v));
        }

        foreach (var element in details.Elements("CINPlanDates"))
        {
            var started = DateOf(element.Element("CINPlanStartDate"))!.Value;
            var plan = existing.CinPlans.GetValueOrDefault((episode.Id, started));
            var newPlan = plan is null;
            if (plan is null)
            {
                plan = new CinPlan { Id = Guid.CreateVersion7(context.Now), PartnershipId = episode.PartnershipId, EpisodeId = episode.Id, PersonId = person.Id, StartDate = started, Source = source };
                added.Add(plan);
                existing.CinPlans[(episode.Id, started)] = plan;
                counts.Created++;
            }

            counts.Updated += Changed(newPlan, Set(plan.EndDate, DateOf(element.Element("CINPlanEndDate")) ?? plan.EndDate, v => plan.EndDate = v));
        }

        foreach (var element in details.Elements("Section47"))
        {
            ImportEnquiry(element, episode, source, existing, counts, context);
        }

        // An initial conference reported on the episode rather than under a section 47: its enquiry was not in this year's file.
        if (DateOf(details.Element("DateOfInitialCPC")) is { } conferenceHeld)
        {
            InitialConference(episode, conferenceHeld, source, existing, counts, context);
        }

        foreach (var element in details.Elements("ChildProtectionPlans"))
        {
            ImportPlan(element, episode, source, existing, counts, context);
        }
    }

    private void ImportEnquiry(XElement element, CinEpisode episode, string source, Existing existing, Counts counts, ProcessContext context)
    {
        var started = DateOf(element.Element("S47ActualStartDate"))!.Value;
        var enquiry = existing.Enquiries.GetValueOrDefault((episode.Id, started));
        var isNew = enquiry is null;
        if (enquiry is null)
        {
            var discussion = new StrategyDiscussion
            {
                Id = Guid.CreateVersion7(context.Now),
                PartnershipId = episode.PartnershipId,
                EpisodeId = episode.Id,
                PersonId = episode.PersonId,
                HeldOn = started,
                Section47Agreed = true,
                Rationale = DiscussionNotInCensus,
                Source = source,
            };
            enquiry = new Section47Enquiry
            {
                Id = Guid.CreateVersion7(context.Now),
                PartnershipId = episode.PartnershipId,
                EpisodeId = episode.Id,
                PersonId = episode.PersonId,
                StrategyDiscussionId = discussion.Id,
                StartDate = started,
                Source = source,
            };
            added.Add(discussion);
            added.Add(enquiry);
            existing.Enquiries[(episode.Id, started)] = enquiry;
            counts.Created += 2;
        }

        var notRequired = YesNo(element.Element("ICPCnotRequired")!);
        counts.Updated += Changed(isNew,
            Set(enquiry.InitialConferenceTarget, DateOf(element.Element("InitialCPCtarget")) ?? enquiry.InitialConferenceTarget, v => enquiry.InitialConferenceTarget = v),
            Set(enquiry.ConferenceNotRequired, notRequired, v => enquiry.ConferenceNotRequired = v));
        if (DateOf(element.Element("DateOfInitialCPC")) is { } held && enquiry.InitialConferenceId is null)
        {
            var conference = InitialConference(episode, held, source, existing, counts, context);
            conference.Section47EnquiryId = enquiry.Id;
            enquiry.InitialConferenceId = conference.Id;
            enquiry.Outcome ??= Section47Outcome.ConferenceRequired;
        }
    }

    private void ImportPlan(XElement element, CinEpisode episode, string source, Existing existing, Counts counts, ProcessContext context)
    {
        var started = DateOf(element.Element("CPPstartDate"))!.Value;
        var plan = existing.Plans.GetValueOrDefault((episode.Id, started));
        var isNew = plan is null;
        if (plan is null)
        {
            var conference = InitialConference(episode, started, source, existing, counts, context);
            conference.Decision = ConferenceDecision.PlanStarted;
            conference.CategoryOfAbuse ??= element.Element("InitialCategoryOfAbuse")!.Value;
            plan = new ChildProtectionPlan
            {
                Id = Guid.CreateVersion7(context.Now),
                PartnershipId = episode.PartnershipId,
                EpisodeId = episode.Id,
                PersonId = episode.PersonId,
                InitialConferenceId = conference.Id,
                StartDate = started,
                InitialCategory = element.Element("InitialCategoryOfAbuse")!.Value,
                LatestCategory = element.Element("LatestCategoryOfAbuse")!.Value,
                Source = source,
            };
            added.Add(plan);
            existing.Plans[(episode.Id, started)] = plan;
            counts.Created++;
        }

        counts.Updated += Changed(isNew,
            Set(plan.EndDate, DateOf(element.Element("CPPendDate")) ?? plan.EndDate, v => plan.EndDate = v),
            Set(plan.InitialCategory, element.Element("InitialCategoryOfAbuse")!.Value, v => plan.InitialCategory = v),
            Set(plan.LatestCategory, element.Element("LatestCategoryOfAbuse")!.Value, v => plan.LatestCategory = v),
            Set(plan.PreviousPlans, int.Parse(element.Element("NumberOfPreviousCPP")!.Value, CultureInfo.InvariantCulture), v => plan.PreviousPlans = v));
        foreach (var review in element.Element("Reviews")?.Elements("CPPreviewDate") ?? [])
        {
            var held = DateOf(review)!.Value;
            if (existing.Reviews.Add((plan.Id, held)))
            {
                added.Add(new ChildProtectionConference
                {
                    Id = Guid.CreateVersion7(context.Now),
                    PartnershipId = episode.PartnershipId,
                    EpisodeId = episode.Id,
                    PersonId = episode.PersonId,
                    Kind = ConferenceKind.Review,
                    PlanId = plan.Id,
                    HeldOn = held,
                    Chair = ChairNotInCensus,
                    Decision = plan.EndDate == held ? ConferenceDecision.PlanEnded : ConferenceDecision.PlanContinues,
                    CategoryOfAbuse = plan.LatestCategory,
                    Source = source,
                });
                counts.Created++;
            }
        }
    }

    /// <summary>The episode's initial conference held that day, made when there is none.</summary>
    private ChildProtectionConference InitialConference(CinEpisode episode, DateOnly held, string source, Existing existing, Counts counts, ProcessContext context)
    {
        if (existing.InitialConferences.GetValueOrDefault((episode.Id, held)) is { } known)
        {
            return known;
        }

        var conference = new ChildProtectionConference
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = episode.PartnershipId,
            EpisodeId = episode.Id,
            PersonId = episode.PersonId,
            Kind = ConferenceKind.Initial,
            HeldOn = held,
            Chair = ChairNotInCensus,
            Decision = ConferenceDecision.NoPlan,
            Source = source,
        };
        added.Add(conference);
        existing.InitialConferences[(episode.Id, held)] = conference;
        counts.Created++;
        return conference;
    }

    /// <summary>Every record an import might match, loaded once: per-row queries would take minutes at city size.</summary>
    private async Task<Existing> ExistingAsync(ImportedChildren people, CancellationToken cancellationToken)
    {
        var existing = new Existing();
        foreach (var e in await db.CinEpisodes.ToListAsync(cancellationToken))
        {
            existing.Episodes[(people.Survivor(e.PersonId), e.ReferralDate)] = e;
        }

        foreach (var a in await db.Assessments.ToListAsync(cancellationToken))
        {
            existing.Assessments[(a.EpisodeId, a.StartDate)] = a;
        }

        foreach (var p in await db.CinPlans.ToListAsync(cancellationToken))
        {
            existing.CinPlans[(p.EpisodeId, p.StartDate)] = p;
        }

        foreach (var s in await db.Section47Enquiries.ToListAsync(cancellationToken))
        {
            existing.Enquiries[(s.EpisodeId, s.StartDate)] = s;
        }

        foreach (var p in await db.ChildProtectionPlans.ToListAsync(cancellationToken))
        {
            existing.Plans[(p.EpisodeId, p.StartDate)] = p;
        }

        foreach (var c in await db.ChildProtectionConferences.ToListAsync(cancellationToken))
        {
            if (c.Kind == ConferenceKind.Initial)
            {
                existing.InitialConferences[(c.EpisodeId, c.HeldOn)] = c;
            }
            else if (c.PlanId is { } planId)
            {
                existing.Reviews.Add((planId, c.HeldOn));
            }
        }

        return existing;
    }

    private static CinCensusImportResult Failed(int year, IReadOnlyList<ImportProblem> problems) => new(year, 0, 0, 0, 0, problems);

    private static ImportProblem At(XElement element, string message) =>
        element is IXmlLineInfo line && line.HasLineInfo() ? new(line.LineNumber, line.LinePosition, message) : new(0, 0, message);

    private static DateOnly? DateOf(XElement? element) =>
        element is null ? null : DateOnly.ParseExact(element.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool YesNo(XElement element) => element.Value.Trim() is "1" or "true";

    private sealed class Counts
    {
        public int ChildrenCreated { get; set; }
        public int Created { get; set; }
        public int Updated { get; set; }
    }

    private sealed class Existing
    {
        public Dictionary<(Guid Person, DateOnly Referred), CinEpisode> Episodes { get; } = [];
        public Dictionary<(Guid Episode, DateOnly Started), Assessment> Assessments { get; } = [];
        public Dictionary<(Guid Episode, DateOnly Started), CinPlan> CinPlans { get; } = [];
        public Dictionary<(Guid Episode, DateOnly Started), Section47Enquiry> Enquiries { get; } = [];
        public Dictionary<(Guid Episode, DateOnly Started), ChildProtectionPlan> Plans { get; } = [];
        public Dictionary<(Guid Episode, DateOnly Held), ChildProtectionConference> InitialConferences { get; } = [];
        public HashSet<(Guid Plan, DateOnly Held)> Reviews { get; } = [];
    }
}
