using System.Text.RegularExpressions;

namespace Safeguarding.Web.Infrastructure;

/// <summary>Turns page folders like FrontDoor/RequestForSupport into URLs like /front-door/request-for-support.</summary>
public sealed partial class KebabCaseRoutes : IOutboundParameterTransformer
{
    public string? TransformOutbound(object? value) =>
        value is null ? null : WordBoundary().Replace(value.ToString()!, "$1-$2").ToLowerInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex WordBoundary();
}
