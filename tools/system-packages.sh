#!/usr/bin/env bash
# The Debian packages kompass uses beyond Python: Tesseract for OCR of scanned reports, Chromium for
# the browser test of the audit report, LibreOffice and poppler (pdftotext) for the layout fuzzer,
# LibreOffice Calc and R (with DBI and RSQLite) for the tests that open the tables as an analyst does.
# Installs what is missing when it can (root with apt-get);
# otherwise says exactly what to run. Without them only the features that need them are unavailable.
#
#   tools/system-packages.sh          install what is missing if possible, else print the command
#   tools/system-packages.sh --require  the same, but exit 1 when something is still missing (CI)
set -uo pipefail

# package name, and the program or file that shows it is installed
PACKAGES=(
  "tesseract-ocr:/usr/bin/tesseract"
  "tesseract-ocr-swe:/usr/share/tesseract-ocr/5/tessdata/swe.traineddata"
  "chromium:/usr/bin/chromium"
  "chromium-driver:/usr/bin/chromedriver"
  "poppler-utils:/usr/bin/pdftotext"
  "libreoffice-writer-nogui:/usr/bin/soffice"
  "libreoffice-calc-nogui:/usr/lib/libreoffice/program/libsclo.so"
)
# Installed without the packages they recommend: R's recommendations are a compiler tool chain and
# 600 more packages; these three take 73 MiB (about 30 MB to download, 35 s to install).
LEAN_PACKAGES=(
  "r-base-core:/usr/bin/Rscript"
  "r-cran-dbi:/usr/lib/R/site-library/DBI/DESCRIPTION"
  "r-cran-rsqlite:/usr/lib/R/site-library/RSQLite/DESCRIPTION"
)

missing=() lean=()
for entry in "${PACKAGES[@]}"; do
  name=${entry%%:*} marker=${entry#*:}
  [[ -e $marker ]] || missing+=("$name")
done
for entry in "${LEAN_PACKAGES[@]}"; do
  name=${entry%%:*} marker=${entry#*:}
  [[ -e $marker ]] || lean+=("$name")
done
[[ ${#missing[@]} -eq 0 && ${#lean[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages: ${missing[*]} ${lean[*]}" >&2
  if DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
     { [[ ${#missing[@]} -eq 0 ]] ||
       DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; } &&
     { [[ ${#lean[@]} -eq 0 ]] ||
       DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null; }; then
    exit 0
  fi
  echo "apt-get could not install: ${missing[*]} ${lean[*]}" >&2
fi

cat >&2 <<MSG
kompass: these Debian packages are not installed: ${missing[*]} ${lean[*]}
  OCR of scanned reports needs tesseract-ocr and tesseract-ocr-swe; the browser test of the audit
  report needs chromium and chromium-driver; the layout fuzzer (make fuzz) also needs poppler-utils and
  libreoffice-writer-nogui; the tests that open the tables in a spreadsheet and in R need
  libreoffice-calc-nogui, r-base-core, r-cran-dbi and r-cran-rsqlite. Everything else works without
  them. To install:
    sudo apt-get install -y ${missing[*]}
    sudo apt-get install -y --no-install-recommends ${lean[*]}
MSG
[[ ${1:-} == --require ]] && exit 1
exit 0
