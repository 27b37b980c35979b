using Affiliates.Solana.Transactions;

namespace Affiliates.Solana.Tests.Transactions;

public sealed class ShortVecTests
{
    [Theory]
    [InlineData(0, "00")]
    [InlineData(5, "05")]
    [InlineData(0x7f, "7f")]
    [InlineData(0x80, "8001")]
    [InlineData(0xff, "ff01")]
    [InlineData(0x100, "8002")]
    [InlineData(0x7fff, "ffff01")]
    [InlineData(0xffff, "ffff03")]
    public void Vectors_WriteAndRead(int value, string hex)
    {
        var output = new List<byte>();
        ShortVec.Write(output, value);
        Assert.Equal(hex, Hex.Of([.. output]));
        Assert.Equal(output.Count, ShortVec.SizeOf(value));
        int offset = 0;
        Assert.Equal(value, ShortVec.Read(Hex.Bytes(hex), ref offset));
        Assert.Equal(output.Count, offset);
    }

    [Fact]
    public void Write_BeyondU16_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ShortVec.Write([], 0x10000));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShortVec.Write([], -1));
    }

    [Theory]
    [InlineData("80808001")]
    [InlineData("ffff07")]
    [InlineData("8000")]
    [InlineData("80")]
    [InlineData("")]
    public void Read_FourBytesAboveU16NonMinimalOrTruncated_IsRefused(string hex)
    {
        byte[] bytes = Hex.Bytes(hex);
        Assert.Throws<FormatException>(() =>
        {
            int offset = 0;
            return ShortVec.Read(bytes, ref offset);
        });
    }

    [FsCheck.Xunit.Property(MaxTest = 10_000)]
    public bool RoundTrips(ushort value)
    {
        var output = new List<byte>();
        ShortVec.Write(output, value);
        int offset = 0;
        return ShortVec.Read([.. output], ref offset) == value && offset == output.Count;
    }
}
