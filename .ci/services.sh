# shellcheck shell=bash
# .ci/services.sh — throw-away MariaDB + Redis for CI and local runs.
#
# SOURCE this file (do not execute it):
#
#     source .ci/services.sh
#     trap ci_services_stop EXIT        # the caller registers the trap
#
# It installs mariadb-server / redis-server with apt-get when they are missing
# (and Debian's chromium plus a small CJK font for the GraphiQL browser test, and jq for the README tour),
# starts a private MariaDB and a private Redis on 127.0.0.1 (temporary data
# dirs, nothing persisted), creates the `xinfang` user and database, and exports:
#
#   CI_MYSQL_URL     mysql://xinfang:xinfang@127.0.0.1:<port>/xinfang
#   CI_MYSQL_PORT    port MariaDB listens on
#   CI_MYSQL_SOCKET  unix socket of MariaDB (root can log in there without a password)
#   CI_MARIADB_PID   pid of mariadbd
#   CI_REDIS_URL     redis://127.0.0.1:<port>
#   CI_REDIS_PORT    port Redis listens on
#   CI_REDIS_PID     pid of redis-server (changes after ci_redis_start)
#   CI_REDIS_CMD     shell command line that (re)starts this Redis, daemonized,
#                    on the same port (usable from Node: execSync(CI_REDIS_CMD))
#   CI_SERVICES_DIR  temporary directory holding data dirs, sockets and logs
#
# and defines the functions
#
#   ci_services_stop   stop both servers, remove the temp dir (idempotent)
#   ci_redis_stop      stop Redis only (port stays reserved for ci_redis_start)
#   ci_redis_start     start Redis again on the same port, wait for PONG
#
# Knobs (environment, all optional):
#   CI_MYSQL_PORT=3307 CI_REDIS_PORT=6380   preferred ports; if busy, the next
#                                          free port above is used instead
#   CI_SERVICES_TIMEOUT=60                  seconds to wait for each server
#
# On failure it prints an error, cleans up what it started, and exits 1
# (or returns 1 when sourced from an interactive shell).
# It never touches the caller's shell options (set -e/-u/pipefail all fine)
# and registers no traps.

# ----------------------------------------------------------------- helpers ---

_ci_log() { printf '[services] %s\n' "$*" >&2; }

# true if something accepts TCP connections on 127.0.0.1:$1
_ci_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# first port >= $1 that is not busy (tries 200 ports)
_ci_free_port() {
  local p=$1 end=$(( $1 + 200 ))
  while (( p < end )); do
    if ! _ci_port_busy "$p"; then
      printf '%s\n' "$p"
      return 0
    fi
    p=$(( p + 1 ))
  done
  return 1
}

