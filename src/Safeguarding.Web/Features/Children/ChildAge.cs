namespace Safeguarding.Web.Features.Children;

/// <summary>A child's age as people say it: months for babies, years after that.</summary>
public static class ChildAge
{
    public static string Describe(DateOnly born, DateOnly today)
    {
        if (born > today)
        {
            return "not yet born";
        }

        var months = ((today.Year - born.Year) * 12) + today.Month - born.Month - (today.Day < born.Day ? 1 : 0);
        if (months < 12)
        {
            return months == 1 ? "1 month" : $"{months} months";
        }

        var years = months / 12;
        return years == 1 ? "1 year" : $"{years} years";
    }
}
