using Safeguarding.Core.Returns;
using Safeguarding.Core.Returns.Ssda903;

namespace Safeguarding.Core.Tests.Returns;

/// <summary>
/// Every SSDA903 rule implemented, each with a return it must fail and a near copy it must pass. Returns are written
/// compactly: <c>table: COLUMN=value COLUMN=value; next row | next table: ...</c>, blank columns left out. The collection
/// year is 2025-26 (1 April 2025 to 31 March 2026).
/// </summary>
public sealed class Ssda903RulesTests
{
    private const int Year = 2026;

    /// <summary>In care since before 31 March 2025, so looked after for 12 months at 31 March 2026.</summary>
    private const string Year12 = "CHILD=1 DECOM=01/03/2025 RNE=S LS=C2";

    /// <summary>In care only since May 2025.</summary>
    private const string Recent = "CHILD=1 DECOM=01/05/2025 RNE=S LS=C2";

    private const string Ceased = "CHILD=1 DECOM=01/05/2025 DEC=01/06/2025";

    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>
        {
            // Header
            { "101", "header: CHILD=1 SEX=X", "header: CHILD=1 SEX=F" },
            { "102", "header: CHILD=1 DOB=31/02/2010", "header: CHILD=1 DOB=28/02/2010" },
            { "103", "header: CHILD=1 SEX=F", "header: CHILD=1 ETHNIC=WBRI" },
            { "168", "header: CHILD=1 UPN=S123456789012", "header: CHILD=1 UPN=A123456789012" },
            { "171", "header: CHILD=1 MC_DOB=2020-01-01", "header: CHILD=1 MC_DOB=01/01/2020" },
            { "174", "header: CHILD=1 SEX=M MC_DOB=01/01/2020", "header: CHILD=1 SEX=F MC_DOB=01/01/2020" },
            { "301", "header: CHILD=1 DOB=01/04/2026", "header: CHILD=1 DOB=31/03/2026" },
            { "351", "header: CHILD=1 DOB=31/03/2000", "header: CHILD=1 DOB=01/04/2000" },
            { "209", "header: CHILD=1 UPN=UN1 DOB=01/01/2015", "header: CHILD=1 UPN=UN1 DOB=01/01/2023" },
            { "210", "header: CHILD=1 UPN=UN4 | episodes: CHILD=1 DECOM=01/01/2026", "header: CHILD=1 UPN=UN4 | episodes: CHILD=1 DECOM=28/03/2026" },
            { "442", "header: CHILD=1 | episodes: CHILD=1 DECOM=01/01/2026", "header: CHILD=1 UPN=UN1 | episodes: CHILD=1 DECOM=01/01/2026" },
            { "611", "header: CHILD=1 MOTHER=1", "header: CHILD=1 MOTHER=1 MC_DOB=01/01/2025" },
            { "612", "header: CHILD=1 SEX=F MOTHER=0 MC_DOB=01/01/2025", "header: CHILD=1 SEX=F MOTHER=1 MC_DOB=01/01/2025" },
            { "620", "header: CHILD=1 MOTHER=1 DOB=01/01/2016", "header: CHILD=1 MOTHER=1 DOB=01/01/2008" },
            { "621", "header: CHILD=1 DOB=01/01/2010 MC_DOB=01/01/2009", "header: CHILD=1 DOB=01/01/2010 MC_DOB=01/01/2025" },
            { "628", "header: CHILD=1 MOTHER=0 | episodes: CHILD=2 DECOM=01/05/2025 | oc3: CHILD=1", "header: CHILD=1 | episodes: CHILD=2 DECOM=01/05/2025 | oc3: CHILD=1" },
            { "625", "header: CHILD=1 MC_DOB=01/04/2026", "header: CHILD=1 MC_DOB=01/01/2026" },

            // Episodes: codes and dates
            { "141", "episodes: CHILD=1 RNE=S", "episodes: CHILD=1 DECOM=01/05/2025" },
            { "143", "episodes: CHILD=1 RNE=Z", "episodes: CHILD=1 RNE=S" },
            { "144", "episodes: CHILD=1 LS=ZZ", "episodes: CHILD=1 LS=C2" },
            { "145", "episodes: CHILD=1 CIN=N9", "episodes: CHILD=1 CIN=N1" },
            { "146", "episodes: CHILD=1 PLACE=H5", "episodes: CHILD=1 PLACE=U1" },
            { "147", "episodes: CHILD=1 DEC=32/01/2026", "episodes: CHILD=1 DEC=31/01/2026" },
            { "148", "episodes: CHILD=1 DEC=01/01/2026", "episodes: CHILD=1 DEC=01/01/2026 REC=E8" },
            { "149", "episodes: CHILD=1 REC=E99", "episodes: CHILD=1 REC=E8" },
            { "1009", "episodes: CHILD=1 REASON_PLACE_CHANGE=XXX", "episodes: CHILD=1 REASON_PLACE_CHANGE=CARPL" },
            { "178", "episodes: CHILD=1 PLACE_PROVIDER=PR9", "episodes: CHILD=1 PLACE_PROVIDER=PR1" },
            { "353", "episodes: CHILD=1 DECOM=13/10/1991", "episodes: CHILD=1 DECOM=14/10/1991" },
            { "354", "episodes: CHILD=1 DECOM=01/04/2026", "episodes: CHILD=1 DECOM=31/03/2026" },
            { "385", "episodes: CHILD=1 DEC=01/04/2026", "episodes: CHILD=1 DEC=31/03/2026" },
            { "355", "episodes: CHILD=1 DECOM=01/05/2025 DEC=01/05/2025", "episodes: CHILD=1 DECOM=01/05/2025 DEC=02/05/2025" },
            { "356", "episodes: CHILD=1 DECOM=01/05/2025 DEC=30/04/2025", "episodes: CHILD=1 DECOM=01/05/2025 DEC=02/05/2025" },
            { "445", "episodes: CHILD=1 LS=D1 DECOM=01/05/2025", "episodes: CHILD=1 LS=D1 DECOM=01/05/2005" },
            { "446", "episodes: CHILD=1 LS=E1 DECOM=01/05/2005", "episodes: CHILD=1 LS=E1 DECOM=01/05/2025" },

            // Episodes: ages
            { "302", "header: CHILD=1 DOB=01/06/2025 | episodes: CHILD=1 DECOM=01/05/2025", "header: CHILD=1 DOB=01/06/2025 | episodes: CHILD=1 DECOM=01/07/2025" },
            { "352", "header: CHILD=1 DOB=01/01/2007 | episodes: CHILD=1 DECOM=01/05/2025 RNE=S", "header: CHILD=1 DOB=01/01/2008 | episodes: CHILD=1 DECOM=01/05/2025 RNE=S" },
            { "358", "header: CHILD=1 DOB=01/01/2016 | episodes: CHILD=1 DECOM=01/05/2025 LS=J1", "header: CHILD=1 DOB=01/01/2014 | episodes: CHILD=1 DECOM=01/05/2025 LS=J1" },
            { "371", "header: CHILD=1 DOB=01/01/2012 | episodes: CHILD=1 DECOM=01/05/2025 PLACE=K3", "header: CHILD=1 DOB=01/01/2008 | episodes: CHILD=1 DECOM=01/05/2025 PLACE=K3" },
            { "372", "header: CHILD=1 DOB=01/01/2016 | episodes: CHILD=1 DECOM=01/05/2025 PLACE=R5", "header: CHILD=1 DOB=01/01/2014 | episodes: CHILD=1 DECOM=01/05/2025 PLACE=R5" },
            { "373", "header: CHILD=1 DOB=01/01/2022 | episodes: CHILD=1 DECOM=01/05/2025 PLACE=S1", "header: CHILD=1 DOB=01/01/2020 | episodes: CHILD=1 DECOM=01/05/2025 PLACE=S1" },
            { "374", "header: CHILD=1 DOB=01/01/2012 | episodes: CHILD=1 DECOM=01/05/2025 PLACE=P3", "header: CHILD=1 DOB=01/01/2010 | episodes: CHILD=1 DECOM=01/05/2025 PLACE=P3" },
            { "386", $"header: CHILD=1 DOB=01/01/2007 | episodes: {Ceased} REC=E11", $"header: CHILD=1 DOB=01/01/2010 | episodes: {Ceased} REC=E11" },
            { "387", $"header: CHILD=1 DOB=01/01/2013 | episodes: {Ceased} REC=E5", $"header: CHILD=1 DOB=01/01/2010 | episodes: {Ceased} REC=E5" },
            { "389", $"header: CHILD=1 DOB=01/01/2011 | episodes: {Ceased} REC=E7", $"header: CHILD=1 DOB=01/01/2008 | episodes: {Ceased} REC=E7" },
            { "407", $"header: CHILD=1 DOB=01/01/2007 | episodes: {Ceased} REC=E45", $"header: CHILD=1 DOB=01/01/2010 | episodes: {Ceased} REC=E45" },
            { "460", $"header: CHILD=1 DOB=01/01/2010 | episodes: {Ceased} REC=E17", $"header: CHILD=1 DOB=01/01/2007 | episodes: {Ceased} REC=E17" },

            // Episodes: durations and placements
            { "361", "episodes: CHILD=1 LS=L1 DECOM=01/05/2025 DEC=05/05/2025", "episodes: CHILD=1 LS=L1 DECOM=01/05/2025 DEC=03/05/2025" },
            { "362", "episodes: CHILD=1 LS=L2 DECOM=01/05/2025 DEC=23/05/2025", "episodes: CHILD=1 LS=L2 DECOM=01/05/2025 DEC=22/05/2025" },
            { "363", "episodes: CHILD=1 LS=L3 DECOM=01/05/2025 DEC=09/05/2025", "episodes: CHILD=1 LS=L3 DECOM=01/05/2025 DEC=08/05/2025" },
            { "365", "episodes: CHILD=1 LS=V3 DECOM=01/05/2025 DEC=19/05/2025", "episodes: CHILD=1 LS=V3 DECOM=01/05/2025 DEC=18/05/2025" },
            { "366", "episodes: CHILD=1 LS=V3 RNE=P", "episodes: CHILD=1 LS=V3 RNE=S" },
            { "375", "episodes: CHILD=1 PLACE=T1 DECOM=01/05/2025 DEC=13/06/2025", "episodes: CHILD=1 PLACE=T1 DECOM=01/05/2025 DEC=12/06/2025" },
            { "376", "episodes: CHILD=1 PLACE=T3 DECOM=01/05/2025 DEC=23/05/2025", "episodes: CHILD=1 PLACE=T3 DECOM=01/05/2025 DEC=22/05/2025" },
            { "379", "episodes: CHILD=1 PLACE=T4 DECOM=01/05/2025 DEC=09/05/2025", "episodes: CHILD=1 PLACE=T4 DECOM=01/05/2025 DEC=08/05/2025" },
            { "377", "episodes: CHILD=1 DECOM=01/05/2025 PLACE=T3; CHILD=1 DECOM=01/07/2025 PLACE=T3; CHILD=1 DECOM=01/09/2025 PLACE=T3", "episodes: CHILD=1 DECOM=01/05/2025 PLACE=T3; CHILD=1 DECOM=01/09/2025 PLACE=T3" },
            { "378", "episodes: CHILD=1 PLACE=P1 LS=V2", "episodes: CHILD=1 PLACE=P1 LS=C2" },
            { "380", "episodes: CHILD=1 PLACE=T1 RNE=S", "episodes: CHILD=1 PLACE=T1 RNE=P" },
            { "381", "episodes: CHILD=1 PLACE=T1 REC=E8", "episodes: CHILD=1 PLACE=T1 REC=X1" },
            { "382", "episodes: CHILD=1 LS=V3 PLACE=T1", "episodes: CHILD=1 LS=V3 PLACE=U1" },
            { "383", "episodes: CHILD=1 DECOM=01/05/2025 DEC=01/06/2025 REC=X1 PLACE=U1; CHILD=1 DECOM=01/06/2025 DEC=05/06/2025 REC=X1 PLACE=T1; CHILD=1 DECOM=05/06/2025 PLACE=U4", "episodes: CHILD=1 DECOM=01/05/2025 DEC=01/06/2025 REC=X1 PLACE=U1; CHILD=1 DECOM=01/06/2025 DEC=05/06/2025 REC=X1 PLACE=T1; CHILD=1 DECOM=05/06/2025 PLACE=U1" },
            { "384", "episodes: CHILD=1 LS=V3 PLACE=U1", "episodes: CHILD=1 LS=V3 PLACE=U3" },
            { "390", "episodes: CHILD=1 REC=E11 PLACE=U1", "episodes: CHILD=1 REC=E11 PLACE=A5" },
            { "516", "episodes: CHILD=1 REC=E45 PLACE=R1", "episodes: CHILD=1 REC=E45 PLACE=U1" },
            { "408", "episodes: CHILD=1 PLACE=A5 LS=C2", "episodes: CHILD=1 PLACE=A5 LS=E1" },
            { "217", "episodes: CHILD=1 PLACE=A3 RNE=P DECOM=01/05/2025", "episodes: CHILD=1 PLACE=A3 RNE=T DECOM=01/05/2025" },
            { "226", "episodes: CHILD=1 PLACE=T1 REASON_PLACE_CHANGE=CARPL", "episodes: CHILD=1 PLACE=T1" },
            { "213", "episodes: CHILD=1 PLACE=T1 PLACE_PROVIDER=PR1", "episodes: CHILD=1 PLACE=T1" },
            { "526", "episodes: CHILD=1 PLACE=U1", "episodes: CHILD=1 PLACE=U1 PLACE_PROVIDER=PR1" },
            { "527", "episodes: CHILD=1 PLACE=R2 PLACE_PROVIDER=PR1", "episodes: CHILD=1 PLACE=U1 PLACE_PROVIDER=PR1" },
            { "528", "episodes: CHILD=1 PLACE=R5 PLACE_PROVIDER=PR2", "episodes: CHILD=1 PLACE=U1 PLACE_PROVIDER=PR2" },
            { "529", "episodes: CHILD=1 PLACE=U1 PLACE_PROVIDER=PR3", "episodes: CHILD=1 PLACE=R1 PLACE_PROVIDER=PR3" },
            { "530", "episodes: CHILD=1 PLACE=P1 PLACE_PROVIDER=PR4", "episodes: CHILD=1 PLACE=U1 PLACE_PROVIDER=PR4" },
            { "531", "episodes: CHILD=1 PLACE=P1 PLACE_PROVIDER=PR5", "episodes: CHILD=1 PLACE=R1 PLACE_PROVIDER=PR5" },
            { "550", "episodes: CHILD=1 PLACE=U1 PLACE_PROVIDER=PR0", "episodes: CHILD=1 PLACE=P1 PLACE_PROVIDER=PR0" },
            { "398", "episodes: CHILD=1 LS=V3 HOME_POST=B11AA", "episodes: CHILD=1 LS=V3" },
            { "392d", "episodes: CHILD=1 PLACE=U1 HOME_POST=B11AA PL_POST=B11AA", "episodes: CHILD=1 PLACE=P1 HOME_POST=B11AA PL_POST=B11AA" },

            // Episodes: sequences
            { "142", "episodes: CHILD=1 DECOM=01/05/2025; CHILD=1 DECOM=01/06/2025", "episodes: CHILD=1 DECOM=01/05/2025 DEC=01/06/2025 REC=X1; CHILD=1 DECOM=01/06/2025" },
            { "357", "episodes: CHILD=1 DECOM=01/05/2025 RNE=P", "episodes: CHILD=1 DECOM=01/05/2025 RNE=S" },
            { "388", $"episodes: {Ceased} REC=X1", $"episodes: {Ceased} REC=X1; CHILD=1 DECOM=01/06/2025" },
            { "437", $"episodes: {Ceased} REC=E2; CHILD=1 DECOM=01/07/2025", $"episodes: {Ceased} REC=E8; CHILD=1 DECOM=01/07/2025" },
            { "431", $"episodes: {Ceased} REC=E8; CHILD=1 DECOM=01/06/2025 RNE=S", $"episodes: {Ceased} REC=E8; CHILD=1 DECOM=02/06/2025 RNE=S" },
            { "432", $"episodes: {Ceased} REC=E8; CHILD=1 DECOM=10/06/2025 RNE=P", $"episodes: {Ceased} REC=E8; CHILD=1 DECOM=10/06/2025 RNE=S" },
            { "433", $"episodes: {Ceased} REC=X1; CHILD=1 DECOM=02/06/2025 RNE=P", $"episodes: {Ceased} REC=X1; CHILD=1 DECOM=01/06/2025 RNE=P" },
            { "434", $"episodes: {Ceased} REC=X1 LS=C2 PLACE=U1; CHILD=1 DECOM=01/06/2025 RNE=L LS=C2 PLACE=U1", $"episodes: {Ceased} REC=X1 LS=C2 PLACE=U1; CHILD=1 DECOM=01/06/2025 RNE=L LS=C1 PLACE=U1" },
            { "435", $"episodes: {Ceased} REC=X1 LS=C2 PLACE=U1; CHILD=1 DECOM=01/06/2025 RNE=P LS=C2 PLACE=U1", $"episodes: {Ceased} REC=X1 LS=C2 PLACE=U1; CHILD=1 DECOM=01/06/2025 RNE=P LS=C2 PLACE=U4" },
            { "436", $"episodes: {Ceased} REC=X1 LS=C2 PLACE=U1; CHILD=1 DECOM=01/06/2025 RNE=B LS=C2 PLACE=U4", $"episodes: {Ceased} REC=X1 LS=C2 PLACE=U1; CHILD=1 DECOM=01/06/2025 RNE=B LS=C1 PLACE=U4" },
            { "501", "episodes: CHILD=1 DECOM=01/05/2025 DEC=10/06/2025 REC=X1; CHILD=1 DECOM=01/06/2025", "episodes: CHILD=1 DECOM=01/05/2025 DEC=10/06/2025 REC=X1; CHILD=1 DECOM=10/06/2025" },
            { "504", $"episodes: {Ceased} REC=X1 CIN=N1; CHILD=1 DECOM=01/06/2025 CIN=N2", $"episodes: {Ceased} REC=X1 CIN=N1; CHILD=1 DECOM=01/06/2025 CIN=N1" },
            { "225", $"episodes: {Ceased} REC=X1 PLACE=U1; CHILD=1 DECOM=01/06/2025 RNE=P PLACE=U4", $"episodes: {Ceased} REC=X1 PLACE=U1 REASON_PLACE_CHANGE=CARPL; CHILD=1 DECOM=01/06/2025 RNE=P PLACE=U4" },
            { "336", $"episodes: {Ceased} REC=X1 PLACE=K2; CHILD=1 DECOM=01/06/2025 PLACE=A5", $"episodes: {Adoption}" },
            { "426", "episodes: CHILD=1 DECOM=01/05/2025 DEC=05/05/2025 REC=E8 LS=V3; CHILD=1 DECOM=01/06/2025 LS=V4", "episodes: CHILD=1 DECOM=01/05/2025 DEC=05/05/2025 REC=E8 LS=V3; CHILD=1 DECOM=01/06/2025 LS=V3" },
            { "199", $"episodes: {Ceased} REC=E11; CHILD=1 DECOM=01/09/2025 RNE=S", $"episodes: {Ceased} REC=E8; CHILD=1 DECOM=01/09/2025 RNE=S" },

            // Reviews
            { "166", "reviews: CHILD=1 REVIEW_CODE=PN1", "reviews: CHILD=1 REVIEW=01/05/2025" },
            { "167", "reviews: CHILD=1 REVIEW_CODE=PN9", "reviews: CHILD=1 REVIEW_CODE=PN1" },
            { "440", "reviews: CHILD=1 DOB=01/01/2015 REVIEW=01/05/2025 REVIEW_CODE=PN0", "reviews: CHILD=1 DOB=01/01/2023 REVIEW=01/05/2025 REVIEW_CODE=PN0" },
            { "441", "reviews: CHILD=1 DOB=01/01/2023 REVIEW=01/05/2025 REVIEW_CODE=PN1", "reviews: CHILD=1 DOB=01/01/2015 REVIEW=01/05/2025 REVIEW_CODE=PN1" },
            { "399", "episodes: CHILD=1 DECOM=01/05/2025 LS=V3 | reviews: CHILD=1 REVIEW=01/06/2025", "episodes: CHILD=1 DECOM=01/05/2025 LS=C2 | reviews: CHILD=1 REVIEW=01/06/2025" },

            // Missing
            { "1004", "missing: CHILD=1 MIS_START=2025-05-01", "missing: CHILD=1 MIS_START=01/05/2025" },
            { "1005", "missing: CHILD=1 MIS_END=2025-05-01", "missing: CHILD=1 MIS_END=01/05/2025" },
            { "1006", "missing: CHILD=1 MISSING=X", "missing: CHILD=1 MISSING=M" },
            { "564", "missing: CHILD=1 MISSING=M", "missing: CHILD=1 MISSING=M MIS_START=01/05/2025" },
            { "565", "missing: CHILD=1 MIS_START=01/05/2025", "missing: CHILD=1 MISSING=A MIS_START=01/05/2025" },
            { "566", "missing: CHILD=1 MIS_END=01/05/2025", "missing: CHILD=1 MISSING=A MIS_END=01/05/2025" },
            { "567", "missing: CHILD=1 MIS_START=02/05/2025 MIS_END=01/05/2025", "missing: CHILD=1 MIS_START=02/05/2025 MIS_END=03/05/2025" },
            { "570", "missing: CHILD=1 MIS_START=01/04/2026", "missing: CHILD=1 MIS_START=31/03/2026" },
            { "571", "missing: CHILD=1 MIS_END=31/03/2025", "missing: CHILD=1 MIS_END=01/04/2025" },
            { "586", "missing: CHILD=1 DOB=01/06/2025 MIS_START=01/05/2025", "missing: CHILD=1 DOB=01/06/2025 MIS_START=01/07/2025" },
            { "574", "missing: CHILD=1 MISSING=M MIS_START=01/05/2025; CHILD=1 MISSING=M MIS_START=01/06/2025", "missing: CHILD=1 MISSING=M MIS_START=01/05/2025 MIS_END=02/05/2025; CHILD=1 MISSING=M MIS_START=01/06/2025" },
            { "581", "episodes: CHILD=1 DECOM=01/06/2025 | missing: CHILD=1 MIS_START=01/05/2025", "episodes: CHILD=1 DECOM=01/06/2025 | missing: CHILD=1 MIS_START=01/07/2025" },
            { "578", $"episodes: {Ceased} REC=E8 | missing: CHILD=1 MIS_START=02/06/2025", $"episodes: {Ceased} REC=E8 | missing: CHILD=1 MIS_START=10/05/2025" },
            { "577", $"episodes: {Ceased} REC=E8 | missing: CHILD=1 MISSING=M MIS_START=10/05/2025", $"episodes: {Ceased} REC=E8 | missing: CHILD=1 MISSING=M MIS_START=10/05/2025 MIS_END=11/05/2025" },

            // UASC
            { "104", "uasc: CHILD=1 DUC=2025-05-01", "uasc: CHILD=1 DUC=01/05/2025" },
            { "304", "uasc: CHILD=1 DOB=01/01/2007 DUC=02/01/2025", "uasc: CHILD=1 DOB=01/01/2007 DUC=01/01/2025" },

            // OC2
            { "180", "oc2: CHILD=1 SDQ_SCORE=41", "oc2: CHILD=1 SDQ_SCORE=40" },
            { "196", "oc2: CHILD=1 SDQ_REASON=SDQ9", "oc2: CHILD=1 SDQ_REASON=SDQ1" },
            { "197a", "oc2: CHILD=1 SDQ_SCORE=10 SDQ_REASON=SDQ1", "oc2: CHILD=1 SDQ_SCORE=10" },
            { "181", "oc2: CHILD=1 CONVICTED=2", "oc2: CHILD=1 CONVICTED=1" },
            { "182", "oc2: CHILD=1 IMMUNISATIONS=1", "oc2: CHILD=1 IMMUNISATIONS=1 TEETH_CHECK=1 HEALTH_ASSESSMENT=1 SUBSTANCE_MISUSE=0" },
            { "158", "oc2: CHILD=1 INTERVENTION_RECEIVED=1 INTERVENTION_OFFERED=1", "oc2: CHILD=1 INTERVENTION_RECEIVED=1" },
            { "159", "oc2: CHILD=1 SUBSTANCE_MISUSE=1 INTERVENTION_RECEIVED=0", "oc2: CHILD=1 SUBSTANCE_MISUSE=1 INTERVENTION_RECEIVED=0 INTERVENTION_OFFERED=1" },
            { "192", "oc2: CHILD=1 SUBSTANCE_MISUSE=1", "oc2: CHILD=1 SUBSTANCE_MISUSE=1 INTERVENTION_RECEIVED=1" },
            { "193", "oc2: CHILD=1 SUBSTANCE_MISUSE=0 INTERVENTION_RECEIVED=1", "oc2: CHILD=1 SUBSTANCE_MISUSE=0" },
            { "188", "oc2: CHILD=1 DOB=01/06/2022 SDQ_SCORE=10", "oc2: CHILD=1 DOB=01/01/2020 SDQ_SCORE=10" },
            { "189", "oc2: CHILD=1 DOB=01/01/2008 SDQ_SCORE=10", "oc2: CHILD=1 DOB=01/01/2010 SDQ_SCORE=10" },
            { "542", "oc2: CHILD=1 DOB=01/01/2017 CONVICTED=0", "oc2: CHILD=1 DOB=01/01/2014 CONVICTED=0" },
            { "546", "oc2: CHILD=1 DOB=01/01/2020 HEALTH_CHECK=1", "oc2: CHILD=1 DOB=01/06/2022 HEALTH_CHECK=1" },
            { "544", "oc2: CHILD=1 CONVICTED=0", "oc2: CHILD=1 CONVICTED=0 IMMUNISATIONS=1 TEETH_CHECK=1 HEALTH_ASSESSMENT=1 SUBSTANCE_MISUSE=0" },
            { "547", "oc2: CHILD=1 HEALTH_CHECK=1", "oc2: CHILD=1 HEALTH_CHECK=1 IMMUNISATIONS=1 TEETH_CHECK=1 HEALTH_ASSESSMENT=1 SUBSTANCE_MISUSE=0" },

            // OC2 and the cohort looked after for 12 months at 31 March
            { "190", $"episodes: {Recent} | oc2: CHILD=1 CONVICTED=0", $"episodes: {Year12} | oc2: CHILD=1 CONVICTED=0" },
            { "190", "episodes: CHILD=1 DECOM=01/03/2024 RNE=S DEC=01/06/2025 REC=E8 | oc2: CHILD=1 CONVICTED=0", "episodes: CHILD=1 DECOM=01/03/2024 RNE=S DEC=01/06/2025 REC=X1; CHILD=1 DECOM=01/06/2025 RNE=P | oc2: CHILD=1 CONVICTED=0" },
            { "190", "episodes: CHILD=1 DECOM=01/03/2024 RNE=S LS=V4 | oc2: CHILD=1 CONVICTED=0", $"episodes: {Year12} | oc2: CHILD=1 CONVICTED=0" },
            { "185", $"episodes: {Recent} | oc2: CHILD=1 SDQ_SCORE=10", $"episodes: {Year12} | oc2: CHILD=1 SDQ_SCORE=10" },
            { "198", $"episodes: {Recent} | oc2: CHILD=1 SDQ_REASON=SDQ2", $"episodes: {Year12} | oc2: CHILD=1 SDQ_REASON=SDQ2" },
            { "191", $"episodes: {Year12} | oc2: CHILD=1 IMMUNISATIONS=1", $"episodes: {Year12} | oc2: CHILD=1 IMMUNISATIONS=1 TEETH_CHECK=1 HEALTH_ASSESSMENT=1 SUBSTANCE_MISUSE=0" },
            { "186", $"episodes: {Year12} | oc2: CHILD=1 DOB=01/01/2015", $"episodes: {Year12} | oc2: CHILD=1 DOB=01/01/2015 SDQ_SCORE=12" },
            { "543", $"episodes: {Year12} | oc2: CHILD=1 DOB=01/01/2012", $"episodes: {Year12} | oc2: CHILD=1 DOB=01/01/2012 CONVICTED=0" },
            { "545", $"episodes: {Year12} | oc2: CHILD=1 DOB=01/06/2022", $"episodes: {Year12} | oc2: CHILD=1 DOB=01/06/2022 HEALTH_CHECK=1" },
            { "157", "oc2: CHILD=1 DOB=01/01/2015 SDQ_REASON=SDQ1", "oc2: CHILD=1 DOB=01/06/2022 SDQ_REASON=SDQ1" },
            { "215", "oc2: CHILD=1 CONVICTED=0 | oc3: CHILD=1 IN_TOUCH=YES", "oc2: CHILD=1 | oc3: CHILD=1 IN_TOUCH=YES" },
            { "187", $"episodes: {Year12} | ad1: CHILD=1", $"episodes: {Recent} | ad1: CHILD=1" },
            { "187", $"episodes: {Year12} | oc3: CHILD=1", $"episodes: {Recent} | oc3: CHILD=1" },

            // OC3
            { "131", "oc3: CHILD=1 IN_TOUCH=MAYBE", "oc3: CHILD=1 IN_TOUCH=YES" },
            { "132", "oc3: CHILD=1 ACTIV=X9", "oc3: CHILD=1 ACTIV=F1" },
            { "133", "oc3: CHILD=1 ACCOM=Q1", "oc3: CHILD=1 ACCOM=B1" },
            { "153", "oc3: CHILD=1 IN_TOUCH=YES", "oc3: CHILD=1 IN_TOUCH=YES ACTIV=F1 ACCOM=B1" },
            { "344", "oc3: CHILD=1 IN_TOUCH=DIED ACTIV=F1", "oc3: CHILD=1 IN_TOUCH=DIED" },
            { "345", "oc3: CHILD=1 IN_TOUCH=YES ACTIV=0 ACCOM=B1", "oc3: CHILD=1 IN_TOUCH=YES ACTIV=F1 ACCOM=B1" },
            { "391", "oc3: CHILD=1 DOB=01/01/2010", "oc3: CHILD=1 DOB=01/01/2008" },
            { "134", "oc3: CHILD=1 | ad1: CHILD=1", "oc3: CHILD=1 | ad1: CHILD=2" },
            { "1000", $"episodes: {Ceased} REC=E2 | oc3: CHILD=1", $"episodes: {Ceased} REC=E8 | oc3: CHILD=1" },
            { "1011", $"episodes: {Ceased} REC=E3 | oc3: CHILD=1", $"episodes: {Ceased} REC=E8 | oc3: CHILD=1" },

            // AD1
            { "112", "ad1: CHILD=1 DATE_INT=2025-05-01", "ad1: CHILD=1 DATE_INT=01/05/2025" },
            { "113", "ad1: CHILD=1 DATE_MATCH=2025-05-01", "ad1: CHILD=1 DATE_MATCH=01/05/2025" },
            { "114", "ad1: CHILD=1 FOSTER_CARE=2", "ad1: CHILD=1 FOSTER_CARE=1" },
            { "175", "ad1: CHILD=1 NB_ADOPTR=3", "ad1: CHILD=1 NB_ADOPTR=2" },
            { "176", "ad1: CHILD=1 SEX_ADOPTR=XX", "ad1: CHILD=1 SEX_ADOPTR=MF" },
            { "177", "ad1: CHILD=1 LS_ADOPTR=L9", "ad1: CHILD=1 LS_ADOPTR=L11" },
            { "151", "ad1: CHILD=1 DATE_INT=01/05/2025", "ad1: CHILD=1 DATE_INT=01/05/2025 DATE_MATCH=01/06/2025 FOSTER_CARE=0 NB_ADOPTR=2 SEX_ADOPTR=MF LS_ADOPTR=L11" },
            { "333", "ad1: CHILD=1 DATE_INT=02/05/2025 DATE_MATCH=01/05/2025", "ad1: CHILD=1 DATE_INT=02/05/2025 DATE_MATCH=03/05/2025" },
            { "511", "ad1: CHILD=1 NB_ADOPTR=2 SEX_ADOPTR=M1", "ad1: CHILD=1 NB_ADOPTR=2 SEX_ADOPTR=MF" },
            { "514", "ad1: CHILD=1 LS_ADOPTR=L0 SEX_ADOPTR=MF", "ad1: CHILD=1 LS_ADOPTR=L0 SEX_ADOPTR=M1" },
            { "517", "ad1: CHILD=1 LS_ADOPTR=L3 SEX_ADOPTR=FF", "ad1: CHILD=1 LS_ADOPTR=L3 SEX_ADOPTR=MF" },
            { "518", "ad1: CHILD=1 LS_ADOPTR=L4 SEX_ADOPTR=MF", "ad1: CHILD=1 LS_ADOPTR=L4 SEX_ADOPTR=FF" },
            { "519", "ad1: CHILD=1 LS_ADOPTR=L2 SEX_ADOPTR=F1", "ad1: CHILD=1 LS_ADOPTR=L2 SEX_ADOPTR=FF" },
            { "520", "ad1: CHILD=1 LS_ADOPTR=L11 SEX_ADOPTR=MM", "ad1: CHILD=1 LS_ADOPTR=L11 SEX_ADOPTR=MF" },
            { "524", "ad1: CHILD=1 LS_ADOPTR=L12 SEX_ADOPTR=MF", "ad1: CHILD=1 LS_ADOPTR=L12 SEX_ADOPTR=MM" },
            { "582", "episodes: CHILD=1 DECOM=01/05/2025 DEC=01/08/2025 REC=E11 | ad1: CHILD=1 DATE_MATCH=01/08/2025", "episodes: CHILD=1 DECOM=01/05/2025 DEC=01/08/2025 REC=E11 | ad1: CHILD=1 DATE_MATCH=01/06/2025" },
            { "331", $"episodes: {Adoption} | ad1: CHILD=1 DATE_MATCH=02/06/2025", $"episodes: {Adoption} | ad1: CHILD=1 DATE_MATCH=01/06/2025" },
            { "521", $"episodes: {Adoption} | ad1: CHILD=1 DATE_INT=02/06/2025", $"episodes: {Adoption} | ad1: CHILD=1 DATE_INT=01/05/2025" },
            { "334", "episodes: CHILD=1 DECOM=01/05/2025 RNE=S | ad1: CHILD=1 DATE_INT=30/04/2025", "episodes: CHILD=1 DECOM=01/05/2025 RNE=S | ad1: CHILD=1 DATE_INT=01/06/2025" },
            { "525", "ad1: CHILD=1 | placed_adoption: CHILD=1 DATE_PLACED=01/05/2025 DATE_PLACED_CEASED=01/06/2025", "ad1: CHILD=1 | placed_adoption: CHILD=1 DATE_PLACED=01/05/2025" },
            { "602", "episodes: CHILD=1 DECOM=01/05/2025 | ad1: CHILD=1", "episodes: CHILD=1 DECOM=01/05/2025 DEC=01/08/2025 REC=E11 | ad1: CHILD=1" },
            { "601", "episodes: CHILD=1 DECOM=01/05/2025 DEC=01/08/2025 REC=E11", "episodes: CHILD=1 DECOM=01/05/2025 DEC=01/08/2025 REC=E11 | ad1: CHILD=1 DATE_INT=01/05/2025 DATE_MATCH=01/06/2025 FOSTER_CARE=0 NB_ADOPTR=2 SEX_ADOPTR=MF LS_ADOPTR=L11" },
            { "523", "ad1: CHILD=1 DATE_INT=01/05/2025 | placed_adoption: CHILD=1 DATE_PLACED=02/05/2025", "ad1: CHILD=1 DATE_INT=01/05/2025 | placed_adoption: CHILD=1 DATE_PLACED=01/05/2025" },

            // Placed for adoption
            { "115", "placed_adoption: CHILD=1", "placed_adoption: CHILD=1 DATE_PLACED=01/05/2025" },
            { "116", "placed_adoption: CHILD=1 DATE_PLACED_CEASED=2025-05-01", "placed_adoption: CHILD=1 DATE_PLACED_CEASED=01/05/2025" },
            { "119", "placed_adoption: CHILD=1 DATE_PLACED_CEASED=01/06/2025", "placed_adoption: CHILD=1 DATE_PLACED_CEASED=01/06/2025 REASON_PLACED_CEASED=RD1" },
            { "120", "placed_adoption: CHILD=1 REASON_PLACED_CEASED=RD9", "placed_adoption: CHILD=1 REASON_PLACED_CEASED=RD1" },
            { "184", "header: CHILD=1 DOB=01/06/2025 | placed_adoption: CHILD=1 DATE_PLACED=01/05/2025", "header: CHILD=1 DOB=01/06/2025 | placed_adoption: CHILD=1 DATE_PLACED=01/07/2025" },
            { "522", "placed_adoption: CHILD=1 DATE_PLACED=02/05/2025 DATE_PLACED_CEASED=01/05/2025", "placed_adoption: CHILD=1 DATE_PLACED=02/05/2025 DATE_PLACED_CEASED=03/05/2025" },
            { "563", "placed_adoption: CHILD=1 DATE_PLACED_CEASED=01/05/2025", "placed_adoption: CHILD=1 DATE_PLACED=01/04/2025 DATE_PLACED_CEASED=01/05/2025" },
            { "579", "placed_adoption: CHILD=1 DATE_PLACED=01/05/2025; CHILD=1 DATE_PLACED=01/07/2025", "placed_adoption: CHILD=1 DATE_PLACED=01/05/2025 DATE_PLACED_CEASED=01/06/2025; CHILD=1 DATE_PLACED=01/07/2025" },
            { "1003", "episodes: CHILD=1 DECOM=01/05/2025 RNE=S | placed_adoption: CHILD=1 DATE_PLACED=30/04/2025", "episodes: CHILD=1 DECOM=01/05/2025 RNE=S | placed_adoption: CHILD=1 DATE_PLACED=01/06/2025" },
            { "117", "placed_adoption: CHILD=1 DATE_PLACED=01/04/2026", "placed_adoption: CHILD=1 DATE_PLACED=31/03/2026" },
            { "117", $"episodes: {Ceased} REC=E8 | placed_adoption: CHILD=1 DATE_PLACED=01/05/2025 DATE_PLACED_CEASED=02/06/2025", $"episodes: {Ceased} REC=E8 | placed_adoption: CHILD=1 DATE_PLACED=01/05/2025 DATE_PLACED_CEASED=01/06/2025" },
            { "118", "placed_adoption: CHILD=1 DATE_PLACED=01/01/2025 DATE_PLACED_CEASED=31/03/2025", "placed_adoption: CHILD=1 DATE_PLACED=01/01/2025 DATE_PLACED_CEASED=01/04/2025" },
            { "118", "episodes: CHILD=1 DECOM=01/05/2025 RNE=S | placed_adoption: CHILD=1 DATE_PLACED_CEASED=30/04/2025", "episodes: CHILD=1 DECOM=01/05/2025 RNE=S | placed_adoption: CHILD=1 DATE_PLACED_CEASED=01/05/2025" },
            { "335", $"episodes: {Adoption} | ad1: CHILD=1 FOSTER_CARE=0", $"episodes: {Adoption} | ad1: CHILD=1 FOSTER_CARE=1" },
            { "558", $"episodes: {Ceased} REC=E11 | placed_adoption: CHILD=1 DATE_PLACED=01/04/2025 DATE_PLACED_CEASED=01/06/2025", $"episodes: {Ceased} REC=E11 | placed_adoption: CHILD=1 DATE_PLACED=01/04/2025" },
            { "551", "episodes: CHILD=1 DECOM=01/05/2025 PLACE=A5 | placed_adoption: CHILD=2 DATE_PLACED=01/04/2025", "episodes: CHILD=1 DECOM=01/05/2025 PLACE=A5 | placed_adoption: CHILD=1 DATE_PLACED=01/04/2025" },
            { "553", "episodes: CHILD=1 DECOM=01/05/2025 LS=E1 | placed_adoption: CHILD=2 DATE_PLACED=01/04/2025", "episodes: CHILD=1 DECOM=01/05/2025 LS=E1 | placed_adoption: CHILD=1 DATE_PLACED=01/04/2025" },
            { "555", "episodes: CHILD=1 DECOM=01/05/2005 LS=D1 | placed_adoption: CHILD=2 DATE_PLACED=01/04/2005", "episodes: CHILD=1 DECOM=01/05/2005 LS=D1 | placed_adoption: CHILD=1 DATE_PLACED=01/04/2005" },
            { "552", "episodes: CHILD=1 DECOM=01/05/2025 PLACE=A5 | placed_adoption: CHILD=1 DATE_PLACED=02/05/2025", "episodes: CHILD=1 DECOM=01/05/2025 PLACE=A5 | placed_adoption: CHILD=1 DATE_PLACED=01/05/2025" },
            { "554", "episodes: CHILD=1 DECOM=01/05/2025 LS=E1 | placed_adoption: CHILD=1 DATE_PLACED=02/05/2025", "episodes: CHILD=1 DECOM=01/05/2025 LS=E1 | placed_adoption: CHILD=1 DATE_PLACED=30/04/2025" },
            { "556", "episodes: CHILD=1 DECOM=01/05/2005 LS=D1 | placed_adoption: CHILD=1 DATE_PLACED=02/05/2005", "episodes: CHILD=1 DECOM=01/05/2005 LS=D1 | placed_adoption: CHILD=1 DATE_PLACED=30/04/2005" },

            // Previous permanence
            { "631", "prev_perm: CHILD=1 PREV_PERM=P9", "prev_perm: CHILD=1 PREV_PERM=P1" },
            { "635", "prev_perm: CHILD=1 PREV_PERM=Z1 LA_PERM=330", "prev_perm: CHILD=1 PREV_PERM=Z1" },
            { "630", "episodes: CHILD=1 DECOM=01/05/2025 RNE=S", "episodes: CHILD=1 DECOM=01/05/2025 RNE=S | prev_perm: CHILD=1 PREV_PERM=Z1" },
            { "634", "episodes: CHILD=1 DECOM=01/05/2015 | prev_perm: CHILD=1 PREV_PERM=P1", "episodes: CHILD=1 DECOM=01/05/2016 | prev_perm: CHILD=1 PREV_PERM=P1" },

            // Social worker episodes
            { "SW02STG1", "social_worker: CHILD=1 SW_ID=AB1", "social_worker: CHILD=1 SW_ID=SW123" },
            { "SW04STG1", "social_worker: CHILD=1 SW_ID=SW1", "social_worker: CHILD=1 SW_DECOM=01/05/2025" },
            { "SW05STG1", "social_worker: CHILD=1 SW_DEC=2025-05-01", "social_worker: CHILD=1 SW_DEC=01/05/2025" },
            { "SW13STG1", "social_worker: CHILD=1 SW_REASON=XXX", "social_worker: CHILD=1 SW_REASON=MANAGE" },
            { "SW09STG2", "social_worker: CHILD=1 SW_DECOM=01/05/2025 SW_DEC=01/05/2025", "social_worker: CHILD=1 SW_DECOM=01/05/2025 SW_DEC=02/05/2025" },
            { "SW10STG2", "social_worker: CHILD=1 SW_DECOM=01/05/2025 SW_DEC=01/07/2025; CHILD=1 SW_DECOM=01/06/2025", "social_worker: CHILD=1 SW_DECOM=01/05/2025 SW_DEC=01/07/2025; CHILD=1 SW_DECOM=01/07/2025" },
            { "SW108STG2", "social_worker: CHILD=1 SW_DECOM=01/05/2025; CHILD=1 SW_DECOM=01/06/2025", "social_worker: CHILD=1 SW_DECOM=01/05/2025 SW_DEC=01/06/2025; CHILD=1 SW_DECOM=01/06/2025" },
        };

