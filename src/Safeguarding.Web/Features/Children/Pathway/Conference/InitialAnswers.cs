using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Safeguarding.Core.Pathway;

namespace Safeguarding.Web.Features.Children.Pathway.Conference;

/// <summary>
/// The initial conference answers between the form and the check-your-answers page, kept in TempData
/// (an encrypted cookie) for this enquiry only, so nothing is saved until the person confirms.
/// </summary>
public sealed record InitialAnswers(
    long Version,
    DateOnly? HeldOn,
    string? Chair,
    List<AttendanceRow> Attendance,
    ConferenceDecision? Decision,
    string? CategoryOfAbuse,
    string? ReasonLate)
{
    private static string Key(Guid enquiryId) => "InitialConference:" + enquiryId.ToString("N");

    public static InitialAnswers? Peek(ITempDataDictionary tempData, Guid enquiryId) =>
        tempData.Peek(Key(enquiryId)) is string json ? JsonSerializer.Deserialize<InitialAnswers>(json) : null;

    public void Keep(ITempDataDictionary tempData, Guid enquiryId) => tempData[Key(enquiryId)] = JsonSerializer.Serialize(this);

    public static void Forget(ITempDataDictionary tempData, Guid enquiryId) => tempData.Remove(Key(enquiryId));

    public ConferenceForm ToForm() => new(
        HeldOn,
        Chair,
        Attendance.Select(r => new ConferenceAttendanceForm(
            r.AgencyId, r.Involvement.Contains(AttendanceRow.Invited), r.Involvement.Contains(AttendanceRow.Attended), r.Involvement.Contains(AttendanceRow.Report))).ToList(),
        Decision,
        Decision == ConferenceDecision.PlanStarted ? CategoryOfAbuse : null,
        ReasonLate);
}
