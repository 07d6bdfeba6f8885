#!/usr/bin/env bash
# Debian packages the library's features need: Tesseract with Vietnamese data (OCR of scanned PDFs),
# DejaVu fonts (the test fixtures' PDFs), glibc iconv (the TCVN3 oracle; part of libc).
# Installs only what is missing; needs root (or sudo) when something is.
set -euo pipefail
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; } || need+=(tesseract-ocr-vie)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
tesseract --list-langs 2>/dev/null | grep -qx vie && echo "system deps ok: $(tesseract --version 2>&1 | head -1), vie"