        // Integrity: every child in the header, once per table, with the header's date of birth (and sex, for UASC).
        foreach (var (code, table) in new[] { ("INT01", "ad1"), ("INT02", "placed_adoption"), ("INT03", "episodes"), ("INT04", "missing"), ("INT05", "oc2"), ("INT06", "oc3"), ("INT07", "prev_perm"), ("INT08", "reviews"), ("INT09", "uasc") })
        {
            cases.Add(code, $"header: CHILD=1 | {table}: CHILD=2", $"header: CHILD=1 | {table}: CHILD=1");
        }

        foreach (var (code, table) in new[] { ("INT11", "ad1"), ("INT12", "placed_adoption"), ("INT13", "missing"), ("INT14", "oc2"), ("INT15", "oc3"), ("INT16", "prev_perm"), ("INT17", "reviews"), ("INT18", "uasc") })
        {
            cases.Add(code, $"header: CHILD=1 DOB=01/01/2010 | {table}: CHILD=1 DOB=02/01/2010", $"header: CHILD=1 DOB=01/01/2010 | {table}: CHILD=1 DOB=01/01/2010");
        }

        cases.Add("INT21", "header: CHILD=1 SEX=F | uasc: CHILD=1 SEX=M", "header: CHILD=1 SEX=F | uasc: CHILD=1 SEX=F");
        foreach (var (code, table) in new[] { ("INT31", "ad1"), ("INT32", "header"), ("INT33", "oc2"), ("INT34", "oc3"), ("INT35", "prev_perm"), ("INT36", "uasc") })
        {
            cases.Add(code, $"{table}: CHILD=1; CHILD=1", $"{table}: CHILD=1; CHILD=2");
        }

