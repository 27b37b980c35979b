namespace Affiliates.Addresses;

/// <summary>Why a text is not an address of a codec's family.</summary>
public enum AddressError
{
    /// <summary>Not set; a parse never returns it.</summary>
    Unknown = 0,

    /// <summary>The text is an address: nothing is wrong.</summary>
    None,

    /// <summary>The text is null, empty or only white space.</summary>
    Empty,

    /// <summary>The text has a character outside the family's alphabet (hex, Base58), or surrounding white space.</summary>
    BadCharacter,

    /// <summary>The text decodes to the wrong number of bytes.</summary>
    BadLength,

    /// <summary>The checksum (EIP-55 case, SS58 Blake2b) does not match.</summary>
    BadChecksum,

    /// <summary>The address belongs to another network (an SS58 prefix other than the expected one).</summary>
    WrongNetwork,
}
