#!/usr/bin/env bash
# Installs what a fresh Debian bookworm machine (Node 20, root) lacks, then the workspace.
# Idempotent and quick when everything is present.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for pkg in chromium libvulkan1 dataset-fashion-mnist; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "10.34.9" ]; then
  echo "setup: installing pnpm 10.34.9"
  npm install -g pnpm@10.34.9 >/dev/null
fi

pnpm install --frozen-lockfile
