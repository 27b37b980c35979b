using System.Buffers.Binary;
using System.Text;

namespace Affiliates.Settlement;

/// <summary>The canonical encoding and SHA-256 content hash of an <see cref="EpochStatement"/>.</summary>
/// <remarks>
/// <para>
/// Encoding (version "affiliates.statement.v2"): strings as a 4-byte big-endian UTF-8 length then the bytes, integers
/// big-endian (amounts and tier metrics 16 bytes, rates 4 bytes of ppm, multipliers 8 bytes of millionths, instants
/// 8 bytes of Unix nanoseconds, enums and counts 4 bytes, booleans 4 bytes of 0 or 1).
/// </para>
/// <para>
/// Header, in order: the version string, registry id, epoch id, epoch start, epoch end, payee kind, payee, asset
/// (chain, symbol, decimals, contract or empty), tier, tier metric, lifetime revenue, carry-in, earned, payable,
/// carry-out, referrals, dust swept, idle epochs, line count. Then each line: event id, sequence, occurred at, code,
/// kind, late, revenue, rate, multiplier, amount. Settlement orders lines by (time, event id ordinal, sequence, kind),
/// so the same lines in any input order give the same bytes.
/// </para>
/// </remarks>
public static class StatementHasher
{
    private const string Version = "affiliates.statement.v2";

    /// <summary>Returns the canonical bytes of <paramref name="statement"/>.</summary>
    public static byte[] CanonicalBytes(EpochStatement statement)
    {
        var writer = new CanonicalWriter();
        Write(writer, statement);
        return writer.Bytes.ToArray();
    }

    /// <summary>Returns the lower-case hex SHA-256 of <paramref name="statement"/>'s canonical bytes.</summary>
    public static string ComputeHash(EpochStatement statement) => ComputeHash(new CanonicalWriter(), statement);

    /// <summary>Returns whether <paramref name="statement"/>'s stored hash matches its content.</summary>
    public static bool IsIntact(EpochStatement statement) =>
        string.Equals(ComputeHash(statement), Preconditions.NotNull(statement).Hash, StringComparison.Ordinal);

    internal static string ComputeHash(CanonicalWriter writer, EpochStatement statement)
    {
        writer.Reset();
        Write(writer, statement);
        return writer.Sha256Hex();
    }

    /// <summary>Returns the number of bytes <see cref="WriteLine"/> writes for a line with these strings.</summary>
    internal static int LineLength(string eventId, string code) =>
        (2 * sizeof(int)) + Encoding.UTF8.GetByteCount(eventId) + Encoding.UTF8.GetByteCount(code) // the strings
        + (4 * sizeof(int)) + sizeof(long) + sizeof(long) + (2 * 16); // sequence, kind, late, rate; time, multiplier; revenue, amount

    /// <summary>Writes one line's encoding at the start of <paramref name="target"/>; returns the bytes written.</summary>
    internal static int WriteLine(Span<byte> target, in StatementLine line)
    {
        int length = CanonicalWriter.Write(target, line.EventId);
        BinaryPrimitives.WriteInt32BigEndian(target[length..], line.Sequence);
        length += sizeof(int);
        BinaryPrimitives.WriteInt64BigEndian(target[length..], CanonicalWriter.Nanoseconds(line.OccurredAt));
        length += sizeof(long);
        length += CanonicalWriter.Write(target[length..], line.Code);
        BinaryPrimitives.WriteInt32BigEndian(target[length..], (int)line.Kind);
        length += sizeof(int);
        BinaryPrimitives.WriteInt32BigEndian(target[length..], line.Late ? 1 : 0);
        length += sizeof(int);
        BinaryPrimitives.WriteInt128BigEndian(target[length..], line.Revenue.Units);
        length += 16;
        BinaryPrimitives.WriteInt32BigEndian(target[length..], line.Rate.PartsPerMillion);
        length += sizeof(int);
        BinaryPrimitives.WriteInt64BigEndian(target[length..], line.Multiplier.Millionths);
        length += sizeof(long);
        BinaryPrimitives.WriteInt128BigEndian(target[length..], line.Amount.Units);
        return length + 16;
    }

    private static void Write(CanonicalWriter writer, EpochStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        writer.Write(Version);
        writer.Write(statement.RegistryId);
        writer.Write(statement.EpochId);
        writer.Write(statement.EpochStart);
        writer.Write(statement.EpochEnd);
        writer.Write((int)statement.Kind);
        writer.Write(statement.Payee);
        writer.Write(statement.Asset);
        writer.Write(statement.Tier);
        writer.Write(statement.TierMetric);
        writer.Write(statement.LifetimeRevenue);
        writer.Write(statement.CarryIn);
        writer.Write(statement.Earned);
        writer.Write(statement.Payable);
        writer.Write(statement.CarryOut);
        writer.Write(statement.Referrals);
        writer.Write(statement.DustSwept);
        writer.Write(statement.IdleEpochs);
        writer.Write(statement.Lines.Count);
        foreach (StatementLine line in statement.Lines)
        {
            writer.Write(line);
        }
    }
}
