using Commonweal.Application.Places.Import;
using Commonweal.Core.Places;
using Commonweal.Core.Statistics;

namespace Commonweal.Application.Places.Demo;

/// <summary>
/// Synthetic GP practices and primary care networks for the demo, as two of NHS Digital's practice maps list them: as
/// many as Mid and South Essex had in January 2022 (150 practices in 27 PCNs), shared out over the districts by
/// population, named after the wards they sit in, with registered lists a few percent above the resident population, as
/// real lists run; and in August 2026, after the ICB mergers of 1 April 2026 moved their sub-ICB locations into NHS
/// Essex ICB, with a few practices gone (merged into a neighbour at the end of July 2026). Each map lists every practice,
/// PCN, sub-ICB location and ICB of its date, so what one lists and the next does not had ended in between.
/// </summary>
internal static class DemoPrimaryCare
{
    public const int PcnsInMidAndSouthEssex = 27;
    public const int PracticesInMidAndSouthEssex = 150;
    public const long ResidentsOfMidAndSouthEssex = 1_195_348;

    /// <summary>The extract date of the January 2022 map, the practices and PCNs the demo mirrors (CCGs in STPs then).</summary>
    public static readonly DateOnly JanuaryMap = new(2022, 1, 1);

    /// <summary>The extract date of the August 2026 map, the first after the ICB mergers of 1 April 2026.</summary>
    public static readonly DateOnly AugustMap = new(2026, 8, 1);

    /// <summary>Extract dates of the registered list sizes: May 2022, and April 2026 (real lists in Mid and South Essex
    /// grew 3.5 % between them, from 1,253,280 to 1,296,917).</summary>
    public static readonly IReadOnlyList<DateOnly> ListSizePeriods = [new(2022, 5, 1), new(2026, 4, 1)];

    /// <summary>About one practice in 75 merges with a neighbour between the maps (Mid and South Essex had 150 in
    /// January 2022 and 144 by 2026).</summary>
    private const int PracticesPerMerger = 75;

    private static readonly IcsIcb MidAndSouthEssex = new(AreaCode.Parse("QH8"), "NHS Mid and South Essex Integrated Care Board", "E54000026", new(null, new(2026, 3, 31)));
    private static readonly IcsIcb SuffolkAndNorthEastEssex = new(AreaCode.Parse("QJG"), "NHS Suffolk and North East Essex Integrated Care Board", "E54000023", new(null, new(2026, 3, 31)));
    private static readonly IcsIcb HertfordshireAndWestEssex = new(AreaCode.Parse("QM7"), "NHS Hertfordshire and West Essex Integrated Care Board", "E54000025", new(null, new(2026, 3, 31)));
    private static readonly IcsIcb Essex = new(AreaCode.Parse("D7T5G"), "NHS Essex Integrated Care Board", "E54000066", new(new(2026, 4, 1), null));

    /// <summary>The real ICBs of the Essex sub-ICB locations, for a date the ICS description names no ICB for (NHS
    /// Essex's description starts in April 2026).</summary>
    private static readonly Dictionary<string, IcsIcb[]> RealIcbsOf = new()
    {
        ["06Q"] = [MidAndSouthEssex, Essex],
        ["99E"] = [MidAndSouthEssex, Essex],
        ["99F"] = [MidAndSouthEssex, Essex],
        ["99G"] = [MidAndSouthEssex, Essex],
        ["07G"] = [MidAndSouthEssex, Essex],
        ["06T"] = [SuffolkAndNorthEastEssex, Essex],
        ["07H"] = [HertfordshireAndWestEssex, Essex],
    };

    private static readonly string[] Words =
    [
        "Willow", "Beech", "Cedar", "Hawthorn", "Laurel", "Maple", "Rowan", "Sycamore", "Chestnut", "Linden", "Alder",
        "Juniper", "Kingfisher", "Wren", "Swallow", "Riverside", "Meadow", "Orchard", "Harbour", "Station", "Market",
        "Abbey", "Priory", "Tower", "Mulberry", "Lavender", "Elder", "Poplar", "Heathfield", "Bluebell",
    ];

    private static IReadOnlyList<DateOnly> Maps => [JanuaryMap, AugustMap];

    /// <param name="Name">The district's name.</param>
    /// <param name="Wards">The district's wards, north to south: the place each is named after and its residents.</param>
    public sealed record District(string Name, DemoSubIcb SubIcb, long Residents, IReadOnlyList<(string Place, long Residents)> Wards);

