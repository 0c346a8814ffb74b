using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Access;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Children;
using Safeguarding.Core.Children.Matching;
using Safeguarding.Core.Chronology;
using Safeguarding.Core.Data;
using Safeguarding.Core.Notifications;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Core.FrontDoor;

/// <summary>What a front door manager decides; nullable where a person types or chooses it.</summary>
public sealed record ContactDecisionForm(
    LevelOfNeed? LevelOfNeed,
    ContactOutcome? Outcome,
    string? Rationale,
    Guid? EarlyHelpLocalityId,
    string? ReferralSourceCode,
    string? PrimaryNeedCode,
    string? ReasonForLateness,
    string? ChangeReason);

/// <summary>An earlier contact about one of the same children, with what was decided.</summary>
public sealed record PreviousContact(Guid ContactId, string Reference, DateTimeOffset ReceivedAt, ContactState State, ContactOutcome? Outcome, bool IsReferral);

/// <summary>Contacts about the matched children in the 12 months before this one.</summary>
public sealed record ContactHistory(IReadOnlyList<PreviousContact> Previous)
{
    public bool HasPreviousReferral => Previous.Any(p => p.IsReferral);

    /// <summary>Involvement still open: earlier contacts not yet decided, or accepted as referrals.</summary>
    public IReadOnlyList<PreviousContact> Open => Previous.Where(p => p.State != ContactState.Decided || p.IsReferral).ToList();
}

