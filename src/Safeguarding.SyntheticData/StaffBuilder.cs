using System.Globalization;
using System.Text;
using Safeguarding.Core.Access;

namespace Safeguarding.SyntheticData;

/// <summary>Finer kinds of agency than <see cref="AgencyType"/>, so people can be placed where they work.</summary>
internal enum AgencyKind
{
    Police,
    AcuteTrust,
    CommunityTrust,
    MentalHealthTrust,
    IntegratedCareBoard,
    GpPractice,
    LocalAuthority,
    ChildrensTrust,
    Probation,
    Housing,
    Voluntary,
    PrimarySchool,
    SecondarySchool,
    AllThroughSchool,
    SpecialSchool,
    NurserySchool,
    SixteenPlusCollege,
}

/// <summary>Makes the demo users (one per role) and the city's other staff who use the system.</summary>
internal sealed class StaffBuilder(CitySpec spec, Partnership partnership, IReadOnlyDictionary<AgencyKind, List<Agency>> agencies, CityRandom ids)
{
    private sealed record Post(string Role, double Weight, AgencyKind[] Kinds, string[] JobTitles);

    // Who uses the system, in rough proportion: mostly the people who refer and the social workers.
    private static readonly Post[] Posts =
    [
        new(Roles.Referrer, 30, [AgencyKind.PrimarySchool, AgencyKind.SecondarySchool, AgencyKind.AllThroughSchool], ["Class teacher", "Designated safeguarding lead", "Head of year", "Pastoral manager", "Special educational needs coordinator"]),
        new(Roles.Referrer, 6, [AgencyKind.GpPractice], ["General practitioner", "Practice nurse"]),
        new(Roles.Referrer, 6, [AgencyKind.CommunityTrust], ["Health visitor", "School nurse", "Family nurse"]),
        new(Roles.Referrer, 3, [AgencyKind.AcuteTrust], ["Paediatric nurse", "Emergency department nurse", "Midwife"]),
        new(Roles.Referrer, 4, [AgencyKind.Police], ["Police constable", "Police community support officer"]),
        new(Roles.Referrer, 4, [AgencyKind.Voluntary], ["Family support worker", "Youth worker", "Domestic abuse advocate"]),
        new(Roles.Referrer, 2, [AgencyKind.Housing], ["Housing officer", "Tenancy support officer"]),
        new(Roles.FrontDoorWorker, 8, [AgencyKind.ChildrensTrust], ["Front door social worker", "Front door practitioner", "Early help advisor"]),
        new(Roles.FrontDoorManager, 1.5, [AgencyKind.ChildrensTrust], ["Front door team manager", "MASH practice supervisor"]),
        new(Roles.AgencyResearcher, 1.6, [AgencyKind.Police], ["Police MASH researcher"]),
        new(Roles.AgencyResearcher, 1.2, [AgencyKind.CommunityTrust], ["MASH health researcher"]),
        new(Roles.AgencyResearcher, 0.6, [AgencyKind.LocalAuthority], ["MASH education researcher"]),
        new(Roles.AgencyResearcher, 0.4, [AgencyKind.Probation], ["MASH probation researcher"]),
        new(Roles.SocialWorker, 20, [AgencyKind.ChildrensTrust], ["Social worker", "Senior social worker", "Advanced practitioner"]),
        new(Roles.TeamManager, 4, [AgencyKind.ChildrensTrust], ["Team manager", "Practice supervisor"]),
        new(Roles.ConferenceChair, 2, [AgencyKind.ChildrensTrust], ["Independent reviewing officer", "Child protection conference chair"]),
        new(Roles.PartnershipOfficer, 1.5, [AgencyKind.LocalAuthority], ["Partnership business manager", "Programme officer", "Training coordinator"]),
        new(Roles.PerformanceAnalyst, 1, [AgencyKind.ChildrensTrust, AgencyKind.LocalAuthority], ["Performance analyst", "Data officer"]),
        new(Roles.AgencySafeguardingLead, 4, [AgencyKind.PrimarySchool, AgencyKind.SecondarySchool, AgencyKind.AllThroughSchool], ["Designated safeguarding lead"]),
        new(Roles.AgencySafeguardingLead, 2.5, [AgencyKind.AcuteTrust, AgencyKind.CommunityTrust, AgencyKind.MentalHealthTrust, AgencyKind.IntegratedCareBoard], ["Named nurse for safeguarding children", "Designated doctor for safeguarding", "Safeguarding lead"]),
        new(Roles.AgencySafeguardingLead, 1.5, [AgencyKind.Voluntary, AgencyKind.Housing, AgencyKind.Probation, AgencyKind.Police], ["Safeguarding lead"]),
        new(Roles.BoardMember, 1, [AgencyKind.Police, AgencyKind.IntegratedCareBoard, AgencyKind.LocalAuthority, AgencyKind.ChildrensTrust], ["Board member", "Executive director", "Chief officer"]),
        new(Roles.Administrator, 0.5, [AgencyKind.LocalAuthority], ["Systems administrator"]),
    ];

