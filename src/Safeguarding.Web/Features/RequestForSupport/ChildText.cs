using System.Globalization;
using Safeguarding.Core.FrontDoor;

namespace Safeguarding.Web.Features.RequestForSupport;

/// <summary>How a child in a request is named and dated on screen.</summary>
public static class ChildText
{
    public static string Name(ChildAnswer child) =>
        child.FullName.Length > 0 ? child.FullName : child.Unborn ? "Unborn baby" : "Child with no name given";

    public static string Born(ChildAnswer child) => child.Unborn
        ? child.ExpectedDateOfBirth is { } due ? $"Due {LongDate(due)}" : "Unborn"
        : child.DateOfBirth is { } born ? $"Born {LongDate(born)}" : "";

    /// <summary>GOV.UK style: 1 May 2017.</summary>
    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
