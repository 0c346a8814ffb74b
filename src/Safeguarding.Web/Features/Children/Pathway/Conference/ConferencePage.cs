using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Safeguarding.Core.Data;
using Safeguarding.Core.Pathway;
using Safeguarding.Web.Access;

namespace Safeguarding.Web.Features.Children.Pathway.Conference;

/// <summary>One agency's row in a conference's attendance: which of invited, attended and report sent apply.</summary>
public sealed class AttendanceRow
{
    public const string Invited = "Invited";
    public const string Attended = "Attended";
    public const string Report = "Report";

    public Guid? AgencyId { get; set; }

    public List<string> Involvement { get; set; } = [];
}

/// <summary>The answers a conference form collects, initial or review.</summary>
public abstract class ConferencePage(SafeguardingDbContext db, IAuthorizationService authorization, ActorContext actor)
    : ChildProtectionPage(db, authorization, actor)
{
    public const int FirstRows = 4;
    public const int MostRows = 30;

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    [Display(Name = "Date of the conference")]
    public DateOnly? HeldOn { get; set; }

    [BindProperty]
    public string? Chair { get; set; }

    [BindProperty]
    public List<AttendanceRow> Attendance { get; set; } = [];

    /// <summary>How many rows the form showed, so none is lost however the form was posted.</summary>
    [BindProperty]
    public int Rows { get; set; }

    [BindProperty]
    public ConferenceDecision? Decision { get; set; }

    [BindProperty]
    public string? CategoryOfAbuse { get; set; }

    [BindProperty]
    public string? ReasonLate { get; set; }

    protected ConferenceForm ToForm() => new(
        HeldOn,
        Chair,
        Attendance.Select(r => new ConferenceAttendanceForm(
            r.AgencyId, r.Involvement.Contains(AttendanceRow.Invited), r.Involvement.Contains(AttendanceRow.Attended), r.Involvement.Contains(AttendanceRow.Report))).ToList(),
        Decision,
        Decision is ConferenceDecision.PlanStarted or ConferenceDecision.PlanContinues ? CategoryOfAbuse : null,
        ReasonLate);

    protected void StartRows()
    {
        while (Attendance.Count < Math.Min(Math.Max(Rows, FirstRows), MostRows))
        {
            Attendance.Add(new AttendanceRow());
        }
    }

    /// <summary>"Add another agency": one more row, the form shown again unchecked.</summary>
    protected bool AddedRow(string? add)
    {
        if (add is null)
        {
            return false;
        }

        KeepTypingWithoutErrors();
        StartRows();
        if (Attendance.Count < MostRows)
        {
            Attendance.Add(new AttendanceRow());
        }

        return true;
    }
}
