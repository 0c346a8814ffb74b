using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguarding.Core.Data;

namespace Safeguarding.Core.Access;

public sealed record NewUserForm(string DisplayName, string Email, string? JobTitle, Guid AgencyId, IReadOnlyList<string> Roles, string InitialPassword);

public sealed record UserAccessForm(Guid AgencyId, IReadOnlyList<string> Roles, bool IsActive);

/// <summary>Adds users and changes what they may do. Identity does the storage; every change is recorded.</summary>
public sealed class UserDirectory(SafeguardingDbContext db, UserManager<User> users)
{
    public async Task<ChangeResult<User>> CreateUserAsync(NewUserForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var partnershipId = context.PartnershipId ?? throw new InvalidOperationException("A user belongs to a partnership.");
        var roleError = CheckRoles(form.Roles);
        if (roleError is not null)
        {
            return ChangeResult<User>.Refused(nameof(NewUserForm.Roles), roleError);
        }

        if (!await db.Agencies.AnyAsync(a => a.Id == form.AgencyId && a.PartnershipId == partnershipId, cancellationToken))
        {
            return ChangeResult<User>.Refused(nameof(NewUserForm.AgencyId), "Select the user's agency");
        }

        var email = form.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return ChangeResult<User>.Refused(nameof(NewUserForm.Email), "A user with this email address already exists");
        }

        var user = new User
        {
            Id = Guid.CreateVersion7(context.Now),
            DisplayName = form.DisplayName.Trim(),
            Email = email,
            UserName = email,
            EmailConfirmed = true,
            JobTitle = string.IsNullOrWhiteSpace(form.JobTitle) ? null : form.JobTitle.Trim(),
            AgencyId = form.AgencyId,
            PartnershipId = partnershipId,
            LockoutEnabled = true,
        };

        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, form.InitialPassword);
            if (!check.Succeeded)
            {
                return ChangeResult<User>.Refused(nameof(NewUserForm.InitialPassword), check.Errors.First().Description);
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Record(new UserCreated(user.Id, email, user.AgencyId, form.Roles), context);
        var created = await users.CreateAsync(user, form.InitialPassword);
        if (!created.Succeeded)
        {
            return ChangeResult<User>.Refused("", created.Errors.First().Description);
        }

        var added = await users.AddToRolesAsync(user, form.Roles);
        if (!added.Succeeded)
        {
            return ChangeResult<User>.Refused(nameof(NewUserForm.Roles), added.Errors.First().Description);
        }

        await transaction.CommitAsync(cancellationToken);
        return ChangeResult<User>.Done(user);
    }

    public async Task<ChangeResult<User>> ChangeUserAccessAsync(Guid userId, UserAccessForm form, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.PartnershipId != context.PartnershipId)
        {
            return ChangeResult<User>.Refused("", "This user no longer exists");
        }

        var roleError = CheckRoles(form.Roles);
        if (roleError is not null)
        {
            return ChangeResult<User>.Refused(nameof(UserAccessForm.Roles), roleError);
        }

        if (user.Id == context.UserId && (!form.IsActive || !form.Roles.Contains(Roles.Administrator)))
        {
            return ChangeResult<User>.Refused(nameof(UserAccessForm.Roles), "You cannot remove your own administrator access");
        }

        var oldRoles = (await users.GetRolesAsync(user)).Order().ToList();
        var newRoles = form.Roles.Order().ToList();
        var oldAgency = user.AgencyId;
        var wasActive = user.IsActive;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.AgencyId = form.AgencyId;
        user.IsActive = form.IsActive;
        db.Record(new UserAccessChanged(user.Id, oldAgency, form.AgencyId, oldRoles, newRoles, wasActive, form.IsActive), context);
        await users.RemoveFromRolesAsync(user, oldRoles.Except(newRoles));
        await users.AddToRolesAsync(user, newRoles.Except(oldRoles));

        // A changed security stamp signs the user out everywhere, so removed access takes effect at once.
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return ChangeResult<User>.Done(user);
    }

    public async Task<ChangeResult<User>> ResetSecondFactorAsync(Guid userId, ProcessContext context, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.PartnershipId != context.PartnershipId)
        {
            return ChangeResult<User>.Refused("", "This user no longer exists");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Record(new SecondFactorReset(user.Id), context);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return ChangeResult<User>.Done(user);
    }

    private static string? CheckRoles(IReadOnlyList<string> roles)
    {
        if (roles.Count == 0)
        {
            return "Select at least one role";
        }

        var unknown = roles.FirstOrDefault(r => !Roles.All.Contains(r));
        return unknown is null ? null : $"{unknown} is not a role";
    }
}