        return cases;
    }

    /// <summary>A foster placement, then placed for adoption (A5) from 1 June 2025, adopted on 1 October 2025.</summary>
    private const string Adoption = "CHILD=1 DECOM=01/05/2025 DEC=01/06/2025 REC=X1 PLACE=U1; CHILD=1 DECOM=01/06/2025 DEC=01/10/2025 REC=E11 PLACE=A5";

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_FailsTheBadReturn_AndPassesTheGoodOne(string code, string failing, string passing)
    {
        var rule = Assert.Single(Ssda903Rules.All, r => r.Code == code);

        var bad = Ssda903Validator.Validate(Return(failing), [rule]);
        var good = Ssda903Validator.Validate(Return(passing), [rule]);

        Assert.Contains(bad.Issues, i => i.Rule == code && i.Child.Length > 0 && i.Row >= 2);
        Assert.DoesNotContain(good.Issues, i => i.Rule == code);

        // Every rule runs over every case's return without throwing.
        _ = Ssda903Validator.Validate(Return(failing));
    }

    [Fact]
    public void EveryRuleImplemented_HasACase_AndEveryPublishedRule_IsImplementedOrLeftOutWithAReason()
    {
        var tested = Cases().Select(c => (string)c[0]).ToHashSet(StringComparer.Ordinal);
        var implemented = Ssda903Rules.All.Select(r => r.Code).ToList();
        Assert.Equal(implemented.Count, implemented.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(implemented, c => !tested.Contains(c));

        var catalogue = Ssda903RuleCatalogue.For(Year);
        Assert.Equal(312, catalogue.Count);
        Assert.DoesNotContain(implemented, c => !catalogue.ContainsKey(c));
        Assert.DoesNotContain(implemented, Ssda903Rules.LeftOut.ContainsKey);
        Assert.DoesNotContain(catalogue.Keys, c => !implemented.Contains(c) && !Ssda903Rules.LeftOut.ContainsKey(c));
        Assert.Equal(312, implemented.Count + Ssda903Rules.LeftOut.Count);
    }

    [Fact]
    public void Issues_CarryTheLineInTheFile_TheChild_TheDfEsMessage_AndTheSeverity_WithCountsPerRule()
    {
        var @return = Return("episodes: CHILD=7 DECOM=01/05/2025 DEC=01/05/2025 REC=E8 RNE=S; CHILD=8 DECOM=01/06/2025 DEC=01/06/2025 REC=E8 RNE=S; CHILD=9 DECOM=01/07/2025 REC=E8 RNE=S");

        var result = Ssda903Validator.Validate(@return);

        var sameDay = result.Issues.Where(i => i.Rule == "355").ToList();
        Assert.Equal([2, 3], sameDay.Select(i => i.Row));
        Assert.Equal(["7", "8"], sameDay.Select(i => i.Child));
        Assert.All(sameDay, i => Assert.Equal(Ssda903Severity.Query, i.Severity));
        Assert.All(sameDay, i => Assert.Equal("episodes", i.Table));
        Assert.Equal("Episode appears to have lasted for less than 24 hours", sameDay[0].Message);
        Assert.Equal(["DECOM", "DEC"], sameDay[0].Fields);

        var missingEnd = Assert.Single(result.Issues, i => i.Rule == "148");
        Assert.Equal((4, "9", Ssda903Severity.Error), (missingEnd.Row, missingEnd.Child, missingEnd.Severity));

        Assert.Equal(2, Assert.Single(result.Counts, c => c.Rule == "355").Count);
        Assert.Equal(result.Issues.Count, result.Counts.Sum(c => c.Count));
        Assert.Equal(result.Issues.Count, result.Errors + result.Queries);
    }

    [Fact]
    public void TheCatalogue_GivesEachRulesMessageFieldsAndTables_ForTheYear()
    {
        var rule = Ssda903RuleCatalogue.For(2026)["148"];
        Assert.Equal("Date episode ceased and reason episode ceased must both be coded, or both left blank.", rule.Message);
        Assert.Equal(["DEC", "REC"], rule.Fields);
        Assert.Equal(["Episodes"], rule.Tables);
        Assert.Equal(311, Ssda903RuleCatalogue.For(2024).Count);
    }

    [Fact]
    public void AGoodReturn_HasNoErrors()
    {
        var @return = Return(
            "header: CHILD=1 SEX=F DOB=01/01/2012 ETHNIC=WBRI UPN=A123456789012 MOTHER=0"
            + " | episodes: CHILD=1 DECOM=01/05/2025 RNE=S LS=C2 CIN=N1 PLACE=U4 PLACE_PROVIDER=PR1 DEC=01/09/2025 REC=X1 REASON_PLACE_CHANGE=CARPL HOME_POST=B11AA PL_POST=B296AA;"
            + " CHILD=1 DECOM=01/09/2025 RNE=P LS=C2 CIN=N1 PLACE=U1 PLACE_PROVIDER=PR1 HOME_POST=B11AA PL_POST=B146AA"
            + " | reviews: CHILD=1 DOB=01/01/2012 REVIEW=01/06/2025 REVIEW_CODE=PN1"
            + " | prev_perm: CHILD=1 DOB=01/01/2012 PREV_PERM=Z1"
            + " | missing: CHILD=1 DOB=01/01/2012 MISSING=M MIS_START=10/10/2025 MIS_END=11/10/2025");

        var result = Ssda903Validator.Validate(@return);

        Assert.True(result.Errors == 0, string.Join("\n", result.Issues.Select(i => $"{i.Rule} {i.Table} {i.Row}: {i.Message}")));
    }

    /// <summary>A return from the compact notation, each table with the year's columns in specification order.</summary>
    internal static Ssda903Return Return(string text)
    {
        var spec = Ssda903Spec.For(Year);
        var tables = new Dictionary<string, Ssda903Table>(StringComparer.Ordinal);
        foreach (var part in text.Split('|', StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var name = part[..colon].Trim();
            var columns = spec[name].Select(c => c.Name).ToList();
            var rows = new List<IReadOnlyList<string>>();
            foreach (var row in part[(colon + 1)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var values = row.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => v[1], StringComparer.Ordinal);
                Assert.Empty(values.Keys.Except(columns));
                rows.Add(columns.Select(c => values.GetValueOrDefault(c, "")).ToList());
            }

            tables[name] = new Ssda903Table(name, columns, rows);
        }

        return new Ssda903Return(Year, tables);
    }
}
