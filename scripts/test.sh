#!/usr/bin/env bash
# Runs every test of the solution against both stores: starts the Neo4j test server (installing Java 17 and
# Neo4j from npm if needed), installs Debian's Chromium for the browser tests if missing, runs the tests, stops the
# server. A Neo4j or a Chromium that does not start fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

results="$(mktemp -d)"
started_here=0
cleanup() {
  rm -rf "$results"
  if [ "$started_here" = 1 ]; then bash scripts/neo4j-test-server.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

if ! bash scripts/neo4j-test-server.sh status >/dev/null 2>&1; then started_here=1; fi
NEO4J_URI="$(bash scripts/neo4j-test-server.sh start | sed -n 's/^NEO4J_URI=//p' | tail -n 1)"
if [ -z "$NEO4J_URI" ]; then echo "The Neo4j test server did not start." >&2; exit 1; fi
export NEO4J_URI
echo "Neo4j test server: $NEO4J_URI"

# The explorer's browser tests drive Debian's Chromium by its path (installed here if missing).
CHROMIUM_PATH="$(bash scripts/chromium.sh)"
export CHROMIUM_PATH
echo "Chromium: $CHROMIUM_PATH"

# The README's curl walk-through runs as a test: it needs curl and jq (installed from Debian if missing).
missing=()
for tool in curl jq; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=(); [ "$(id -u)" = 0 ] || sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2
fi

status=0
dotnet build Lineage.slnx --configuration Release
# One test assembly after another: they share the one Neo4j server, and some tests compare a dump of all of it.
for project in tests/*/*.Tests.csproj; do
  dotnet test "$project" --configuration Release --no-build --logger "trx" --results-directory "$results" "$@" || status=$?
done

# A line per store (the contract suites and HTTP tests run once on each), then one closing line CI can read,
# summed over every test assembly.
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
by_store = {"SQLite": 0, "Neo4j": 0, "Neo4j-specific": 0, "other": 0}
for f in glob.glob(sys.argv[1] + "/*.trx"):
    root = ET.parse(f).getroot()
    c = root.find(".//{*}Counters")
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
    skipped += int(c.get("notExecuted", 0))
    classes = {t.get("id"): t.find("{*}TestMethod").get("className", "") for t in root.iter("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}UnitTest")}
    for r in root.iter("{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}UnitTestResult"):
        if r.get("outcome") != "Passed": continue
        cls = classes.get(r.get("testId"), "").rsplit(".", 1)[-1].split("+")[-1]
        key = ("SQLite" if cls.startswith("sqlite_") else "Neo4j" if cls.startswith("neo4j_")
               else "Neo4j-specific" if "Neo4j" in cls or "Cypher" in cls else "other")
        by_store[key] += 1
print(f"passed: {by_store['SQLite']} in the shared suites on SQLite, {by_store['Neo4j']} in the same suites on Neo4j, "
      f"{by_store['Neo4j-specific']} Neo4j-specific, {by_store['other']} others (unit tests, one-store tests, browser)")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
