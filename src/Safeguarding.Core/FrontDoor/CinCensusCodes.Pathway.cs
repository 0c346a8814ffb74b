namespace Safeguarding.Core.FrontDoor;

/// <summary>
/// The rest of the CIN census code sets the pathway records, with the DfE's labels as the 2026 schema
/// gives them (Returns/Schemas/CIN_schema_2026.xsd, embedded; a test keeps these lists equal to it).
/// </summary>
public static partial class CinCensusCodes
{
    /// <summary>Category of abuse for a child protection plan.</summary>
    public static readonly IReadOnlyList<CinCode> CategoriesOfAbuse =
    [
        new("NEG", "Neglect"),
        new("PHY", "Physical abuse"),
        new("SAB", "Sexual abuse"),
        new("EMO", "Emotional abuse"),
        new("MUL", "Multiple/not recommended"),
    ];

    /// <summary>Reason a child in need episode closed.</summary>
    public static readonly IReadOnlyList<CinCode> ClosureReasons =
    [
        new("RC1", "Adopted"),
        new("RC2", "Died"),
        new("RC3", "Child arrangements order"),
        new("RC4", "Special guardianship order"),
        new("RC5", "Transferred to services of another local authority"),
        new("RC6", "Transferred to adult social care services"),
        new("RC7", "Services ceased for any other reason, including child no longer in need"),
        new("RC8", "Case closed after assessment, no further action"),
        new("RC9", "Case closed after assessment, referred to early help"),
    ];

    /// <summary>Factors identified at assessment.</summary>
    public static readonly IReadOnlyList<CinCode> AssessmentFactors =
    [
        new("1A", "Alcohol misuse: concerns about alcohol misuse by the child"),
        new("1B", "Alcohol misuse: concerns about alcohol misuse by the parent(s)/carer(s)"),
        new("1C", "Alcohol misuse: concerns about alcohol misuse by another person living in the household"),
        new("2A", "Drug misuse: concerns about drug misuse by the child"),
        new("2B", "Drug misuse: concerns about drug misuse by the parent(s)/carer(s)"),
        new("2C", "Drug misuse: concerns about drug misuse by another person living in the household"),
        new("3A", "Domestic violence: concerns about the child being the subject of domestic violence"),
        new("3B", "Domestic violence: concerns about the child’s parent(s)/carer(s) being the subject of domestic violence"),
        new("3C", "Domestic violence: concerns about another person living in the household being the subject of domestic violence"),
        new("4A", "Mental health: concerns about the mental health of the child"),
        new("4B", "Mental health: concerns about the mental health of the parent(s)/carer(s)"),
        new("4C", "Mental health: concerns about the mental health of another person in the family/household"),
        new("5A", "Learning disability: concerns about the child’s learning disability"),
        new("5B", "Learning disability: concerns about the parent(s)/carer(s) learning disability"),
        new("5C", "Learning disability: concerns about another person in the family/household’s learning disability"),
        new("6A", "Physical disability or illness: concerns about a physical disability or illness of the child"),
        new("6B", "Physical disability or illness: concerns about a physical disability or illness of the parent(s)/carer(s)"),
        new("6C", "Physical disability or illness: concerns about a physical disability or illness of another person in the family/household"),
        new("7A", "Young carer: concerns that services may be required or the child’s health or development may be impaired due to their caring responsibilities"),
        new("8B", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - overseas children who intend to return"),
        new("8C", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - overseas children who intend to stay"),
        new("8D", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - UK children in educational placements"),
        new("8E", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - UK children making alternative family arrangements"),
        new("8F", "Privately fostered: concerns that services may be required or the child may be at risk as a privately fostered child - other"),
        new("9A", "UASC: concerns that services may be required or the child may be at risk of harm as an unaccompanied asylum-seeking child"),
        new("10A", "Missing: concerns that services may be required or the child may be at risk of harm due to going/being missing"),
        new("11A", "Child sexual exploitation: concerns that services may be required or the child may be at risk of harm due to child sexual exploitation"),
        new("12A", "Trafficking: concerns that services may be required or the child may be at risk of harm due to trafficking"),
        new("13A", "Gangs: concerns that services may be required or the child may be at risk of harm because of involvement in/with gangs"),
        new("14A", "Socially unacceptable behaviour: concerns that services may be required or the child may be at risk due to their socially unacceptable behaviour"),
        new("15A", "Self-harm: concerns that services may be required or due to suspected/actual self-harming child may be at risk of harm"),
        new("16A", "Abuse or neglect – ‘NEGLECT’: concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect"),
        new("17A", "Abuse or neglect – ‘EMOTIONAL ABUSE’: concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect"),
        new("18A", "Abuse or neglect – ‘PHYSICAL ABUSE’: concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect."),
        new("18B", "Abuse or neglect – ‘PHYSICAL ABUSE’ (child on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by another child"),
        new("18C", "Abuse or neglect – ‘PHYSICAL ABUSE’ (adult on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by an adult"),
        new("19A", "Abuse or neglect – ‘SEXUAL ABUSE’: concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect."),
        new("19B", "Abuse or neglect – ‘SEXUAL ABUSE’ (child on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by another child"),
        new("19C", "Abuse or neglect – ‘SEXUAL ABUSE’ (adult on child): concerns that services may be required or the child may be suffering or likely to suffer significant harm due to abuse or neglect by an adult"),
        new("20", "Other"),
        new("21", "No factors identified - only use this if there is no evidence of any of the factors above and no further action is being taken"),
        new("22A", "Female genital mutilation (FGM) - concerns that services may be required or the child may be at risk due to female genital mutilation"),
        new("23A", "Abuse linked to faith or belief - concerns that services may be required or the child may be at risk due to abuse linked to faith or belief"),
        new("24A", "Child criminal exploitation: concerns that services may be required or the child may be at risk of harm due to child criminal exploitation"),
    ];

    public static bool IsCategoryOfAbuse(string? code) => CategoriesOfAbuse.Any(c => c.Code == code);

    public static bool IsClosureReason(string? code) => ClosureReasons.Any(c => c.Code == code);

    public static bool IsAssessmentFactor(string? code) => AssessmentFactors.Any(c => c.Code == code);

    /// <summary>The label for a code in a list, or the code itself when the list does not know it.</summary>
    public static string Describe(IReadOnlyList<CinCode> codes, string? code) =>
        codes.FirstOrDefault(c => c.Code == code)?.Description ?? code ?? "";
}
