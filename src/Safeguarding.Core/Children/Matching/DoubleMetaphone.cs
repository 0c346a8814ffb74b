using System.Text;

namespace Safeguarding.Core.Children.Matching;

/// <summary>A name's Double Metaphone codes: the primary pronunciation and, where it differs, an alternate one.</summary>
public readonly record struct PhoneticCode(string Primary, string? Alternate)
{
    public bool SharesCodeWith(PhoneticCode other) =>
        Primary.Length > 0
        && (Primary == other.Primary || Primary == other.Alternate || (Alternate is not null && (Alternate == other.Primary || Alternate == other.Alternate)));
}

/// <summary>
/// Double Metaphone (Lawrence Philips, 2000), written from the published rules: two codes per name,
/// so Anglo, Germanic, Slavic and Romance spellings of the same sound meet (Smith ~ Schmidt).
/// Simplifications, documented: input is normalised to the letters A-Z first (diacritics removed,
/// so Ç and Ñ become C and N); the Spanish/Italian/French special cases for words with spaces
/// ("SAN ", "VAN ") are kept only as prefixes; codes are cut to 4 characters as in the original.
/// One addition: a P between M and S or T is silent (Thompson, Simpson, Sampson → no P), which the
/// original keeps; referrals spell these names both ways.
/// </summary>
public static class DoubleMetaphone
{
    public const int MaxLength = 4;

    public static PhoneticCode Encode(string? name)
    {
        var word = NameText.Letters(name);
        if (word.Length == 0)
        {
            return new PhoneticCode("", null);
        }

        var encoder = new Encoder(word);
        encoder.Run();
        var primary = encoder.Primary.Length > MaxLength ? encoder.Primary.ToString(0, MaxLength) : encoder.Primary.ToString();
        var alternate = encoder.Alternate.Length > MaxLength ? encoder.Alternate.ToString(0, MaxLength) : encoder.Alternate.ToString();
        return new PhoneticCode(primary, alternate == primary ? null : alternate);
    }

    private sealed class Encoder(string word)
    {
        private readonly int last = word.Length - 1;
        private readonly bool slavoGermanic = word.Contains('W', StringComparison.Ordinal) || word.Contains('K', StringComparison.Ordinal)
            || word.Contains("CZ", StringComparison.Ordinal) || word.Contains("WITZ", StringComparison.Ordinal);

        public StringBuilder Primary { get; } = new(8);
        public StringBuilder Alternate { get; } = new(8);

        private char At(int i) => i >= 0 && i < word.Length ? word[i] : '\0';

        private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';

