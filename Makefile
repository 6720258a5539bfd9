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

# The graph's and the map's JavaScript and CSS, the map's world basemap (Natural Earth country outlines from
# world-atlas, drawn with topojson-client) and the API docs' Swagger UI: npm packages pinned in package-lock.json,
# copied to $(VENDOR) (git-ignored) and served by the app itself, so every page works with no network.
# --ignore-scripts: no package runs anything at install (swagger-ui-dist's analytics dependency would phone home).
# Without npm the pages show their lists only, and /docs falls back to FastAPI's CDN-hosted Swagger UI.
$(VENDOR)/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && \
		rm -rf $(VENDOR) && mkdir -p $(VENDOR)/leaflet $(VENDOR)/cytoscape $(VENDOR)/world-atlas \
			$(VENDOR)/topojson-client $(VENDOR)/swagger-ui && \
		cp -R node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css \
			node_modules/leaflet/dist/images node_modules/leaflet/LICENSE $(VENDOR)/leaflet/ && \
		cp node_modules/cytoscape/dist/cytoscape.min.js node_modules/cytoscape/LICENSE $(VENDOR)/cytoscape/ && \
		cp node_modules/world-atlas/countries-110m.json node_modules/world-atlas/LICENSE $(VENDOR)/world-atlas/ && \
		cp node_modules/topojson-client/dist/topojson-client.min.js node_modules/topojson-client/LICENSE \
			$(VENDOR)/topojson-client/ && \
		cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css \
			node_modules/swagger-ui-dist/favicon-32x32.png node_modules/swagger-ui-dist/LICENSE \
			$(VENDOR)/swagger-ui/ && \
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
	@echo ""
	@echo "Done: the registry is ./amity.db. Next (or first: source $(BIN)/activate):"
	@echo "  $(BIN)/amity serve --db amity.db        # then open http://127.0.0.1:8000/"
	@echo "  $(BIN)/amity ties --db amity.db --status dormant    # remain on paper"
	@echo "  $(BIN)/amity events --db amity.db --status planned --overdue"
	@echo "  $(BIN)/amity ingest MY_ARTICLES/ --db amity.db      # your own articles"

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache node_modules $(VENDOR)
