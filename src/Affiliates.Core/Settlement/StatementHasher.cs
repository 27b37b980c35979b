using System.Buffers.Binary;
using System.Text;

namespace Affiliates.Settlement;

/// <summary>The canonical encoding and SHA-256 content hash of an <see cref="EpochStatement"/>.</summary>
/// <remarks>
/// Encoding (version "affiliates.statement.v1"): every field except <see cref="EpochStatement.Hash"/>, in declaration
/// order, strings as a 4-byte big-endian UTF-8 length then the bytes, integers big-endian (amounts 16 bytes, rates
/// 4 bytes of ppm, instants 8 bytes of Unix nanoseconds), then the line count and each line in the statement's order.
/// Settlement orders lines by (time, event id ordinal, sequence), so the same lines in any input order give the same
/// bytes.
/// </remarks>
public static class StatementHasher
{
    private const string Version = "affiliates.statement.v1";

    /// <summary>Returns the canonical bytes of <paramref name="statement"/>.</summary>
    public static byte[] CanonicalBytes(EpochStatement statement)
    {
        var writer = new CanonicalWriter();
        Write(writer, statement);
        return writer.Bytes.ToArray();
    }

    /// <summary>Returns the lower-case hex SHA-256 of <paramref name="statement"/>'s canonical bytes.</summary>
    public static string ComputeHash(EpochStatement statement)
    {
        var writer = new CanonicalWriter();
        Write(writer, statement);
        return writer.Sha256Hex();
    }

    /// <summary>Returns whether <paramref name="statement"/>'s stored hash matches its content.</summary>
    public static bool IsIntact(EpochStatement statement) =>
        string.Equals(ComputeHash(statement), Preconditions.NotNull(statement).Hash, StringComparison.Ordinal);

    internal static string ComputeHash(CanonicalWriter writer, EpochStatement statement)
    {
        writer.Reset();
        Write(writer, statement);
        return writer.Sha256Hex();
    }

    /// <summary>Writes every field of the statement before its lines, ending with the line count.</summary>
    internal static void WriteHeader(CanonicalWriter writer, EpochStatement statement)
    {
        writer.Write(Version);
        writer.Write(statement.RegistryId);
        writer.Write(statement.EpochId);
        writer.Write(statement.EpochStart);
        writer.Write(statement.EpochEnd);
        writer.Write(statement.Partner);
        writer.Write(statement.Tier);
        writer.Write(statement.LifetimeRevenue);
        writer.Write(statement.CarryIn);
        writer.Write(statement.Earned);
        writer.Write(statement.Payable);
        writer.Write(statement.CarryOut);
        writer.Write(statement.Referrals);
        writer.Write(statement.DustSwept);
        writer.Write(statement.IdleEpochs);
        writer.Write(statement.Lines.Count);
    }

    /// <summary>Returns the number of bytes <see cref="WriteLine"/> writes for a line with these strings.</summary>
    internal static int LineLength(string eventId, string code) =>
        (3 * sizeof(int)) + sizeof(long) + sizeof(int) + (2 * 16) + Encoding.UTF8.GetByteCount(eventId) + Encoding.UTF8.GetByteCount(code);

    /// <summary>Writes one line's encoding at the start of <paramref name="target"/>; returns the bytes written.</summary>
    internal static int WriteLine(Span<byte> target, in StatementLine line)
    {
        int length = CanonicalWriter.Write(target, line.EventId);
        BinaryPrimitives.WriteInt32BigEndian(target[length..], line.Sequence);
        length += sizeof(int);
        BinaryPrimitives.WriteInt64BigEndian(target[length..], CanonicalWriter.Nanoseconds(line.OccurredAt));
        length += sizeof(long);
        length += CanonicalWriter.Write(target[length..], line.Code);
        BinaryPrimitives.WriteInt128BigEndian(target[length..], line.Revenue.Units);
        length += 16;
        BinaryPrimitives.WriteInt32BigEndian(target[length..], line.Rate.PartsPerMillion);
        length += sizeof(int);
        BinaryPrimitives.WriteInt128BigEndian(target[length..], line.Commission.Units);
        return length + 16;
    }

    private static void Write(CanonicalWriter writer, EpochStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        WriteHeader(writer, statement);
        foreach (StatementLine line in statement.Lines)
        {
            writer.Write(line);
        }
    }
}
