using Affiliates.Solana.Keys;

namespace Affiliates.Solana.Transactions;

/// <summary>A legacy (unversioned) transaction message: the bytes every signature signs.</summary>
/// <remarks>
/// Accounts are merged (signer and writable are the OR of every use), the fee payer comes first, then writable
/// signers, read-only signers, writable non-signers and read-only non-signers, each group in order of first use, as
/// web3.js's <c>CompiledKeys</c> orders them.
/// </remarks>
internal sealed class LegacyMessage
{
    public const int BlockhashLength = 32;

    private LegacyMessage(byte requiredSignatures, byte readonlySigned, byte readonlyUnsigned, IReadOnlyList<PublicKey> accountKeys, string recentBlockhash, IReadOnlyList<CompiledInstruction> instructions)
    {
        RequiredSignatures = requiredSignatures;
        ReadonlySigned = readonlySigned;
        ReadonlyUnsigned = readonlyUnsigned;
        AccountKeys = accountKeys;
        RecentBlockhash = recentBlockhash;
        Instructions = instructions;
    }

    public byte RequiredSignatures { get; }

    public byte ReadonlySigned { get; }

    public byte ReadonlyUnsigned { get; }

    public IReadOnlyList<PublicKey> AccountKeys { get; }

    public string RecentBlockhash { get; }

    public IReadOnlyList<CompiledInstruction> Instructions { get; }

    /// <summary>Gets the accounts that must sign, in signature order (the fee payer first).</summary>
    public IEnumerable<PublicKey> Signers => AccountKeys.Take(RequiredSignatures);

    public static LegacyMessage Compile(PublicKey feePayer, string recentBlockhash, IReadOnlyList<TransactionInstruction> instructions)
    {
        ArgumentNullException.ThrowIfNull(feePayer);
        ArgumentNullException.ThrowIfNull(recentBlockhash);
        ArgumentNullException.ThrowIfNull(instructions);
        Base58Text.DecodeExactly(recentBlockhash, BlockhashLength, "blockhash");
        if (instructions.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one instruction.", nameof(instructions));
        }

        var order = new List<PublicKey> { feePayer };
        var uses = new Dictionary<PublicKey, (bool Signer, bool Writable)> { [feePayer] = (true, true) };
        void Use(PublicKey key, bool signer, bool writable)
        {
            if (uses.TryGetValue(key, out var use))
            {
                uses[key] = (use.Signer || signer, use.Writable || writable);
            }
            else
            {
                order.Add(key);
                uses[key] = (signer, writable);
            }
        }

        foreach (TransactionInstruction instruction in instructions)
        {
            Use(instruction.ProgramId, signer: false, writable: false);
            foreach (AccountMeta meta in instruction.Keys)
            {
                Use(meta.PublicKey, meta.IsSigner, meta.IsWritable);
            }
        }

        PublicKey[] keys =
        [
            .. order.Where(k => uses[k] is (true, true)),
            .. order.Where(k => uses[k] is (true, false)),
            .. order.Where(k => uses[k] is (false, true)),
            .. order.Where(k => uses[k] is (false, false)),
        ];
        if (keys.Length > 256)
        {
            throw new ArgumentException($"A legacy message holds at most 256 accounts; these instructions use {keys.Length}.", nameof(instructions));
        }

        var index = new Dictionary<PublicKey, byte>();
        for (int i = 0; i < keys.Length; i++)
        {
            index[keys[i]] = (byte)i;
        }

        var compiled = instructions
            .Select(ix => new CompiledInstruction(index[ix.ProgramId], [.. ix.Keys.Select(m => index[m.PublicKey])], ix.Data))
            .ToArray();
        return new LegacyMessage(
            (byte)uses.Values.Count(u => u.Signer),
            (byte)uses.Values.Count(u => u is (true, false)),
            (byte)uses.Values.Count(u => u is (false, false)),
            keys,
            recentBlockhash,
            compiled);
    }

    public static LegacyMessage Deserialize(ReadOnlySpan<byte> data, ref int offset)
    {
        if (offset + 3 > data.Length)
        {
            throw new FormatException("The message header runs past the end of the data.");
        }

        if ((data[offset] & 0x80) != 0)
        {
            throw new FormatException($"The message is versioned (version {data[offset] & 0x7F}), not legacy.");
        }

        byte required = data[offset++];
        byte readonlySigned = data[offset++];
        byte readonlyUnsigned = data[offset++];
        int keyCount = ShortVec.Read(data, ref offset);
        var keys = new PublicKey[keyCount];
        for (int i = 0; i < keyCount; i++)
        {
            keys[i] = new PublicKey(Take(data, ref offset, PublicKey.PublicKeyLength));
        }

        string blockhash = Base58Text.Encode(Take(data, ref offset, BlockhashLength));
        int instructionCount = ShortVec.Read(data, ref offset);
        var instructions = new CompiledInstruction[instructionCount];
        for (int i = 0; i < instructionCount; i++)
        {
            byte program = Take(data, ref offset, 1)[0];
            byte[] accounts = Take(data, ref offset, ShortVec.Read(data, ref offset)).ToArray();
            byte[] instructionData = Take(data, ref offset, ShortVec.Read(data, ref offset)).ToArray();
            if (program >= keyCount || accounts.Any(a => a >= keyCount))
            {
                throw new FormatException($"Instruction {i} names an account index beyond the {keyCount} keys.");
            }

            instructions[i] = new CompiledInstruction(program, accounts, instructionData);
        }

        if (required > keyCount || readonlySigned > required || readonlyUnsigned > keyCount - required)
        {
            throw new FormatException("The message header counts do not fit its keys.");
        }

        return new LegacyMessage(required, readonlySigned, readonlyUnsigned, keys, blockhash, instructions);
    }

    /// <summary>Returns whether the account at <paramref name="index"/> is writable under the header's counts.</summary>
    public bool IsWritable(int index) =>
        index < RequiredSignatures ? index < RequiredSignatures - ReadonlySigned : index < AccountKeys.Count - ReadonlyUnsigned;

    public byte[] Serialize()
    {
        var output = new List<byte>(256) { RequiredSignatures, ReadonlySigned, ReadonlyUnsigned };
        ShortVec.Write(output, AccountKeys.Count);
        foreach (PublicKey key in AccountKeys)
        {
            output.AddRange(key.Span);
        }

        output.AddRange(Base58Text.DecodeExactly(RecentBlockhash, BlockhashLength, "blockhash"));
        ShortVec.Write(output, Instructions.Count);
        foreach (CompiledInstruction instruction in Instructions)
        {
            output.Add(instruction.ProgramIdIndex);
            ShortVec.Write(output, instruction.AccountIndexes.Length);
            output.AddRange(instruction.AccountIndexes);
            ShortVec.Write(output, instruction.Data.Length);
            output.AddRange(instruction.Data);
        }

        return [.. output];
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, ref int offset, int length)
    {
        if (offset + length > data.Length)
        {
            throw new FormatException("The message runs past the end of the data.");
        }

        ReadOnlySpan<byte> slice = data.Slice(offset, length);
        offset += length;
        return slice;
    }
}
