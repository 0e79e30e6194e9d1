# Quick start: `make start` (the product with demo data) and `make test` (every suite).
# Both work as the first command on a fresh clone: they install what is missing.
SHELL := /bin/bash
TSX := node --import tsx

.DEFAULT_GOAL := help
.PHONY: help deps ferretdb start test test-unit test-int e2e lint bench-ferretdb

help:
	@echo "make start      run PostgreSQL, FerretDB, worker and web (http://localhost:$${PORT:-3000}) with demo data"
	@echo "make test       every suite on a private stack; last line: N passed, N failed"
	@echo "make test-unit  unit tests only;  make test-int  integration;  make e2e  Playwright"
	@echo "make lint       Biome: lint and format check (npm run format applies the style)"
	@echo "make ferretdb   build the FerretDB binary (cached in ~/.cache/quadrant)"

# npm ci when node_modules is missing or older than the lockfile; tsx only exists after this.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

deps: node_modules/.package-lock.json

ferretdb:
	@bash scripts/ensure-ferretdb.sh

start: deps
	@$(TSX) scripts/start.ts

test: deps
	@$(TSX) scripts/test-all.ts

test-unit: deps
	@$(TSX) scripts/test-all.ts --only=unit

test-int: deps
	@$(TSX) scripts/test-all.ts --only=int

lint: deps
	@$(TSX) scripts/test-all.ts --only=lint

e2e: deps
	@$(TSX) scripts/test-all.ts --only=e2e

bench-ferretdb: deps
	@$(TSX) load/bench-ferretdb.ts
