#!/usr/bin/env bash
# Regenerates tests/sdk-family/docs/ and the openapi-generator-* layout fixtures from the
# specs in tests/sdk-family/specs/ with OpenAPI Generator 7.26.0 (the PyPI wheel, which
# bundles the JAR and needs Java 11+ on PATH).
#
#   bash tests/sdk-family/regenerate.sh            # everything
#   SPECS="greenhouse" GENERATORS="go php" bash tests/sdk-family/regenerate.sh
#
# Environment:
#   OGEN_VENV   venv holding openapi-generator-cli + PyYAML
#               (default: <repo>/target/openapi-generator-venv, created when missing)
#   KEEP_RAW    a directory: keep the unpruned generator output there (for inspection)
#
# Deterministic: two runs give identical trees (checked with diff -r).
set -euo pipefail

OGEN_VERSION=7.26.0
PYYAML_VERSION=6.0.4

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
LAYOUTS="$REPO/tests/fixtures/layouts"

ALL_GENERATORS="ruby python java kotlin go typescript-axios typescript-fetch javascript php csharp dart swift5 rust html html2 dynamic-html"
GENERATORS="${GENERATORS:-$ALL_GENERATORS}"
SPECS="${SPECS:-$(cd "$HERE/specs" && ls *.yaml | sed 's/\.yaml$//' | tr '\n' ' ')}"
# Specs whose html / html2 / dynamic-html pages become layout fixtures.
FIXTURE_SPECS="greenhouse courier"

# ---------------------------------------------------------------- tools
OGEN_VENV="${OGEN_VENV:-$REPO/target/openapi-generator-venv}"
if ! "$OGEN_VENV/bin/openapi-generator-cli" version 2>/dev/null | grep -qx "$OGEN_VERSION" \
   || ! "$OGEN_VENV/bin/python" -c 'import yaml' 2>/dev/null; then
  echo "installing openapi-generator-cli==$OGEN_VERSION into $OGEN_VENV" >&2
  python3 -m venv "$OGEN_VENV"
  "$OGEN_VENV/bin/pip" install -q "openapi-generator-cli==$OGEN_VERSION" "PyYAML==$PYYAML_VERSION"
fi
OGEN="$OGEN_VENV/bin/openapi-generator-cli"
PY="$OGEN_VENV/bin/python"
java -version >/dev/null 2>&1 || { echo "java (11+) is required" >&2; exit 1; }

RAW="$(mktemp -d)"
trap 'rm -rf "$RAW"' EXIT

# ---------------------------------------------------------------- per-generator options
# Names of packages are set per spec so that the docs look like a real SDK repository
# rather than the generator's defaults.
gen_options() { # $1 generator, $2 spec stem, $3 spec version
  local g="$1" s="$2" v="$3"
  local opts="hideGenerationTimestamp=true"
  case "$g" in
    ruby)             opts+=",gemName=${s}_client,moduleName=$(camel "$s")Client,gemVersion=$v" ;;
    python)           opts+=",packageName=${s}_client,packageVersion=$v" ;;
    go)               opts+=",packageName=${s},packageVersion=$v" ;;
    rust)             opts+=",packageName=${s}-client,packageVersion=$v" ;;
    typescript-axios|typescript-fetch) opts+=",npmName=${s}-client,npmVersion=$v" ;;
    javascript)       opts+=",projectName=${s}-client,projectVersion=$v" ;;
    php)              opts+=",invokerPackage=$(camel "$s")Client,artifactVersion=$v" ;;
    csharp)           opts+=",packageName=$(camel "$s").Client,packageVersion=$v,packageGuid={00000000-0000-0000-0000-000000000000}" ;;
    dart)             opts+=",pubName=${s}_client,pubVersion=$v" ;;
    swift5)           opts+=",projectName=$(camel "$s")Client,podVersion=$v" ;;
    java|kotlin)      opts+=",artifactId=${s}-client,artifactVersion=$v,groupId=com.example.${s}" ;;
  esac
  echo "$opts"
}
camel() { echo "$1" | sed -E 's/(^|[-_])([a-z])/\U\2/g'; }

