// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A minimal EIP-1271 smart-contract wallet: a signature is valid when its owner key signed the hash. An invalid
/// signature reverts, as many real wallets do, so that the tests cover both answers a verifier can get.
contract OwnedWallet {
    address public immutable owner;

    constructor(address walletOwner) {
        owner = walletOwner;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        require(signature.length == 65, "length");
        bytes32 r = bytes32(signature[0:32]);
        bytes32 s = bytes32(signature[32:64]);
        uint8 v = uint8(signature[64]);
        require(ecrecover(hash, v, r, s) == owner, "bad signature");
        return 0x1626ba7e;
    }
}
