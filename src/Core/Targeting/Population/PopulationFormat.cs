using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Commonweal.Core.Targeting.Population;

/// <summary>
/// The stored form of a population's LSOA (one block per LSOA copy) and the population hash (docs/methods/synthetic-population.md,
/// "Stored form and hash"). A block is: a version byte (1); the number of people n (int32); then in columns, little-endian —
/// n ages (byte), n sexes (byte: 1 male, 2 female), n household numbers (int32), n practice numbers (int16, an index into
/// the population's practice codes; −1 none), n trait sets (uint64, bit t = <see cref="Trait"/> t), n deficit sets (uint64,
/// bit d = <see cref="EfiDeficit"/> d). The hash is SHA-256 over "commonweal-population-v1\n", the practice codes each
/// followed by "\n", "\n", then for each LSOA copy in (code, copy) order its code, "\n", the copy (int32) and its block.
/// </summary>
public static class PopulationFormat
{
    public const byte Version = 1;
    private const int BytesPerPerson = 1 + 1 + 4 + 2 + 8 + 8;

    public static byte[] Encode(SyntheticPopulation population, int lsoa)
    {
        var start = population.Offsets[lsoa];
        var n = population.Offsets[lsoa + 1] - start;
        var block = new byte[5 + n * BytesPerPerson];
        block[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(1), n);
        var at = 5;
        population.Ages.AsSpan(start, n).CopyTo(block.AsSpan(at));
        at += n;
        population.Sexes.AsSpan(start, n).CopyTo(block.AsSpan(at));
        at += n;
        for (var i = 0; i < n; i++, at += 4) BinaryPrimitives.WriteInt32LittleEndian(block.AsSpan(at), population.Households[start + i]);
        for (var i = 0; i < n; i++, at += 2) BinaryPrimitives.WriteInt16LittleEndian(block.AsSpan(at), population.Practices[start + i]);
        for (var i = 0; i < n; i++, at += 8) BinaryPrimitives.WriteUInt64LittleEndian(block.AsSpan(at), population.Traits[start + i]);
        for (var i = 0; i < n; i++, at += 8) BinaryPrimitives.WriteUInt64LittleEndian(block.AsSpan(at), population.Deficits[start + i]);
        return block;
    }

    /// <summary>The number of people in a block, checking its version and length.</summary>
    public static int PeopleIn(ReadOnlySpan<byte> block)
    {
        if (block.Length < 5 || block[0] != Version) throw new FormatException("not a population block of version 1");
        var n = BinaryPrimitives.ReadInt32LittleEndian(block[1..]);
        if (n < 0 || block.Length != 5 + (long)n * BytesPerPerson) throw new FormatException($"a population block of {n} people has the wrong length ({block.Length} bytes)");
        return n;
    }

    /// <summary>Reads a block into the population's columns from person <paramref name="start"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> block, SyntheticPopulation population, int start)
    {
        var n = PeopleIn(block);
        var at = 5;
        block.Slice(at, n).CopyTo(population.Ages.AsSpan(start, n));
        at += n;
        block.Slice(at, n).CopyTo(population.Sexes.AsSpan(start, n));
        at += n;
        for (var i = 0; i < n; i++, at += 4) population.Households[start + i] = BinaryPrimitives.ReadInt32LittleEndian(block[at..]);
        for (var i = 0; i < n; i++, at += 2) population.Practices[start + i] = BinaryPrimitives.ReadInt16LittleEndian(block[at..]);
        for (var i = 0; i < n; i++, at += 8) population.Traits[start + i] = BinaryPrimitives.ReadUInt64LittleEndian(block[at..]);
        for (var i = 0; i < n; i++, at += 8) population.Deficits[start + i] = BinaryPrimitives.ReadUInt64LittleEndian(block[at..]);
    }

    /// <summary>
    /// An LSOA's deprivation facts: for each <see cref="Places.DeprivationDomain"/> in order, its z-score (float64) then its
    /// national decile (int8, 0 when unknown).
    /// </summary>
    public static byte[] EncodeFacts(PopulationLsoa lsoa)
    {
        var facts = new byte[lsoa.DomainZ.Length * 9];
        for (var d = 0; d < lsoa.DomainZ.Length; d++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(facts.AsSpan(d * 9), lsoa.DomainZ[d]);
            facts[d * 9 + 8] = (byte)(lsoa.DomainDecile[d] ?? 0);
        }

        return facts;
    }

    public static (double[] DomainZ, int?[] DomainDecile) DecodeFacts(ReadOnlySpan<byte> facts)
    {
        if (facts.Length % 9 != 0) throw new FormatException("LSOA facts have the wrong length");
        var z = new double[facts.Length / 9];
        var deciles = new int?[z.Length];
        for (var d = 0; d < z.Length; d++)
        {
            z[d] = BinaryPrimitives.ReadDoubleLittleEndian(facts[(d * 9)..]);
            deciles[d] = facts[d * 9 + 8] is > 0 and var decile ? decile : null;
        }

        return (z, deciles);
    }

    /// <summary>Risk results of an LSOA's people: n scores (float32), n tiers (byte), n segments (byte).</summary>
    public static byte[] EncodeRisk(ReadOnlySpan<float> scores, ReadOnlySpan<byte> tiers, ReadOnlySpan<byte> segments)
    {
        var n = scores.Length;
        var block = new byte[n * 6];
        for (var i = 0; i < n; i++) BinaryPrimitives.WriteSingleLittleEndian(block.AsSpan(i * 4), scores[i]);
        tiers.CopyTo(block.AsSpan(n * 4));
        segments.CopyTo(block.AsSpan(n * 5));
        return block;
    }

    public static void DecodeRisk(ReadOnlySpan<byte> block, Span<float> scores, Span<byte> tiers, Span<byte> segments)
    {
        var n = scores.Length;
        if (block.Length != n * 6) throw new FormatException($"risk results of {block.Length} bytes do not fit {n} people");
        for (var i = 0; i < n; i++) scores[i] = BinaryPrimitives.ReadSingleLittleEndian(block[(i * 4)..]);
        block.Slice(n * 4, n).CopyTo(tiers);
        block.Slice(n * 5, n).CopyTo(segments);
    }

    /// <summary>The population hash, lower-case hex.</summary>
    public static string Hash(SyntheticPopulation population) =>
        Hash(population.PracticeCodes.Select(c => c.Value), Enumerable.Range(0, population.Lsoas.Count).Select(l => (population.Lsoas[l].Code.Value, population.Lsoas[l].Copy, Encode(population, l))));

    /// <summary>The population hash of stored blocks (in any order: they are put in (code, copy) order here).</summary>
    public static string Hash(IEnumerable<string> practiceCodes, IEnumerable<(string Lsoa, int Copy, byte[] Block)> blocks)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes("commonweal-population-v1\n"));
        foreach (var code in practiceCodes) sha.AppendData(Encoding.UTF8.GetBytes(code + "\n"));
        sha.AppendData("\n"u8);
        Span<byte> copy = stackalloc byte[4];
        foreach (var (lsoa, number, block) in blocks.OrderBy(b => b.Lsoa, StringComparer.Ordinal).ThenBy(b => b.Copy))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(lsoa + "\n"));
            BinaryPrimitives.WriteInt32LittleEndian(copy, number);
            sha.AppendData(copy);
            sha.AppendData(block);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
