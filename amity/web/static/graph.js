/* Amity's network graph (/graph): fetches /api/graph with the page's own filters and draws it with Cytoscape.
 *
 * Our own code, loaded from /static (the page's Content-Security-Policy allows no inline script). Cytoscape
 * itself is served from /static/vendor/cytoscape/, put there by `make` from npm; without it the page leaves
 * this script out and shows only its lists.
 *
 * Stable hooks, for browser tests and for anyone styling the page:
 *   #graph                  the container; data-api = the JSON URL it draws; once drawn it gets data-ready="1"
 *                           and data-nodes / data-edges (how many drawn); on failure data-error="1" instead
 *   #graph-status           one line saying what was drawn, or why nothing was
 *   #graph-legend li[data-stage|data-kind|data-type] .swatch
 *                           the legend; the drawing takes its colours from these swatches (set in amity.css)
 *   window.amityGraph       the Cytoscape instance: amityGraph.$("#e12") is entity 12's node, amityGraph.$("#t3")
 *                           tie 3's edge ("t3-1", ... for a tie's further pairs of parties); node data has entity,
 *                           name, type, country, url; edge data has tie, kind, status, dormant, url
 *   tapping a node opens its entity page (/entities/ID), tapping an edge its tie page (/ties/ID);
 *   amityGraph.$("#e12").emit("tap") does the same from a test
 *
 * Names come from articles and are hostile input: they reach the page only as Cytoscape labels (drawn on a
 * canvas, never parsed as HTML) and through textContent.
 */
(function () {
  "use strict";

  var box = document.getElementById("graph");
  var status = document.getElementById("graph-status");
  if (!box || typeof window.cytoscape !== "function") {
    return;
  }

  /** A legend swatch's colour from the stylesheet, so the legend and the drawing cannot disagree. */
  function swatch(attribute, value, fallback) {
    var legend = document.getElementById("graph-legend");
    var item = legend && legend.querySelector("li[" + attribute + '="' + value + '"] .swatch');
    var colour = item ? window.getComputedStyle(item).backgroundColor : "";
    return colour && colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent" ? colour : fallback;
  }

  /** Only this site's own paths are followed (/entities/1, /ties/2), never another site or a script URL. */
  function open(url) {
    if (typeof url === "string" && /^\/[a-z]+\/\d+$/.test(url)) {
      window.location.assign(url);
    }
  }

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function elements(data) {
    var out = [];
    data.nodes.forEach(function (node) {
      out.push({group: "nodes", data: Object.assign({}, node, {
        colour: swatch("data-type", node.type, "#888888")
      })});
    });
    data.edges.forEach(function (edge) {
      out.push({group: "edges", data: Object.assign({}, edge, {
        colour: swatch("data-stage", edge.status, "#555555")
      })});
    });
    return out;
  }

  function draw(data) {
    // Cytoscape adds an inline <style> unless an element with this id exists; the policy would refuse it, and
    // amity.css already gives #graph the position it sets.
    if (!document.getElementById("__________cytoscape_stylesheet")) {
      var marker = document.createElement("meta");
      marker.id = "__________cytoscape_stylesheet";
      document.head.appendChild(marker);
    }
    var graph = window.cytoscape({
      container: box,
      elements: elements(data),
      wheelSensitivity: 0.3,
      style: [
        {selector: "node", style: {
          "label": "data(name)", "background-color": "data(colour)", "width": 14, "height": 14,
          "font-size": 10, "color": "#1d2430", "text-valign": "bottom", "text-margin-y": 3,
          "text-wrap": "ellipsis", "text-max-width": "140px", "min-zoomed-font-size": 7
        }},
        {selector: "node[type = 'organization']", style: {"shape": "round-rectangle"}},
        {selector: "node[type = 'person']", style: {"shape": "diamond"}},
        {selector: "edge", style: {
          "line-color": "data(colour)", "width": 2.5, "curve-style": "bezier", "opacity": 0.9
        }},
        {selector: "edge[kind = 'cooperation']", style: {"line-style": "dashed"}},
        {selector: "edge[?dormant]", style: {"opacity": 0.35}},
        {selector: "node:selected, node:active", style: {"border-width": 3, "border-color": "#1f5fa8"}}
      ],
      layout: {name: "preset"}
    });
    // A force layout (cose) for what a browser lays out in a second or two; it grows with the square of the
    // nodes (minutes for 3,000), so larger graphs get rings by degree: the best-connected parties in the middle.
    var layout = graph.layout(data.nodes.length > 400
      ? {name: "concentric", concentric: function (node) { return node.degree(); }, minNodeSpacing: 4, animate: false}
      : {name: "cose", animate: false, nodeRepulsion: function () { return 8000; }, padding: 30});
    layout.one("layoutstop", function () {
      if (graph.zoom() > 1.5) {  // a handful of nodes would otherwise fill the box with huge labels
        graph.zoom(1.5);
        graph.center();
      }
    });
    layout.run();
    graph.on("tap", "node", function (event) { open(event.target.data("url")); });
    graph.on("tap", "edge", function (event) { open(event.target.data("url")); });
    graph.on("mouseover", "node, edge", function () { box.style.cursor = "pointer"; });
    graph.on("mouseout", "node, edge", function () { box.style.cursor = ""; });
    window.amityGraph = graph;
    box.dataset.nodes = String(data.nodes.length);
    box.dataset.edges = String(data.edges.length);
    box.dataset.ready = "1";
    say(data.nodes.length
      ? "Drawn: " + data.nodes.length + " parties, " + data.edges.length + " ties" +
        (data.truncated ? " (only the first ones that match; narrow the filters to see others)." : ".")
      : "No partnership matches these filters.");
  }

  function fail(error) {
    box.dataset.error = "1";
    say("The graph could not be drawn (" + error.message + "); the ties are listed below.");
  }

  fetch(box.dataset.api, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
    .then(function (response) {
      if (!response.ok) {
        throw new Error("the server answered " + response.status);
      }
      return response.json();
    })
    .then(draw)
    .catch(fail);
}());
