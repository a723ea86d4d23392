namespace Registry.Bench.Generation;

/// <summary>
/// A small deterministic random stream (SplitMix64) keyed by seed, purpose and row index, so any table's
/// rows can be recomputed independently and in any order with the same result.
/// </summary>
public struct Rng
{
    private ulong _state;

    public Rng(int seed, Stream stream, long index) =>
        _state = Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL ^ ((ulong)stream << 56) ^ (ulong)index);

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A number in [0, max).</summary>
    public int Next(int max) => (int)(NextULong() % (ulong)max);

    /// <summary>A number in [min, max].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>What a random stream or an id is for; each kind of row draws from its own.</summary>
public enum Stream : byte
{
    Person = 1,
    Credential,
    Application,
    User,
    Employer,
    Program,
    Record,
    History,
    CredentialEvent,
    Exam,
    Endorsement,
    Survey,
}

/// <summary>
/// Deterministic ids shaped like version-7 UUIDs: the kind in the high bytes, the row index in the low
/// ones, so ids are stable for a seed and arrive in index order (cheap for the primary-key B-trees).
/// </summary>
public static class Ids
{
    public static Guid For(Stream kind, long index, int sub = 0)
    {
        Span<byte> bytes = stackalloc byte[16];
        // 48-bit "timestamp" part: a fixed 2026 millisecond base plus the kind, so kinds never collide.
        var high = (0x019A_0000_0000UL + ((ulong)kind << 32) + (ulong)(uint)sub) << 16;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, high | 0x7000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], (ulong)index);
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
