# The two commands a user needs (see README.md):
#   make demo   installs what it needs, builds, codes the bundled sample
#   make test   installs what it needs, builds, runs every test
BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?=

.PHONY: all setup build demo test clean

all: build

setup:
	@bash scripts/setup.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDYAD_BUILD_PYTHON=ON \
	  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache $(CMAKE_FLAGS)

build: setup $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@echo "== dyad code --explain data/samples/wire.jsonl (first events) =="
	@$(BUILD)/src/cli/dyad code --explain data/samples/wire.jsonl > $(BUILD)/demo_events.jsonl
	@head -n 3 $(BUILD)/demo_events.jsonl
	@echo "== dyad code --format tsv data/samples/wire.jsonl =="
	@$(BUILD)/src/cli/dyad code --format tsv data/samples/wire.jsonl | cut -f1,4,6,9,11,14,17,18,19
	@echo "== dyad code --db $(BUILD)/demo.db; dyad top dyads; dyad events --country IRN =="
	@rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	@$(BUILD)/src/cli/dyad code -q --db $(BUILD)/demo.db data/samples/wire.jsonl
	@$(BUILD)/src/cli/dyad top dyads --db $(BUILD)/demo.db --limit 5
	@$(BUILD)/src/cli/dyad events --db $(BUILD)/demo.db --country IRN --limit 3
	@echo "== the dashboard: $(BUILD)/src/cli/dyad serve --db $(BUILD)/demo.db, then open http://127.0.0.1:8080/ =="

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)
