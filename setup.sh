#!/usr/bin/env bash
# Set up brief on a fresh Debian/Ubuntu machine: system packages, a virtual environment in .venv,
# the project with its test dependencies. Safe to run again (it only adds what is missing).
set -euo pipefail
cd "$(dirname "$0")"
VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}

# System packages: pango for WeasyPrint (PDF), poppler for the PDF checks, Chromium for the page tests.
APT_PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b poppler-utils chromium openssl"
missing=""
for pkg in $APT_PACKAGES; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ] && [ "${BRIEF_SKIP_APT:-0}" != 1 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing system packages:$missing" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
# Pin torch first: an unpinned torch pulls the newest multi-GB CUDA build. From plain PyPI on Linux x86
# even torch 2.13.0 is the CUDA build (it runs on a CPU, but is several GB); TORCH_INDEX_URL=
# https://download.pytorch.org/whl/cpu takes the CPU build from PyTorch's own index instead.
if [ -n "${TORCH_INDEX_URL:-}" ]; then
  "$VENV/bin/python" -m pip install -q "torch==2.13.0" --index-url "$TORCH_INDEX_URL"
else
  "$VENV/bin/python" -m pip install -q "torch==2.13.0"
fi
"$VENV/bin/python" -m pip install -q -e ".[test]"
echo "setup: ready ($VENV)" >&2
