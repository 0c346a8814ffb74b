using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Safeguarding.Core.Access;

/// <summary>
/// NCSC password guidance: no composition rules, a decent minimum length, and a block on passwords
/// that are common, predictable from the person or the service, or a single repeated character.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<User>
{
    public const int MinimumLength = 12;

    private static readonly Lazy<HashSet<string>> Common = new(LoadList);

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        var reason = Check(password, user.Email, user.DisplayName);
        return Task.FromResult(reason is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "WeakPassword", Description = reason }));
    }

    public static string? Check(string? password, string? email, string? displayName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return $"Password must be {MinimumLength} characters or more. Three random words together make a strong password";
        }

        var lower = password.ToLowerInvariant();
        if (lower.Distinct().Count() <= 2)
        {
            return "Password must not be one or two characters repeated";
        }

        var squashed = new string(lower.Where(char.IsLetterOrDigit).ToArray());
        if (Common.Value.Contains(lower) || Common.Value.Contains(squashed) || Common.Value.Any(c => c.Length >= 8 && squashed == c + c))
        {
            return "Password is too common. Choose a password that would be hard to guess, such as three random words";
        }

        var personal = new[] { email?.Split('@')[0], displayName }
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .SelectMany(p => p!.ToLowerInvariant().Split([' ', '.', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length >= 4);
        return personal.Any(lower.Contains)
            ? "Password must not contain your name or email address"
            : null;
    }

    private static HashSet<string> LoadList()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Safeguarding.Core.Access.Data.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line);
            }
        }

        return set;
    }
}
