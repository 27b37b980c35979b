// Compiles the test contracts with solc-js into <Name>.bin (creation bytecode as hex). Run with build.sh.
const fs = require('fs');
const path = require('path');
const solc = require('solc');
const names = ['TestToken', 'OwnedWallet'];
const input = {
  language: 'Solidity',
  sources: Object.fromEntries(names.map(n => [`${n}.sol`, { content: fs.readFileSync(path.join(__dirname, `${n}.sol`), 'utf8') }])),
  settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: 'cancun', outputSelection: { '*': { '*': ['evm.bytecode.object'] } } },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter(e => e.severity === 'error');
if (errors.length > 0) {
  errors.forEach(e => console.error(e.formattedMessage));
  process.exit(1);
}
for (const n of names) {
  fs.writeFileSync(path.join(__dirname, `${n}.bin`), output.contracts[`${n}.sol`][n].evm.bytecode.object + '\n');
}
console.error(`compiled with solc ${solc.version()}`);
