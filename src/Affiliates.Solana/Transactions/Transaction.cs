using Affiliates.Solana.Keys;

namespace Affiliates.Solana.Transactions;

/// <summary>A legacy transaction: one signature per required signer, then the message they sign.</summary>
internal sealed class Transaction
{
    /// <summary>The largest serialized transaction a validator accepts (1280-byte IPv6 MTU less 40 + 8 header bytes).</summary>
    public const int MaxSize = 1232;

    private Transaction(LegacyMessage message, byte[] messageBytes, IReadOnlyList<byte[]> signatures)
    {
        Message = message;
        MessageBytes = messageBytes;
        Signatures = signatures;
    }

    public LegacyMessage Message { get; }

    public byte[] MessageBytes { get; }

    public IReadOnlyList<byte[]> Signatures { get; }

    /// <summary>Gets the transaction id: the Base58 of the fee payer's signature.</summary>
    public string Id => Base58Text.Encode(Signatures[0]);

    /// <summary>Returns the serialized size of a transaction carrying <paramref name="message"/>.</summary>
    public static int SizeOf(LegacyMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ShortVec.SizeOf(message.RequiredSignatures) + (message.RequiredSignatures * Keypair.SignatureLength) + message.Serialize().Length;
    }

    /// <summary>Signs <paramref name="message"/> with every required signer, in the message's signer order.</summary>
    /// <exception cref="ArgumentException">A required signer is missing from <paramref name="signers"/>.</exception>
    public static Transaction Sign(LegacyMessage message, IReadOnlyCollection<Keypair> signers)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(signers);
        byte[] bytes = message.Serialize();
        var signatures = new List<byte[]>(message.RequiredSignatures);
        foreach (PublicKey signer in message.Signers)
        {
            Keypair keypair = signers.FirstOrDefault(k => k.PublicKey == signer)
                ?? throw new ArgumentException($"The message must be signed by {signer}, which is not among the signers.", nameof(signers));
            signatures.Add(keypair.Sign(bytes));
        }

        return new Transaction(message, bytes, signatures);
    }

    /// <summary>The message with every signature slot zero: what a wallet is asked to sign.</summary>
    public static Transaction Unsigned(LegacyMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new Transaction(message, message.Serialize(), [.. Enumerable.Range(0, message.RequiredSignatures).Select(_ => new byte[Keypair.SignatureLength])]);
    }

    public static Transaction Deserialize(ReadOnlySpan<byte> data)
    {
        int offset = 0;
        int count = ShortVec.Read(data, ref offset);
        if (offset + (count * Keypair.SignatureLength) > data.Length)
        {
            throw new FormatException("The signatures run past the end of the transaction.");
        }

        var signatures = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            signatures[i] = data.Slice(offset, Keypair.SignatureLength).ToArray();
            offset += Keypair.SignatureLength;
        }

        int messageStart = offset;
        LegacyMessage message = LegacyMessage.Deserialize(data, ref offset);
        if (offset != data.Length)
        {
            throw new FormatException($"{data.Length - offset} bytes follow the message.");
        }

        if (count != message.RequiredSignatures)
        {
            throw new FormatException($"The transaction carries {count} signatures but its message requires {message.RequiredSignatures}.");
        }

        return new Transaction(message, data[messageStart..].ToArray(), signatures);
    }

    /// <summary>Returns whether every signature is its signer's valid signature of the message.</summary>
    public bool HasValidSignatures() =>
        Message.Signers.Select((signer, i) => signer.Verify(MessageBytes, Signatures[i])).All(valid => valid);

    public byte[] Serialize()
    {
        var output = new List<byte>(MaxSize);
        ShortVec.Write(output, Signatures.Count);
        foreach (byte[] signature in Signatures)
        {
            output.AddRange(signature);
        }

        output.AddRange(MessageBytes);
        return [.. output];
    }
}