    /// <summary>Adds both maps (practices, PCNs, sub-ICB locations, ICBs, their memberships) and the list sizes.</summary>
    public static void Generate(IcsDefinition ics, IReadOnlyList<District> districts, ReaderContext demo, Random rng)
    {
        AddCommissioners(ics, districts.Select(d => d.SubIcb).DistinctBy(s => s.Code).ToList(), demo);

        var residents = districts.Sum(d => d.Residents);
        // Mid and South Essex gets exactly its real counts; another ICS gets as many for its size.
        var pcnTotal = Math.Max(districts.Count, (int)Math.Round(PcnsInMidAndSouthEssex * (double)residents / ResidentsOfMidAndSouthEssex));
        var practiceTotal = Math.Max(pcnTotal, (int)Math.Round(PracticesInMidAndSouthEssex * (double)residents / ResidentsOfMidAndSouthEssex));
        var weights = districts.Select(d => (double)d.Residents).ToArray();
        var pcnsOf = AtLeast(Apportionment.LargestRemainder(pcnTotal, weights), 1);
        var practicesOf = Apportionment.LargestRemainder(practiceTotal, weights);
        for (var d = 0; d < districts.Count; d++) practicesOf[d] = Math.Max(practicesOf[d], pcnsOf[d]);

        var pcns = new List<DemoPcn>();
        var practiceNumber = 0;
        var usedNames = new HashSet<string>();
        for (var d = 0; d < districts.Count; d++)
        {
            var district = districts[d];
            var practiceCount = (int)practicesOf[d];
            var wardOf = WardsOfPractices(district, practiceCount);
            var practices = new List<DemoPractice>(practiceCount);
            for (var p = 0; p < practiceCount; p++)
                practices.Add(new(AreaCode.Parse($"Y9{++practiceNumber:D4}"), PracticeName(district.Wards[wardOf[p]].Place, usedNames, rng)));

            // Real lists ran 4.8 % above residents in May 2022 (1,253,280 against 1,195,348); sizes vary about fourfold.
            var registered = (long)Math.Round(district.Residents * Math.Clamp(1.03 + 0.01 * DemoDataset.Normal(rng), 1.01, 1.045));
            var sizes = Apportionment.LargestRemainder(registered, practices.Select(_ => Math.Clamp(Math.Exp(0.5 * DemoDataset.Normal(rng)), 0.25, 3.5)).ToArray());
            for (var p = 0; p < practiceCount; p++)
            {
                practices[p].Lists[0] = sizes[p];
                practices[p].Lists[1] = (long)Math.Round(sizes[p] * Math.Clamp(1.035 + 0.02 * DemoDataset.Normal(rng), 0.98, 1.1));
            }

            // Neighbouring practices (consecutive from north to south) form a PCN.
            var perPcn = Apportionment.LargestRemainder(practiceCount, Enumerable.Repeat(1.0, (int)pcnsOf[d]).ToArray());
            var first = 0;
            foreach (var count in perPcn)
            {
                var places = Enumerable.Range(first, (int)count).Select(p => district.Wards[wardOf[p]].Place).ToList();
                var code = AreaCode.Parse($"U9{pcns.Count + 1:D4}");
                pcns.Add(new(code, PcnName(district, places, usedNames), district.SubIcb.AreaCode, practices.GetRange(first, (int)count)));
                first += (int)count;
            }
        }

        MergeSome(pcns, practiceTotal, rng);
        foreach (var map in Maps)
        {
            demo.Release(AreaType.Practice, map);
            demo.Release(AreaType.Pcn, map);
            foreach (var pcn in pcns)
            {
                demo.Listed(pcn.Code, AreaType.Pcn, map, pcn.Name);
                demo.Member(pcn.Code, AreaType.Pcn, pcn.SubIcb, AreaType.SubIcb, map);
                foreach (var practice in pcn.Practices.Where(p => map < AugustMap || !p.Merged))
                {
                    demo.Listed(practice.Code, AreaType.Practice, map, practice.Name);
                    demo.Member(practice.Code, AreaType.Practice, pcn.SubIcb, AreaType.SubIcb, map);
                    demo.Member(practice.Code, AreaType.Practice, pcn.Code, AreaType.Pcn, map);
                }
            }
        }

        foreach (var practice in pcns.SelectMany(p => p.Practices))
        {
            for (var i = 0; i < ListSizePeriods.Count; i++)
                demo.Batch.Populations.Add(new PopulationCount(practice.Code, PopulationKind.Registered, ListSizePeriods[i], Sex.Persons, AgeBand.All, practice.Lists[i]));
        }
    }