        private bool StringAt(int start, params string[] options)
        {
            if (start < 0)
            {
                return false;
            }

            foreach (var option in options)
            {
                if (start + option.Length <= word.Length && string.CompareOrdinal(word, start, option, 0, option.Length) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private void Add(string both) => Add(both, both);

        private void Add(string primary, string alternate)
        {
            Primary.Append(primary);
            Alternate.Append(alternate);
        }

        private int SkipDouble(int current, char c) => At(current + 1) == c ? current + 2 : current + 1;

        public void Run()
        {
            var current = 0;
            // Silent first letters: GNome, KNight, PNeumonia, WRite, PSychology.
            if (StringAt(0, "GN", "KN", "PN", "WR", "PS"))
            {
                current = 1;
            }

            if (At(0) == 'X')
            {
                // Initial X sounds like S (Xavier).
                Add("S");
                current = 1;
            }

            while ((Primary.Length < MaxLength || Alternate.Length < MaxLength) && current <= last)
            {
                var c = word[current];
                current = c switch
                {
                    'A' or 'E' or 'I' or 'O' or 'U' or 'Y' => Vowel(current),
                    'B' => Letter(current, "P", 'B'),
                    'C' => C(current),
                    'D' => D(current),
                    'F' => Letter(current, "F", 'F'),
                    'G' => G(current),
                    'H' => H(current),
                    'J' => J(current),
                    'K' => Letter(current, "K", 'K'),
                    'L' => L(current),
                    'M' => M(current),
                    'N' => Letter(current, "N", 'N'),
                    'P' => P(current),
                    'Q' => Letter(current, "K", 'Q'),
                    'R' => R(current),
                    'S' => S(current),
                    'T' => T(current),
                    'V' => Letter(current, "F", 'V'),
                    'W' => W(current),
                    'X' => X(current),
                    'Z' => Z(current),
                    _ => current + 1,
                };
            }
        }

        private int Vowel(int current)
        {
            // Vowels only count at the start, all as A.
            if (current == 0)
            {
                Add("A");
            }

            return current + 1;
        }

        private int Letter(int current, string code, char doubled)
        {
            Add(code);
            return SkipDouble(current, doubled);
        }

        private int C(int current)
        {
            // Germanic "ACH" as in Bacher, Macher: K.
            if (current > 1 && !IsVowel(At(current - 2)) && StringAt(current - 1, "ACH") && At(current + 2) != 'I'
                && (At(current + 2) != 'E' || StringAt(current - 2, "BACHER", "MACHER")))
            {
                Add("K");
                return current + 2;
            }

            if (current == 0 && StringAt(0, "CAESAR"))
            {
                Add("S");
                return current + 2;
            }

            if (StringAt(current, "CHIA"))
            {
                Add("K");
                return current + 2;
            }

            if (StringAt(current, "CH"))
            {
                return CH(current);
            }

            if (StringAt(current, "CZ") && !StringAt(current - 2, "WICZ"))
            {
                // Polish CZ: S, alternately X (Czerny).
                Add("S", "X");
                return current + 2;
            }

            if (StringAt(current + 1, "CIA"))
            {
                Add("X");
                return current + 3;
            }

            if (StringAt(current, "CC") && !(current == 1 && At(0) == 'M'))
            {
                if (StringAt(current + 2, "I", "E", "H") && !StringAt(current + 2, "HU"))
                {
                    // Accident, accede: KS; bacci, bertucci: X.
                    Add((current == 1 && At(0) == 'A') || StringAt(current - 1, "UCCEE", "UCCES") ? "KS" : "X");
                    return current + 3;
                }

                Add("K");
                return current + 2;
            }

            if (StringAt(current, "CK", "CG", "CQ"))
            {
                Add("K");
                return current + 2;
            }

            if (StringAt(current, "CI", "CE", "CY"))
            {
                // Italian CIO/CIE/CIA may be X.
                if (StringAt(current, "CIO", "CIE", "CIA"))
                {
                    Add("S", "X");
                }
                else
                {
                    Add("S");
                }

                return current + 2;
            }

            Add("K");
            if (StringAt(current + 1, "C", "K", "Q") && !StringAt(current + 1, "CE", "CI"))
            {
                return current + 2;
            }

            return current + 1;
        }

        private int CH(int current)
        {
            if (current > 0 && StringAt(current, "CHAE"))
            {
                // Michael: K, alternately X.
                Add("K", "X");
                return current + 2;
            }

            // Greek roots at the start: Character, Charisma, Chorus, Chemistry (but not Chore).
            if (current == 0 && (StringAt(current + 1, "HARAC", "HARIS") || StringAt(current + 1, "HOR", "HYM", "HIA", "HEM")) && !StringAt(0, "CHORE"))
            {
                Add("K");
                return current + 2;
            }

            if (StringAt(0, "VAN ", "VON ", "SCH") || StringAt(current - 2, "ORCHES", "ARCHIT", "ORCHID") || StringAt(current + 2, "T", "S")
                || ((StringAt(current - 1, "A", "O", "U", "E") || current == 0) && StringAt(current + 2, "L", "R", "N", "M", "B", "H", "F", "V", "W", " ")))
            {
                Add("K");
            }
            else if (current > 0)
            {
                // McHugh: K; otherwise X with K as the alternate (Church ~ Kirch).
                if (StringAt(0, "MC"))
                {
                    Add("K");
                }
                else
                {
                    Add("X", "K");
                }
            }
            else
            {
                Add("X");
            }

            return current + 2;
        }

        private int D(int current)
        {
            if (StringAt(current, "DG"))
            {
                if (StringAt(current + 2, "I", "E", "Y"))
                {
                    // Edge: J.
                    Add("J");
                    return current + 3;
                }

                Add("TK");
                return current + 2;
            }

            Add("T");
            return StringAt(current, "DT", "DD") ? current + 2 : current + 1;
        }

        private int G(int current)
        {
            if (At(current + 1) == 'H')
            {
                return GH(current);
            }

            if (At(current + 1) == 'N')
            {
                if (current == 1 && IsVowel(At(0)) && !slavoGermanic)
                {
                    Add("KN", "N");
                }
                else if (!StringAt(current + 2, "EY") && At(current + 1) != 'Y' && !slavoGermanic)
                {
                    Add("N", "KN");
                }
                else
                {
                    Add("KN");
                }

                return current + 2;
            }

            if (StringAt(current + 1, "LI") && !slavoGermanic)
            {
                // Tagliaro: KL, alternately L.
                Add("KL", "L");
                return current + 2;
            }

            if (current == 0 && (At(current + 1) == 'Y' || StringAt(current + 1, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER")))
            {
                Add("K", "J");
                return current + 2;
            }

            if ((StringAt(current + 1, "ER") || At(current + 1) == 'Y') && !StringAt(0, "DANGER", "RANGER", "MANGER")
                && !StringAt(current - 1, "E", "I") && !StringAt(current - 1, "RGY", "OGY"))
            {
                Add("K", "J");
                return current + 2;
            }

            if (StringAt(current + 1, "E", "I", "Y") || StringAt(current - 1, "AGGI", "OGGI"))
            {
                // Germanic names keep a hard G (Van Gogh, Schmiegel, Getty).
                if (StringAt(0, "VAN ", "VON ", "SCH") || StringAt(current + 1, "ET"))
                {
                    Add("K");
                }
                else if (StringAt(current + 1, "IER"))
                {
                    Add("J");
                }
                else
                {
                    Add("J", "K");
                }

                return current + 2;
            }

            Add("K");
            return SkipDouble(current, 'G');
        }

        private int GH(int current)
        {
            if (current > 0 && !IsVowel(At(current - 1)))
            {
                Add("K");
                return current + 2;
            }

            if (current == 0)
            {
                // Ghislane: J; Ghent: K.
                Add(At(current + 2) == 'I' ? "J" : "K");
                return current + 2;
            }

            // Silent after B, H, D a little way back: Hugh, bough, broughton.
            if ((current > 1 && StringAt(current - 2, "B", "H", "D")) || (current > 2 && StringAt(current - 3, "B", "H", "D"))
                || (current > 3 && StringAt(current - 4, "B", "H")))
            {
                return current + 2;
            }

            // Laugh, tough: F; otherwise K unless after I (night: silent).
            if (current > 2 && At(current - 1) == 'U' && StringAt(current - 3, "C", "G", "L", "R", "T"))
            {
                Add("F");
            }
            else if (current > 0 && At(current - 1) != 'I')
            {
                Add("K");
            }

            return current + 2;
        }

        private int H(int current)
        {
            // H sounds only at the start or between vowels (Mohammed keeps it, Sarah loses it).
            if ((current == 0 || IsVowel(At(current - 1))) && IsVowel(At(current + 1)))
            {
                Add("H");
                return current + 2;
            }

            return current + 1;
        }

        private int J(int current)
        {
            if (StringAt(current, "JOSE") || StringAt(0, "SAN "))
            {
                // Spanish Jose: H.
                if ((current == 0 && At(current + 4) == ' ') || StringAt(0, "SAN "))
                {
                    Add("H");
                }
                else
                {
                    Add("J", "H");
                }

                return current + 1;
            }

            if (current == 0)
            {
                // Jankowski: J, alternately A (Yankovsky).
                Add("J", "A");
            }
            else if (IsVowel(At(current - 1)) && !slavoGermanic && (At(current + 1) == 'A' || At(current + 1) == 'O'))
            {
                Add("J", "H");
            }
            else if (current == last)
            {
                Add("J", "");
            }
            else if (!StringAt(current + 1, "L", "T", "K", "S", "N", "M", "B", "Z") && !StringAt(current - 1, "S", "K", "L"))
            {
                Add("J");
            }

            return SkipDouble(current, 'J');
        }

        private int L(int current)
        {
            if (At(current + 1) == 'L')
            {
                // Spanish LL (Cabrillo, Gallegos): no L in the alternate.
                if ((current == word.Length - 3 && StringAt(current - 1, "ILLO", "ILLA", "ALLE"))
                    || ((StringAt(last - 1, "AS", "OS") || StringAt(last, "A", "O")) && StringAt(current - 1, "ALLE")))
                {
                    Add("L", "");
                }
                else
                {
                    Add("L");
                }

                return current + 2;
            }

            Add("L");
            return current + 1;
        }

        private int M(int current)
        {
            Add("M");
            // Dumb, thumb: the B is silent.
            if ((StringAt(current - 1, "UMB") && (current + 1 == last || StringAt(current + 2, "ER"))) || At(current + 1) == 'M')
            {
                return current + 2;
            }

            return current + 1;
        }

        private int P(int current)
        {
            if (At(current + 1) == 'H')
            {
                Add("F");
                return current + 2;
            }

            // Our addition: P between M and S/T is not sounded (Thompson, Simpson).
            if (!(At(current - 1) == 'M' && At(current + 1) is 'S' or 'T'))
            {
                Add("P");
            }

            // Campbell, raspberry: the following P or B is silent.
            return StringAt(current + 1, "P", "B") ? current + 2 : current + 1;
        }

        private int R(int current)
        {
            // French final -IER (Rogier): no R in the primary.
            if (current == last && !slavoGermanic && StringAt(current - 2, "IE") && !StringAt(current - 4, "ME", "MA"))
            {
                Add("", "R");
            }
            else
            {
                Add("R");
            }

            return SkipDouble(current, 'R');
        }

        private int S(int current)
        {
            if (StringAt(current - 1, "ISL", "YSL"))
            {
                // Island, Carlysle: silent.
                return current + 1;
            }

            if (current == 0 && StringAt(current, "SUGAR"))
            {
                Add("X", "S");
                return current + 1;
            }

            if (StringAt(current, "SH"))
            {
                // Germanic -SHEIM, -SHOLM: S.
                Add(StringAt(current + 1, "HEIM", "HOEK", "HOLM", "HOLZ") ? "S" : "X");
                return current + 2;
            }

            if (StringAt(current, "SIO", "SIA"))
            {
                if (slavoGermanic)
                {
                    Add("S");
                }
                else
                {
                    Add("S", "X");
                }

                return current + 3;
            }

            // Initial S before M, N, L, W (Smith ~ Schmidt, Snider ~ Schneider), or SZ: S, alternately X.
            if ((current == 0 && StringAt(current + 1, "M", "N", "L", "W")) || StringAt(current + 1, "Z"))
            {
                Add("S", "X");
                return StringAt(current + 1, "Z") ? current + 2 : current + 1;
            }

            if (StringAt(current, "SC"))
            {
                if (At(current + 2) == 'H')
                {
                    // Dutch/German SCH: Schooner SK; Schenker X with SK alternate.
                    if (StringAt(current + 3, "OO", "ER", "EN", "UY", "ED", "EM"))
                    {
                        if (StringAt(current + 3, "ER", "EN"))
                        {
                            Add("X", "SK");
                        }
                        else
                        {
                            Add("SK");
                        }

                        return current + 3;
                    }

                    if (current == 0 && !IsVowel(At(3)) && At(3) != 'W')
                    {
                        Add("X", "S");
                    }
                    else
                    {
                        Add("X");
                    }

                    return current + 3;
                }

                Add(StringAt(current + 2, "I", "E", "Y") ? "S" : "SK");
                return current + 3;
            }

            // French final -AIS, -OIS: silent in the primary.
            if (current == last && StringAt(current - 2, "AI", "OI"))
            {
                Add("", "S");
            }
            else
            {
                Add("S");
            }

            return StringAt(current + 1, "S", "Z") ? current + 2 : current + 1;
        }

        private int T(int current)
        {
            if (StringAt(current, "TION", "TIA", "TCH"))
            {
                Add("X");
                return current + 3;
            }

            if (StringAt(current, "TH", "TTH"))
            {
                // Thomas, Thompson: T; otherwise TH (0), alternately T.
                if (StringAt(current + 2, "OM", "AM") || StringAt(0, "VAN ", "VON ", "SCH"))
                {
                    Add("T");
                }
                else
                {
                    Add("0", "T");
                }

                return current + 2;
            }

            Add("T");
            return StringAt(current + 1, "T", "D") ? current + 2 : current + 1;
        }

        private int W(int current)
        {
            if (StringAt(current, "WR"))
            {
                Add("R");
                return current + 2;
            }

            if (current == 0 && (IsVowel(At(current + 1)) || StringAt(current, "WH")))
            {
                // Wasserman: A, alternately F (Vasserman).
                if (IsVowel(At(current + 1)))
                {
                    Add("A", "F");
                }
                else
                {
                    Add("A");
                }
            }

            // Polish -OWSKI (Kowalski ~ Kovalsky), final W after a vowel: F only in the alternate.
            if ((current == last && IsVowel(At(current - 1))) || StringAt(current - 1, "EWSKI", "EWSKY", "OWSKI", "OWSKY") || StringAt(0, "SCH"))
            {
                Add("", "F");
                return current + 1;
            }

            if (StringAt(current, "WICZ", "WITZ"))
            {
                Add("TS", "FX");
                return current + 4;
            }

            return current + 1;
        }

        private int X(int current)
        {
            // French final X (Breaux) is silent.
            if (!(current == last && (StringAt(current - 3, "IAU", "EAU") || StringAt(current - 2, "AU", "OU"))))
            {
                Add("KS");
            }

            return StringAt(current + 1, "C", "X") ? current + 2 : current + 1;
        }

        private int Z(int current)
        {
            if (At(current + 1) == 'H')
            {
                // Chinese Zhao: J.
                Add("J");
                return current + 2;
            }

            if (StringAt(current + 1, "ZO", "ZI", "ZA") || (slavoGermanic && current > 0 && At(current - 1) != 'T'))
            {
                Add("S", "TS");
            }
            else
            {
                Add("S");
            }

            return SkipDouble(current, 'Z');
        }
    }
}
