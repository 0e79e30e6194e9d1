#!/usr/bin/env bash
# Builds FerretDB v1.24.2 from the Go module proxy once and caches the binary outside git.
# A plain `go install ...@v1.24.2` panics at start: build/version/version.txt is not part of the
# module (FerretDB issue 2982), so we copy the module source, write the file, and build it there.
set -euo pipefail
VERSION=v1.24.2
CACHE_DIR="${QUADRANT_CACHE:-$HOME/.cache/quadrant}"
BIN="$CACHE_DIR/ferretdb-$VERSION"
if [ -x "$BIN" ]; then echo "$BIN"; exit 0; fi
command -v go >/dev/null || { echo "ferretdb: Go is required to build FerretDB ($VERSION)" >&2; exit 1; }
mkdir -p "$CACHE_DIR"
echo "ferretdb: building FerretDB $VERSION from the Go module proxy (first run only, a few minutes)..." >&2
SRC_DIR=$(cd "$CACHE_DIR" && GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
WORK=$(mktemp -d)
trap 'chmod -R u+w "$WORK" && rm -rf "$WORK"' EXIT
cp -r "$SRC_DIR"/. "$WORK"/
chmod -R u+w "$WORK"
echo "$VERSION" > "$WORK/build/version/version.txt"
(cd "$WORK" && CGO_ENABLED=0 go build -trimpath -o "$BIN.tmp" ./cmd/ferretdb)
mv "$BIN.tmp" "$BIN"
echo "ferretdb: built $BIN" >&2
echo "$BIN"