    private readonly HashSet<string> emails = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<User> users = [];
    private readonly List<StaffRoleAssignment> roles = [];

    public (List<User> Users, List<StaffRoleAssignment> Roles) Build()
    {
        foreach (var profile in DemoCity.Users)
        {
            var agency = DemoAgency(profile.Role);
            AddUser(profile.Email, profile.DisplayName, profile.JobTitle, agency, profile.Role);
        }

        var random = CityRandom.For(spec.Seed, "staff");
        var posts = new Weighted<Post>(Posts.Select(p => (p, p.Weight)).ToArray());
        var count = spec.Children / Math.Max(1, spec.ChildrenPerStaffUser);
        for (var i = 0; i < count; i++)
        {
            var post = posts.Pick(random);
            var kinds = post.Kinds.Where(agencies.ContainsKey).ToArray();
            var agency = kinds.Length > 0 ? random.Pick(agencies[random.Pick(kinds)]) : agencies[AgencyKind.LocalAuthority][0];
            var pool = EthnicityMix.PoolFor(EthnicityMix.Children.Pick(random), random);
            var female = random.Chance(0.7);
            var given = random.Pick(female ? pool.Female : pool.Male);
            var family = random.Pick(pool.Family);
            AddUser(StaffEmail(given, family), $"{given} {family}", random.Pick(post.JobTitles), agency, post.Role);
        }

        return (users, roles);
    }

    private Agency DemoAgency(string role)
    {
        Agency First(params AgencyKind[] kinds) => kinds.Where(agencies.ContainsKey).Select(k => agencies[k][0]).First();
        return role switch
        {
            Roles.Referrer => First(AgencyKind.PrimarySchool, AgencyKind.AllThroughSchool, AgencyKind.SecondarySchool),
            Roles.AgencyResearcher or Roles.BoardMember => First(AgencyKind.Police),
            Roles.AgencySafeguardingLead => First(AgencyKind.AcuteTrust),
            Roles.PartnershipOfficer or Roles.Administrator => First(AgencyKind.LocalAuthority),
            _ => First(AgencyKind.ChildrensTrust),
        };
    }

    private string StaffEmail(string given, string family)
    {
        var stem = $"{Slug(given)}.{Slug(family)}";
        var email = $"{stem}@{DemoCity.StaffEmailDomain}";
        for (var n = 2; !emails.Add(email); n++)
        {
            email = string.Create(CultureInfo.InvariantCulture, $"{stem}{n}@{DemoCity.StaffEmailDomain}");
        }

        return email;
    }

    private static string Slug(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private void AddUser(string email, string displayName, string jobTitle, Agency agency, string role)
    {
        emails.Add(email);
        var user = new User
        {
            Id = ids.NextGuid(),
            PartnershipId = partnership.Id,
            AgencyId = agency.Id,
            DisplayName = displayName,
            JobTitle = jobTitle,
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            LockoutEnabled = true,

            // Identity fills these with Guid.NewGuid(); fixed values keep the city reproducible.
            SecurityStamp = ids.NextHex(20),
            ConcurrencyStamp = ids.NextGuid().ToString(),
        };
        users.Add(user);
        roles.Add(new StaffRoleAssignment(user.Id, role));
    }
}
