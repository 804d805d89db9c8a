#!/usr/bin/env bash
# Installs what the real-browser print test needs (chromium, pdftotext) when missing.
# Runs as part of `make test`; skips quietly where apt-get is not available or we are not root,
# in which case the browser test reports itself skipped with the reason.
set -u
need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: ${need[*]} missing and cannot be installed here; the browser print test will be skipped" >&2
  exit 0
fi
echo "installing ${need[*]} for the browser print test" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
