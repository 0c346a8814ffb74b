using System.Globalization;
using Safeguarding.Core.Calendar;
using Safeguarding.Core.Timescales;

namespace Safeguarding.Web.Features.Learning.SeriousIncidents;

/// <summary>How a statutory clock reads on a page: the due date, a tag, and why counting moved.</summary>
public sealed record ClockSummary(string RuleId, string RuleName, string Due, string Tag, string TagClass, string? StartNote)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static ClockSummary From(Clock clock, PartnershipClockSetup setup, DateTimeOffset now)
    {
        var rule = setup.Rules.Version(clock.RuleId, clock.RuleVersionEffectiveFrom);
        var status = setup.Evaluate(clock, now);
        var due = status.DueDate is { } dueDate ? dueDate.ToString("dddd d MMMM yyyy", English) : "";
        var unit = status.Unit switch
        {
            ClockMarginUnit.WorkingDays => "working day",
            ClockMarginUnit.Hours => "hour",
            _ => "day",
        };
        string Count(double n) => $"{Math.Ceiling(n):0} {unit}{(Math.Ceiling(n) == 1 ? "" : "s")}";
        var (tag, tagClass) = status.State switch
        {
            ClockState.Overdue => ($"Overdue by {Count(status.Overrun)}", "govuk-tag--red"),
            ClockState.DueToday => ("Due today", "govuk-tag--orange"),
            ClockState.DueSoon => ($"Due in {Count(status.Remaining)}", "govuk-tag--yellow"),
            ClockState.Running => ($"Due in {Count(status.Remaining)}", "govuk-tag--blue"),
            ClockState.Met => ("Met", "govuk-tag--green"),
            ClockState.MetLate => ($"Met late by {Count(status.Overrun)}", "govuk-tag--pink"),
            ClockState.NotRequired => ("Not required", "govuk-tag--grey"),
            _ => ("Not started", "govuk-tag--grey"),
        };
        var note = status.StartMoved && status.Due is { } d
            ? $"{d.StartDate.ToString("dddd d MMMM yyyy", English)} was not a working day, so counting started on {d.CountedFrom.ToString("dddd d MMMM yyyy", English)}."
            : null;
        return new ClockSummary(rule.Id, rule.Name, due, tag, tagClass, note);
    }
}
