/* Amity's map (/map): fetches /api/map (GeoJSON) with the page's own filters and draws it with Leaflet.
 *
 * Our own code, loaded from /static (the page's Content-Security-Policy allows no inline script). Leaflet is
 * served from /static/vendor/leaflet/, put there by `make` from npm; without it the page leaves this script
 * out and shows only its lists. The tile URL comes from the server (`amity serve --tiles`, $AMITY_TILES) in
 * #map's data-tiles; empty means no tiles. Under everything lies a low-resolution world basemap served by this
 * site (Natural Earth country outlines and names from npm's world-atlas, read with topojson-client), so the map
 * is useful with no network at all. A credit is shown only for what loaded (the tiles' once a tile has).
 *
 * Stable hooks, for browser tests and for anyone styling the page:
 *   #map                    the container; data-api = the GeoJSON URL it draws, data-tiles = the tile URL template
 *                           ('' for none), data-attribution = the tiles' credit (shown as text), data-basemap = the
 *                           world outlines' TopoJSON URL ('' for none); once drawn it gets data-ready="1" and
 *                           data-places / data-ties (how many drawn), and data-basemap-countries once the basemap
 *                           is drawn; on failure data-error="1"
 *   path.amity-country      a country's outline on the basemap; .amity-country-label its name (from zoom 3)
 *   .amity-place-label      a place's name, shown from zoom 6
 *   #map-status             one line saying what was drawn, or why nothing was
 *   #map-legend li[data-stage|data-kind] .swatch   the legend; lines take their colours from these swatches
 *   window.amityMap         the Leaflet map; window.amityMapLayer the GeoJSON layer of places and ties
 *   path.amity-place        a place's circle (also .amity-place-ID); clicking it opens a popup whose
 *                           a.amity-entity-link goes to the entity's page (/entities/ID)
 *   path.amity-tie          a tie's line (also .amity-tie-ID, .amity-stage-STAGE, .amity-kind-KIND); clicking it
 *                           opens a popup whose a.amity-tie-link goes to the tie's page
 *
 * Names come from articles and are hostile input: popups and tooltips are DOM elements built with
 * textContent, never HTML strings.
 */
