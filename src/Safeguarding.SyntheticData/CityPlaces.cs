namespace Safeguarding.SyntheticData;

/// <summary>Made-up place, street and organisation names for the fictional city.</summary>
internal static class CityPlaces
{
    public static readonly IReadOnlyList<string> Localities =
    [
        "Abbeyfields", "Brackenhurst", "Castlebrook", "Dunmere", "Elmstead Vale",
        "Fernleigh", "Greystone", "Hollin Cross", "Kestrel Heath", "Larkmoor",
    ];

    public static readonly IReadOnlyList<string> Places = Split(
        "Larkhill,Beechwood,Hawthorn,Ashgrove,Foxhollow,Kingsmead,Redbrook,Willowbank,Oakfield,Brookvale,Elmhurst," +
        "Hazelwood,Meadowside,Stonebridge,Cedar Park,Rosedale,Heathfield,Whitecross,Fairholme,Highcroft,Lindenfield," +
        "Marshlands,Pennycroft,Quarry Bank,Rowan Tree,Silverdale,Thornbury,Upperton,Wrenfield,Yewtree,Alderley," +
        "Birchfield,Copperfield,Daisyfield,Edgewood,Foxglove,Goldthorn,Harewood,Juniper,Kingfisher,Laburnum," +
        "Maplewood,Nightingale,Orchard,Primrose Hill,Queensway,Sandpiper,Tudor Grange,Valley View,Waterside," +
        "Blackthorn,Chapel Fields,Dovecote,Eastwood,Fallow Field,Garland,Holly Lane,Ironbridge Row,Jubilee,Kiln Bank");

    public static readonly IReadOnlyList<string> Saints = Split(
        "Mary,Joseph,Peter,Paul,Anne,Thomas,Michael,Francis,Bernadette,Chad,Alban,Edmund,John,Catherine,Patrick," +
        "Teresa,Augustine,Clare,George,Margaret,Jude,Bede,Hilda,Luke,Mark,Andrew");

    private static readonly IReadOnlyList<string> StreetStems = Split(
        "Acorn,Alder,Appleby,Ash,Badger,Barley,Bell,Birch,Bramble,Brook,Canal,Castle,Cedar,Chapel,Cherry,Church," +
        "Clover,Colliery,Coppice,Cotton,Cross,Daisy,Elder,Elm,Factory,Fern,Field,Forge,Foundry,Fox,Garden,Glebe," +
        "Granary,Hawthorn,Hazel,Heath,Heron,Hill,Holly,Ivy,Juniper,Kestrel,Kiln,Lark,Laurel,Lime,Linnet,Lock," +
        "Magpie,Maple,Marsh,Meadow,Mill,Mint,Moor,Nursery,Oak,Orchard,Osier,Pear,Pinfold,Plough,Poplar,Primrose," +
        "Quarry,Railway,Raven,Reed,Robin,Rope,Rowan,School,Sedge,Silver,Spring,Station,Swan,Tannery,Thistle,Tower," +
        "Valley,Vicarage,Victoria,Walnut,Weaver,Well,Willow,Windmill,Wren,Yew");

    private static readonly IReadOnlyList<string> StreetKinds = Split(
        "Road,Street,Lane,Avenue,Close,Grove,Drive,Way,Crescent,Gardens,Place,Terrace,Walk,Rise,Court,View");

    /// <summary>Every street name the city can have, shuffled by the caller's random stream.</summary>
    public static List<string> ShuffledStreetNames(CityRandom random)
    {
        var names = StreetStems.SelectMany(s => StreetKinds.Select(k => $"{s} {k}")).ToList();
        for (var i = names.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (names[i], names[j]) = (names[j], names[i]);
        }

        return names;
    }

    public static readonly IReadOnlyList<string> VoluntaryOrganisations =
    [
        "Brightpath Family Support", "{0} Young Carers", "Open Door Parenting", "Compass Young People's Counselling",
        "{0} Refugee and Migrant Centre", "Safe Harbour Domestic Abuse Service", "Hope Street Food Bank", "{0} Youth Clubs Alliance",
    ];

    private static string[] Split(string names) => names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
