# report-analyzer — the two commands people need:
#   make serve   build and serve the page at http://127.0.0.1:$(PORT) (sample preloaded)
#   make test    run every test (unit, property, wasm in Node and headless Chromium, end-to-end)
# and the others: make build | dist | eval | bench | fuzz | train | clean

PORT ?= 8080
HOST ?= 127.0.0.1
SHARED ?= ../shared
CARGO ?= cargo
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROME_BIN ?= /usr/bin/chromium
# wasm-pack's own downloads fail on this network; everything it needs is installed by bootstrap.
export WASM_PACK_CACHE ?= $(CURDIR)/target/wasm-pack-cache

WASM_SOURCES := $(shell find src data -type f) Cargo.toml Cargo.lock
PKG := www/pkg/report_analyzer_bg.wasm

.PHONY: serve test build wasm cli dist eval bench fuzz train clean bootstrap bootstrap-test \
        test-rust test-wasm-node test-wasm-browser test-js test-e2e eval-lodo

bootstrap:
	@tools/bootstrap.sh build

bootstrap-test:
	@tools/bootstrap.sh test

## build: the wasm package for the page (release, optimised) and the native CLI
build: wasm cli

wasm: bootstrap $(PKG)

$(PKG): $(WASM_SOURCES)
	wasm-pack build --target web --release --out-dir www/pkg --out-name report_analyzer --no-pack
	@rm -f www/pkg/.gitignore

cli:
	$(CARGO) build --release --bins

## serve: build, then serve www/ (no bundler, any static server would do)
serve: build
	@echo "report-analyzer: http://$(HOST):$(PORT)/"
	python3 tools/serve.py --host $(HOST) --port $(PORT) www

## test: everything, as CI runs it
test: bootstrap-test test-rust wasm test-wasm-node test-wasm-browser test-js test-e2e
	@echo "make test: all suites passed"

test-rust:
	$(CARGO) test --release --all-targets

test-wasm-node:
	wasm-pack test --node --release

test-wasm-browser:
	wasm-pack test --headless --chrome --release

test-js: wasm
	node --test tests/js/

test-e2e: wasm
	node --test --test-concurrency=1 tests/e2e/

## dist: a self-contained folder for any static file server, with .br/.gz beside each asset
dist: wasm
	rm -rf dist && cp -r www dist
	node tools/precompress.mjs dist
	@echo "dist/ is ready: copy it to any static file server"

## eval: the CLI on the shared samples (and the project's own labelled corpus), scored by the
## shared scorer. Sentence categories here come from the embedded model, which was trained on
## these files: `make eval-lodo` gives the honest, leave-one-document-out category figures.
eval: cli
	@mkdir -p target/eval
	@for g in $(SHARED)/samples/*.gold.jsonl; do \
	  name=$$(basename $$g .gold.jsonl); \
	  ./target/release/report-analyzer analyze $(SHARED)/samples/$$name.txt > target/eval/$$name.json; \
	  python3 $(SHARED)/eval/score.py --gold $$g --pred target/eval/$$name.json | tail -n 1; \
	done
	@for g in tests/corpus/*.gold.jsonl; do \
	  name=$$(basename $$g .gold.jsonl); \
	  ./target/release/report-analyzer analyze tests/corpus/$$name.txt > target/eval/$$name.json; \
	  python3 $(SHARED)/eval/score.py --gold $$g --pred target/eval/$$name.json --root . | tail -n 1; \
	done
	@python3 tools/eval_extra.py --shared $(SHARED) --pred target/eval

## eval-lodo: sentence-category figures from models that never saw the document they label
eval-lodo:
	SHARED=$(SHARED) tools/lodo_eval.sh

## bench: speed, size and memory against jieba-wasm and native jieba-rs (prints a table)
bench: build
	node bench/run.mjs

## fuzz: libFuzzer on analyze and the .docx reader (FUZZ_SECONDS each, default 60)
fuzz:
	tools/fuzz.sh

## train: retrain the sentence model from the gold labels and the project's own corpus
train:
	$(CARGO) run --release --bin train-model -- --shared $(SHARED) --out data/sentence-model.tsv

clean:
	$(CARGO) clean
	rm -rf www/pkg dist
