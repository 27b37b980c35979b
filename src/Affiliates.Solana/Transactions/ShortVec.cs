namespace Affiliates.Solana.Transactions;

/// <summary>Solana's compact-u16 length prefix: seven bits a byte, low group first, high bit set when more follow; at most three bytes.</summary>
internal static class ShortVec
{
    public const int MaxValue = 0xFFFF;

    public static int SizeOf(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        return value < 0x80 ? 1 : value < 0x4000 ? 2 : 3;
    }

    public static void Write(List<byte> output, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxValue);
        int rest = value;
        while (true)
        {
            int low = rest & 0x7F;
            rest >>= 7;
            if (rest == 0)
            {
                output.Add((byte)low);
                return;
            }

            output.Add((byte)(low | 0x80));
        }
    }

    /// <summary>Reads a length at <paramref name="offset"/>, advancing it; rejects a fourth byte, values above u16 and non-minimal forms, as Solana's decoder does.</summary>
    public static int Read(ReadOnlySpan<byte> input, ref int offset)
    {
        int value = 0;
        for (int i = 0; i < 3; i++)
        {
            if (offset >= input.Length)
            {
                throw new FormatException("A compact-u16 length runs past the end of the data.");
            }

            byte b = input[offset++];
            value |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                if (i > 0 && b == 0)
                {
                    throw new FormatException("A compact-u16 length is not in its shortest form.");
                }

                if (value > MaxValue)
                {
                    throw new FormatException($"A compact-u16 length is above {MaxValue}.");
                }

                return value;
            }

            if (i == 2)
            {
                break;
            }
        }

        throw new FormatException("A compact-u16 length has more than three bytes.");
    }
}
