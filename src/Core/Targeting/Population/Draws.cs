namespace Commonweal.Core.Targeting.Population;

/// <summary>
/// Counter-based random numbers: every draw is a pure function of (seed, LSOA, person, stream), made with SplitMix64's
/// finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014). Any LSOA can be
/// generated on its own, in any order and on any thread, with the same result; there is no generator state to share.
/// </summary>
public readonly record struct Draws(ulong Key)
{
    private const double Unit = 1.0 / (1UL << 53);

    /// <summary>The draws of one LSOA (its code hashed, so they do not depend on which LSOAs are generated) and one copy of it (for <c>--scale</c>).</summary>
    public static Draws ForLsoa(ulong seed, string lsoaCode, int copy)
    {
        var hash = 14695981039346656037UL; // FNV-1a 64 of the code
        foreach (var c in lsoaCode)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return new Draws(Mix(Mix(seed ^ hash) ^ (ulong)(uint)copy));
    }

    /// <summary>A 64-bit draw for a person (or a household, an age band: any index) and a stream (what the draw is for).</summary>
    public ulong Bits(int index, int stream) => Mix(Mix(Key ^ (ulong)(uint)index) + (ulong)(uint)stream * 0x9E3779B97F4A7C15UL);

    /// <summary>A uniform number in (0, 1): never exactly 0 or 1.</summary>
    public double Uniform(int index, int stream) => ((Bits(index, stream) >> 11) + 0.5) * Unit;

    /// <summary>A standard logistic variate (log u/(1−u)): the noise of a logistic model's latent scale.</summary>
    public double Logistic(int index, int stream)
    {
        var u = Uniform(index, stream);
        return Math.Log(u / (1 - u));
    }

    /// <summary>SplitMix64's output function.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
