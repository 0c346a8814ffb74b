using System.Text.RegularExpressions;
using Safeguarding.Core.Children;

namespace Safeguarding.Core.FrontDoor;

/// <summary>The parts of a request, in the order the web journey asks for them.</summary>
public enum RequestForSupportSection
{
    Urgency,
    AboutYou,
    Children,
    Household,
    Concerns,
    ChildsVoice,
    WhatHasBeenTried,
    Consent,
    LevelOfNeed,
}

/// <summary>
/// The one rule set for a Request for Support. Errors are keyed by the answer's property path
/// ("Children[0].NhsNumber"), so the web pages put each message on its field and the API can
/// return the same keys in its problem details.
/// </summary>
public static partial class RequestForSupportRules
{
    public const int ShortText = 200;
    public const int LongText = 10_000;

    public static Dictionary<string, string> Validate(RequestForSupportAnswers answers, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        foreach (var section in Enum.GetValues<RequestForSupportSection>())
        {
            foreach (var (field, message) in ValidateSection(answers, section, today))
            {
                errors.TryAdd(field, message);
            }
        }

        return errors;
    }

    public static Dictionary<string, string> ValidateSection(RequestForSupportAnswers answers, RequestForSupportSection section, DateOnly today)
    {
        var errors = new Errors();
        switch (section)
        {
            case RequestForSupportSection.Urgency:
                errors.Required(nameof(answers.Urgency), answers.Urgency, "Select how urgent your concern is");
                break;
            case RequestForSupportSection.AboutYou:
                errors.Text(nameof(answers.ReferrerName), answers.ReferrerName, "Enter your full name", "Your full name");
                errors.Text(nameof(answers.ReferrerRole), answers.ReferrerRole, "Enter your job title or role", "Your job title or role");
                errors.Text(nameof(answers.ReferrerAgencyName), answers.ReferrerAgencyName, "Enter the name of your organisation", "Your organisation's name");
                if (errors.Text(nameof(answers.ReferrerPhone), answers.ReferrerPhone, "Enter a telephone number the front door can call you on", "Telephone number")
                    && !PhonePattern().IsMatch(answers.ReferrerPhone!.Trim()))
                {
                    errors.Add(nameof(answers.ReferrerPhone), "Enter a telephone number, like 0121 496 0000 or +44 121 496 0000");
                }

                if (!string.IsNullOrWhiteSpace(answers.ReferrerEmail) && !EmailPattern().IsMatch(answers.ReferrerEmail.Trim()))
                {
                    errors.Add(nameof(answers.ReferrerEmail), "Enter an email address in the correct format, like name@example.com");
                }

                break;
            case RequestForSupportSection.Children:
                if (answers.Children.Count == 0)
                {
                    errors.Add(nameof(answers.Children), "Add at least one child");
                }

                for (var i = 0; i < answers.Children.Count; i++)
                {
                    foreach (var (field, message) in ValidateChild(answers.Children[i], today))
                    {
                        errors.Add($"{nameof(answers.Children)}[{i}].{field}", message);
                    }
                }

                break;
            case RequestForSupportSection.Household:
                for (var i = 0; i < answers.Household.Count; i++)
                {
                    foreach (var (field, message) in ValidateHouseholdMember(answers.Household[i], today))
                    {
                        errors.Add($"{nameof(answers.Household)}[{i}].{field}", message);
                    }
                }

                break;
            case RequestForSupportSection.Concerns:
                if (answers.Concerns.Count == 0)
                {
                    errors.Add(nameof(answers.Concerns), "Select at least one thing you are worried about");
                }

                if (answers.Concerns.Contains(ConcernCategory.Other))
                {
                    errors.Text(nameof(answers.OtherConcern), answers.OtherConcern, "Describe the other concern", "The other concern");
                }

                errors.Text(nameof(answers.ConcernNarrative), answers.ConcernNarrative, "Describe what you are worried about and why", "What you are worried about", LongText);
                break;
            case RequestForSupportSection.ChildsVoice:
                errors.Text(nameof(answers.ChildsVoice), answers.ChildsVoice, "Enter what the child says, or why you could not ask them", "What the child says", LongText);
                errors.Text(nameof(answers.HowChildWasSeen), answers.HowChildWasSeen, "Enter how and when you saw or spoke to the child", "How you saw the child", 2000);
                break;
            case RequestForSupportSection.WhatHasBeenTried:
                errors.Required(nameof(answers.EarlyHelpTried), answers.EarlyHelpTried, "Select yes if early help has been tried");
                errors.Text(nameof(answers.WhatHasBeenTried), answers.WhatHasBeenTried, "Describe what has been tried so far, or why nothing has", "What has been tried", LongText);
                errors.Optional(nameof(answers.PlansInPlace), answers.PlansInPlace, "Plans in place", LongText);
                break;
            case RequestForSupportSection.Consent:
                // Ofsted (seed 004): consent was not routinely obtained by referring agencies. A request
                // cannot go without either who consented or why consent was not sought.
                errors.Required(nameof(answers.Consent), answers.Consent, "Select whether the family has agreed to this request");
                if (answers.Consent == ConsentStatus.Obtained)
                {
                    errors.Text(nameof(answers.ConsentGivenBy), answers.ConsentGivenBy, "Enter who gave consent", "Who gave consent");
                }
                else if (answers.Consent == ConsentStatus.NotObtained)
                {
                    errors.Text(nameof(answers.ConsentNotObtainedReason), answers.ConsentNotObtainedReason, "Enter why consent was not obtained", "Why consent was not obtained", 2000);
                }

                break;
            case RequestForSupportSection.LevelOfNeed:
                errors.Required(nameof(answers.LevelOfNeed), answers.LevelOfNeed, "Select the level of need you think applies");
                break;
        }

        return errors.All;
    }

