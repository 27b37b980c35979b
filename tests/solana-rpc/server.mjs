// A local Solana JSON-RPC server over litesvm, for the Affiliates.Solana tests and `.ci/solana.sh`.
//
//   node server.mjs [--port N] [--modules DIR]      prints "listening on http://127.0.0.1:PORT" when ready
//
// Every URL path is its own chain (a fresh LiteSVM on first use): POST http://127.0.0.1:PORT/<any-name>. Tests give
// each case its own path, so cases never see each other's accounts or faults.
//
// Standard methods served: getHealth, getVersion, getSlot, getBlockHeight, getLatestBlockhash, isBlockhashValid,
// getBalance, getAccountInfo, getMultipleAccounts, getMinimumBalanceForRentExemption, getTokenAccountBalance,
// requestAirdrop, sendTransaction, simulateTransaction, getSignatureStatuses, getTransaction,
// getSignaturesForAddress, getFeeForMessage.
//
// Block heights: this server, not litesvm, owns the chain's clock. Every landed transaction takes one block (slot =
// block height, no skipped slots) and `litesvm_advanceBlocks` moves on without transactions. Each block has its own
// blockhash, valid for 150 blocks like mainnet's; litesvm's own single-blockhash check is off and this server checks
// instead, answering BlockhashNotFound exactly when the height passed the hash's lastValidBlockHeight. A transaction
// is "confirmed" in the block it landed in and "finalized" 32 blocks later; reads at commitment "finalized" (the
// default, as on a real node) see the block height and latest blockhash of 32 blocks ago.
//
// Test controls (not part of Solana's API):
//   litesvm_setAccount [address, {lamports, data: [b64, "base64"], owner, executable?}]   plant any account
//   litesvm_advanceBlocks [n]                   move the chain on n blocks
//   litesvm_dropNextSends [n]                   the next n sendTransaction calls answer a signature but never land
//   litesvm_failNextRequests [n, httpStatus]    the next n HTTP requests on this chain answer that status, unprocessed
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const modules = option('--modules', process.env.AFFILIATES_SOLANA_MODULES || dirname(fileURLToPath(import.meta.url)));
const { LiteSvm, Account, TransactionMetadata } = createRequire(join(modules, 'package.json'))('litesvm/dist/internal');

