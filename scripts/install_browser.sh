#!/bin/sh
# Install Debian's chromium + chromedriver for tests/test_browser.py. Idempotent, quiet, and never fails
# the caller: without a browser those tests skip with a message saying so.
set -u
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_browser: no apt-get here; install chromium and chromedriver yourself (browser tests will skip)" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
        echo "install_browser: not root and no passwordless sudo; skipping (browser tests will skip)" >&2
        exit 0
    fi
fi
export DEBIAN_FRONTEND=noninteractive
if $SUDO apt-get update -qq >/dev/null 2>&1 \
    && $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1; then
    echo "install_browser: installed $(chromium --version 2>/dev/null)" >&2
else
    echo "install_browser: apt-get install chromium chromium-driver failed; browser tests will skip" >&2
fi
exit 0
