#!/usr/bin/env bash
# PDF reading throughput, in one run on the same files:
#   - text layers: PDFDocuments' reader (in process, and in its worker process, one per file)
#     against poppler's own `pdftotext` command (one process per file);
#   - scanned pages: PDFDocuments' OCR (render with poppler at 300 dpi, Tesseract's C API)
#     against `pdftoppm -r 300 -gray` piped into the `tesseract` command.
#
#   Benchmarks/pdf/run.sh [TEXTFILES] [PAGES] [SCANS]     (default 40 files of 10 pages, 8 scans)
#
# Builds the pdf-bench driver in release mode (scratch path .build-bench), writes the PDFs from
# its own generated prose into a temporary directory, and prints pages per second for each.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
files=${1:-40}
pages=${2:-10}
scans=${3:-8}
cd "$repo"
swift build -c release --scratch-path .build-bench --product PDFBench >/dev/null
bin=.build-bench/release/PDFBench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" generate "$tmp" "$files" "$pages" "$scans"
echo "inputs: $files text PDFs of $pages pages ($(du -ch "$tmp"/text-*.pdf | tail -1 | cut -f1)), $scans one-page scans at 300 dpi"
rate() { python3 -c "import sys; n, s = int(sys.argv[1]), float(sys.argv[2]); print(f'{n / s:,.3g} pages/s ({n} pages, {s:.2f} s)')" "$@"; }
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); python3 -c "print($t1 - $t0)"; }
text=$((files * pages))

read -r n s < <("$bin" read "$tmp"/text-*.pdf)
echo "text, PDFDocuments in process:    $(rate "$n" "$s")"
read -r n s < <("$bin" read --worker "$tmp"/text-*.pdf)
echo "text, PDFDocuments in worker:     $(rate "$n" "$s")"
pdftotext_all() { for f in "$tmp"/text-*.pdf; do pdftotext "$f" "$tmp/out.txt"; done; }
echo "text, pdftotext:                  $(rate "$text" "$(seconds pdftotext_all)")"

read -r n s < <("$bin" read "$tmp"/scan-*.pdf)
echo "OCR, PDFDocuments in process:     $(rate "$n" "$s")"
read -r n s < <("$bin" read --worker "$tmp"/scan-*.pdf)
echo "OCR, PDFDocuments in worker:      $(rate "$n" "$s")"
ocr_all() { for f in "$tmp"/scan-*.pdf; do pdftoppm -r 300 -gray "$f" "$tmp/page"; tesseract "$tmp"/page-1.pgm - >/dev/null; done; }
echo "OCR, pdftoppm + tesseract:        $(rate "$scans" "$(seconds ocr_all)")"