const BLOCKHASH_LIFETIME = 150n;
const FINALIZED_DEPTH = 32n;
const LAMPORTS_PER_SIGNATURE = 5000n;
const TOKEN_PROGRAMS = new Set(['TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA', 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb']);
const MEMO_PROGRAMS = new Set(['MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr', 'Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo']);
const COMPUTE_BUDGET = 'ComputeBudget111111111111111111111111111111';

// ---- Base58 (Bitcoin alphabet) -------------------------------------------------------------------------------------
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function b58encode(bytes) {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = '';
  while (n > 0n) {
    out = ALPHABET[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = '1' + out;
  }
  return out;
}
function b58decode(text) {
  if (typeof text !== 'string') throw new RpcError(-32602, 'Invalid param: expected a base58 string');
  let n = 0n;
  for (const c of text) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) throw new RpcError(-32602, `Invalid param: Invalid`);
    n = n * 58n + BigInt(v);
  }
  const bytes = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  for (const c of text) {
    if (c !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}
function pubkey(text) {
  const bytes = b58decode(text);
  if (bytes.length !== 32) throw new RpcError(-32602, 'Invalid param: WrongSize');
  return bytes;
}

class RpcError extends Error {
  constructor(code, message, data) {
    super(message);
    this.code = code;
    this.data = data;
  }
}

// ---- Wire format -------------------------------------------------------------------------------------------------
function readShortVec(bytes, at) {
  let value = 0;
  for (let i = 0; i < 3; i++) {
    const b = bytes[at.offset++];
    if (b === undefined) throw new Error('truncated');
    value |= (b & 0x7f) << (7 * i);
    if ((b & 0x80) === 0) return value;
  }
  throw new Error('bad shortvec');
}
function parseTransaction(bytes) {
  const at = { offset: 0 };
  const signatureCount = readShortVec(bytes, at);
  const signatures = [];
  for (let i = 0; i < signatureCount; i++) {
    signatures.push(bytes.slice(at.offset, at.offset + 64));
    at.offset += 64;
  }
  const messageStart = at.offset;
  const versioned = (bytes[at.offset] & 0x80) !== 0;
  if (versioned) at.offset++;
  const header = [bytes[at.offset], bytes[at.offset + 1], bytes[at.offset + 2]];
  at.offset += 3;
  const keyCount = readShortVec(bytes, at);
  const keys = [];
  for (let i = 0; i < keyCount; i++) {
    keys.push(b58encode(bytes.slice(at.offset, at.offset + 32)));
    at.offset += 32;
  }
  const blockhash = b58encode(bytes.slice(at.offset, at.offset + 32));
  at.offset += 32;
  const instructionCount = readShortVec(bytes, at);
  const instructions = [];
  for (let i = 0; i < instructionCount; i++) {
    const program = bytes[at.offset++];
    const accounts = Array.from(bytes.slice(at.offset, at.offset + readShortVec(bytes, at)));
    at.offset += accounts.length;
    const length = readShortVec(bytes, at);
    const data = bytes.slice(at.offset, at.offset + length);
    at.offset += length;
    instructions.push({ program, accounts, data });
  }
  if (at.offset > bytes.length || signatureCount === 0) throw new Error('truncated');
  return { signatures, header, keys, blockhash, instructions, versioned, message: bytes.slice(messageStart) };
}

// ---- litesvm errors: napi const enums carry no names at run time, so the names are written out here ---------------
const TRANSACTION_ERRORS = ['AccountInUse', 'AccountLoadedTwice', 'AccountNotFound', 'ProgramAccountNotFound',
  'InsufficientFundsForFee', 'InvalidAccountForFee', 'AlreadyProcessed', 'BlockhashNotFound', 'CallChainTooDeep',
  'MissingSignatureForFee', 'InvalidAccountIndex', 'SignatureFailure', 'InvalidProgramForExecution', 'SanitizeFailure',
  'ClusterMaintenance', 'AccountBorrowOutstanding', 'WouldExceedMaxBlockCostLimit', 'UnsupportedVersion',
  'InvalidWritableAccount', 'WouldExceedMaxAccountCostLimit', 'WouldExceedAccountDataBlockLimit', 'TooManyAccountLocks',
  'AddressLookupTableNotFound', 'InvalidAddressLookupTableOwner', 'InvalidAddressLookupTableData',
  'InvalidAddressLookupTableIndex', 'InvalidRentPayingAccount', 'WouldExceedMaxVoteCostLimit',
  'WouldExceedAccountDataTotalLimit', 'MaxLoadedAccountsDataSizeExceeded', 'ResanitizationNeeded',
  'InvalidLoadedAccountsDataSizeLimit', 'UnbalancedTransaction', 'ProgramCacheHitMaxLimit', 'CommitCancelled'];
const INSTRUCTION_ERRORS = ['GenericError', 'InvalidArgument', 'InvalidInstructionData', 'InvalidAccountData',
  'AccountDataTooSmall', 'InsufficientFunds', 'IncorrectProgramId', 'MissingRequiredSignature',
  'AccountAlreadyInitialized', 'UninitializedAccount', 'UnbalancedInstruction', 'ModifiedProgramId',
  'ExternalAccountLamportSpend', 'ExternalAccountDataModified', 'ReadonlyLamportChange', 'ReadonlyDataModified',
  'DuplicateAccountIndex', 'ExecutableModified', 'RentEpochModified', 'NotEnoughAccountKeys', 'AccountDataSizeChanged',
  'AccountNotExecutable', 'AccountBorrowFailed', 'AccountBorrowOutstanding', 'DuplicateAccountOutOfSync', 'InvalidError',
  'ExecutableDataModified', 'ExecutableLamportChange', 'ExecutableAccountNotRentExempt', 'UnsupportedProgramId',
  'CallDepth', 'MissingAccount', 'ReentrancyNotAllowed', 'MaxSeedLengthExceeded', 'InvalidSeeds', 'InvalidRealloc',
  'ComputationalBudgetExceeded', 'PrivilegeEscalation', 'ProgramEnvironmentSetupFailure', 'ProgramFailedToComplete',
  'ProgramFailedToCompile', 'Immutable', 'IncorrectAuthority', 'AccountNotRentExempt', 'InvalidAccountOwner',
  'ArithmeticOverflow', 'UnsupportedSysvar', 'IllegalOwner', 'MaxAccountsDataAllocationsExceeded', 'MaxAccountsExceeded',
  'MaxInstructionTraceLengthExceeded', 'BuiltinProgramsMustConsumeComputeUnits', 'BorshIoError'];
const TRANSACTION_ERROR_TEXT = {
  AccountNotFound: 'Attempt to debit an account but found no record of a prior credit.',
  InsufficientFundsForFee: 'Insufficient funds for fee',
  AlreadyProcessed: 'This transaction has already been processed',
  BlockhashNotFound: 'Blockhash not found',
  SignatureFailure: 'Transaction did not pass signature verification',
};

// Turns litesvm's error into the JSON the RPC uses ("BlockhashNotFound", {"InstructionError":[0,{"Custom":1}]}).
function errorJson(err) {
  if (typeof err === 'number') return TRANSACTION_ERRORS[err] ?? `TransactionError${err}`;
  if (err && typeof err.err === 'function') {
    const inner = err.err();
    if (typeof inner === 'number') return { InstructionError: [err.index, INSTRUCTION_ERRORS[inner] ?? `InstructionError${inner}`] };
    if (inner && typeof inner.code === 'number') return { InstructionError: [err.index, { Custom: inner.code }] };
    if (inner && typeof inner.msg === 'string') return { InstructionError: [err.index, { BorshIoError: inner.msg }] };
  }
  if (err && typeof err.accountIndex === 'number') {
    return err.constructor.name.includes('Rent')
      ? { InsufficientFundsForRent: { account_index: err.accountIndex } }
      : { ProgramExecutionTemporarilyRestricted: { account_index: err.accountIndex } };
  }
  if (err && typeof err.index === 'number') return { DuplicateInstruction: err.index };
  return String(err);
}
function errorText(json) {
  if (typeof json === 'string') return TRANSACTION_ERROR_TEXT[json] ?? json;
  if (json.InstructionError) {
    const [index, e] = json.InstructionError;
    const what = typeof e === 'string' ? e : e.Custom !== undefined ? `custom program error: 0x${e.Custom.toString(16)}` : JSON.stringify(e);
    return `Error processing Instruction ${index}: ${what}`;
  }
  return JSON.stringify(json);
}

// ---- One chain ----------------------------------------------------------------------------------------------------
class Chain {
  constructor(name) {
    this.name = name;
    this.svm = new LiteSvm();
    this.svm.setBlockhashCheck(false);
    this.height = 1n;
    this.svm.warpToSlot(this.height);
    this.blockhashes = new Map(); // blockhash -> height it was the latest at
    this.history = new Map(); // signature -> { slot, bytes, err, fee, preBalances, postBalances, ... }
    this.byAddress = new Map(); // address -> [signature], oldest first
    this.dropSends = 0;
    this.failRequests = { count: 0, status: 503 };
  }

  blockhashAt(height) {
    const hash = b58encode(createHash('sha256').update(`affiliates-litesvm:${this.name}:${height}`).digest());
    if (!this.blockhashes.has(hash)) this.blockhashes.set(hash, height);
    return hash;
  }

  // The newest block at a commitment: finalized blocks trail the tip by 32.
  heightAt(config) {
    const finalized = (config?.commitment ?? 'finalized') === 'finalized';
    return finalized ? (this.height > FINALIZED_DEPTH ? this.height - FINALIZED_DEPTH : 0n) : this.height;
  }

  latestBlockhash(config) {
    const height = this.heightAt(config);
    return { blockhash: this.blockhashAt(height), lastValidBlockHeight: Number(height + BLOCKHASH_LIFETIME) };
  }

  blockhashValid(hash) {
    const issued = this.blockhashes.get(hash);
    return issued !== undefined && this.height <= issued + BLOCKHASH_LIFETIME;
  }

  advance(blocks) {
    this.height += BigInt(blocks);
    this.svm.warpToSlot(this.height);
  }

  context() {
    return { slot: Number(this.height), apiVersion: '2.2.0' };
  }

  balance(address) {
    return this.svm.getBalance(pubkey(address)) ?? 0n;
  }

  tokenBalances(keys) {
    const out = [];
    keys.forEach((key, accountIndex) => {
      const account = this.svm.getAccount(pubkey(key));
      if (!account || !TOKEN_PROGRAMS.has(b58encode(account.owner())) || account.data().length < 165) return;
      const data = account.data();
      const mint = b58encode(data.slice(0, 32));
      const mintAccount = this.svm.getAccount(data.slice(0, 32));
      const decimals = mintAccount ? mintAccount.data()[44] : 0;
      out.push({
        accountIndex,
        mint,
        owner: b58encode(data.slice(32, 64)),
        programId: b58encode(account.owner()),
        uiTokenAmount: uiAmount(readU64(data, 64), decimals),
      });
    });
    return out;
  }

  fee(tx) {
    let fee = LAMPORTS_PER_SIGNATURE * BigInt(tx.signatures.length);
    let price = 0n;
    let limit = 200000n * BigInt(tx.instructions.filter((ix) => tx.keys[ix.program] !== COMPUTE_BUDGET).length);
    for (const ix of tx.instructions) {
      if (tx.keys[ix.program] !== COMPUTE_BUDGET) continue;
      if (ix.data[0] === 2) limit = BigInt(readU32(ix.data, 1));
      if (ix.data[0] === 3) price = readU64(ix.data, 1);
    }
    return fee + (price * limit + 999999n) / 1000000n;
  }

  // Lands the transaction, or throws the RPC error a validator's preflight would give.
  send(base64, config = {}) {
    const bytes = decodeWire(base64, config.encoding);
    const tx = parseOrThrow(bytes);
    const signature = b58encode(tx.signatures[0]);
    if (this.dropSends > 0) {
      this.dropSends--;
      return signature;
    }
    if (this.history.has(signature)) {
      if (!config.skipPreflight) throw preflightFailure('AlreadyProcessed');
      return signature;
    }
    if (!this.blockhashValid(tx.blockhash)) {
      if (!config.skipPreflight) throw preflightFailure('BlockhashNotFound');
      return signature; // a validator drops it: it never lands and its status stays unknown
    }
    if (!config.skipPreflight) {
      const simulated = this.simulateBytes(bytes, tx);
      if (simulated.err !== null) throw preflightFailure(simulated.err, simulated.logs, simulated.unitsConsumed);
    }
    const preBalances = tx.keys.map((k) => Number(this.balance(k)));
    const preTokenBalances = this.tokenBalances(tx.keys);
    const result = tx.versioned ? this.svm.sendVersionedTransaction(bytes) : this.svm.sendLegacyTransaction(bytes);
    const ok = result instanceof TransactionMetadata;
    const meta = ok ? result : result.meta();
    const err = ok ? null : errorJson(result.err());
    if (err === 'AlreadyProcessed' || err === 'SignatureFailure' || err === 'SanitizeFailure' || err === 'AccountNotFound' || err === 'InsufficientFundsForFee') {
      // Refused before execution: nothing lands, no fee (what skipPreflight sends of these get on a real cluster).
      return signature;
    }
    const record = {
      slot: this.height,
      bytes,
      tx,
      err,
      fee: err === null ? this.fee(tx) : BigInt(preBalances[0]) - this.balance(tx.keys[0]),
      preBalances,
      postBalances: tx.keys.map((k) => Number(this.balance(k))),
      preTokenBalances,
      postTokenBalances: this.tokenBalances(tx.keys),
      logs: meta.logs(),
      unitsConsumed: Number(meta.computeUnitsConsumed()),
      blockTime: Math.floor(Date.now() / 1000),
    };
    this.history.set(signature, record);
    for (const key of new Set(tx.keys)) {
      if (!this.byAddress.has(key)) this.byAddress.set(key, []);
      this.byAddress.get(key).push(signature);
    }
    this.advance(1);
    return signature;
  }

  simulateBytes(bytes, tx) {
    if (!this.blockhashValid(tx.blockhash)) return { err: 'BlockhashNotFound', logs: [], unitsConsumed: 0 };
    if (this.history.has(b58encode(tx.signatures[0]))) return { err: 'AlreadyProcessed', logs: [], unitsConsumed: 0 };
    const result = tx.versioned ? this.svm.simulateVersionedTransaction(bytes) : this.svm.simulateLegacyTransaction(bytes);
    const failed = !(typeof result.postAccounts === 'function');
    const meta = result.meta();
    return {
      err: failed ? errorJson(result.err()) : null,
      logs: meta.logs(),
      unitsConsumed: Number(meta.computeUnitsConsumed()),
      returnData: null,
      accounts: null,
    };
  }

  status(signature) {
    const record = this.history.get(signature);
    if (!record) return null;
    const depth = this.height - record.slot;
    const finalized = depth >= FINALIZED_DEPTH;
    return {
      slot: Number(record.slot),
      confirmations: finalized ? null : Number(depth),
      err: record.err,
      status: record.err === null ? { Ok: null } : { Err: record.err },
      confirmationStatus: finalized ? 'finalized' : 'confirmed',
    };
  }
}

function readU64(data, offset) {
  let v = 0n;
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(data[offset + i]);
  return v;
}
function readU32(data, offset) {
  return data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16) | (data[offset + 3] * 2 ** 24);
}
function uiAmount(amount, decimals) {
  const text = amount.toString().padStart(decimals + 1, '0');
  const whole = text.slice(0, text.length - decimals);
  const fraction = text.slice(text.length - decimals).replace(/0+$/, '');
  const uiAmountString = fraction ? `${whole}.${fraction}` : whole;
  return { amount: amount.toString(), decimals, uiAmount: Number(uiAmountString), uiAmountString };
}
function decodeWire(text, encoding) {
  if (typeof text !== 'string') throw new RpcError(-32602, 'Invalid params: expected an encoded transaction string');
  if (encoding === 'base64') return Uint8Array.from(Buffer.from(text, 'base64'));
  if (encoding === undefined || encoding === 'base58') return b58decode(text);
  throw new RpcError(-32602, `Invalid params: unsupported encoding ${encoding}`);
}
function parseOrThrow(bytes) {
  try {
    return parseTransaction(bytes);
  } catch (e) {
    throw new RpcError(-32602, `invalid transaction: failed to deserialize solana_transaction::versioned::VersionedTransaction: ${e.message}`);
  }
}
function preflightFailure(err, logs = [], unitsConsumed = 0) {
  return new RpcError(-32002, `Transaction simulation failed: ${errorText(err)}`, {
    accounts: null,
    err,
    innerInstructions: null,
    logs,
    replacementBlockhash: null,
    returnData: null,
    unitsConsumed,
  });
}
function memoField(tx) {
  const memos = tx.instructions
    .filter((ix) => MEMO_PROGRAMS.has(tx.keys[ix.program]))
    .map((ix) => `[${ix.data.length}] ${Buffer.from(ix.data).toString('utf8')}`);
  return memos.length ? memos.join('; ') : null;
}
function encodeAccount(account, encoding) {
  if (!account) return null;
  if (encoding !== undefined && encoding !== 'base64') throw new RpcError(-32602, `Invalid params: unsupported encoding ${encoding}; use base64`);
  const data = account.data();
  return {
    data: [Buffer.from(data).toString('base64'), 'base64'],
    executable: account.executable(),
    lamports: Number(account.lamports()),
    owner: b58encode(account.owner()),
    rentEpoch: account.rentEpoch(),
    space: data.length,
  };
}

// ---- Methods ------------------------------------------------------------------------------------------------------
const methods = {
  getHealth: () => 'ok',
  getVersion: () => ({ 'solana-core': '2.2.0-litesvm', 'feature-set': 0 }),
  getSlot: (c, [config]) => Number(c.heightAt(config)),
  getBlockHeight: (c, [config]) => Number(c.heightAt(config)),
  getLatestBlockhash: (c, [config]) => ({ context: c.context(), value: c.latestBlockhash(config) }),
  isBlockhashValid: (c, [hash]) => ({ context: c.context(), value: c.blockhashValid(hash) }),
  getBalance: (c, [address]) => ({ context: c.context(), value: Number(c.balance(address)) }),
  getAccountInfo: (c, [address, config = {}]) => ({ context: c.context(), value: encodeAccount(c.svm.getAccount(pubkey(address)), config.encoding) }),
  getMultipleAccounts: (c, [addresses, config = {}]) => ({
    context: c.context(),
    value: addresses.map((a) => encodeAccount(c.svm.getAccount(pubkey(a)), config.encoding)),
  }),
  getMinimumBalanceForRentExemption: (c, [length]) => Number(c.svm.minimumBalanceForRentExemption(BigInt(length))),
  getTokenAccountBalance: (c, [address]) => {
    const account = c.svm.getAccount(pubkey(address));
    if (!account || !TOKEN_PROGRAMS.has(b58encode(account.owner())) || account.data().length < 165) {
      throw new RpcError(-32602, 'Invalid param: not a Token account');
    }
    const data = account.data();
    const mint = c.svm.getAccount(data.slice(0, 32));
    if (!mint) throw new RpcError(-32602, 'Invalid param: could not find mint');
    return { context: c.context(), value: uiAmount(readU64(data, 64), mint.data()[44]) };
  },
  requestAirdrop: (c, [address, lamports]) => {
    const result = c.svm.airdrop(pubkey(address), BigInt(lamports));
    if (!(result instanceof TransactionMetadata)) throw new RpcError(-32603, `airdrop failed: ${result?.toString()}`);
    const signature = b58encode(result.signature());
    c.history.set(signature, { slot: c.height, err: null, airdrop: true });
    c.advance(1);
    return signature;
  },
  sendTransaction: (c, [wire, config = {}]) => c.send(wire, config),
  simulateTransaction: (c, [wire, config = {}]) => {
    const bytes = decodeWire(wire, config.encoding);
    const tx = parseOrThrow(bytes);
    if (config.sigVerify && config.replaceRecentBlockhash) {
      throw new RpcError(-32602, 'sigVerify may not be used with replaceRecentBlockhash');
    }
    return { context: c.context(), value: c.simulateBytes(bytes, tx) };
  },
  getSignatureStatuses: (c, [signatures]) => {
    if (!Array.isArray(signatures) || signatures.length > 256) throw new RpcError(-32602, 'Invalid params: at most 256 signatures');
    return { context: c.context(), value: signatures.map((s) => c.status(s)) };
  },
  getTransaction: (c, [signature, config = {}]) => {
    if (config.commitment === 'processed') throw new RpcError(-32602, 'Method does not support commitment below `confirmed`');
    const record = c.history.get(signature);
    if (!record || record.airdrop) return null;
    if (config.encoding !== 'base64') throw new RpcError(-32602, 'Invalid params: this test server serves getTransaction with encoding base64 only');
    return {
      slot: Number(record.slot),
      blockTime: record.blockTime,
      version: record.tx.versioned ? 0 : 'legacy',
      transaction: [Buffer.from(record.bytes).toString('base64'), 'base64'],
      meta: {
        err: record.err,
        status: record.err === null ? { Ok: null } : { Err: record.err },
        fee: Number(record.fee),
        preBalances: record.preBalances,
        postBalances: record.postBalances,
        preTokenBalances: record.preTokenBalances,
        postTokenBalances: record.postTokenBalances,
        logMessages: record.logs,
        innerInstructions: [],
        rewards: [],
        loadedAddresses: { writable: [], readonly: [] },
        computeUnitsConsumed: record.unitsConsumed,
      },
    };
  },
  getSignaturesForAddress: (c, [address, config = {}]) => {
    pubkey(address);
    const limit = config.limit ?? 1000;
    if (limit < 1 || limit > 1000) throw new RpcError(-32602, 'Invalid limit; max 1000');
    let list = [...(c.byAddress.get(address) ?? [])].reverse();
    if (config.before) {
      const i = list.indexOf(config.before);
      list = i >= 0 ? list.slice(i + 1) : list;
    }
    if (config.until) {
      const i = list.indexOf(config.until);
      list = i >= 0 ? list.slice(0, i) : list;
    }
    return list.slice(0, limit).map((signature) => {
      const record = c.history.get(signature);
      return {
        signature,
        slot: Number(record.slot),
        err: record.err,
        memo: memoField(record.tx),
        blockTime: record.blockTime,
        confirmationStatus: c.status(signature).confirmationStatus,
      };
    });
  },
  getFeeForMessage: (c, [message]) => {
    const bytes = Buffer.from(message, 'base64');
    const signatures = bytes[0] & 0x80 ? bytes[1] : bytes[0];
    return { context: c.context(), value: Number(LAMPORTS_PER_SIGNATURE) * signatures };
  },
  litesvm_setAccount: (c, [address, account]) => {
    const data = account.data ? Buffer.from(Array.isArray(account.data) ? account.data[0] : account.data, 'base64') : Buffer.alloc(0);
    c.svm.setAccount(pubkey(address), new Account(BigInt(account.lamports), Uint8Array.from(data), pubkey(account.owner), !!account.executable, 0n));
    return null;
  },
  litesvm_advanceBlocks: (c, [blocks]) => {
    if (!Number.isInteger(blocks) || blocks < 0) throw new RpcError(-32602, 'Invalid params: blocks must be a non-negative integer');
    c.advance(blocks);
    return Number(c.height);
  },
  litesvm_dropNextSends: (c, [count]) => {
    c.dropSends = count;
    return null;
  },
  litesvm_failNextRequests: (c, [count, status = 503]) => {
    c.failRequests = { count, status };
    return null;
  },
};

// ---- HTTP ---------------------------------------------------------------------------------------------------------
const chains = new Map();
function chainFor(url) {
  const name = (url.split('?')[0] || '/').replace(/^\/+|\/+$/g, '') || 'default';
  if (!chains.has(name)) chains.set(name, new Chain(name));
  return chains.get(name);
}

function handle(chain, request) {
  const id = request?.id ?? null;
  if (!request || request.jsonrpc !== '2.0' || typeof request.method !== 'string') {
    return { jsonrpc: '2.0', id, error: { code: -32600, message: 'Invalid request' } };
  }
  const method = methods[request.method];
  if (!method) return { jsonrpc: '2.0', id, error: { code: -32601, message: 'Method not found' } };
  try {
    const params = request.params ?? [];
    if (!Array.isArray(params)) throw new RpcError(-32602, 'Invalid params: expected an array');
    return { jsonrpc: '2.0', id, result: method(chain, params) };
  } catch (e) {
    if (e instanceof RpcError) {
      return { jsonrpc: '2.0', id, error: e.data === undefined ? { code: e.code, message: e.message } : { code: e.code, message: e.message, data: e.data } };
    }
    return { jsonrpc: '2.0', id, error: { code: -32603, message: `Internal error: ${e.message}` } };
  }
}

const json = (value) => JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? (v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : `__big__${v}`) : v))
  .replace(/"__big__(\d+)"/g, '$1');

const server = createServer((req, res) => {
  if (req.method !== 'POST') {
    res.writeHead(405, { 'content-type': 'text/plain' }).end('POST JSON-RPC requests');
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const chain = chainFor(req.url);
    if (chain.failRequests.count > 0) {
      chain.failRequests.count--;
      res.writeHead(chain.failRequests.status, { 'content-type': 'text/plain' }).end('injected failure');
      return;
    }
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(200, { 'content-type': 'application/json' }).end(json({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }));
      return;
    }
    const answer = Array.isArray(body) ? body.map((r) => handle(chain, r)) : handle(chain, body);
    res.writeHead(200, { 'content-type': 'application/json' }).end(json(answer));
  });
});

const port = Number(option('--port', '0'));
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