(function () {
  "use strict";

  var box = document.getElementById("map");
  var status = document.getElementById("map-status");
  if (!box || typeof window.L === "undefined") {
    return;
  }
  var L = window.L;

  function swatch(attribute, value, fallback) {
    var legend = document.getElementById("map-legend");
    var item = legend && legend.querySelector("li[" + attribute + '="' + value + '"] .swatch');
    var colour = item ? window.getComputedStyle(item).backgroundColor : "";
    return colour && colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent" ? colour : fallback;
  }

  /** A link to one of this site's own pages (/entities/1, /ties/2), its text set as text. */
  function link(url, text, className) {
    var a = document.createElement("a");
    if (typeof url === "string" && /^\/[a-z]+\/\d+$/.test(url)) {
      a.href = url;
    }
    a.className = className;
    a.textContent = text;
    return a;
  }

  function text(tag, value, className) {
    var element = document.createElement(tag);
    element.textContent = value;
    if (className) {
      element.className = className;
    }
    return element;
  }

  function placePopup(p) {
    var content = document.createElement("div");
    content.appendChild(link(p.url, p.name, "amity-entity-link"));
    content.appendChild(text("div", (p.country ? p.country + " · " : "") + p.ties + " tie(s) drawn", "muted"));
    return content;
  }

  function tiePopup(p) {
    var content = document.createElement("div");
    (p.parties || []).forEach(function (party, n) {
      if (n) {
        content.appendChild(document.createTextNode(" – "));
      }
      content.appendChild(link(party.url, party.name, "amity-entity-link"));
    });
    var line = text("div", p.kind.replace("_", " ") + ", " + p.status + (p.silent_since ? ", silent since " + p.silent_since : "") + " · ");
    line.appendChild(link(p.url, "the tie", "amity-tie-link"));
    content.appendChild(line);
    return content;
  }

  function say(message) {
    if (status) {
      status.textContent = message;
    }
  }

  var map = L.map(box, {worldCopyJump: true, minZoom: 1});
  window.amityMap = map;
  map.setView([20, 0], 2);
  map.createPane("basemap");
  map.getPane("basemap").style.zIndex = 150;  // under tiles (200) and drawings (400)
  if (box.dataset.tiles) {
    // Leaflet shows an attribution as HTML: the credit is set as text, so it cannot be markup. It is shown once a
    // tile has loaded: offline, no credit for tiles that never came.
    var credit = document.createElement("span");
    credit.textContent = box.dataset.attribution || "";
    var tiles = L.tileLayer(box.dataset.tiles, {maxZoom: 19}).addTo(map);
    tiles.once("tileload", function () {
      map.attributionControl.addAttribution(credit.innerHTML);
    });
  }

  var LABELS_FROM_ZOOM = 3;
  var PLACE_LABELS_FROM_ZOOM = 6;
  var countryLabels = L.layerGroup();
  var placeLabels = L.layerGroup();

  function showLabels() {
    var zoom = map.getZoom();
    [[countryLabels, LABELS_FROM_ZOOM], [placeLabels, PLACE_LABELS_FROM_ZOOM]].forEach(function (pair) {
      if (zoom >= pair[1]) {
        pair[0].addTo(map);
      } else {
        pair[0].remove();
      }
    });
  }
  map.on("zoomend", showLabels);

  /** A ring that crosses the antimeridian (Russia's, Fiji's) goes on past 180° instead of across the whole map. */
  function unwrap(ring) {
    var lons = ring.map(function (point) { return point[0]; });
    if (Math.max.apply(null, lons) - Math.min.apply(null, lons) <= 270) {
      return ring;
    }
    return ring.map(function (point) { return point[0] < 0 ? [point[0] + 360, point[1]] : point; });
  }

  function unwrapped(geometry) {
    if (geometry.type === "Polygon") {
      return {type: "Polygon", coordinates: geometry.coordinates.map(unwrap)};
    }
    if (geometry.type === "MultiPolygon") {
      return {type: "MultiPolygon", coordinates: geometry.coordinates.map(function (polygon) {
        return polygon.map(unwrap);
      })};
    }
    return geometry;
  }

  function drawBasemap(topology) {
    var countries = window.topojson.feature(topology, topology.objects.countries);
    countries.features = countries.features.filter(function (feature) {  // the pole's outline spans the whole map
      return feature.geometry && !(feature.properties && feature.properties.name === "Antarctica");
    }).map(function (feature) {
      return {type: "Feature", properties: feature.properties, geometry: unwrapped(feature.geometry)};
    });
    var drawn = 0;
    L.geoJSON(countries, {
      pane: "basemap", interactive: false,
      style: function () {
        return {color: "#98a4b3", weight: 0.7, fillColor: "#f1efe8", fillOpacity: 1, className: "amity-country"};
      },
      onEachFeature: function (feature, outline) {
        drawn += 1;
        var name = feature.properties && feature.properties.name;
        if (!name) {
          return;
        }
        var label = text("span", name);
        L.marker(outline.getBounds().getCenter(), {
          interactive: false, keyboard: false, pane: "basemap",
          icon: L.divIcon({className: "amity-country-label", html: label, iconSize: null})
        }).addTo(countryLabels);
      }
    }).addTo(map);
    map.attributionControl.addAttribution("Basemap: Natural Earth");
    box.dataset.basemapCountries = String(drawn);
    showLabels();
  }

  if (box.dataset.basemap && window.topojson) {
    fetch(box.dataset.basemap, {credentials: "same-origin"})
      .then(function (response) {
        if (!response.ok) {
          throw new Error("the server answered " + response.status);
        }
        return response.json();
      })
      .then(drawBasemap)
      .catch(function () {
        box.dataset.basemapError = "1";
      });
  }

  function draw(data) {
    var places = 0;
    var ties = 0;
    var layer = L.geoJSON(data, {
      style: function (feature) {  // Leaflet applies it to the places' circles too: those keep their own
        var p = feature.properties;
        if (feature.geometry.type === "Point") {
          return {};
        }
        return {
          color: swatch("data-stage", p.status, "#555555"),
          weight: 3, opacity: p.dormant ? 0.35 : 0.9, dashArray: p.kind === "cooperation" ? "6 6" : null,
          className: "amity-tie amity-tie-" + p.tie + " amity-stage-" + p.status + " amity-kind-" + p.kind
        };
      },
      pointToLayer: function (feature, latlng) {
        var p = feature.properties;
        return L.circleMarker(latlng, {
          radius: 5 + Math.min(7, p.ties), color: "#1d2430", weight: 1, fillColor: "#3c9d5d", fillOpacity: 0.9,
          className: "amity-place amity-place-" + p.entity
        });
      },
      onEachFeature: function (feature, drawn) {
        var p = feature.properties;
        if (feature.geometry.type === "Point") {
          places += 1;
          drawn.bindTooltip(text("span", p.name));
          L.tooltip({permanent: true, direction: "right", className: "amity-place-label", interactive: false})
            .setLatLng(drawn.getLatLng()).setContent(text("span", p.name)).addTo(placeLabels);
          drawn.bindPopup(placePopup(p));
        } else {
          ties += 1;
          drawn.bindPopup(tiePopup(p));
        }
      }
    }).addTo(map);
    window.amityMapLayer = layer;
    layer.eachLayer(function (drawn) {  // places above lines
      if (drawn.feature.geometry.type === "Point") {
        drawn.bringToFront();
      }
    });
    if (places) {
      map.fitBounds(layer.getBounds(), {padding: [20, 20], maxZoom: 8});
    }
    box.dataset.places = String(places);
    box.dataset.ties = String(ties);
    box.dataset.ready = "1";
    showLabels();
    say(places
      ? "Drawn: " + places + " places, " + ties + " ties" +
        (data.unplaced ? " (" + data.unplaced + " more have a party without coordinates)" : "") +
        (data.truncated ? "; only the first ties that match: narrow the filters to see others." : ".") +
        (box.dataset.tiles ? "" : " No map tiles are configured: the basemap is the world's country outlines.")
      : "No place to draw for these filters.");
  }

  function fail(error) {
    box.dataset.error = "1";
    say("The map could not be drawn (" + error.message + "); the places and ties are listed below.");
  }

  fetch(box.dataset.api, {headers: {"Accept": "application/geo+json, application/json"}, credentials: "same-origin"})
    .then(function (response) {
      if (!response.ok) {
        throw new Error("the server answered " + response.status);
      }
      return response.json();
    })
    .then(draw)
    .catch(fail);
}());
