# kmpdata — every target installs what it needs (npm ci brings bun itself from the npm registry).
BUN := node_modules/.bin/bun
SOURCES := main.ts $(shell find src workers -type f 2>/dev/null) package.json bunfig.toml scripts/build.ts
RELEASE_TARGETS := linux-x64 linux-x64-baseline linux-arm64 darwin-arm64 darwin-x64 windows-x64

.PHONY: install build demo test typecheck bench release clean

install: node_modules/.install-stamp

node_modules/.install-stamp: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

build: dist/kmpdata

dist/kmpdata: node_modules/.install-stamp $(SOURCES)
	$(BUN) scripts/build.ts --outfile dist/kmpdata

# The main job on the embedded sample, offline.
demo: build
	./dist/kmpdata run --source sample --data-dir data-demo --force
	@echo
	@echo "Training data: data-demo/final_training/{train,val,test,all_train}.jsonl (card: data-demo/final_training/README.md)"

test: install
	bash scripts/test.sh

typecheck: install
	node_modules/.bin/tsc -p tsconfig.json

bench: build
	$(BUN) bench/run.ts

release: install
	bash scripts/release.sh $(RELEASE_TARGETS)

clean:
	rm -rf dist data-demo bench/.cache
