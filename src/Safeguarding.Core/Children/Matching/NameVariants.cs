namespace Safeguarding.Core.Children.Matching;

/// <summary>
/// Nicknames and transliteration variants that a referrer may write for the same name. Each line is
/// one group; a name may sit in several groups (Charlie is Charles or Charlotte). Deliberately a
/// short, curated list of names common in English referrals, extendable per partnership.
/// </summary>
public static class NameVariants
{
    private static readonly string[] Groups =
    [
        // Transliterations of Arabic and South Asian names: spelling varies by family and by clerk.
        "MUHAMMAD MOHAMMED MOHAMMAD MOHAMED MUHAMMED MOHAMMOD MOHD MUHAMAD MOHAMAD MAHOMED",
        "AHMED AHMAD AHMET",
        "YUSUF YOUSUF YOUSEF YUSEF YOUSAF JOSEPH",
        "IBRAHIM EBRAHIM IBRAHEEM ABRAHAM",
        "AYESHA AISHA AYSHA AISHAH AYSHAH",
        "FATIMA FATIMAH FATEMA FATMA",
        "MARYAM MARIAM MIRIAM MARIUM",
        "ZAINAB ZAYNAB ZEINAB",
        "KHADIJA KHADIJAH KHADEEJA",
        "AMINA AMINAH AAMINA",
        "HAMZA HAMZAH",
        "ZAYN ZAIN ZANE",
        "USMAN OSMAN UTHMAN",
        "ZAKARIYA ZAKARIA ZAKARIYYA ZACHARIAH ZACHARY ZAK",
        "ABDULLAH ABDULLA ABDALLAH",
        "HUSSAIN HUSSEIN HUSAIN HOSSAIN HUSEIN",
        "HASSAN HASAN",
        "RAYYAN RAYAN",
        "NOOR NUR NOUR",
        "IQRA IKRA",
        "HAROON HARUN HAROUN AARON",
        "REHMAN RAHMAN REHMANN",
        "MAHMOOD MAHMUD MEHMOOD",
        "CHAUDHRY CHAUDHARY CHOUDHURY CHOWDHURY",
        "SIDDIQUE SIDDIQUI SIDDIQ",
        "QURESHI QURAISHI KURESHI",
        "YOUNIS YOUNUS YUNUS",
        "BILAL BELAL",
        // English nicknames.
        "WILLIAM WILL BILL BILLY LIAM WILLIE",
        "THOMAS TOM TOMMY TOMAS",
        "JAMES JIM JIMMY JAMIE",
        "JOHN JON JOHNNY JACK JAN SEAN",
        "HENRY HARRY HAL",
        "CHARLES CHARLIE CHAS",
        "CHARLOTTE CHARLIE LOTTIE",
        "FREDERICK FREDDIE FRED FREDDY",
        "ALFRED ALFIE ALF",
        "ARTHUR ART ARTIE",
        "OLIVER OLLIE OLLY",
        "JOSHUA JOSH",
        "DANIEL DAN DANNY",
        "MATTHEW MATT MATTY MATEUSZ",
        "MICHAEL MIKE MIKEY MICK MICKY MICHAL MIHAI",
        "PATRICK PAT PADDY PADRAIG",
        "ALEXANDER ALEX ALEXANDRU ALEKSANDER SASHA",
        "ALEXANDRA ALEX LEXI SASHA",
        "ELIZABETH LIZ LIZZIE BETH BETTY ELIZA",
        "MARGARET MAGGIE PEGGY MEG",
        "REBECCA BECKY BECCA",
        "JESSICA JESS JESSIE",
        "EMILY EM EMMY EMILIA EMILIJA",
        "SOPHIE SOPHIA SOFIA ZOFIA SOFIJA",
        "OLIVIA LIV LIVVY",
        "AMELIA MILLIE AMELIE",
        "ISABELLA BELLA IZZY ISABEL",
        "FLORENCE FLO FLOSSIE",
        "ELEANOR ELLIE NORA ELENA",
        "SAMUEL SAM SAMMY",
        "BENJAMIN BEN BENNY",
        "JACOB JAKUB JAKOB KUBA JOKUBAS",
        "PETER PIOTR PETE",
        "PAUL PAWEL",
        "STEPHEN STEVEN STEFAN STEVE",
        "ANDREW ANDREI ANDRZEJ ANDY",
        "LUKE LUKAS LUCAS",
        "CHRISTOPHER CHRIS CHRISTY KRZYSZTOF",
        "NICHOLAS NICK NICKY",
        "EDWARD ED EDDIE TED",
        "ROBERT ROB BOB BOBBY ROBBIE",
        "RICHARD RICK RICKY DICK",
        "ANTHONY TONY ANTONI",
        "JOSEPH JOE JOEY",
        "FRANCIS FRANK FRANKIE FRANCIE",
        "BERNARD BERNIE",
        "CATHERINE KATHERINE KATHRYN KATE KATIE KATHY KATARZYNA KATHLEEN",
        "HANNAH HANNA",
        "JOANNA JOANNE IOANA JOAN",
        "MARY MARIA MARIE",
        "ANNA ANN ANNE ANA",
        "KIRSTY KIRSTEN KIRSTIE",
        "LEANNE LEEANNE LIANNE",
        "GABRIEL GABE",
        "GABRIELA GABRIELLA GABBY",
        "DOMINIC DOMINIK DOMINYKAS",
        "NATALIE NATALIA NATASHA",
        "VICTORIA VIKTORIA WIKTORIA VICKY TORI",
        "JULIA JULIE JULES",
        "MARTIN MARTY",
        "CALLUM CALUM",
        "CONNOR CONOR",
        "REECE REES RHYS",
        "ZARA ZAHRA",
    ];

    private static readonly Dictionary<string, int[]> GroupsByName = Build();

    private static Dictionary<string, int[]> Build()
    {
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var g = 0; g < Groups.Length; g++)
        {
            foreach (var name in Groups[g].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!byName.TryGetValue(name, out var list))
                {
                    byName[name] = list = [];
                }

                list.Add(g);
            }
        }

        return byName.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The variant groups a normalised name (letters only, upper case) belongs to; empty if none.</summary>
    public static int[] GroupsOf(string normalisedName) =>
        GroupsByName.TryGetValue(normalisedName, out var groups) ? groups : [];

    /// <summary>True when two names are listed as variants of each other (not when they are equal).</summary>
    public static bool AreVariants(string? a, string? b)
    {
        var x = NameText.Letters(a);
        var y = NameText.Letters(b);
        return x != y && SharesGroup(GroupsOf(x), GroupsOf(y));
    }

    /// <summary>The other names listed with a name (upper case), e.g. WILLIAM → WILL, BILL, BILLY, LIAM, WILLIE.</summary>
    public static IReadOnlyList<string> VariantsOf(string? name)
    {
        var text = NameText.Letters(name);
        return GroupsOf(text).SelectMany(g => Groups[g].Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(n => n != text).Distinct().ToList();
    }

    /// <summary>The first letters of the names in a group (for blocking on initials).</summary>
    internal static char[] InitialsOfGroup(int group) => GroupInitials[group];

    private static readonly char[][] GroupInitials =
        Groups.Select(g => g.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => n[0]).Distinct().ToArray()).ToArray();

    internal static bool SharesGroup(int[] a, int[] b)
    {
        foreach (var g in a)
        {
            if (Array.IndexOf(b, g) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
