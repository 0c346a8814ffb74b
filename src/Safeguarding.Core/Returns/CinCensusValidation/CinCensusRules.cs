using System.Collections.Concurrent;
using Safeguarding.Core.Calendar;

namespace Safeguarding.Core.Returns;

/// <summary>
/// The DfE CIN census validation rules this system checks, written in C# from the rules' published conditions, each
/// with a message of our own in plain words (the DfE code is kept so an issue can be looked up). Most are
/// declarative: a condition on a child, an episode or a part of an episode; the rest compare a child's episodes or
/// plans with each other, or count across the whole return. <see cref="LeftOut"/> lists every known code not checked
/// and why. Codes ending in Q are queries, the rest errors.
/// </summary>
public static partial class CinCensusRules
{
    public const string Header = "Header";
    public const string Children = "Children";
    public const string Identifiers = "ChildIdentifiers";
    public const string Characteristics = "ChildCharacteristics";
    public const string Disabilities = "Disabilities";
    public const string Details = "CINdetails";
    public const string Assessments = "Assessments";
    public const string CinPlanDates = "CINPlanDates";
    public const string Section47 = "Section47";
    public const string ProtectionPlans = "ChildProtectionPlans";
    public const string Reviews = "Reviews";

    private static readonly ConcurrentDictionary<(int Year, string Type), IReadOnlySet<string>> CodeLists = new();
    private static readonly Lazy<WorkingDayCalendar> Calendar = new(() => WorkingDayCalendar.EnglandAndWales());

    private static IReadOnlyList<CinCensusRule>? all;

    /// <summary>Every rule implemented, in code order.</summary>
    public static IReadOnlyList<CinCensusRule> All => all ??= Build().OrderBy(r => r.Code, StringComparer.Ordinal).ToList();

    private static IEnumerable<CinCensusRule> Build() =>
        [.. ReturnRules(), .. ChildRules(), .. EpisodeRules(), .. AssessmentRules(), .. CinPlanRules(), .. Section47Rules(), .. ProtectionPlanRules()];

    // ---- Builders ----------------------------------------------------------------------------------------------

    /// <summary>A rule that fails each child for which the condition holds, reported at the child's identifiers.</summary>
    private static CinCensusRule Child(string code, string[] fields, string message, Func<CinCensusReturn, CensusChild, bool> fails, string section = Identifiers) =>
        new(code, section, fields, message, r => r.Children.Where(c => fails(r, c)).Select(c => new CinCensusHit(c.LaChildId, section, c.IdentifiersLine)));

    /// <summary>A rule that fails each episode (CINdetails) for which the condition holds.</summary>
    private static CinCensusRule Episode(string code, string[] fields, string message, Func<CinCensusReturn, CensusChild, CensusEpisode, bool> fails) =>
        new(code, Details, fields, message, r => r.Children.SelectMany(c => c.Episodes.Where(e => fails(r, c, e)).Select(e => At(c, Details, e))));

    /// <summary>A rule over one kind of part of an episode (its assessments, plans, enquiries), failing each part for which the condition holds.</summary>
    private static CinCensusRule Each<T>(string code, string section, string[] fields, string message, Func<CensusEpisode, IEnumerable<T>> parts, Func<CinCensusReturn, CensusChild, CensusEpisode, T, bool> fails)
        where T : ICensusElement =>
        new(code, section, fields, message, r => r.Children.SelectMany(c => c.Episodes.SelectMany(e => parts(e).Where(p => fails(r, c, e, p)).Select(p => At(c, section, p)))));

    /// <summary>A rule over a child as a whole, reporting the parts the check returns.</summary>
    private static CinCensusRule PerChild(string code, string section, string[] fields, string message, Func<CinCensusReturn, CensusChild, IEnumerable<ICensusElement>> failing) =>
        new(code, section, fields, message, r => r.Children.SelectMany(c => failing(r, c).Select(p => At(c, section, p))));

    /// <summary>A rule about the return as a whole (an authority-level check), reported once at the Children element.</summary>
    private static CinCensusRule Return(string code, string[] fields, string message, Func<CinCensusReturn, bool> fails) =>
        new(code, Children, fields, message, r => fails(r) ? [new CinCensusHit("", Children, r.ChildrenLine)] : []);

