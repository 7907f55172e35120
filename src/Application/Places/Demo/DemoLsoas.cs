using Commonweal.Core.Places;

namespace Commonweal.Application.Places.Demo;

/// <summary>
/// The demo's LSOAs of 2011 and 2021. The 2021 set is the 2011 one with some LSOAs split in two, as ONS split those
/// whose population had grown past what an LSOA may hold: the most populous of each district are split, each into two
/// halves of its cell, under new codes (E0199…, apart from the 2011 codes E0190…) and the next free letters of their MSOA.
/// </summary>
internal static class DemoLsoas
{
    /// <summary>
    /// Names LSOAs as ONS does: groups of about five (the MSOAs) numbered from north to south, then a letter for each
    /// LSOA in its group ("Basildon 001A", "Basildon 001B", "Basildon 002A"...).
    /// </summary>
    public static List<(Hex Cell, string Msoa, int Letter)> Name(IReadOnlyList<Hex> cells, Random rng)
    {
        var msoaOf = DemoGeography.Partition(cells, Math.Max(1, (int)Math.Round(cells.Count / 5.0)), rng);
        var msoas = Enumerable.Range(0, cells.Count)
            .GroupBy(i => msoaOf[i])
            .Select(g => g.Select(i => cells[i]).OrderByDescending(c => DemoGeography.CentreOf(c).Lat).ThenBy(c => DemoGeography.CentreOf(c).Lon).ToList())
            .OrderByDescending(g => DemoGeography.CentreOf(g).Lat)
            .ThenBy(g => DemoGeography.CentreOf(g).Lon)
            .ToList();
        return msoas
            .SelectMany((members, m) => members.Select((cell, k) => (cell, $"{m + 1:D3}", k)))
            .ToList();
    }

    /// <summary>
    /// Splits the district's <paramref name="count"/> most populous 2011 LSOAs (by mid-2019 residents) in two, cutting
    /// each cell through a pair of opposite corners. Returns the parts, in the order of their parents.
    /// </summary>
    public static List<DemoLsoa> Split(IReadOnlyList<DemoLsoa> lsoas, int count, Func<AreaCode> nextCode, Random rng)
    {
        if (count < 0 || count > lsoas.Count)
            throw new InvalidOperationException($"the demo profile splits {count} of {lsoas.Count} LSOAs: only splits are modelled");
        var lettersUsed = lsoas.GroupBy(l => l.Msoa).ToDictionary(g => g.Key, g => g.Max(l => l.Letter) + 1);
        var parts = new List<DemoLsoa>(2 * count);
        var parents = Enumerable.Range(0, lsoas.Count).OrderByDescending(i => lsoas[i].Residents2019).ThenBy(i => i).Take(count).Order();
        foreach (var parent in parents.Select(i => lsoas[i]))
        {
            var cut = rng.Next(3);
            for (var half = 0; half < 2; half++)
            {
                var letter = lettersUsed[parent.Msoa]++;
                var part = new DemoLsoa(nextCode(), parent.District, parent.DistrictName, parent.SubIcb, parent.Cell, parent.Msoa, letter)
                {
                    Parent = parent,
                    Half = (cut, half),
                    Ward = parent.Ward,
                };
                parent.Parts.Add(part);
                parts.Add(part);
            }
        }

        return parts;
    }

    /// <summary>ONS's exact lookup (U for an unchanged LSOA, S for each part) and best-fit lookup (each 2011 LSOA to the
    /// 2021 LSOA holding most of its people: itself, or its larger part).</summary>
    public static IEnumerable<LsoaLink> Links(IEnumerable<DemoLsoa> lsoas2011)
    {
        foreach (var lsoa in lsoas2011)
        {
            if (lsoa.Parts.Count == 0)
            {
                yield return new LsoaLink(lsoa.Code, lsoa.Code, LsoaChange.Unchanged, BestFit: true);
                continue;
            }

            var larger = lsoa.Parts.MaxBy(p => p.Census2021)!;
            foreach (var part in lsoa.Parts)
                yield return new LsoaLink(lsoa.Code, part.Code, LsoaChange.Split, BestFit: part == larger);
        }
    }
}

/// <summary>
/// An LSOA of the demo: of 2011 and 2021 when unchanged, of 2011 only when split (<see cref="Parts"/>), or of 2021 only
/// when a part of one (<see cref="Parent"/>, in one half of its parent's cell).
/// </summary>
internal sealed class DemoLsoa(AreaCode code, int district, string districtName, AreaCode subIcb, Hex cell, string msoa, int letter)
{
    public AreaCode Code { get; } = code;

    /// <summary>"Basildon 001A": the district, the MSOA's number and the LSOA's letter in it.</summary>
    public string Name => $"{DistrictName} {Msoa}{(char)('A' + Letter)}";

    public int District { get; } = district;

    public string DistrictName { get; } = districtName;

    public AreaCode SubIcb { get; } = subIcb;

    public Hex Cell { get; } = cell;

    public string Msoa { get; } = msoa;

    public int Letter { get; } = letter;

    public DemoWard? Ward { get; set; }

    /// <summary>The 2011 LSOA this one is a part of; null for an LSOA of 2011.</summary>
    public DemoLsoa? Parent { get; init; }

    /// <summary>For a part, which pair of opposite corners its parent's cell is cut through, and which side it has.</summary>
    public (int Cut, int Side)? Half { get; init; }

    /// <summary>The parts of a 2011 LSOA split in 2021; empty when it is unchanged (or a part itself).</summary>
    public List<DemoLsoa> Parts { get; } = [];

    public bool In2011 => Parent is null;

    public bool In2021 => Parts.Count == 0;

    public long Residents2019 { get; set; }

    public long Census2021 { get; set; }

    public LsoaDeprivation? Iod2019 { get; set; }

    public LsoaDeprivation? Iod2025 { get; set; }

    /// <summary>The part of each domain's IoD2019 position that the IMD does not explain, which IoD2025 largely keeps.</summary>
    public double[] DomainNoise { get; } = new double[DeprivationDomains.Seven.Count];

    /// <summary>The outline: the whole cell, or the half of it that a part has.</summary>
    public Polygon Outline => Half is { } half ? DemoGeography.HalfHexagon(Cell, half.Cut, half.Side) : DemoGeography.Hexagon(Cell);

    public LsoaDeprivation? Deprivation(IodVintage vintage) => vintage == IodVintage.Iod2019 ? Iod2019 : Iod2025;
}

internal sealed record DemoWard(AreaCode Code, string Name, string Place, int District, List<DemoLsoa> Lsoas);
