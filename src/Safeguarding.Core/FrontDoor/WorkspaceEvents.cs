using Safeguarding.Core.Audit;

namespace Safeguarding.Core.FrontDoor;

// Front door workspace events: ids and facts about the process, never the family's details.

public sealed record ContactAssigned(Guid ContactId, Guid WorkerId, bool PickedUp) : IDomainEvent
{
    public string SubjectType => Contact.SubjectType;
    public string SubjectId => ContactId.ToString();
}

public sealed record ContactScreeningStarted(Guid ContactId, DateTimeOffset StartedAt, bool OutOfHours) : IDomainEvent
{
    public string SubjectType => Contact.SubjectType;
    public string SubjectId => ContactId.ToString();
}

public sealed record ContactConsentChecked(Guid ContactId, ConsentStatus Consent) : IDomainEvent
{
    public string SubjectType => Contact.SubjectType;
    public string SubjectId => ContactId.ToString();
}

public sealed record ContactChildMatched(Guid ContactId, Guid ContactChildId, Guid PersonId, bool NewRecord) : IDomainEvent
{
    public string SubjectType => Contact.SubjectType;
    public string SubjectId => ContactId.ToString();
}

/// <summary>A worker looked and chose not to match the child yet: the decision may go ahead without it.</summary>
public sealed record ContactChildLeftUnmatched(Guid ContactId, Guid ContactChildId) : IDomainEvent
{
    public string SubjectType => Contact.SubjectType;
    public string SubjectId => ContactId.ToString();
}

public sealed record ContactDecided(Guid ContactId, Guid DecisionId, ContactOutcome Outcome, LevelOfNeed LevelOfNeed, bool IsReferral, bool IsReReferral, Guid? SupersedesDecisionId) : IDomainEvent
{
    public string SubjectType => Contact.SubjectType;
    public string SubjectId => ContactId.ToString();
}

/// <summary>A child record made by the front door from what a referrer said.</summary>
public sealed record ChildRecordCreatedFromContact(Guid PersonId, Guid ContactId, Guid ContactChildId) : IDomainEvent
{
    public string SubjectType => "Person";
    public string SubjectId => PersonId.ToString();
}