# ---------------------------------------------------------------- prune to documentation
# Copies what documents the API from $1 (raw output) into $2.
prune() { # $1 generator, $2 raw dir, $3 destination
  local g="$1" raw="$2" dst="$3"
  rm -rf "$dst"; mkdir -p "$dst/.openapi-generator"
  cp "$raw/.openapi-generator/VERSION" "$dst/.openapi-generator/VERSION"
  case "$g" in
    html|html2)
      cp "$raw/index.html" "$dst/index.html" ;;
    dynamic-html)
      # The static pages only; assets/ (bootstrap, jquery), main.js and package.json
      # (an express server) are not documentation.
      (cd "$raw" && find docs -name '*.html' | sort) | while read -r f; do
        mkdir -p "$dst/$(dirname "$f")"; cp "$raw/$f" "$dst/$f"
      done ;;
    *)
      [ -f "$raw/README.md" ] && cp "$raw/README.md" "$dst/README.md"
      # every markdown file under docs/ or doc/ (dart), plus csharp's project README
      (cd "$raw" && { find docs doc -name '*.md' 2>/dev/null; find src -maxdepth 2 -name 'README.md' -size +0 2>/dev/null; } | sort || true) \
        | while read -r f; do
            mkdir -p "$dst/$(dirname "$f")"; cp "$raw/$f" "$dst/$f"
          done ;;
  esac
  # html2 inlines ~700 KB of third-party JS/CSS (jQuery, Bootstrap, marked, prettify,
  # json-schema-ref-parser, webfont loader, the stylesheet); replace those bodies with a
  # marker. Scripts that carry API content (defs[...] models, schemaWrapper) stay.
  if [ "$g" = html2 ]; then "$PY" "$HERE/strip_vendor.py" "$dst/index.html"; fi
  # Safety net against run-specific content: absolute paths of this checkout.
  { grep -rl "$REPO" "$dst" 2>/dev/null || true; } | while read -r f; do
    sed -i "s#$REPO/##g" "$f"
  done
}

# ---------------------------------------------------------------- generate
cd "$HERE"   # so that generators that echo the input path print "specs/<stem>.yaml"
for s in $SPECS; do
  spec="specs/$s.yaml"
  version="$("$PY" -c 'import sys,yaml; print(yaml.safe_load(open(sys.argv[1]))["info"]["version"])' "$spec")"
  "$OGEN" validate -i "$spec" >/dev/null
  "$PY" "$HERE/spec_to_expected.py" "$spec" > "specs/$s.expected.json"
  # The spec as JSON, for Rust tests (the project has no YAML parser).
  "$PY" -c 'import json,sys,yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout, indent=2); print()' "$spec" > "specs/$s.json"
  for g in $GENERATORS; do
    out="$RAW/$s/$g"
    if ! "$OGEN" generate -g "$g" -i "$spec" -o "$out" \
          --additional-properties "$(gen_options "$g" "$s" "$version")" > "$RAW/$s-$g.log" 2>&1; then
      echo "FAILED: $g on $s (log below)" >&2; tail -20 "$RAW/$s-$g.log" >&2; exit 1
    fi
    prune "$g" "$out" "$HERE/docs/$s/$g"
    echo "$s/$g: $(find "$HERE/docs/$s/$g" -type f | wc -l) files" >&2
  done
done

if [ -n "${KEEP_RAW:-}" ]; then mkdir -p "$KEEP_RAW"; cp -r "$RAW"/. "$KEEP_RAW"/; fi

# ---------------------------------------------------------------- layout fixtures
# One page per expected JSON: html and html2 are single pages; dynamic-html has one
# operations page per tag (docs/operations/<Tag>Api.html), each a fixture of its own.
for s in $FIXTURE_SPECS; do
  case " $SPECS " in *" $s "*) ;; *) continue ;; esac
  for g in html html2 dynamic-html; do
    case " $GENERATORS " in *" $g "*) ;; *) continue ;; esac
    dir="$LAYOUTS/openapi-generator-$g"; mkdir -p "$dir"
    rm -f "$dir/$s".html "$dir/$s".expected.json "$dir/$s"-*Api.html "$dir/$s"-*Api.expected.json
    if [ "$g" = dynamic-html ]; then
      for page in "$HERE/docs/$s/$g/docs/operations/"*.html; do
        api="$(basename "$page" .html)"
        cp "$page" "$dir/$s-$api.html"
        "$PY" "$HERE/spec_to_expected.py" "specs/$s.yaml" --layout "$g" --page "$api" > "$dir/$s-$api.expected.json"
      done
    else
      cp "$HERE/docs/$s/$g/index.html" "$dir/$s.html"
      "$PY" "$HERE/spec_to_expected.py" "specs/$s.yaml" --layout "$g" > "$dir/$s.expected.json"
    fi
  done
done
echo "done: $(du -sh "$HERE/docs" | cut -f1) in tests/sdk-family/docs" >&2