/// <summary>
/// Working a contact at the front door: pick up and assign, screening, consent, matching each child
/// to the child record, and the manager's decision with feedback to the referrer. Every change is
/// audited in its own save; changes to the contact check its version, so a second person working
/// from a stale page gets a <see cref="DbUpdateConcurrencyException"/> rather than overwriting.
/// </summary>
public sealed class FrontDoorWorkspace(
    SafeguardingDbContext db,
    ClockService clocks,
    ChildChronology chronology,
    ChildMatching matching,
    PartnershipTimescales timescales,
    ServiceAddress? service = null)
{
    public const string DecisionRuleId = "FD-1";
    public const string FeedbackRuleId = "FD-2";
    public const string FeedbackNotificationKind = "contact-outcome";
    public const string ChronologySource = "FrontDoor";
    public const int MostCandidates = 5;

    private Pathway.ReferralRecording Referrals => new(db, clocks, chronology);

    /// <summary>The front door's working hours in London; screening outside them is flagged (the Ofsted visit asked).</summary>
    public static readonly TimeOnly OfficeOpens = new(9, 0);
    public static readonly TimeOnly OfficeCloses = new(17, 0);

    public static bool IsOutOfHours(DateTimeOffset at, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var london = LondonTime.ToLondon(at);
        var time = TimeOnly.FromDateTime(london.DateTime);
        return !calendar.IsWorkingDay(DateOnly.FromDateTime(london.DateTime)) || time < OfficeOpens || time >= OfficeCloses;
    }

    public Task<Contact?> FindAsync(Guid contactId, CancellationToken cancellationToken = default) =>
        db.Contacts.Include(c => c.Children).Include(c => c.Concerns).SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken);

    /// <summary>A worker takes an unassigned contact.</summary>
    public async Task<ChangeResult<Contact>> PickUpAsync(Guid contactId, long version, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var worker = context.UserId ?? throw new InvalidOperationException("Only a signed-in user can pick up a contact.");
        var contact = await LoadAsync(contactId, version, cancellationToken);
        if (contact is null)
        {
            return ChangeResult<Contact>.Refused("", "This contact no longer exists");
        }

        contact.AssignedWorkerId = worker;
        db.Record(new ContactAssigned(contact.Id, worker, PickedUp: true), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<Contact>.Done(contact);
    }

    /// <summary>A manager gives a contact to a front door worker (or manager).</summary>
    public async Task<ChangeResult<Contact>> AssignAsync(Guid contactId, long version, Guid? workerId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        if (workerId is not { } id || !await IsFrontDoorStaffAsync(id, cancellationToken))
        {
            return ChangeResult<Contact>.Refused("WorkerId", "Select the worker to assign the contact to");
        }

        var contact = await LoadAsync(contactId, version, cancellationToken);
        if (contact is null)
        {
            return ChangeResult<Contact>.Refused("", "This contact no longer exists");
        }

        contact.AssignedWorkerId = id;
        db.Record(new ContactAssigned(contact.Id, id, PickedUp: false), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<Contact>.Done(contact);
    }

    /// <summary>Active front door staff of the signed-in partnership, by name: who a contact can be assigned to.</summary>
    public Task<List<User>> FrontDoorStaffAsync(CancellationToken cancellationToken = default) =>
        FrontDoorStaff().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);

    private Task<bool> IsFrontDoorStaffAsync(Guid userId, CancellationToken cancellationToken) =>
        FrontDoorStaff().AnyAsync(u => u.Id == userId, cancellationToken);

    private IQueryable<User> FrontDoorStaff()
    {
        string[] roles = [Roles.FrontDoorWorker, Roles.FrontDoorManager];
        return db.Users.AsNoTracking().Where(u => u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
    }

    /// <summary>Records when screening began and whether that was out of hours (London time, working days).</summary>
    public async Task<ChangeResult<Contact>> StartScreeningAsync(Guid contactId, long version, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var contact = await LoadAsync(contactId, version, cancellationToken);
        if (contact is null)
        {
            return ChangeResult<Contact>.Refused("", "This contact no longer exists");
        }

        if (contact.ScreeningStartedAt is not null)
        {
            return ChangeResult<Contact>.Refused("", "Screening has already started");
        }

        var setup = await timescales.ForAsync(db, contact.PartnershipId, cancellationToken);
        contact.ScreeningStartedAt = context.Now;
        contact.ScreenedOutOfHours = IsOutOfHours(context.Now, setup.Evaluator.Calendar);
        contact.AssignedWorkerId ??= context.UserId;
        if (contact.State == ContactState.Received)
        {
            contact.State = ContactState.InScreening;
        }

        db.Record(new ContactScreeningStarted(contact.Id, context.Now, contact.ScreenedOutOfHours), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<Contact>.Done(contact);
    }

    /// <summary>A worker confirms the consent status; where it was not obtained, why not must be recorded.</summary>
    public async Task<ChangeResult<Contact>> CheckConsentAsync(Guid contactId, long version, ConsentStatus? consent, string? givenBy, string? reasonNotObtained, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        if (consent is null)
        {
            errors["Consent"] = "Select whether consent was obtained";
        }
        else if (consent == ConsentStatus.NotObtained && string.IsNullOrWhiteSpace(reasonNotObtained))
        {
            errors["ConsentNotObtainedReason"] = "Enter why consent was not obtained";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<Contact>(null, errors);
        }

        var contact = await LoadAsync(contactId, version, cancellationToken);
        if (contact is null)
        {
            return ChangeResult<Contact>.Refused("", "This contact no longer exists");
        }

        contact.Consent = consent!.Value;
        contact.ConsentGivenBy = consent == ConsentStatus.Obtained ? Blank(givenBy) : null;
        contact.ConsentNotObtainedReason = consent == ConsentStatus.NotObtained ? Blank(reasonNotObtained) : null;
        contact.ConsentCheckedAt = context.Now;
        db.Record(new ContactConsentChecked(contact.Id, contact.Consent), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<Contact>.Done(contact);
    }

    /// <summary>
    /// Child records that may be this child, best first. The contact flow only asks this question, so
    /// a better matching engine changes the answers without changing the workspace.
    /// </summary>
    public Task<IReadOnlyList<ChildMatch>> CandidatesAsync(ContactChild child, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(child);
        return matching.FindAsync(QueryFor(child), child.PartnershipId, MostCandidates, cancellationToken);
    }

    public static MatchQuery QueryFor(ContactChild child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return new MatchQuery
        {
            GivenName = child.FirstName,
            FamilyName = child.LastName,
            OtherNames = child.OtherNames,
            DateOfBirth = child.DateOfBirth,
            ExpectedDateOfBirth = child.ExpectedDateOfBirth,
            Sex = child.Sex,
            NhsNumber = child.NhsNumber,
            AddressLine = child.Address,
            Postcode = child.Postcode,
            SchoolId = child.SchoolAgencyId,
        };
    }

    /// <summary>The worker confirms the child is this existing record; the child's chronology gets the contact.</summary>
    public async Task<ChangeResult<Contact>> ConfirmMatchAsync(Guid contactId, Guid contactChildId, Guid? personId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        if (personId is not { } id)
        {
            return ChangeResult<Contact>.Refused("PersonId", "Select the child record that matches");
        }

        var contact = await FindAsync(contactId, cancellationToken);
        var child = contact?.Children.SingleOrDefault(c => c.Id == contactChildId);
        if (contact is null || child is null)
        {
            return ChangeResult<Contact>.Refused("", "This contact no longer exists");
        }

        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.IsChild, cancellationToken);
        if (person is null)
        {
            return ChangeResult<Contact>.Refused("PersonId", "Select the child record that matches");
        }

        // A merged record is read through the one it was merged into.
        var survivor = person.MergedIntoId ?? person.Id;
        await MatchAsync(contact, child, survivor, newRecord: false, context, cancellationToken);
        return ChangeResult<Contact>.Done(contact);
    }

    /// <summary>No record fits: the front door makes one from what the referrer said.</summary>
    public async Task<ChangeResult<Person>> CreateChildRecordAsync(Guid contactId, Guid contactChildId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var contact = await FindAsync(contactId, cancellationToken);
        var child = contact?.Children.SingleOrDefault(c => c.Id == contactChildId);
        if (contact is null || child is null)
        {
            return ChangeResult<Person>.Refused("", "This contact no longer exists");
        }

        if (child.PersonId is not null)
        {
            return ChangeResult<Person>.Refused("", "This child has already been matched to a record");
        }

        var givenName = Blank(child.FirstName) ?? (child.Unborn ? "Unborn baby" : null);
        if (givenName is null || Blank(child.LastName) is null)
        {
            return ChangeResult<Person>.Refused("", "A record needs the child's first and last names: find out the child's name, then create the record");
        }

        var person = new Person
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = contact.PartnershipId,
            GivenName = givenName,
            FamilyName = child.LastName!,
            OtherNames = child.OtherNames,
            DateOfBirth = child.DateOfBirth,
            ExpectedDateOfBirth = child.ExpectedDateOfBirth,
            Sex = child.Sex,
            NhsNumber = child.NhsNumber,
            AddressLine = child.Address,
            Postcode = child.Postcode,
            SchoolId = child.SchoolAgencyId,
            LocalityId = contact.LocalityId,
            IsChild = true,
        };

        // The chronology checks the record exists in the database, so the record is saved first;
        // one transaction keeps the record, the match and the entry together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.People.Add(person);
        db.Record(new ChildRecordCreatedFromContact(person.Id, contact.Id, child.Id), context);
        await db.SaveChangesAsync(cancellationToken);
        await MatchAsync(contact, child, person.Id, newRecord: true, context, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ChangeResult<Person>.Done(person);
    }

    /// <summary>The worker has looked and chooses not to match this child now (e.g. too little to go on).</summary>
    public async Task<ChangeResult<Contact>> LeaveUnmatchedAsync(Guid contactId, Guid contactChildId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var contact = await FindAsync(contactId, cancellationToken);
        if (contact is null || contact.Children.All(c => c.Id != contactChildId))
        {
            return ChangeResult<Contact>.Refused("", "This contact no longer exists");
        }

        contact.Children.Single(c => c.Id == contactChildId).LeftUnmatchedAt = context.Now;
        db.Record(new ContactChildLeftUnmatched(contact.Id, contactChildId), context);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<Contact>.Done(contact);
    }

    private async Task MatchAsync(Contact contact, ContactChild child, Guid personId, bool newRecord, ProcessContext context, CancellationToken cancellationToken)
    {
        child.PersonId = personId;
        child.LeftUnmatchedAt = null;
        if (child.Position == 0 && contact.LocalityId is null)
        {
            contact.LocalityId = await db.People.Where(p => p.Id == personId).Select(p => p.LocalityId).SingleOrDefaultAsync(cancellationToken);
        }

        db.Record(new ContactChildMatched(contact.Id, child.Id, personId, newRecord), context);
        await chronology.StageAsync(new ChronologyEntryForm(
            personId, LondonTime.DateOf(contact.ReceivedAt), ChronologyEntryType.Contact, contact.ReferrerAgencyId,
            $"Request for support {contact.Reference} from {contact.ReferrerAgencyName}: {string.Join(", ", contact.Concerns.Select(c => c.Category))}",
            IsSignificant: false, Source: ChronologySource, SourceReference: contact.Reference, OccurredAt: contact.ReceivedAt), context, cancellationToken);
        contact.PreviousContactsInYear = (await HistoryAsync(contact, cancellationToken)).Previous.Count;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Earlier contacts about the matched children (and records merged into them) in the 12 months before this one.</summary>
    public async Task<ContactHistory> HistoryAsync(Contact contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var personIds = new List<Guid>();
        foreach (var child in contact.Children.Where(c => c.PersonId is not null))
        {
            personIds.AddRange(await MergedRecords.IdsOfAsync(db, child.PersonId!.Value, cancellationToken));
        }

        if (personIds.Count == 0)
        {
            return new([]);
        }

        var from = contact.ReceivedAt.AddYears(-1);
        var received = contact.ReceivedAt;
        var previous = await db.Contacts.AsNoTracking()
            .Where(c => c.Id != contact.Id && c.ReceivedAt < received && c.ReceivedAt >= from
                && c.Children.Any(ch => ch.PersonId != null && personIds.Contains(ch.PersonId.Value)))
            .Select(c => new { c.Id, c.Reference, c.ReceivedAt, c.State, c.IsReferral })
            .ToListAsync(cancellationToken);
        var ids = previous.Select(p => p.Id).ToList();
        var outcomes = (await db.ContactDecisions.AsNoTracking().Where(d => ids.Contains(d.ContactId) && d.SupersededAt == null)
            .Select(d => new { d.ContactId, d.Outcome }).ToListAsync(cancellationToken))
            .GroupBy(d => d.ContactId).ToDictionary(g => g.Key, g => g.First().Outcome);
        return new(previous
            .Select(p => new PreviousContact(p.Id, p.Reference, p.ReceivedAt, p.State, outcomes.TryGetValue(p.Id, out var o) ? o : null, p.IsReferral))
            .OrderByDescending(p => p.ReceivedAt).ToList());
    }

    /// <summary>What stops a decision being made yet: consent unchecked, or a child neither matched nor left.</summary>
    public static IReadOnlyDictionary<string, string> NotReadyForDecision(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var errors = new Dictionary<string, string>();
        if (contact.ConsentCheckedAt is null || (contact.Consent == ConsentStatus.NotObtained && string.IsNullOrWhiteSpace(contact.ConsentNotObtainedReason)))
        {
            errors["Consent"] = "Check consent before deciding: confirm the consent status, or record why it was not obtained";
        }

        if (contact.Children.Any(c => c.PersonId is null && c.LeftUnmatchedAt is null))
        {
            errors["Children"] = "Match each child to a record, or choose to leave them for later, before deciding";
        }

        return errors;
    }

    /// <summary>
    /// Records the manager's decision. The first decision stops FD-1, starts FD-2 and tells the
    /// referrer (which stops FD-2); a change is a new decision with a reason, the old one superseded.
    /// A referral (assessment or strategy discussion) opens a child in need episode for each matched
    /// child who has none open and none from this contact.
    /// </summary>
    public async Task<ChangeResult<ContactDecision>> DecideAsync(Guid contactId, long version, ContactDecisionForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var manager = context.UserId ?? throw new InvalidOperationException("A decision is made by a signed-in manager.");
        var contact = await LoadAsync(contactId, version, cancellationToken);
        if (contact is null)
        {
            return ChangeResult<ContactDecision>.Refused("", "This contact no longer exists");
        }

        var current = await db.ContactDecisions.SingleOrDefaultAsync(d => d.ContactId == contact.Id && d.SupersededAt == null, cancellationToken);
        var errors = new Dictionary<string, string>(NotReadyForDecision(contact));
        var rationale = Blank(form.Rationale);
        if (form.LevelOfNeed is not { } level || !Enum.IsDefined(level))
        {
            errors[nameof(form.LevelOfNeed)] = "Select the level of need";
        }

        if (form.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            errors[nameof(form.Outcome)] = "Select the outcome";
        }
        else if (outcome == ContactOutcome.StepDownToEarlyHelp
            && (form.EarlyHelpLocalityId is not { } localityId || !await db.Localities.AnyAsync(l => l.Id == localityId, cancellationToken)))
        {
            errors[nameof(form.EarlyHelpLocalityId)] = "Select the locality whose early help team will take the contact";
        }
        else if (outcome is ContactOutcome.SocialWorkAssessment or ContactOutcome.StrategyDiscussion)
        {
            if (!CinCensusCodes.IsReferralSource(form.ReferralSourceCode))
            {
                errors[nameof(form.ReferralSourceCode)] = "Select the referral source";
            }

            if (!CinCensusCodes.IsPrimaryNeed(form.PrimaryNeedCode))
            {
                errors[nameof(form.PrimaryNeedCode)] = "Select the primary need";
            }
        }

        if (rationale is null)
        {
            errors[nameof(form.Rationale)] = "Enter the rationale for the decision";
        }

        if (current is not null && Blank(form.ChangeReason) is null)
        {
            errors[nameof(form.ChangeReason)] = "Enter why the decision is being changed";
        }

        var decisionClock = current is null ? await RunningClockAsync(contact.Id, DecisionRuleId, cancellationToken) : null;
        if (decisionClock is not null && context.Now > decisionClock.DueAt && Blank(form.ReasonForLateness) is null)
        {
            errors[nameof(form.ReasonForLateness)] = "Enter why the decision was made after the 24-hour timescale";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult<ContactDecision>(null, errors);
        }

        var decision = new ContactDecision
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = contact.PartnershipId,
            ContactId = contact.Id,
            LevelOfNeed = form.LevelOfNeed!.Value,
            Outcome = form.Outcome!.Value,
            Rationale = rationale!,
            EarlyHelpLocalityId = form.Outcome == ContactOutcome.StepDownToEarlyHelp ? form.EarlyHelpLocalityId : null,
            ReferralSourceCode = ContactDecisionIsReferral(form.Outcome.Value) ? form.ReferralSourceCode : null,
            PrimaryNeedCode = ContactDecisionIsReferral(form.Outcome.Value) ? form.PrimaryNeedCode : null,
            DecidedAt = context.Now,
            DecidedByUserId = manager,
            ChangeReason = current is null ? null : Blank(form.ChangeReason),
        };
        if (current is not null)
        {
            current.SupersededAt = context.Now;
        }

        db.ContactDecisions.Add(decision);
        var history = await HistoryAsync(contact, cancellationToken);
        contact.State = ContactState.Decided;
        contact.FirstDecidedAt ??= context.Now;
        contact.IsReferral = decision.IsReferral;
        contact.IsReReferral = decision.IsReferral && history.HasPreviousReferral;
        contact.PreviousContactsInYear = history.Previous.Count;
        db.Record(new ContactDecided(contact.Id, decision.Id, decision.Outcome, decision.LevelOfNeed, decision.IsReferral, contact.IsReReferral, current?.Id),
            context.WithReason(decision.ChangeReason));

        if (decisionClock is not null)
        {
            var stopped = await clocks.StopClockAsync(decisionClock.Id, context.Now, Blank(form.ReasonForLateness), context, cancellationToken);
            if (!stopped.Succeeded)
            {
                return new ChangeResult<ContactDecision>(null, stopped.Errors);
            }
        }

        await GiveFeedbackAsync(contact, decision, startClock: current is null, context, cancellationToken);
        foreach (var personId in contact.Children.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).Distinct())
        {
            await chronology.StageAsync(new ChronologyEntryForm(
                personId, LondonTime.DateOf(context.Now), ChronologyEntryType.Decision, null,
                $"Front door decision on {contact.Reference}: {Describe(decision.Outcome)}" + (current is null ? "" : " (decision changed)"),
                IsSignificant: decision.IsReferral, Source: ChronologySource, SourceReference: contact.Reference, OccurredAt: context.Now), context, cancellationToken);
        }

        // A referral opens a child in need episode for each matched child, in this transaction. A
        // change to a referral opens them then; a change away leaves them for a team manager to close.
        await Referrals.StageFromContactAsync(contact, decision, context, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult<ContactDecision>.Done(decision);
    }

    private static bool ContactDecisionIsReferral(ContactOutcome outcome) => outcome is ContactOutcome.SocialWorkAssessment or ContactOutcome.StrategyDiscussion;

    /// <summary>
    /// Tells the referrer the outcome in plain words. The email carries the reference and a link, never
    /// a child's name; the words are also kept on the contact, where the referrer's own list shows them.
    /// </summary>
    private async Task GiveFeedbackAsync(Contact contact, ContactDecision decision, bool startClock, ProcessContext context, CancellationToken cancellationToken)
    {
        contact.OutcomeFeedback = FeedbackFor(decision.Outcome);
        contact.OutcomeFeedbackAt = context.Now;
        if (startClock)
        {
            var feedbackClock = await clocks.StartClockAsync(new StartClock(FeedbackRuleId, Contact.SubjectType, contact.Id, context.Now, contact.SubmittedByUserId), context, cancellationToken);
            // Queuing the email in this transaction is giving the feedback: the outbox delivers it.
            feedbackClock.Stop(context.Now);
            db.Record(new ClockStopped(feedbackClock.Id, context.Now, false, null), context);
        }

        var email = Blank(contact.ReferrerEmail)
            ?? await db.Users.AsNoTracking().Where(u => u.Id == contact.SubmittedByUserId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return;
        }

        var link = (service ?? new ServiceAddress(ServiceAddress.Development)).Link("/request-for-support");
        var notification = new OutboxNotification
        {
            Id = Guid.CreateVersion7(context.Now),
            PartnershipId = contact.PartnershipId,
            Kind = FeedbackNotificationKind,
            RecipientUserId = contact.SubmittedByUserId,
            RecipientEmail = email,
            Subject = $"Your request for support {contact.Reference}: the front door has decided",
            Body = $"The front door has decided what happens next with your request for support {contact.Reference}.\n\n"
                + contact.OutcomeFeedback + "\n\n"
                + $"See your requests: {link}",
            Reference = $"{FeedbackNotificationKind}:{decision.Id}",
            Status = NotificationStatus.Pending,
            CreatedAt = context.Now,
            NextAttemptAt = context.Now,
        };
        db.OutboxNotifications.Add(notification);
        db.Record(new NotificationQueued(notification.Id, notification.Kind, contact.SubmittedByUserId, notification.Reference), context);
    }

    /// <summary>What the referrer reads: plain words, nothing about the family beyond what they sent.</summary>
    public static string FeedbackFor(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.AdviceAndNoFurtherAction => "Children's social care will not take further action. Please keep supporting the family and use the advice given; contact the front door again if things change.",
        ContactOutcome.StepDownToEarlyHelp => "The family will be offered early help by their local early help team. They may contact you to work together.",
        ContactOutcome.SocialWorkAssessment => "A social worker will assess the child's needs. They may contact you for more information.",
        ContactOutcome.StrategyDiscussion => "Children's social care, the police and health will hold a strategy discussion about the child's safety. You may be asked to take part.",
        ContactOutcome.ExploitationHub => "Your request has been passed to the exploitation hub, who will decide how to respond. They may contact you.",
        _ => "The front door has decided what happens next.",
    };

    public static string Describe(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.AdviceAndNoFurtherAction => "Advice or signposting, no further action",
        ContactOutcome.StepDownToEarlyHelp => "Step down to early help",
        ContactOutcome.SocialWorkAssessment => "Social work assessment",
        ContactOutcome.StrategyDiscussion => "Strategy discussion (section 47)",
        ContactOutcome.ExploitationHub => "Referral to the exploitation hub",
        _ => outcome.ToString(),
    };

    /// <summary>The contact's running clock for a rule, if any.</summary>
    public Task<Clock?> RunningClockAsync(Guid contactId, string ruleId, CancellationToken cancellationToken = default) =>
        db.Clocks.Where(c => c.SubjectType == Contact.SubjectType && c.SubjectId == contactId && c.RuleId == ruleId && c.StoppedAt == null && !c.NotRequired)
            .OrderBy(c => c.StartedAt).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Loads the contact for a change, expecting the version the person saw: if someone saved it since,
    /// the save fails with a concurrency exception instead of overwriting their change.
    /// </summary>
    private async Task<Contact?> LoadAsync(Guid contactId, long version, CancellationToken cancellationToken)
    {
        var contact = await FindAsync(contactId, cancellationToken);
        if (contact is not null)
        {
            // Stale before any rule is checked: the person must see what changed, not a rule about it.
            if (contact.Version != version)
            {
                throw new DbUpdateConcurrencyException($"Contact {contactId} is at version {contact.Version}, not {version}.");
            }

            db.Entry(contact).Property(c => c.Version).OriginalValue = version;
        }

        return contact;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
