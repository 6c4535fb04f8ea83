#!/usr/bin/env bash
# Front-end libraries from npm (frontend/package-lock.json), copied into the web app's static folder,
# src/maktub/web/static/vendor/, which git ignores: pages load them from there and never from outside.
# Installs Node.js and npm from the distribution's packages when npm is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v npm >/dev/null; then
    echo "== installing Node.js and npm from the distribution's packages" >&2
    bash scripts/apt-install.sh nodejs npm
fi

# npm ci empties node_modules every time: run it only when the lock changed since the last run.
LOCK_SUM="$(sha256sum frontend/package-lock.json | cut -d' ' -f1)"
STAMP=frontend/node_modules/.package-lock.sha256
if [ "$(cat "$STAMP" 2>/dev/null)" != "$LOCK_SUM" ]; then
    (cd frontend && npm ci --no-audit --no-fund --prefer-offline --include=dev --loglevel=error)
    echo "$LOCK_SUM" >"$STAMP"
fi

NM=frontend/node_modules
FONTS="$NM/@fontsource/noto-nastaliq-urdu"
VENDOR=src/maktub/web/static/vendor
# Built beside the old folder and swapped in, so a crash halfway leaves the old copy whole.
NEW="$VENDOR.new"
rm -rf "$NEW"
mkdir -p "$NEW/flag-icons/css" "$NEW/flag-icons/flags" "$NEW/fonts" "$NEW/licenses"

cp "$NM/htmx.org/dist/htmx.min.js" "$NM/d3/dist/d3.min.js" \
    "$NM/topojson-client/dist/topojson-client.min.js" "$NM/axe-core/axe.min.js" "$NEW/"

cp "$NM/world-atlas/countries-110m.json" "$NEW/"
# The finer map only while it stays small enough to send to a browser (756 KB in world-atlas 2.0.2).
if [ "$(stat -c %s "$NM/world-atlas/countries-50m.json")" -lt 1048576 ]; then
    cp "$NM/world-atlas/countries-50m.json" "$NEW/"
fi

# The CSS finds its flags at ../flags/4x3/: the same layout keeps those URLs working. Only the
# 4x3 flags are copied, so the square ones (class "fis") are not available.
cp "$NM/flag-icons/css/flag-icons.min.css" "$NEW/flag-icons/css/"
cp -r "$NM/flag-icons/flags/4x3" "$NEW/flag-icons/flags/"

# Noto Nastaliq Urdu, regular and bold, in the Arabic and Latin subsets fontsource cuts; each
# subset's unicode-range comes from fontsource's unicode.json, so a browser fetches only what a page uses.
{
    echo "/* Noto Nastaliq Urdu (SIL Open Font License 1.1), from @fontsource/noto-nastaliq-urdu;"
    echo "   written by scripts/assets.sh. */"
    for weight in 400 700; do
        for subset in arabic latin; do
            file="noto-nastaliq-urdu-$subset-$weight-normal.woff2"
            cp "$FONTS/files/$file" "$NEW/fonts/"
            range="$(node -p "require('./$FONTS/unicode.json')['$subset']")"
            cat <<CSS
@font-face {
  font-family: "Noto Nastaliq Urdu";
  font-style: normal;
  font-weight: $weight;
  font-display: swap;
  src: url(fonts/$file) format("woff2");
  unicode-range: $range;
}
CSS
        done
    done
} >"$NEW/fonts.css"

# WeasyPrint (70) draws one subset's glyphs with the other's outlines when two faces of one family and
# weight differ only in unicode-range, so PDFs get one face a weight: the Arabic subset, with Latin
# text falling back to a system font.
{
    echo "/* Noto Nastaliq Urdu for WeasyPrint: one face a weight (see scripts/assets.sh). */"
    for weight in 400 700; do
        cat <<CSS
@font-face {
  font-family: "Noto Nastaliq Urdu";
  font-style: normal;
  font-weight: $weight;
  src: url(fonts/noto-nastaliq-urdu-arabic-$weight-normal.woff2) format("woff2");
}
CSS
    done
} >"$NEW/fonts-print.css"

for package in htmx.org d3 topojson-client world-atlas flag-icons axe-core @fontsource/noto-nastaliq-urdu; do
    cp "$NM/$package/LICENSE" "$NEW/licenses/${package#@fontsource/}.txt"
done

rm -rf "$VENDOR"
mv "$NEW" "$VENDOR"
