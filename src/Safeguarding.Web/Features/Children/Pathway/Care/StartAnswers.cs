using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Safeguarding.Core.Pathway;

namespace Safeguarding.Web.Features.Children.Pathway.Care;

/// <summary>
/// The answers between the start form and its check-your-answers page, kept in TempData (an encrypted
/// cookie) for this child only: postcodes never travel in an address, and nothing is saved until the
/// person confirms.
/// </summary>
public sealed record StartAnswers(
    DateOnly? StartDate,
    string? LegalStatus,
    string? CategoryOfNeed,
    string? PlacementType,
    string? PlacementProvider,
    string? PlacementPostcode,
    string? HomePostcode,
    string? Urn,
    bool? UnaccompaniedAsylumSeeker,
    Guid? CinEpisodeId)
{
    private static string Key(Guid childId) => "CareStart:" + childId.ToString("N");

    public static StartAnswers? Peek(ITempDataDictionary tempData, Guid childId) =>
        tempData.Peek(Key(childId)) is string json ? JsonSerializer.Deserialize<StartAnswers>(json) : null;

    public void Keep(ITempDataDictionary tempData, Guid childId) => tempData[Key(childId)] = JsonSerializer.Serialize(this);

    public static void Forget(ITempDataDictionary tempData, Guid childId) => tempData.Remove(Key(childId));

    public CareStartForm ToForm(Guid childId) => new(
        childId, StartDate, LegalStatus, CategoryOfNeed, PlacementType, PlacementProvider, PlacementPostcode, HomePostcode, Urn, UnaccompaniedAsylumSeeker, CinEpisodeId);
}
