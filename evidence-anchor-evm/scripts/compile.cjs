// Compiles solidity/*.sol with the pinned solc npm package into <out>/<Contract>.json {abi, bytecode, solc}.
// evmVersion london: accepted by consortium EVMs that lag mainnet (no PUSH0). Usage: node compile.cjs <outDir>
const fs = require('fs');
const path = require('path');
const solc = require('solc');

const outDir = process.argv[2];
const sourceDir = path.join(__dirname, '..', 'solidity');
const sources = {};
for (const file of fs.readdirSync(sourceDir).filter(f => f.endsWith('.sol'))) {
  sources[file] = { content: fs.readFileSync(path.join(sourceDir, file), 'utf8') };
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: 'london',
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors || []).filter(e => e.severity === 'error');
for (const e of output.errors || []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);
fs.mkdirSync(outDir, { recursive: true });
for (const [file, contracts] of Object.entries(output.contracts)) {
  for (const [name, c] of Object.entries(contracts)) {
    const artefact = { contract: name, source: file, solc: solc.version(), abi: c.abi,
      bytecode: '0x' + c.evm.bytecode.object, deployedBytecode: '0x' + c.evm.deployedBytecode.object };
    fs.writeFileSync(path.join(outDir, name + '.json'), JSON.stringify(artefact, null, 1));
    console.log('compiled ' + name + ' with solc ' + solc.version());
  }
}
