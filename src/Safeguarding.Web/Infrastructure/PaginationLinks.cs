namespace Safeguarding.Web.Infrastructure;

/// <summary>Which page links a long list shows: first, last, and the current page's neighbours.</summary>
public sealed record PaginationLinks(int Page, int PageCount, Func<int, string> UrlFor)
{
    /// <summary>Page numbers to show, with null where the GOV.UK pattern shows an ellipsis.</summary>
    public IEnumerable<int?> VisiblePages()
    {
        int? previous = null;
        for (var page = 1; page <= PageCount; page++)
        {
            if (page == 1 || page == PageCount || Math.Abs(page - Page) <= 1)
            {
                if (previous is { } p && page - p > 1)
                {
                    yield return null;
                }

                yield return page;
                previous = page;
            }
        }
    }
}
