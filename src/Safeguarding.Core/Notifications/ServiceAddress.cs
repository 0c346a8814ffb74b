namespace Safeguarding.Core.Notifications;

/// <summary>Where the service is published ("Service:Url"), for links in emails.</summary>
public sealed record ServiceAddress(string Url)
{
    public const string Development = "http://localhost:5080";

    public string Link(string path) => Url.TrimEnd('/') + "/" + path.TrimStart('/');
}
