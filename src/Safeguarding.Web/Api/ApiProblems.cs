using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Safeguarding.Web.Api;

/// <summary>RFC 9457 problem details for the API: application/problem+json, never an HTML error page.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>A 400 whose <c>errors</c> are keyed by JSON field path, each with the web journey's message.</summary>
    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string> errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => JsonPathOf(e.Key), e => new[] { e.Value }),
            detail: "The request for support is not complete or has answers that are not valid. Each error is keyed by the JSON field it is about.",
            title: "The request has errors");

    public static Task Write(HttpContext context, int status, string title, string detail) =>
        Problem(status, title, detail).ExecuteAsync(context);

    /// <summary>"Children[0].NhsNumber" (the rules' key) → "children[0].nhsNumber" (the JSON the caller sent).</summary>
    public static string JsonPathOf(string ruleKey)
    {
        var path = new StringBuilder(ruleKey.Length);
        for (var i = 0; i < ruleKey.Length; i++)
        {
            var startsName = i == 0 || ruleKey[i - 1] == '.';
            path.Append(startsName ? char.ToLowerInvariant(ruleKey[i]) : ruleKey[i]);
        }

        return path.ToString();
    }
}
