using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Safeguarding.Core.Pathway;

namespace Safeguarding.Web.Features.Children.Pathway.EarlyHelp;

/// <summary>The answers between the start form and its check-your-answers page, kept in TempData for this child only; nothing is saved until the person confirms.</summary>
public sealed record StartAnswers(DateOnly? StartDate, EarlyHelpRoute? Route, Guid? LocalityId, Guid? FromCinEpisodeId)
{
    private static string Key(Guid childId) => "EarlyHelpStart:" + childId.ToString("N");

    public static StartAnswers? Peek(ITempDataDictionary tempData, Guid childId) =>
        tempData.Peek(Key(childId)) is string json ? JsonSerializer.Deserialize<StartAnswers>(json) : null;

    public void Keep(ITempDataDictionary tempData, Guid childId) => tempData[Key(childId)] = JsonSerializer.Serialize(this);

    public static void Forget(ITempDataDictionary tempData, Guid childId) => tempData.Remove(Key(childId));

    public EarlyHelpStartForm ToForm(Guid childId) => new(childId, StartDate, Route, LocalityId, FromCinEpisodeId);
}
