#!/bin/sh
# Runs Chromium (CHROMIUM_PATH, Debian's by default) with every --disable-features list it is
# given joined into one. Chromium keeps only the last of a repeated switch: Playwright passes its
# own list, and a second one of ours would silently replace it (scripts/lib/chromium.ts).
features=""
for arg do
  shift
  case "$arg" in
    --disable-features=*) features="${features:+$features,}${arg#--disable-features=}" ;;
    *) set -- "$@" "$arg" ;;
  esac
done
if [ -n "$features" ]; then set -- "--disable-features=$features" "$@"; fi
exec "${CHROMIUM_PATH:-/usr/bin/chromium}" "$@"
