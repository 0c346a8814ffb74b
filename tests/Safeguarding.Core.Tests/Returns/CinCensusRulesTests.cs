using System.Xml.Linq;
using Safeguarding.Core.Children;
using Safeguarding.Core.Returns;

namespace Safeguarding.Core.Tests.Returns;

/// <summary>
/// Every CIN census rule implemented, each with a file it must fail and a near copy it must pass. Files are built from
/// small pieces: a child (LA child id A1, born 1 January 2015, male, White British, no disability) with episodes
/// referred on 1 May 2025 (source 1A, primary need N1, further action), each holding the assessments, plans, enquiries
/// and protection plans a case needs. A piece's own elements come first and win over the defaults after them (the
/// reader takes the first of each), so <c>Ep(El("CINreferralDate", "2026-04-01"))</c> moves the referral. The census
/// year is 2025-26 (1 April 2025 to 31 March 2026).
/// </summary>
public sealed class CinCensusRulesTests
{
    private const int Year = 2026;
    private const string NoDisability = "<Disabilities><Disability>NONE</Disability></Disabilities>";
    private const string Unborn = "<PersonBirthDate/><ExpectedPersonBirthDate>2026-06-01</ExpectedPersonBirthDate><Sex>U</Sex>";

    public static TheoryData<string, string, string> Cases()
    {
        var upn = Upn("330", "12345678");
        var wrongCheck = (upn[0] == 'A' ? 'B' : 'A') + upn[1..];
        var otherUpn = Upn("330", "87654321");
        string Closed(string reason, string on = "2025-07-01") => El("CINclosureDate", on) + El("ReasonForClosure", reason);
        const string Nfa = "<ReferralNFA>1</ReferralNFA>";
        const string NotAuthorised = "<AssessmentAuthorisationDate/>";
        const string NoConference = "<DateOfInitialCPC/>";

        return new TheoryData<string, string, string>
        {
            // The return as a whole
            { "100", CensusAt("2026-03-30", K(Ep())), One(Ep()) },
            { "2883", One(Ep(Cpp())), One(Ep(S47(), Cpp())) },
            { "2886Q", Census(Kid(El("Sex", "U"), NoDisability, Ep())), One(Ep()) },
            { "2887Q", Census(Kid("", Dis("MOB"), Ep())), Census(Kid("", Dis("MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS"), Ep())) },
            { "2888Q", Census(Kid("", Dis("MOB"), Ep())), Census(Kid("", Dis("MOB", "HAND"), Ep())) },

            // Child identifiers
            { "8500", Census(Kid("<LAchildID></LAchildID>", NoDisability, Ep())), One(Ep()) },
            { "8510", Census(K(Ep()), K(Ep())), Census(K(Ep()), Kid(El("LAchildID", "B2"), NoDisability, Ep())) },
            { "1570", Census(Kid(El("LAchildID", "A12345678901234567890"), NoDisability, Ep())), Census(Kid(El("LAchildID", "A1234567890123456789"), NoDisability, Ep())) },
            { "1580", Census(Kid(El("LAchildID", "A-1"), NoDisability, Ep())), One(Ep()) },
            { "8525", Census(Kid("<PersonBirthDate/>", NoDisability, Ep())), One(Ep()) },
            { "8520", Census(Kid(El("PersonBirthDate", "2026-04-01"), NoDisability, Ep())), Census(Kid(El("PersonBirthDate", "2026-03-31"), NoDisability, Ep())) },
            { "8530Q", Census(Kid("<PersonBirthDate/><ExpectedPersonBirthDate>2027-01-15</ExpectedPersonBirthDate><Sex>U</Sex>", "", Ep())), Census(Kid(Unborn, "", Ep())) },
            { "8535Q", Census(Kid(El("PersonDeathDate", "2014-12-31"), NoDisability, Ep())), Census(Kid(El("PersonDeathDate", "2025-06-01"), NoDisability, Ep())) },
            { "8545Q", Census(Kid(El("PersonDeathDate", "2025-03-31"), NoDisability, Ep())), Census(Kid(El("PersonDeathDate", "2025-06-01"), NoDisability, Ep())) },
            { "8775Q", Census(Kid(El("PersonBirthDate", "2000-01-01"), NoDisability, Ep())), Census(Kid(El("PersonBirthDate", "2002-01-01"), NoDisability, Ep())) },
            { "4180", Census(Kid(El("Sex", "X"), NoDisability, Ep())), One(Ep()) },
            { "8750", Census(Kid("<PersonBirthDate/><ExpectedPersonBirthDate>2026-06-01</ExpectedPersonBirthDate><Sex>M</Sex>", "", Ep())), Census(Kid(Unborn, "", Ep())) },
            { "1510", Census(Kid(El("UPN", wrongCheck), NoDisability, Ep())), Census(Kid(El("UPN", upn), NoDisability, Ep())) },
            { "1530", Census(Kid(El("UPN", Upn("999", "12345678")), NoDisability, Ep())), Census(Kid(El("UPN", upn), NoDisability, Ep())) },
            { "1540", Census(Kid(El("UPN", "A330ABC456789"), NoDisability, Ep())), Census(Kid(El("UPN", upn), NoDisability, Ep())) },
            { "1550", Census(Kid(El("UPN", "A33012345678I"), NoDisability, Ep())), Census(Kid(El("UPN", "A33012345678A"), NoDisability, Ep())) },
            { "1560Q", Census(Kid(El("FormerUPN", "A12"), NoDisability, Ep())), Census(Kid(El("FormerUPN", upn), NoDisability, Ep())) },
            {
                "1520",
                Census(Kid(El("UPN", upn), NoDisability, Ep()), Kid(El("LAchildID", "B2") + El("UPN", upn), NoDisability, Ep())),
                Census(Kid(El("UPN", upn), NoDisability, Ep()), Kid(El("LAchildID", "B2") + El("UPN", otherUpn), NoDisability, Ep()))
            },
            { "8770Q", One(Ep()), Census(Kid(El("UPNunknown", "UN2"), NoDisability, Ep())) },
            { "8772", Census(Kid(El("UPNunknown", "UN7"), NoDisability, Ep())), Census(Kid(El("UPNunknown", "UN7"), NoDisability, Ep(Nfa))) },

            // Characteristics
            { "4220", Census(Kid("", El("Ethnicity", "XXXX") + NoDisability, Ep())), One(Ep()) },
            { "8540", Census(Kid("", "", Ep())), One(Ep()) },
            { "8790", Census(Kid("", Dis("NONE", "MOB"), Ep())), Census(Kid("", Dis("MOB"), Ep())) },
            { "8794", Census(Kid("", Dis("MOB", "MOB"), Ep())), Census(Kid("", Dis("MOB", "HAND"), Ep())) },
            { "8590", Census(K()), One(Ep()) },

            // Dates of death
            { "8555", Census(Kid(El("PersonDeathDate", "2025-04-15"), NoDisability, Ep())), Census(Kid(El("PersonDeathDate", "2025-06-01"), NoDisability, Ep())) },
            { "4008", Census(Kid(El("PersonDeathDate", "2025-06-01"), NoDisability, Ep(Plan()))), Census(Kid(El("PersonDeathDate", "2025-06-01"), NoDisability, Ep(Plan(El("CINPlanStartDate", "2025-05-20"))))) },
            {
                "4009",
                Census(Kid(El("PersonDeathDate", "2025-07-01"), NoDisability, Ep(Plan(El("CINPlanEndDate", "2025-07-10"))))),
                Census(Kid(El("PersonDeathDate", "2025-07-01"), NoDisability, Ep(Plan(El("CINPlanEndDate", "2025-06-30")))))
            },
            { "8915", Census(Kid(El("PersonDeathDate", "2025-06-10"), NoDisability, Ep(Cpp()))), Census(Kid(El("PersonDeathDate", "2025-07-01"), NoDisability, Ep(Cpp()))) },
            {
                "8920",
                Census(Kid(El("PersonDeathDate", "2025-07-01"), NoDisability, Ep(Cpp(El("CPPendDate", "2025-07-10"))))),
                Census(Kid(El("PersonDeathDate", "2025-07-01"), NoDisability, Ep(Cpp(El("CPPendDate", "2025-06-30")))))
            },
            { "8585Q", One(Ep(Closed("RC2"))), Census(Kid(El("PersonDeathDate", "2025-07-01"), NoDisability, Ep(Closed("RC2")))) },

            // Episodes
            { "8600", One(Ep(El("CINreferralDate", "2026-04-01"))), One(Ep(El("CINreferralDate", "2026-03-31"))) },
            { "8606", Census(Kid(Unborn, "", Ep())), Census(Kid(Unborn, "", Ep(El("CINreferralDate", "2025-09-01")))) },
            { "8866", One(Ep(El("ReferralSource", "ZZ"))), One(Ep()) },
            { "8568", One(Ep(El("ReferralNFA", "maybe"))), One(Ep(El("ReferralNFA", "false"))) },
            { "8569", One(Ep(El("CINreferralDate", "2025-03-01"), Nfa)), One(Ep(El("CINreferralDate", "2025-03-31"), Nfa)) },
            { "8610", One(Ep("<PrimaryNeedCode/>")), One(Ep("<PrimaryNeedCode/>", Nfa)) },
            { "8650", One(Ep(El("PrimaryNeedCode", "N99"))), One(Ep()) },
            { "8620", One(Ep(El("CINreferralDate", "2025-01-01"), Closed("RC7", "2025-03-31"))), One(Ep(El("CINreferralDate", "2025-01-01"), Closed("RC7", "2025-04-01"))) },
            { "8630", One(Ep(Closed("RC7", "2025-04-30"))), One(Ep(Closed("RC7", "2025-05-01"))) },
            { "8640", One(Ep(Closed("RC99"))), One(Ep(Closed("RC7"))) },
            { "8805", One(Ep(El("CINclosureDate", "2025-07-01"))), One(Ep(Closed("RC7"))) },
            { "8810", One(Ep(El("ReasonForClosure", "RC7"))), One(Ep(Closed("RC7"))) },
            { "8565", One(Ep(Closed("RC7", "2025-06-01"), Plan())), One(Ep(Closed("RC7", "2025-06-03"), Plan())) },
            { "8815", One(Ep(), Ep(El("CINreferralDate", "2025-08-01"))), One(Ep(Closed("RC7")), Ep(El("CINreferralDate", "2025-08-01"))) },
            {
                "8816",
                One(Ep(), Ep(El("CINreferralDate", "2025-08-01"), Closed("RC7", "2025-09-01"))),
                One(Ep(Closed("RC7", "2025-06-01")), Ep(El("CINreferralDate", "2025-08-01")))
            },
            {
                "8820",
                One(Ep(), Ep(El("CINreferralDate", "2025-06-01"), Closed("RC7"))),
                One(Ep(Closed("RC7", "2025-06-01")), Ep(El("CINreferralDate", "2025-06-01"), Closed("RC7")))
            },
            { "2990", One(Ep(Closed("RC8"), Asmt(), S47())), One(Ep(Closed("RC7"), Asmt(), S47())) },
            { "8831", One(Ep(Nfa, Asmt())), One(Ep(Nfa)) },
            { "8832", One(Ep(Nfa, Cpp())), One(Ep(Cpp())) },
            { "4000", One(Ep(Nfa, Plan())), One(Ep(Plan())) },
            { "8825Q", One(Ep(Closed("RC8"))), One(Ep(Closed("RC8"), Asmt())) },
            { "8867", One(Ep(Closed("RC7"), Asmt(NotAuthorised))), One(Ep(Closed("RC7"), Asmt())) },
            { "8868", One(Ep(Closed("RC7"), S47(NoConference))), One(Ep(Closed("RC7"), S47(NoConference + El("ICPCnotRequired", "1")))) },
            { "2884", One(Ep(El("DateOfInitialCPC", "2025-06-19"), S47())), One(Ep(S47())) },

            // Assessments
            { "1103", One(Ep(Asmt(El("AssessmentActualStartDate", "2025-04-20")))), One(Ep(Asmt())) },
            { "8608", One(Ep(Asmt(El("AssessmentAuthorisationDate", "2025-05-01")))), One(Ep(Asmt(El("AssessmentAuthorisationDate", "2025-05-02")))) },
            { "8696", One(Ep(Asmt(El("AssessmentAuthorisationDate", "2026-04-02")))), One(Ep(Asmt(El("AssessmentAuthorisationDate", "2026-03-31")))) },
            {
                "8736",
                One(Ep(El("CINreferralDate", "2025-02-01"), Asmt(El("AssessmentActualStartDate", "2025-03-01") + NotAuthorised))),
                One(Ep(El("CINreferralDate", "2025-02-01"), Asmt(El("AssessmentActualStartDate", "2025-04-01") + NotAuthorised)))
            },
            { "8670Q", One(Ep(Asmt(NotAuthorised))), One(Ep(Asmt(El("AssessmentActualStartDate", "2026-03-20") + NotAuthorised))) },
            {
                "8896",
                One(Ep(Asmt(NotAuthorised), Asmt(El("AssessmentActualStartDate", "2025-06-10") + NotAuthorised))),
                One(Ep(Asmt(), Asmt(El("AssessmentActualStartDate", "2025-06-10") + NotAuthorised)))
            },
            {
                "8863",
                One(Ep(Asmt(), Asmt(El("AssessmentActualStartDate", "2025-05-20") + El("AssessmentAuthorisationDate", "2025-06-10")))),
                One(Ep(Asmt(), Asmt(El("AssessmentActualStartDate", "2025-06-02") + El("AssessmentAuthorisationDate", "2025-06-10"))))
            },
            { "8614", One(Ep(Asmt(NotAuthorised))), One(Ep(Asmt(NotAuthorised + "<FactorsIdentifiedAtAssessment/>"))) },
            { "8897", One(Ep(Asmt("<FactorsIdentifiedAtAssessment/>"))), One(Ep(Asmt())) },
            { "8617", One(Ep(Asmt(Factors("8A")))), One(Ep(Asmt(Factors("8B")))) },
            { "8945Q", One(Ep(Asmt(Factors("18A")))), One(Ep(Asmt(Factors("18B")))) },
            { "8950Q", One(Ep(Asmt(Factors("19A")))), One(Ep(Asmt(Factors("19B")))) },
            { "8869", One(Ep(Asmt(Factors("21", "1A")))), One(Ep(Asmt(Factors("21")))) },
            { "8898", One(Ep(Asmt(Factors("1A", "1A")))), One(Ep(Asmt(Factors("1A", "1B")))) },
            { "8873", One(Ep(Closed("RC7"), Asmt(Factors("21")))), One(Ep(Closed("RC8"), Asmt(Factors("21")))) },
            { "8899Q", Census(Kid("", Dis("MOB"), Ep(Asmt()))), Census(Kid("", Dis("MOB"), Ep(Asmt(Factors("5A"))))) },
            { "2991Q", One(Ep(S47())), One(Ep(Asmt(), S47())) },

            // CIN plans
            { "4010", One(Ep(Plan(El("CINPlanStartDate", "2026-04-01")))), One(Ep(Plan())) },
            { "4011", One(Ep(Plan(El("CINPlanEndDate", "2025-06-01")))), One(Ep(Plan(El("CINPlanEndDate", "2025-06-03")))) },
            { "4012Q", One(Ep(Plan(El("CINPlanEndDate", "2025-06-02")))), One(Ep(Plan(El("CINPlanEndDate", "2025-06-03")))) },
            { "4013", One(Ep(Plan(El("CINPlanEndDate", "2026-04-01")))), One(Ep(Plan(El("CINPlanEndDate", "2026-03-31")))) },
            { "4015", One(Ep(Plan(El("CINPlanStartDate", "2025-04-20")))), One(Ep(Plan())) },
            { "4004", One(Ep(Plan(), Plan(El("CINPlanStartDate", "2025-07-01")))), One(Ep(Plan(El("CINPlanEndDate", "2025-06-30")), Plan(El("CINPlanStartDate", "2025-07-01")))) },
            {
                "4014",
                One(Ep(Plan(), Plan(El("CINPlanStartDate", "2025-07-01") + El("CINPlanEndDate", "2025-08-01")))),
                One(Ep(Plan(El("CINPlanEndDate", "2025-06-30")), Plan(El("CINPlanStartDate", "2025-07-01"))))
            },
            { "4016", One(Ep(Cpp(), Plan(El("CINPlanStartDate", "2025-07-01")))), One(Ep(Cpp(El("CPPendDate", "2025-06-30")), Plan(El("CINPlanStartDate", "2025-07-01")))) },
            { "4017", One(Ep(Plan(), Cpp())), One(Ep(Plan(El("CINPlanEndDate", "2025-06-19")), Cpp())) },
            { "4001", One(Ep(Plan(), Cpp())), One(Ep(Plan(El("CINPlanEndDate", "2025-06-19")), Cpp())) },

            // Section 47 enquiries and initial conferences
            { "2889", One(Ep(S47(El("S47ActualStartDate", "2025-04-20")))), One(Ep(S47())) },
            { "1104", One(Ep(S47(El("DateOfInitialCPC", "2025-04-25")))), One(Ep(S47())) },
            { "8615", One(Ep(S47(El("DateOfInitialCPC", "2025-06-01")))), One(Ep(S47())) },
            { "8715", One(Ep(S47(El("DateOfInitialCPC", "2026-04-02")))), One(Ep(S47())) },
            {
                "8740",
                One(Ep(El("CINreferralDate", "2025-02-01"), S47(El("S47ActualStartDate", "2025-03-01") + NoConference))),
                One(Ep(El("CINreferralDate", "2025-02-01"), S47(El("S47ActualStartDate", "2025-04-01") + NoConference)))
            },
            { "8675Q", One(Ep(S47(NoConference))), One(Ep(S47(El("S47ActualStartDate", "2026-03-25") + NoConference))) },
            {
                "8839",
                One(Ep(S47(NoConference), S47(El("S47ActualStartDate", "2025-07-01") + NoConference))),
                One(Ep(S47(NoConference), S47(El("S47ActualStartDate", "2025-07-01") + NoConference + El("ICPCnotRequired", "1"))))
            },
            {
                "8890",
                One(Ep(S47(), S47(El("S47ActualStartDate", "2025-06-10") + El("DateOfInitialCPC", "2025-06-26")))),
                One(Ep(S47(), S47(El("S47ActualStartDate", "2025-06-20") + El("DateOfInitialCPC", "2025-06-26"))))
            },
            { "8870Q", One(Ep(S47(El("InitialCPCtarget", "2025-06-21")))), One(Ep(S47())) },
            { "8875", One(Ep(S47(El("DateOfInitialCPC", "2025-06-21")))), One(Ep(S47())) },

            // Child protection plans and reviews
            { "1105", One(Ep(Cpp(El("CPPstartDate", "2025-04-20")))), One(Ep(Cpp())) },
            { "8720", One(Ep(Cpp(El("CPPstartDate", "2026-04-01")))), One(Ep(Cpp())) },
            { "8730", One(Ep(Cpp("<NumberOfPreviousCPP/>"))), One(Ep(Cpp())) },
            { "8905", One(Ep(Cpp(El("InitialCategoryOfAbuse", "XXX")))), One(Ep(Cpp())) },
            { "8910", One(Ep(Cpp(El("LatestCategoryOfAbuse", "XXX")))), One(Ep(Cpp())) },
            { "8840", One(Ep(Cpp(El("CPPendDate", "2025-06-19")))), One(Ep(Cpp(El("CPPendDate", "2025-06-20")))) },
            { "8925", One(Ep(Cpp(El("CPPendDate", "2025-06-18")))), One(Ep(Cpp(El("CPPendDate", "2025-06-20")))) },
            { "8930", One(Ep(Cpp(El("CPPendDate", "2026-04-01")))), One(Ep(Cpp(El("CPPendDate", "2026-03-31")))) },
            { "8935", One(Ep(Cpp(), Cpp(El("CPPstartDate", "2025-08-01")))), One(Ep(Cpp(El("CPPendDate", "2025-07-31")), Cpp(El("CPPstartDate", "2025-08-01")))) },
            {
                "8940",
                One(Ep(Cpp(), Cpp(El("CPPstartDate", "2025-08-01") + El("CPPendDate", "2025-09-01")))),
                One(Ep(Cpp(El("CPPendDate", "2025-07-31")), Cpp(El("CPPstartDate", "2025-08-01"))))
            },
            { "2885", One(Ep(Cpp())), One(Ep(S47(), Cpp())) },
            { "8841", One(Ep(Cpp(Reviews("2025-06-19")))), One(Ep(Cpp(Reviews("2025-09-01")))) },
            { "8842Q", One(Ep(Cpp("<Reviews><CPPreviewDate/></Reviews>"))), One(Ep(Cpp(Reviews("2025-09-01")))) },
            { "4003", One(Ep(Plan(), Cpp(Reviews("2025-09-01")))), One(Ep(Plan(El("CINPlanEndDate", "2025-06-19")), Cpp(Reviews("2025-09-01")))) },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_FailsTheBadFile_AndPassesTheGoodOne(string code, string failing, string passing)
    {
        var rule = Assert.Single(CinCensusRules.All, r => r.Code == code);

        var bad = CinCensusValidator.Validate(Parse(failing), Year, [rule]);
        var good = CinCensusValidator.Validate(Parse(passing), Year, [rule]);

        Assert.Contains(bad.Issues, i => i.Rule == code && i.Line > 0 && i.Section.Length > 0 && i.Fields.Count > 0);
        Assert.DoesNotContain(good.Issues, i => i.Rule == code);

        // Every rule runs over every case's file without throwing.
        _ = CinCensusValidator.Validate(Parse(failing), Year);
    }

    [Fact]
    public void EveryKnownRule_IsImplementedWithACase_OrLeftOutWithAReason()
    {
        var tested = Cases().Select(c => (string)c[0]).ToHashSet(StringComparer.Ordinal);
        var implemented = CinCensusRules.All.Select(r => r.Code).ToList();
        var leftOut = CinCensusRules.LeftOut.Select(l => l.Code).ToList();

        Assert.Equal(implemented.Count, implemented.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(implemented, c => !tested.Contains(c));
        Assert.DoesNotContain(implemented, leftOut.Contains);
        Assert.DoesNotContain(implemented, c => !CinCensusRules.Known.Contains(c));
        Assert.DoesNotContain(CinCensusRules.Known, c => !implemented.Contains(c) && !leftOut.Contains(c));
        Assert.All(CinCensusRules.LeftOut, l => Assert.False(string.IsNullOrWhiteSpace(l.Reason)));
        Assert.Equal(CinCensusRules.Known.Count, implemented.Count + leftOut.Count);
    }

    [Fact]
    public void CodesEndingInQ_AreQueries_AndTheRestErrors()
    {
        Assert.All(CinCensusRules.All, r => Assert.Equal(r.Code.EndsWith('Q') ? CinCensusSeverity.Query : CinCensusSeverity.Error, r.Severity));
        Assert.Contains(CinCensusRules.All, r => r.Severity == CinCensusSeverity.Query);
    }

    [Fact]
    public void Issues_CarryTheChild_TheSection_TheFields_AndTheLineInTheFile_WithCountsPerRule()
    {
        var xml = string.Join("\n",
            "<Message>",
            "<Header><CollectionDetails><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header>",
            "<Children>",
            "<Child>",
            "<ChildIdentifiers><LAchildID>C7</LAchildID><PersonBirthDate>2015-01-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>",
            "<ChildCharacteristics><Ethnicity>WBRI</Ethnicity>" + NoDisability + "</ChildCharacteristics>",
            "<CINdetails><CINreferralDate>2025-05-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>",
            "<ChildProtectionPlans><CPPstartDate>2025-06-19</CPPstartDate><CPPendDate>2025-06-19</CPPendDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans>",
            "<ReferralNFA>0</ReferralNFA></CINdetails>",
            "</Child>",
            "</Children>",
            "</Message>");

        var result = CinCensusValidator.Validate(Parse(xml), Year);

        var sameDay = Assert.Single(result.Issues, i => i.Rule == "8840");
        Assert.Equal(("C7", "ChildProtectionPlans", 8, CinCensusSeverity.Error), (sameDay.Child, sameDay.Section, sameDay.Line, sameDay.Severity));
        Assert.Equal(["CPPstartDate", "CPPendDate"], sameDay.Fields);
        Assert.Equal("The child protection plan starts and ends on the same day.", sameDay.Message);

        // The plan started with no initial conference: a finding about the whole return, reported at <Children>.
        var authority = Assert.Single(result.Issues, i => i.Rule == "2883");
        Assert.Equal(("", "Children", 3), (authority.Child, authority.Section, authority.Line));

        Assert.Equal(1, Assert.Single(result.Counts, c => c.Rule == "8840").Count);
        Assert.Equal(result.Issues.Count, result.Counts.Sum(c => c.Count));
        Assert.Equal(result.Issues.Count, result.Errors + result.Queries);
        Assert.Equal(Year, result.CollectionYear);
    }

    // ---- Building files ------------------------------------------------------------------------------------------

    private static XDocument Parse(string xml) => XDocument.Parse(xml, LoadOptions.SetLineInfo);

    private static string El(string name, string value) => $"<{name}>{value}</{name}>";

    private static string Census(params string[] children) => CensusAt("2026-03-31", children);

    private static string CensusAt(string referenceDate, params string[] children) =>
        $"<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>{referenceDate}</ReferenceDate></CollectionDetails></Header><Children>{string.Concat(children)}</Children></Message>";

    /// <summary>A file with one default child holding these episodes.</summary>
    private static string One(params string[] episodes) => Census(K(episodes));

    private static string K(params string[] episodes) => Kid("", NoDisability, episodes);

    /// <param name="identifiers">Identifier elements that win over the defaults.</param>
    /// <param name="characteristics">Elements of ChildCharacteristics before the default ethnicity (disabilities, or an ethnicity of their own).</param>
    private static string Kid(string identifiers, string characteristics, params string[] episodes) =>
        $"<Child><ChildIdentifiers>{identifiers}<LAchildID>A1</LAchildID><PersonBirthDate>2015-01-01</PersonBirthDate><Sex>M</Sex></ChildIdentifiers>"
        + $"<ChildCharacteristics>{characteristics}<Ethnicity>WBRI</Ethnicity></ChildCharacteristics>{string.Concat(episodes)}</Child>";

    private static string Dis(params string[] codes) => $"<Disabilities>{string.Concat(codes.Select(c => El("Disability", c)))}</Disabilities>";

    private static string Ep(params string[] parts) =>
        $"<CINdetails>{string.Concat(parts)}<CINreferralDate>2025-05-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>0</ReferralNFA></CINdetails>";

    /// <summary>An assessment from 2 May to 1 June 2025 that found factor 1A.</summary>
    private static string Asmt(string own = "") =>
        $"<Assessments>{own}<AssessmentActualStartDate>2025-05-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2025-06-01</AssessmentAuthorisationDate>{Factors("1A")}</Assessments>";

    private static string Factors(params string[] codes) => $"<FactorsIdentifiedAtAssessment>{string.Concat(codes.Select(c => El("AssessmentFactors", c)))}</FactorsIdentifiedAtAssessment>";

    /// <summary>A CIN plan from 2 June 2025, still open.</summary>
    private static string Plan(string own = "") => $"<CINPlanDates>{own}<CINPlanStartDate>2025-06-02</CINPlanStartDate></CINPlanDates>";

    /// <summary>A section 47 enquiry from 2 June 2025, conference due Friday 20 June and held Thursday 19 June.</summary>
    private static string S47(string own = "") =>
        $"<Section47>{own}<S47ActualStartDate>2025-06-02</S47ActualStartDate><InitialCPCtarget>2025-06-20</InitialCPCtarget><DateOfInitialCPC>2025-06-19</DateOfInitialCPC><ICPCnotRequired>0</ICPCnotRequired></Section47>";

    /// <summary>A child protection plan from 19 June 2025 (neglect, no earlier plans), still open.</summary>
    private static string Cpp(string own = "") =>
        $"<ChildProtectionPlans>{own}<CPPstartDate>2025-06-19</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans>";

    private static string Reviews(params string[] dates) => $"<Reviews>{string.Concat(dates.Select(d => El("CPPreviewDate", d)))}</Reviews>";

    /// <summary>A UPN with the right check letter: the LA number, then eight digits and a final 1.</summary>
    private static string Upn(string localAuthority, string digits) => UpnFormat.CheckLetter($"{localAuthority}{digits}1") + $"{localAuthority}{digits}1";
}
