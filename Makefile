# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

VENDOR := amity/web/static/vendor

.PHONY: run test install vendor clean

$(BIN)/amity: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# The graph's and the map's JavaScript and CSS: npm packages pinned in package-lock.json, copied to
# $(VENDOR) (git-ignored) and served by the app itself. Without npm the pages show their lists only.
$(VENDOR)/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && \
		rm -rf $(VENDOR) && mkdir -p $(VENDOR)/leaflet $(VENDOR)/cytoscape && \
		cp -R node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css \
			node_modules/leaflet/dist/images node_modules/leaflet/LICENSE $(VENDOR)/leaflet/ && \
		cp node_modules/cytoscape/dist/cytoscape.min.js node_modules/cytoscape/LICENSE $(VENDOR)/cytoscape/ && \
		touch $@; \
	else \
		echo "amity: npm not found, so the graph and map pages will show their lists without drawing (install Node.js and run make again)"; \
	fi

vendor: $(VENDOR)/.installed

install: $(BIN)/amity vendor

run: install
	$(BIN)/amity ingest examples/articles/ --db amity.db
	$(BIN)/amity ties --db amity.db
	$(BIN)/amity stats --db amity.db

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache node_modules $(VENDOR)
