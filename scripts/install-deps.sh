#!/bin/sh
# Installs what ties needs to build, test and benchmark on Debian 12.
# Skips apt entirely when every package is already present, so repeated
# `make demo` runs stay fast and work offline.
set -eu
PKGS="build-essential pkg-config libsqlite3-dev sqlite3 libcmocka-dev \
  libmupdf-dev libmujs-dev libgumbo-dev libopenjp2-7-dev libjbig2dec0-dev \
  libharfbuzz-dev libfreetype-dev libjpeg-dev zlib1g-dev \
  libutf8proc-dev wordnet-base wordnet-dev dict-gcide libgeonames-dev iso-codes \
  wamerican wbritish python3 python3-networkx libxml2-utils graphviz \
  poppler-utils mupdf-tools groff ghostscript clang libclang-rt-14-dev \
  valgrind hyperfine clang-format chromium libjgrapht-java jargon-text python3-pdfminer"
# Node.js and npm run the test tooling (ajv, playwright-core); a machine that
# already has a Node.js of its own (with npm) keeps it.
command -v node >/dev/null 2>&1 || PKGS="$PKGS nodejs"
command -v npm >/dev/null 2>&1 || PKGS="$PKGS npm"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "installing:$missing" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
