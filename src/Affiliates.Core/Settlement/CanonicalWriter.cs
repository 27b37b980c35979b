using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Affiliates.Settlement;

/// <summary>
/// Writes values into an unambiguous byte encoding for hashing: fixed-width big-endian integers and
/// length-prefixed UTF-8 strings, so no two different value sequences share an encoding.
/// </summary>
internal sealed class CanonicalWriter
{
    private byte[] buffer = new byte[1024];
    private int length;

    public void Reset() => length = 0;

    public void Write(string value)
    {
        Span<byte> target = Reserve(sizeof(int) + Encoding.UTF8.GetMaxByteCount(value.Length));
        length -= target.Length - Write(target, value);
    }

    public void WriteRaw(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    public void Write(in StatementLine line)
    {
        Span<byte> target = Reserve(StatementHasher.LineLength(line.EventId, line.Code));
        StatementHasher.WriteLine(target, line);
    }

    public void Write(int value) => BinaryPrimitives.WriteInt32BigEndian(Reserve(sizeof(int)), value);

    public void Write(long value) => BinaryPrimitives.WriteInt64BigEndian(Reserve(sizeof(long)), value);

    public void Write(Int128 value) => BinaryPrimitives.WriteInt128BigEndian(Reserve(16), value);

    public void Write(Amount value) => Write(value.Units);

    public void Write(Rate value) => Write(value.PartsPerMillion);

    public void Write(Instant value) => Write(Nanoseconds(value));

    public void Write(Asset value)
    {
        Write(value.Chain);
        Write(value.Symbol);
        Write(value.Decimals);
        Write(value.Contract ?? string.Empty);
    }

    /// <summary>Writes <paramref name="value"/> as a 4-byte big-endian UTF-8 length and the bytes; returns the bytes written.</summary>
    public static int Write(Span<byte> target, string value)
    {
        int count = Encoding.UTF8.GetBytes(value, target[sizeof(int)..]);
        BinaryPrimitives.WriteInt32BigEndian(target, count);
        return sizeof(int) + count;
    }

    public static long Nanoseconds(Instant value) => (value - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    public ReadOnlySpan<byte> Bytes => buffer.AsSpan(0, length);

    /// <summary>Returns the SHA-256 of the bytes written so far as lower-case hex.</summary>
    public string Sha256Hex()
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Bytes, hash);
        return Convert.ToHexStringLower(hash);
    }

    private Span<byte> Reserve(int count)
    {
        if (length + count > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + count));
        }

        Span<byte> span = buffer.AsSpan(length, count);
        length += count;
        return span;
    }
}
