using static Safeguarding.Core.Timescales.TimescaleEvents;

namespace Safeguarding.Core.Timescales;

/// <summary>
/// The seed rules: every clock in the statutory-rules.md table (FD-1 to PF-3). A partnership starts
/// with these and versions its own edits from a later <see cref="TimescaleRule.EffectiveFrom"/>.
/// </summary>
public static class DefaultTimescaleRules
{
    /// <summary>The seeds apply to any clock the calendar can count, so imported history has a rule too.</summary>
    public static readonly DateOnly EffectiveFrom = new(1990, 1, 1);

    public static IReadOnlyList<TimescaleRule> All { get; } =
    [
        Rule("FD-1", "Decision on a referral", "FrontDoor", ReferralReceived, 24, TimescaleUnit.Hours, ReferralDecisionMade, 4, RuleConfidence.L,
            "Local KPI 1 (seed 004). National guidance says 1 working day (G); change Unit/Duration to use it."),
        Rule("FD-2", "Feedback to a professional referrer", "FrontDoor", ReferralDecisionMade, 1, TimescaleUnit.WorkingDays, ReferrerFeedbackGiven, 0, RuleConfidence.G, ""),
        Rule("FD-3R", "Agency information request answered (red)", "FrontDoor", AgencyInformationRequested, 4, TimescaleUnit.Hours, AgencyInformationReceived, 1, RuleConfidence.L,
            "MASH checks, red RAG (seed 004 Ofsted letter). Configurable.") with { VariantOf = "FD-3", Variant = "Red" },
        Rule("FD-3A", "Agency information request answered (amber)", "FrontDoor", AgencyInformationRequested, 1, TimescaleUnit.WorkingDays, AgencyInformationReceived, 0, RuleConfidence.L,
            "MASH checks, amber RAG. Configurable.") with { VariantOf = "FD-3", Variant = "Amber" },
        Rule("FD-3G", "Agency information request answered (green)", "FrontDoor", AgencyInformationRequested, 3, TimescaleUnit.WorkingDays, AgencyInformationReceived, 1, RuleConfidence.L,
            "MASH checks, green RAG. Configurable.") with { VariantOf = "FD-3", Variant = "Green" },
        Rule("CW-1", "Assessment completed", "Casework", ReferralReceived, 45, TimescaleUnit.WorkingDays, AssessmentCompleted, 5, RuleConfidence.G, "KPI 3 (seed 004)."),
        Rule("CW-2", "Assessment allocated to a social worker", "Casework", AssessmentDecided, 7, TimescaleUnit.WorkingDays, AssessmentAllocated, 2, RuleConfidence.L, "Seed 001 (allocation)."),
        Rule("CW-3", "Child visited", "Casework", AssessmentAllocated, 3, TimescaleUnit.WorkingDays, ChildVisited, 1, RuleConfidence.L, "Seed 004 Ofsted letter."),
        Rule("CW-4", "Child visited after section 47 agreed", "Casework", StrategyDiscussionHeld, 0, TimescaleUnit.CalendarDays, ChildVisited, 0, RuleConfidence.L,
            "Same day: by the end of the London day of the strategy discussion, weekends included. Seed 004 Ofsted letter."),
        Rule("CW-5", "Initial child protection conference", "Casework", StrategyDiscussionHeld, 15, TimescaleUnit.WorkingDays, InitialConferenceHeld, 3, RuleConfidence.G,
            "From the (last) strategy discussion that started the section 47 enquiry. KPI 4 (seed 004)."),
        Rule("CW-6", "First core group", "Casework", InitialConferenceHeld, 10, TimescaleUnit.WorkingDays, CoreGroupHeld, 2, RuleConfidence.G, ""),
        Rule("CW-7", "First review conference", "Casework", InitialConferenceHeld, 3, TimescaleUnit.Months, ReviewConferenceHeld, 14, RuleConfidence.G, "") with { NextRuleId = "CW-8" },
        Rule("CW-8", "Later review conference", "Casework", ReviewConferenceHeld, 6, TimescaleUnit.Months, ReviewConferenceHeld, 28, RuleConfidence.G,
            "Runs from the previous review actually held.") with { NextRuleId = "CW-8" },
        Rule("CW-9", "First looked-after review", "Casework", BecameLookedAfter, 20, TimescaleUnit.WorkingDays, LookedAfterReviewHeld, 5, RuleConfidence.G, "KPI 8 (seed 004).") with { NextRuleId = "CW-10" },
        Rule("CW-10", "Second looked-after review", "Casework", LookedAfterReviewHeld, 3, TimescaleUnit.Months, LookedAfterReviewHeld, 14, RuleConfidence.G, "") with { NextRuleId = "CW-11" },
        Rule("CW-11", "Later looked-after review", "Casework", LookedAfterReviewHeld, 6, TimescaleUnit.Months, LookedAfterReviewHeld, 28, RuleConfidence.G, "") with { NextRuleId = "CW-11" },
        Rule("CW-12", "Return home interview offered or completed", "Casework", ReturnedFromMissing, 72, TimescaleUnit.Hours, ReturnHomeInterviewDone, 24, RuleConfidence.G,
            "Seed 000 briefing 'Reachable Moments'."),
        Rule("LR-1", "Serious incident notification to the National Panel (and Ofsted, DfE)", "Learning", SeriousIncidentAware, 5, TimescaleUnit.WorkingDays, SeriousIncidentNotified, 2, RuleConfidence.S,
            "Seed 004 BSCP report, 000 §6.5."),
        Rule("LR-2", "Safeguarding partners informed", "Learning", SeriousIncidentAware, 5, TimescaleUnit.WorkingDays, PartnersInformed, 2, RuleConfidence.G, ""),
        Rule("LR-3", "Rapid review submitted to the Panel", "Learning", SeriousIncidentNotified, 15, TimescaleUnit.WorkingDays, RapidReviewSubmitted, 3, RuleConfidence.G,
            "Start event is configurable (some areas count from awareness). Seed 000 §6.5, 004."),
        Rule("LR-4", "Panel's response to a rapid review", "Learning", RapidReviewSubmitted, 15, TimescaleUnit.WorkingDays, PanelResponseReceived, 3, RuleConfidence.L,
            "Tracked, not ours to meet. Seed 004."),
        Rule("LR-5", "LCSPR completed", "Learning", LcsprDecided, 6, TimescaleUnit.Months, LcsprCompleted, 28, RuleConfidence.C, ""),
        Rule("LR-6", "Final LCSPR report to the Panel and Secretary of State", "Learning", LcsprPublicationPlanned, -7, TimescaleUnit.WorkingDays, LcsprFinalReportSent, 5, RuleConfidence.C,
            "At least 7 working days before the planned publication date (the start event). Seed 004."),
        Rule("LR-7", "Partners' yearly report", "Partnership", YearlyReportPublished, 12, TimescaleUnit.Months, YearlyReportPublished, 42, RuleConfidence.G,
            "Every 12 months from the previous report. Seed 003 P2 action 1.") with { NextRuleId = "LR-7" },
        Rule("CD-1", "Child death notified to the child death review process", "ChildDeaths", ChildDeathKnown, 48, TimescaleUnit.Hours, ChildDeathNotified, 12, RuleConfidence.L, "Seed 001 CDOP."),
        Rule("LA-1", "Allegation referred to the LADO", "Allegations", AllegationReceivedByEmployer, 1, TimescaleUnit.WorkingDays, AllegationReferredToLado, 0, RuleConfidence.G, "Seed 001."),
        Rule("PF-1", "First private fostering visit", "Casework", PrivateFosteringNotified, 7, TimescaleUnit.WorkingDays, PrivateFosteringVisit, 2, RuleConfidence.S, "Seed 001.") with { NextRuleId = "PF-2" },
        Rule("PF-2", "Private fostering visit, first year", "Casework", PrivateFosteringVisit, 6, TimescaleUnit.Weeks, PrivateFosteringVisit, 7, RuleConfidence.S,
            "At most 6 weeks after the previous visit. After the first year the next clock is PF-3 (the case decides).") with { NextRuleId = "PF-2" },
        Rule("PF-3", "Private fostering visit, later years", "Casework", PrivateFosteringVisit, 12, TimescaleUnit.Weeks, PrivateFosteringVisit, 14, RuleConfidence.S,
            "At most 12 weeks after the previous visit.") with { NextRuleId = "PF-3" },
    ];

    private static TimescaleRule Rule(
        string id, string name, string module, string start, int duration, TimescaleUnit unit, string stop, int dueSoon, RuleConfidence confidence, string notes) =>
        new()
        {
            Id = id,
            Name = name,
            Module = module,
            ClockStartEvent = start,
            Duration = duration,
            Unit = unit,
            StopEvent = stop,
            DueSoonWarning = dueSoon,
            EffectiveFrom = EffectiveFrom,
            Confidence = confidence,
            Notes = notes,
        };
}
