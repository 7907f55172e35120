using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Demo;

/// <summary>
/// Synthetic GP practices and primary care networks for the demo: as many as Mid and South Essex has (150 practices
/// in 27 PCNs, January 2022), shared out over the districts by population, named after the wards they sit in, with
/// registered lists a few percent above the resident population, as real lists run.
/// </summary>
internal static class DemoPrimaryCare
{
    public const int PcnsInMidAndSouthEssex = 27;
    public const int PracticesInMidAndSouthEssex = 150;
    public const long ResidentsOfMidAndSouthEssex = 1_195_348;

    /// <summary>The PCN configuration of January 2022, the date of the practice-to-PCN mapping the demo mirrors.</summary>
    private static readonly DateOnly From = new(2022, 1, 1);

    private static readonly string[] Words =
    [
        "Willow", "Beech", "Cedar", "Hawthorn", "Laurel", "Maple", "Rowan", "Sycamore", "Chestnut", "Linden", "Alder",
        "Juniper", "Kingfisher", "Wren", "Swallow", "Riverside", "Meadow", "Orchard", "Harbour", "Station", "Market",
        "Abbey", "Priory", "Tower", "Mulberry", "Lavender", "Elder", "Poplar", "Heathfield", "Bluebell",
    ];

    /// <param name="Name">The district's name.</param>
    /// <param name="Wards">The district's wards, north to south: the place each is named after and its residents.</param>
    public sealed record District(string Name, AreaCode SubIcb, long Residents, IReadOnlyList<(string Place, long Residents)> Wards);

    public sealed record Result(
        List<Area> Areas,
        List<AreaMembership> Memberships,
        List<PopulationCount> ListSizes,
        IReadOnlyList<(Area Pcn, IReadOnlyList<AreaCode> Practices)> Pcns);

    public static Result Generate(IReadOnlyList<District> districts, Random rng)
    {
        var residents = districts.Sum(d => d.Residents);
        // Mid and South Essex gets exactly its real counts; another ICS gets as many for its size.
        var pcnTotal = Math.Max(districts.Count, (int)Math.Round(PcnsInMidAndSouthEssex * (double)residents / ResidentsOfMidAndSouthEssex));
        var practiceTotal = Math.Max(pcnTotal, (int)Math.Round(PracticesInMidAndSouthEssex * (double)residents / ResidentsOfMidAndSouthEssex));
        var weights = districts.Select(d => (double)d.Residents).ToArray();
        var pcnsOf = AtLeast(DemoDataset.Apportion(pcnTotal, weights), 1);
        var practicesOf = DemoDataset.Apportion(practiceTotal, weights);
        for (var d = 0; d < districts.Count; d++) practicesOf[d] = Math.Max(practicesOf[d], pcnsOf[d]);

        var result = new Result([], [], [], []);
        var pcns = new List<(Area Pcn, IReadOnlyList<AreaCode> Practices)>();
        var practiceNumber = 0;
        var usedNames = new HashSet<string>();
        for (var d = 0; d < districts.Count; d++)
        {
            var district = districts[d];
            var practiceCount = (int)practicesOf[d];
            var wardOf = WardsOfPractices(district, practiceCount);
            var practices = new List<Area>(practiceCount);
            for (var p = 0; p < practiceCount; p++)
            {
                var code = AreaCode.Parse($"Y9{++practiceNumber:D4}");
                var practice = new Area(code, PracticeName(district.Wards[wardOf[p]].Place, usedNames, rng), AreaType.Practice);
                practices.Add(practice);
                result.Areas.Add(practice);
                result.Memberships.Add(new AreaMembership(code, AreaType.Practice, district.SubIcb, AreaType.SubIcb, From));
            }

            // Real lists ran 4.8 % above residents in May 2022 (1,253,280 against 1,195,348); sizes vary about fourfold.
            var registered = (long)Math.Round(district.Residents * Math.Clamp(1.03 + 0.01 * DemoDataset.Normal(rng), 1.01, 1.045));
            var sizes = DemoDataset.Apportion(registered, practices.Select(_ => Math.Clamp(Math.Exp(0.5 * DemoDataset.Normal(rng)), 0.25, 3.5)).ToArray());
            for (var p = 0; p < practiceCount; p++)
                result.ListSizes.Add(new PopulationCount(practices[p].Code, PopulationKind.Registered, DemoDataset.ListSizePeriod, Sex.Persons, AgeBand.All, sizes[p]));

            // Neighbouring practices (consecutive from north to south) form a PCN.
            var perPcn = DemoDataset.Apportion(practiceCount, Enumerable.Repeat(1.0, (int)pcnsOf[d]).ToArray());
            var first = 0;
            foreach (var count in perPcn)
            {
                var members = practices.GetRange(first, (int)count);
                var places = Enumerable.Range(first, (int)count).Select(p => district.Wards[wardOf[p]].Place).ToList();
                var pcn = new Area(AreaCode.Parse($"U9{pcns.Count + 1:D4}"), PcnName(district, places, usedNames), AreaType.Pcn);
                result.Areas.Add(pcn);
                result.Memberships.Add(new AreaMembership(pcn.Code, AreaType.Pcn, district.SubIcb, AreaType.SubIcb, From));
                foreach (var practice in members)
                    result.Memberships.Add(new AreaMembership(practice.Code, AreaType.Practice, pcn.Code, AreaType.Pcn, From));
                pcns.Add((pcn, members.Select(m => m.Code).ToList()));
                first += (int)count;
            }
        }

        return result with { Pcns = pcns };
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
}