    /// <summary>Rules for one child, keyed by the child's own property names.</summary>
    public static Dictionary<string, string> ValidateChild(ChildAnswer child, DateOnly today)
    {
        var errors = new Errors();
        if (!child.Unborn)
        {
            errors.Text(nameof(child.FirstName), child.FirstName, "Enter the child's first name", "First name");
            errors.Text(nameof(child.LastName), child.LastName, "Enter the child's last name", "Last name");
        }
        else
        {
            errors.Optional(nameof(child.FirstName), child.FirstName, "First name");
            errors.Optional(nameof(child.LastName), child.LastName, "Last name");
        }

        errors.Optional(nameof(child.OtherNames), child.OtherNames, "Other names");
        if (child.Unborn)
        {
            if (errors.Required(nameof(child.ExpectedDateOfBirth), child.ExpectedDateOfBirth, "Enter the expected date of birth")
                && (child.ExpectedDateOfBirth < today.AddMonths(-1) || child.ExpectedDateOfBirth > today.AddMonths(10)))
            {
                errors.Add(nameof(child.ExpectedDateOfBirth), "The expected date of birth must be within the next 10 months");
            }
        }
        else if (errors.Required(nameof(child.DateOfBirth), child.DateOfBirth, "Enter the child's date of birth"))
        {
            if (child.DateOfBirth > today)
            {
                errors.Add(nameof(child.DateOfBirth), "The date of birth must be today or in the past");
            }
            else if (child.DateOfBirth < today.AddYears(-25))
            {
                errors.Add(nameof(child.DateOfBirth), "The child must be under 25 (under 18, or under 25 for a care leaver or a young person with special educational needs)");
            }
        }

        errors.Required(nameof(child.Sex), child.Sex, "Select the child's sex, or 'Not known'");
        if (!string.IsNullOrWhiteSpace(child.NhsNumber) && NhsNumberFormat.Normalise(child.NhsNumber) is null)
        {
            errors.Add(nameof(child.NhsNumber), "Enter a real NHS number: 10 digits, like 943 476 5919");
        }

        errors.Optional(nameof(child.Address), child.Address, "Address", 500);
        if (!string.IsNullOrWhiteSpace(child.Postcode) && !PostcodePattern().IsMatch(NormalisePostcode(child.Postcode)))
        {
            errors.Add(nameof(child.Postcode), "Enter a real postcode, like B1 1BB");
        }

        errors.Optional(nameof(child.SchoolName), child.SchoolName, "School or setting");
        return errors.All;
    }

    public static Dictionary<string, string> ValidateHouseholdMember(HouseholdMemberAnswer member, DateOnly today)
    {
        var errors = new Errors();
        errors.Text(nameof(member.Name), member.Name, "Enter the person's name", "Name");
        errors.Text(nameof(member.Relationship), member.Relationship, "Enter how they are related to the child, like mother or mother's partner", "Relationship");
        if (member.DateOfBirth > today)
        {
            errors.Add(nameof(member.DateOfBirth), "The date of birth must be today or in the past");
        }

        errors.Optional(nameof(member.Address), member.Address, "Address", 500);
        return errors.All;
    }

    /// <summary>Upper case with one space before the inward code ("b11bb" → "B1 1BB").</summary>
    public static string NormalisePostcode(string postcode)
    {
        var compact = string.Concat(postcode.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        return compact.Length > 3 ? $"{compact[..^3]} {compact[^3..]}" : compact;
    }

    [GeneratedRegex(@"^\+?[0-9 ()-]{10,20}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$")]
    private static partial Regex PostcodePattern();

    private sealed class Errors
    {
        public Dictionary<string, string> All { get; } = [];

        public void Add(string field, string message) => All.TryAdd(field, message);

        public bool Required<T>(string field, T? value, string message)
        {
            if (value is null)
            {
                Add(field, message);
                return false;
            }

            return true;
        }

        /// <summary>A required text: present and not too long. True when it can be checked further.</summary>
        public bool Text(string field, string? value, string missing, string label, int max = ShortText)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, missing);
                return false;
            }

            return Optional(field, value, label, max);
        }

        public bool Optional(string field, string? value, string label, int max = ShortText)
        {
            if (value is not null && value.Trim().Length > max)
            {
                Add(field, $"{label} must be {max:N0} characters or fewer");
                return false;
            }

            return true;
        }
    }
}