    private static CinCensusHit At(CensusChild child, string section, ICensusElement part) => new(child.LaChildId, section, part.Line);

    /// <summary>The codes the year's schema allows for a simple type (e.g. sextype), so a code list cannot drift from the schema.</summary>
    private static IReadOnlySet<string> Codes(CinCensusReturn r, string type) =>
        CodeLists.GetOrAdd((r.CollectionYear, type), k => CinCensusSchema.Enumeration(k.Year, k.Type).Select(c => c.Code).ToHashSet(StringComparer.Ordinal));

    private static bool Within(this DateOnly date, CinCensusReturn r) => date >= r.Start && date <= r.End;

    private static bool Outside(this DateOnly? date, CinCensusReturn r) => date is { } d && !d.Within(r);

    /// <summary>A number of working days (England, bank holidays excluded) before the end of the census year.</summary>
    private static DateOnly? WorkingDaysBeforeEnd(CinCensusReturn r, int days) =>
        WorkingDayCalendar.InRange(r.End) ? Calendar.Value.AddWorkingDays(r.End, -days) : null;

    private static bool IsWeekend(this DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The episode led to further action (ReferralNFA false or 0).</summary>
    private static bool FurtherAction(this CensusEpisode e) => e.NoFurtherAction == false;

    /// <summary>Pairs of distinct parts of one list, each with every other.</summary>
    private static IEnumerable<(T A, T B)> Pairs<T>(IReadOnlyList<T> items) =>
        items.SelectMany((a, i) => items.Where((_, j) => j != i).Select(b => (a, b)));

    /// <summary>A start date falls within another's span: on or after its start and before (or on, when <paramref name="endInclusive"/>) its end, or by the end of the census year when it has none.</summary>
    private static bool StartsWithin(DateOnly? start, DateOnly? otherStart, DateOnly? otherEnd, bool otherOpen, DateOnly censusEnd, bool endInclusive) =>
        start is { } s && otherStart is { } os && s >= os
        && (otherEnd is { } oe ? (endInclusive ? s <= oe : s < oe) : otherOpen && s <= censusEnd);

    // ---- The return as a whole ---------------------------------------------------------------------------------

    private static IEnumerable<CinCensusRule> ReturnRules() =>
    [
        new("100", Header, ["ReferenceDate"], "The reference date in the header must be 31 March of the collection year.",
            r => r.ReferenceDate == r.End ? [] : [new CinCensusHit("", Header, r.HeaderLine)]),
        Return("2883", ["CPPstartDate", "DateOfInitialCPC"], "More child protection plans started in the year than initial child protection conferences were held: each plan should follow a conference.",
            r => r.Children.SelectMany(c => c.ProtectionPlans).Count(p => p.Plan.Started is { } s && s.Within(r))
                > r.Children.SelectMany(c => c.Episodes).Sum(e => (e.InitialConference is { } d && d.Within(r) ? 1 : 0) + e.Section47s.Count(s => s.InitialConference is { } i && i.Within(r)))),
        Return("2886Q", ["Sex", "ExpectedPersonBirthDate"], "More than 2% of born children have their sex recorded as unknown or missing: please check, and amend or explain.",
            r => r.Children.Count > 0 && r.Children.Count(c => c.ExpectedBirth is null && c.Sex is null or "U") > 0.02 * r.Children.Count),
        Return("2887Q", ["Disability"], "Fewer than 8 different disability codes are used across the return: please check that disabilities are being recorded in full, and amend or explain.",
            r => r.Children.SelectMany(c => c.Disabilities).Select(d => d.Code).Where(d => d != "NONE").Distinct(StringComparer.Ordinal).Count() <= 7),
        Return("2888Q", ["Disability"], "No child has more than one disability recorded: where a child has several disabilities, record each of them.",
            r => r.Children.Any(c => c.Disabilities.Any(d => d.Code != "NONE")) && r.Children.All(c => c.Disabilities.Count(d => d.Code != "NONE") <= 1)),
    ];
}