# true if pid $1 exists and is not a zombie
_ci_pid_alive() {
  local pid=${1:-} stat
  [[ -n $pid && -r /proc/$pid/stat ]] || return 1
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
  stat=${stat##*) }             # drop "pid (comm) "
  [[ ${stat%% *} != Z ]]
}

# send TERM to $1, wait up to $2 seconds, then KILL; reap if it is our child
_ci_kill_wait() {
  local pid=${1:-} secs=${2:-30} i=0
  [[ -n $pid ]] || return 0
  if _ci_pid_alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    while _ci_pid_alive "$pid" && (( i < secs * 10 )); do
      sleep 0.1
      i=$(( i + 1 ))
    done
    if _ci_pid_alive "$pid"; then
      _ci_log "pid $pid ignored SIGTERM for ${secs}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
    fi
  fi
  wait "$pid" 2>/dev/null || true   # reap zombie if it was our child
  return 0
}

_ci_install_packages() {
  local need=()
  command -v mariadbd >/dev/null 2>&1 || command -v mysqld >/dev/null 2>&1 \
    || PATH="$PATH:/usr/sbin:/sbin" command -v mariadbd >/dev/null 2>&1 \
    || need+=(mariadb-server)
  { command -v mariadb-install-db >/dev/null 2>&1 || command -v mysql_install_db >/dev/null 2>&1; } \
    || need+=(mariadb-server)
  { command -v mariadb >/dev/null 2>&1 || command -v mysql >/dev/null 2>&1; } || need+=(mariadb-client)
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  command -v redis-cli >/dev/null 2>&1 || need+=(redis-tools)
  # headless browser for test/graphiql.e2e-spec.ts (playwright-core downloads none), and a font for its Chinese text
  [[ -x /usr/bin/chromium ]] || need+=(chromium)
  [[ -n $(fc-list :lang=zh 2>/dev/null) ]] || need+=(fonts-wqy-microhei)
  # the README tour (test/readme-tour.e2e-spec.ts) pipes the server's answers through jq, as a newcomer would
  command -v jq >/dev/null 2>&1 || need+=(jq)
  (( ${#need[@]} )) || return 0

  local sudo=()
  if (( EUID != 0 )); then
    command -v sudo >/dev/null 2>&1 || { _ci_log "need root (or sudo) to apt-get install ${need[*]}"; return 1; }
    sudo=(sudo)
  fi
  # de-duplicate
  local pkgs=()
  mapfile -t pkgs < <(printf '%s\n' "${need[@]}" | sort -u)
  _ci_log "installing: ${pkgs[*]} (apt-get)"

  # Keep the packages' init scripts from launching system-wide mysqld/redis
  # (on 3306/6379) during installation; we start our own private instances.
  local policy=/usr/sbin/policy-rc.d added_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null \
      && "${sudo[@]}" chmod +x "$policy" && added_policy=1
  fi

  local log rc=0
  log=$(mktemp "${TMPDIR:-/tmp}/ci-apt.XXXXXX.log")
  {
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
         -o Dpkg::Use-Pty=0 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
         --no-install-recommends "${pkgs[@]}"
  } </dev/null >"$log" 2>&1 || rc=$?
  if (( added_policy )); then "${sudo[@]}" rm -f "$policy"; fi
  if (( rc != 0 )); then
    _ci_log "apt-get failed (rc=$rc); last lines of $log:"
    tail -n 30 "$log" >&2
    return 1
  fi
  rm -f "$log"
  hash -r
}

# -------------------------------------------------------------- public API ---

ci_redis_start() {
  local timeout=${CI_SERVICES_TIMEOUT:-60} i=0
  if [[ -z ${CI_REDIS_CMD:-} || -z ${CI_REDIS_PORT:-} ]]; then
    _ci_log "ci_redis_start: CI_REDIS_CMD/CI_REDIS_PORT not set (source .ci/services.sh first)"
    return 1
  fi
  rm -f "${CI_REDIS_PIDFILE:-/nonexistent}"
  if [[ -n ${CI_REDIS_LOG:-} ]]; then : >"$CI_REDIS_LOG"; fi
  if ! eval "$CI_REDIS_CMD" </dev/null >/dev/null 2>&1; then
    _ci_log "redis-server failed to start; see ${CI_REDIS_LOG:-its log}"
    if [[ -r ${CI_REDIS_LOG:-} ]]; then tail -n 20 "$CI_REDIS_LOG" >&2; fi
    return 1
  fi
  # Wait for PONG from *our* server: a foreign Redis already on the port would
  # answer too, so match INFO's process_id against our pid file.
  local pid info
  while :; do
    pid=$(cat "$CI_REDIS_PIDFILE" 2>/dev/null || true)
    if [[ -n $pid ]] && [[ $(redis-cli -h 127.0.0.1 -p "$CI_REDIS_PORT" ping 2>/dev/null) == PONG ]]; then
      info=$(redis-cli -h 127.0.0.1 -p "$CI_REDIS_PORT" info server 2>/dev/null | tr -d '\r')
      [[ $'\n'$info$'\n' == *$'\n'process_id:$pid$'\n'* ]] && break
    fi
    if [[ -r ${CI_REDIS_LOG:-} ]] && grep -qiE 'address already in use|could not create server tcp' "$CI_REDIS_LOG"; then
      _ci_log "redis-server could not bind 127.0.0.1:$CI_REDIS_PORT"
      return 1
    fi
    if (( i >= timeout * 10 )); then
      _ci_log "redis-server on 127.0.0.1:$CI_REDIS_PORT did not answer PING within ${timeout}s"
      if [[ -r ${CI_REDIS_LOG:-} ]]; then tail -n 20 "$CI_REDIS_LOG" >&2; fi
      return 1
    fi
    sleep 0.1
    i=$(( i + 1 ))
  done
  CI_REDIS_PID=$(cat "$CI_REDIS_PIDFILE" 2>/dev/null || true)
  export CI_REDIS_PID
  return 0
}

ci_redis_stop() {
  local pid
  pid=$(cat "${CI_REDIS_PIDFILE:-/nonexistent}" 2>/dev/null || true)
  [[ -n $pid ]] || pid=${CI_REDIS_PID:-}
  if [[ -n ${CI_REDIS_PORT:-} ]]; then
    redis-cli -h 127.0.0.1 -p "$CI_REDIS_PORT" shutdown nosave </dev/null >/dev/null 2>&1 || true
  fi
  _ci_kill_wait "$pid" 10
  rm -f "${CI_REDIS_PIDFILE:-/nonexistent}"
  return 0
}

ci_services_stop() {
  # MariaDB
  if [[ -n ${CI_MARIADB_PID:-} ]]; then
    _ci_kill_wait "$CI_MARIADB_PID" 30
  fi
  # Redis
  ci_redis_stop
  # temp dir (only ever one we created ourselves)
  if [[ -n ${CI_SERVICES_DIR:-} && -d $CI_SERVICES_DIR && $CI_SERVICES_DIR == */ci-services.* ]]; then
    rm -rf "$CI_SERVICES_DIR" 2>/dev/null || true
  fi
  unset CI_MARIADB_PID CI_REDIS_PID CI_SERVICES_DIR CI_REDIS_PIDFILE CI_REDIS_LOG
  return 0
}

# ------------------------------------------------------------------ startup ---

_ci_start_mariadb() {
  local dir=$CI_SERVICES_DIR/mariadb timeout=${CI_SERVICES_TIMEOUT:-60}
  local mysqld install_db client admin
  mysqld=$(PATH="$PATH:/usr/sbin:/sbin" command -v mariadbd || PATH="$PATH:/usr/sbin:/sbin" command -v mysqld) \
    || { _ci_log "mariadbd not found"; return 1; }
  install_db=$(command -v mariadb-install-db || command -v mysql_install_db) \
    || { _ci_log "mariadb-install-db not found"; return 1; }
  client=$(command -v mariadb || command -v mysql) || { _ci_log "mariadb client not found"; return 1; }
  admin=$(command -v mariadb-admin || command -v mysqladmin) || { _ci_log "mariadb-admin not found"; return 1; }

  local user_opt=()
  if (( EUID == 0 )); then user_opt=(--user=root); fi   # mariadbd refuses root without it

  mkdir -p "$dir/data" "$dir/tmp" || return 1
  if ! "$install_db" --no-defaults --datadir="$dir/data" "${user_opt[@]}" \
        --auth-root-authentication-method=normal --skip-test-db \
        </dev/null >"$dir/install.log" 2>&1; then
    _ci_log "mariadb-install-db failed; last lines of $dir/install.log:"
    tail -n 30 "$dir/install.log" >&2
    return 1
  fi

  local sock=$dir/mysqld.sock
  if (( ${#sock} > 100 )); then
    _ci_log "socket path too long (${#sock} chars): $sock — set TMPDIR to a shorter dir"
    return 1
  fi

  local port pid i ok _
  local want=${CI_MYSQL_PORT:-3307}
  for _ in 1 2 3 4 5; do
    port=$(_ci_free_port "$want") || { _ci_log "no free port for MariaDB at or above $want"; return 1; }
    [[ $port == "${CI_MYSQL_PORT:-3307}" ]] || _ci_log "port ${CI_MYSQL_PORT:-3307} busy, MariaDB uses $port"
    : >"$dir/error.log"
    "$mysqld" --no-defaults "${user_opt[@]}" \
      --datadir="$dir/data" --tmpdir="$dir/tmp" \
      --socket="$sock" --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" \
      --port="$port" --bind-address=127.0.0.1 --skip-networking=0 --skip-name-resolve \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      --innodb-buffer-pool-size=64M --innodb-log-file-size=32M --innodb-log-buffer-size=8M \
      --key-buffer-size=4M --aria-pagecache-buffer-size=8M --query-cache-size=0 \
      --tmp-table-size=16M --max-heap-table-size=16M \
      --max-connections=300 --performance-schema=OFF \
      --innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 --sync-binlog=0 \
      --innodb-use-native-aio=0 --skip-log-bin \
      </dev/null >>"$dir/error.log" 2>&1 &
    pid=$!
    ok=0 i=0
    while (( i < timeout * 10 )); do
      if ! _ci_pid_alive "$pid"; then break; fi
      if "$admin" --no-defaults --protocol=socket -S "$sock" -uroot --connect-timeout=2 ping \
           </dev/null >/dev/null 2>&1; then
        ok=1; break
      fi
      sleep 0.1
      i=$(( i + 1 ))
    done
    if (( ok )); then
      CI_MARIADB_PID=$pid
      export CI_MARIADB_PID
      break
    fi
    if _ci_pid_alive "$pid"; then
      _ci_log "MariaDB did not answer 'mariadb-admin ping' within ${timeout}s; last lines of $dir/error.log:"
      tail -n 30 "$dir/error.log" >&2
      _ci_kill_wait "$pid" 10
      return 1
    fi
    wait "$pid" 2>/dev/null || true
    if grep -qiE 'address already in use|bind on tcp/ip port' "$dir/error.log"; then
      _ci_log "port $port was taken meanwhile, retrying"
      want=$(( port + 1 ))
      continue
    fi
    _ci_log "MariaDB exited during startup; last lines of $dir/error.log:"
    tail -n 30 "$dir/error.log" >&2
    return 1
  done
  if [[ -z ${CI_MARIADB_PID:-} ]]; then
    _ci_log "could not start MariaDB"
    return 1
  fi

  if ! "$client" --no-defaults --protocol=socket -S "$sock" -uroot </dev/null >"$dir/setup.log" 2>&1 -e "
      CREATE USER IF NOT EXISTS 'xinfang'@'127.0.0.1' IDENTIFIED BY 'xinfang';
      CREATE USER IF NOT EXISTS 'xinfang'@'localhost' IDENTIFIED BY 'xinfang';
      GRANT ALL PRIVILEGES ON *.* TO 'xinfang'@'127.0.0.1';
      GRANT ALL PRIVILEGES ON *.* TO 'xinfang'@'localhost';
      CREATE DATABASE IF NOT EXISTS xinfang CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
      FLUSH PRIVILEGES;"; then
    _ci_log "creating user/database failed:"
    cat "$dir/setup.log" >&2
    return 1
  fi

  CI_MYSQL_PORT=$port
  CI_MYSQL_SOCKET=$sock
  CI_MYSQL_URL="mysql://xinfang:xinfang@127.0.0.1:$port/xinfang"
  export CI_MYSQL_PORT CI_MYSQL_SOCKET CI_MYSQL_URL
  _ci_log "MariaDB $("$client" --no-defaults -S "$sock" -uroot -N -e 'select version()' 2>/dev/null) up on 127.0.0.1:$port (pid $CI_MARIADB_PID)"
}

_ci_start_redis() {
  local dir=$CI_SERVICES_DIR/redis redis_server
  redis_server=$(command -v redis-server) || { _ci_log "redis-server not found"; return 1; }
  mkdir -p "$dir" || return 1
  CI_REDIS_PIDFILE=$dir/redis.pid
  CI_REDIS_LOG=$dir/redis.log
  export CI_REDIS_PIDFILE CI_REDIS_LOG

  local want=${CI_REDIS_PORT:-6380} port _
  for _ in 1 2 3 4 5; do
    port=$(_ci_free_port "$want") || { _ci_log "no free port for Redis at or above $want"; return 1; }
    [[ $port == "${CI_REDIS_PORT:-6380}" ]] || _ci_log "port ${CI_REDIS_PORT:-6380} busy, Redis uses $port"
    CI_REDIS_PORT=$port
    CI_REDIS_CMD=$(printf '%q ' "$redis_server" \
      --port "$port" --bind 127.0.0.1 --protected-mode yes \
      --save '' --appendonly no --dir "$dir" \
      --daemonize yes --pidfile "$CI_REDIS_PIDFILE" --logfile "$CI_REDIS_LOG")
    CI_REDIS_CMD=${CI_REDIS_CMD% }
    export CI_REDIS_PORT CI_REDIS_CMD
    if ci_redis_start; then
      CI_REDIS_URL="redis://127.0.0.1:$port"
      export CI_REDIS_URL
      _ci_log "Redis $("$redis_server" --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') up on 127.0.0.1:$port (pid $CI_REDIS_PID)"
      return 0
    fi
    ci_redis_stop
    if grep -qiE 'address already in use' "$CI_REDIS_LOG"; then
      _ci_log "port $port was taken meanwhile, retrying"
      want=$(( port + 1 ))
      continue
    fi
    return 1
  done
  return 1
}

_ci_services_main() {
  _ci_install_packages || return 1
  CI_SERVICES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/ci-services.XXXXXX") || return 1
  export CI_SERVICES_DIR
  _ci_start_mariadb || return 1
  _ci_start_redis || return 1
  return 0
}

# Run without changing the caller's options; an `if` context keeps a caller's
# `set -e` from aborting half-way (errors are handled explicitly above).
if ! _ci_services_main; then
  _ci_log "ERROR: could not start MariaDB/Redis; cleaning up"
  ci_services_stop
  if [[ $- == *i* ]]; then
    return 1
  else
    exit 1
  fi
fi
export -f _ci_log _ci_pid_alive _ci_kill_wait ci_redis_start ci_redis_stop 2>/dev/null || true
