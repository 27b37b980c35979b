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

    private static void Write(CanonicalWriter writer, EpochStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
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
        foreach (StatementLine line in statement.Lines)
        {
            writer.Write(line.EventId);
            writer.Write(line.Sequence);
            writer.Write(line.OccurredAt);
            writer.Write(line.Code);
            writer.Write(line.Revenue);
            writer.Write(line.Rate);
            writer.Write(line.Commission);
        }
    }
}
