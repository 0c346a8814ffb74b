using Safeguarding.Core.FrontDoor;

namespace Safeguarding.Web.Features.FrontDoor;

/// <summary>The words the workspace uses for a contact's coded values.</summary>
public static class ContactText
{
    /// <summary>Within this long of the FD-1 deadline a contact shows amber.</summary>
    public static readonly TimeSpan AmberWithin = TimeSpan.FromHours(4);

    public static string State(ContactState state) => state switch
    {
        ContactState.Received => "Received",
        ContactState.InScreening => "In screening",
        ContactState.AwaitingInformation => "Awaiting agency information",
        ContactState.AwaitingDecision => "Awaiting decision",
        ContactState.Decided => "Decided",
        _ => state.ToString(),
    };

    /// <summary>Red when the 24-hour decision is overdue, amber within 4 hours of it, green otherwise.</summary>
    public static (string Text, string Class) Rag(DateTimeOffset? dueAt, DateTimeOffset now, bool decided)
    {
        if (decided || dueAt is not { } due)
        {
            return (decided ? "Decided" : "No deadline", "govuk-tag--grey");
        }

        var left = due - now;
        return left < TimeSpan.Zero ? ($"Red: overdue by {Hours(-left)}", "govuk-tag--red")
            : left <= AmberWithin ? ($"Amber: {Hours(left)} left", "govuk-tag--orange")
            : ($"Green: {Hours(left)} left", "govuk-tag--green");
    }

    private static string Hours(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m" : $"{Math.Max(span.Minutes, 0)}m";

    public static string ChildName(ContactChild child) =>
        child.FirstName is null && child.LastName is null
            ? child.Unborn ? "Unborn baby" : "Name not given"
            : $"{child.FirstName} {child.LastName}".Trim();
}