    /// <summary>
    /// The sub-ICB locations and their ICB on each map: the ICB the description names for the date, else the real one
    /// of that sub-ICB location (QH8, QJG or QM7 before April 2026, D7T5G after), else none. Sub-ICB locations are named
    /// as the maps name them: by their CCG's name in January 2022, by their ICB's since ("NHS Essex ICB - 06Q").
    /// </summary>
    private static void AddCommissioners(IcsDefinition ics, IReadOnlyList<DemoSubIcb> subIcbs, ReaderContext demo)
    {
        foreach (var map in Maps)
        {
            demo.Release(AreaType.SubIcb, map);
            demo.Release(AreaType.Icb, map);
            foreach (var subIcb in subIcbs)
            {
                var icb = ics.Icbs.FirstOrDefault(i => i.Validity.Contains(map))
                    ?? (subIcb.OdsCode is { } ods && RealIcbsOf.TryGetValue(ods, out var real) ? real.FirstOrDefault(i => i.Validity.Contains(map)) : null);
                var name = map < Reorganisations.NhsCommissioning[2] || icb is null || subIcb.OdsCode is null
                    ? subIcb.CcgName
                    : $"{icb.Name.Replace("Integrated Care Board", "ICB", StringComparison.Ordinal)} - {subIcb.OdsCode}";
                demo.Listed(subIcb.AreaCode, AreaType.SubIcb, map, name, subIcb.OdsCode);
                if (icb is null) continue;
                demo.Listed(icb.Code, AreaType.Icb, map, icb.Name, icb.OnsCode);
                demo.Member(subIcb.AreaCode, AreaType.SubIcb, icb.Code, AreaType.Icb, map);
            }
        }
    }

    /// <summary>In a few PCNs of three or more practices, the smallest practice merges into a neighbour after the first map.</summary>
    private static void MergeSome(List<DemoPcn> pcns, int practiceTotal, Random rng)
    {
        var candidates = pcns.Where(p => p.Practices.Count >= 3).ToList();
        for (var merged = 0; merged < Math.Max(1, practiceTotal / PracticesPerMerger) && candidates.Count > 0; merged++)
        {
            var pcn = candidates[rng.Next(candidates.Count)];
            candidates.Remove(pcn);
            pcn.Practices.MinBy(p => p.Lists[0])!.Merged = true;
        }
    }

    /// <summary>Places practices where people live: practice p sits in the ward at the (p + ½)/n point of the district's population.</summary>
    private static int[] WardsOfPractices(District district, int practiceCount)
    {
        var total = (double)district.Wards.Sum(w => w.Residents);
        var wardOf = new int[practiceCount];
        var ward = 0;
        var upTo = (double)district.Wards[0].Residents;
        for (var p = 0; p < practiceCount; p++)
        {
            var at = (p + 0.5) / practiceCount * total;
            while (at > upTo && ward < district.Wards.Count - 1) upTo += district.Wards[++ward].Residents;
            wardOf[p] = ward;
        }

        return wardOf;
    }

    private static string PracticeName(string place, HashSet<string> used, Random rng)
    {
        for (var attempt = 1; ; attempt++)
        {
            var word = Words[rng.Next(Words.Length)];
            var name = rng.Next(8) switch
            {
                0 => $"{place} Surgery",
                1 => $"{place} Medical Centre",
                2 => $"{place} Health Centre",
                3 => $"{word} Medical Centre",
                4 => $"{word} House Surgery",
                5 => $"The {word} Practice",
                6 => $"{word} Lane Surgery",
                _ => $"{place} Family Practice",
            };
            if (attempt > 50) name += $", {place} {attempt}";
            if (used.Add(name)) return name;
        }
    }

    /// <summary>A PCN is named after the place of its middle practice ("Saltmead PCN"), or another of its places if that is taken.</summary>
    private static string PcnName(District district, List<string> places, HashSet<string> used)
    {
        var middleFirst = places.Skip(places.Count / 2).Concat(places.Take(places.Count / 2));
        foreach (var place in middleFirst)
        {
            if (used.Add($"{place} PCN")) return $"{place} PCN";
        }

        for (var n = 1; ; n++)
        {
            if (used.Add($"{district.Name} {n} PCN")) return $"{district.Name} {n} PCN";
        }
    }

    /// <summary>Gives every district at least <paramref name="minimum"/>, taking from the largest shares.</summary>
    private static long[] AtLeast(long[] counts, long minimum)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            while (counts[i] < minimum)
            {
                var largest = Array.IndexOf(counts, counts.Max());
                if (counts[largest] <= minimum) return counts;
                counts[largest]--;
                counts[i]++;
            }
        }

        return counts;
    }

    private sealed record DemoPcn(AreaCode Code, string Name, AreaCode SubIcb, List<DemoPractice> Practices);

    private sealed class DemoPractice(AreaCode code, string name)
    {
        public AreaCode Code { get; } = code;

        public string Name { get; } = name;

        /// <summary>Registered patients on each of <see cref="ListSizePeriods"/>.</summary>
        public long[] Lists { get; } = new long[ListSizePeriods.Count];

        /// <summary>Merged into a neighbouring practice at the end of July 2026: not on the August 2026 map.</summary>
        public bool Merged { get; set; }
    }
}
