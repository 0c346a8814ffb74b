using Microsoft.AspNetCore.Identity;
using Safeguarding.Core.Access;
using Safeguarding.Core.Audit;
using Safeguarding.Core.Children;
using Safeguarding.Core.Data;
using Safeguarding.Tests.Shared;

namespace Safeguarding.Core.Tests.Children;

/// <summary>A partnership with an owner-to-be, another worker and an administrator, on a fresh database.</summary>
internal sealed class ChildrenTestData
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public Guid PartnershipId { get; } = Guid.NewGuid();

    public Guid AgencyId { get; } = Guid.NewGuid();

    public Guid OwnerId { get; } = Guid.NewGuid();

    public Guid WorkerId { get; } = Guid.NewGuid();

    public Guid AdministratorId { get; } = Guid.NewGuid();

    public static async Task<ChildrenTestData> SeedAsync(TestDatabase database)
    {
        var data = new ChildrenTestData();
        await using var db = database.NewContext();
        db.Partnerships.Add(new Partnership { Id = data.PartnershipId, Code = "KIDS", Name = "Children test partnership", LocalAuthorityName = "Kids" });
        db.Agencies.Add(new Agency { Id = data.AgencyId, PartnershipId = data.PartnershipId, Name = "Children's services", Type = AgencyType.LocalAuthority });
        AddUser(db, data, data.OwnerId, "Olu Owner", "olu.owner@example.org");
        AddUser(db, data, data.WorkerId, "Wren Worker", "wren.worker@example.org");
        AddUser(db, data, data.AdministratorId, "Ada Admin", "ada.admin@example.org");
        var role = new Role { Id = Guid.NewGuid(), Name = Roles.Administrator, NormalizedName = Roles.Administrator.ToUpperInvariant() };
        db.Roles.Add(role);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = data.AdministratorId, RoleId = role.Id });
        db.Record(new Seeded(data.PartnershipId), ProcessContext.System(Monday, "test", data.PartnershipId));
        await db.SaveChangesAsync();
        return data;
    }

    public ProcessContext As(Guid userId, DateTimeOffset? at = null) =>
        new(userId, userId == OwnerId ? "Olu Owner" : userId == WorkerId ? "Wren Worker" : "Ada Admin", PartnershipId, at ?? Monday);

    public async Task<Person> AddChildAsync(SafeguardingDbContext db, string given, string family, DateOnly born, Action<Person>? change = null)
    {
        var person = new Person
        {
            Id = Guid.NewGuid(),
            PartnershipId = PartnershipId,
            GivenName = given,
            FamilyName = family,
            DateOfBirth = born,
            Sex = PersonSex.Male,
            Postcode = "ZX4 7QD",
            AddressLine = "12 Mill Lane",
            IsChild = true,
        };
        change?.Invoke(person);
        db.People.Add(person);
        db.Record(new Seeded(person.Id), ProcessContext.System(Monday, "test", PartnershipId));
        await db.SaveChangesAsync();
        return person;
    }

    private static void AddUser(SafeguardingDbContext db, ChildrenTestData data, Guid id, string name, string email) =>
        db.Users.Add(new User
        {
            Id = id,
            PartnershipId = data.PartnershipId,
            AgencyId = data.AgencyId,
            DisplayName = name,
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString(),
        });

    /// <summary>Test set-up only.</summary>
    private sealed record Seeded(Guid Id) : IDomainEvent
    {
        public string SubjectType => "Test";

        public string SubjectId => Id.ToString();
    }
}
