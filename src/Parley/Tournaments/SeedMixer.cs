using System.Text;

namespace Parley.Tournaments;

/// <summary>Derives a negotiation's seed from the tournament seed and a description of the combination (FNV-1a over UTF-8, then SplitMix64 finalisation): stable across runs, machines and .NET versions.</summary>
internal static class SeedMixer
{
    public static int Mix(int seed, string combination)
    {
        ulong h = 14695981039346656037UL ^ (uint)seed;
        foreach (byte b in Encoding.UTF8.GetBytes(combination))
        {
            h ^= b;
            h = unchecked(h * 1099511628211UL);
        }
        h = unchecked((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL);
        h = unchecked((h ^ (h >> 27)) * 0x94D049BB133111EBUL);
        h ^= h >> 31;
        return (int)(h & 0x7FFF_FFFF);
    }
}
