namespace Safeguarding.Core.Timescales;

/// <summary>
/// Event type names that start and stop clocks. Strings (not an enum) because rules are data an
/// administrator can point at a different event, e.g. LR-3's configurable start.
/// </summary>
public static class TimescaleEvents
{
    public const string ContactReceived = "contact-received";
    public const string ReferralReceived = "referral-received";
    public const string ReferralDecisionMade = "referral-decision-made";
    public const string ReferrerFeedbackGiven = "referrer-feedback-given";
    public const string AgencyInformationRequested = "agency-information-requested";
    public const string AgencyInformationReceived = "agency-information-received";
    public const string AssessmentDecided = "assessment-decided";
    public const string AssessmentAllocated = "assessment-allocated";
    public const string AssessmentCompleted = "assessment-completed";
    public const string ChildVisited = "child-visited";
    public const string StrategyDiscussionHeld = "strategy-discussion-held";
    public const string InitialConferenceHeld = "initial-conference-held";
    public const string CoreGroupHeld = "core-group-held";
    public const string ReviewConferenceHeld = "review-conference-held";
    public const string BecameLookedAfter = "became-looked-after";
    public const string LookedAfterReviewHeld = "looked-after-review-held";
    public const string ReturnedFromMissing = "returned-from-missing";
    public const string ReturnHomeInterviewDone = "return-home-interview-done";
    public const string SeriousIncidentAware = "serious-incident-aware";
    public const string SeriousIncidentNotified = "serious-incident-notified";
    public const string PartnersInformed = "partners-informed";
    public const string RapidReviewSubmitted = "rapid-review-submitted";
    public const string PanelResponseReceived = "panel-response-received";
    public const string LcsprDecided = "lcspr-decided";
    public const string LcsprCompleted = "lcspr-completed";
    public const string LcsprPublicationPlanned = "lcspr-publication-planned";
    public const string LcsprFinalReportSent = "lcspr-final-report-sent";
    public const string YearlyReportPublished = "yearly-report-published";
    public const string ChildDeathKnown = "child-death-known";
    public const string ChildDeathNotified = "child-death-notified";
    public const string AllegationReceivedByEmployer = "allegation-received-by-employer";
    public const string AllegationReferredToLado = "allegation-referred-to-lado";
    public const string PrivateFosteringNotified = "private-fostering-notified";
    public const string PrivateFosteringVisit = "private-fostering-visit";
}
