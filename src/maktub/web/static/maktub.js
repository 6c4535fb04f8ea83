// maktub: drawings over data the page already lists as tables (network, map) and a print button.
// Every page reads without this script; it only adds pictures.
"use strict";

(function () {
  const printButton = document.querySelector(".print-button");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", () => window.print());
  }

  const graph = document.getElementById("network");
  if (graph && window.d3) drawNetwork(graph);
  const map = document.getElementById("map");
  if (map && window.d3 && window.topojson) drawMap(map);
  const placeMap = document.getElementById("place-map");
  if (placeMap && window.d3 && window.topojson) drawPlace(placeMap);

  function drawNetwork(el) {
    fetch(el.dataset.source, { headers: { Accept: "application/json" } })
      .then((r) => r.json())
      .then((data) => {
        if (!data.nodes.length) return;
        const width = el.clientWidth || 800, height = el.clientHeight || 540;
        const svg = d3.select(el).append("svg").attr("viewBox", [0, 0, width, height]).attr("role", "img")
          .attr("aria-label", "Correspondence network");
        svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -4 8 8").attr("refX", 14)
          .attr("markerWidth", 6).attr("markerHeight", 6).attr("orient", "auto")
          .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", "#3b4856");
        const nodes = data.nodes.map((n) => Object.assign({}, n));
        const links = data.edges.map((e) => Object.assign({}, e));
        const sim = d3.forceSimulation(nodes)
          .force("link", d3.forceLink(links).id((n) => n.id).distance(90))
          .force("charge", d3.forceManyBody().strength(-220))
          .force("center", d3.forceCenter(width / 2, height / 2))
          .force("x", d3.forceX(width / 2).strength(0.06))
          .force("y", d3.forceY(height / 2).strength(0.1))
          .force("collide", d3.forceCollide(26));
        const zoomed = svg.append("g");
        const zoom = d3.zoom().scaleExtent([0.2, 4]).on("zoom", (ev) => zoomed.attr("transform", ev.transform));
        svg.call(zoom);
        const link = zoomed.append("g").selectAll("line").data(links).join("line")
          .attr("class", (e) => "edge-" + e.kind).attr("stroke-width", (e) => Math.min(6, 1 + Math.log2(e.count)))
          .attr("marker-end", "url(#arrow)");
        link.append("title").text((e) => e.source.name + " → " + e.target.name + " (" + e.kind + ", " + e.count + ")");
        const node = zoomed.append("g").selectAll("g").data(nodes).join("g").attr("class", (n) => "node entity-" + n.type);
        node.append("circle").attr("r", (n) => 5 + Math.min(10, Math.sqrt(n.letters)))
          .attr("fill", (n) => ({ person: "#7a3a00", organization: "#0a5d36", place: "#5b2a86" })[n.type] || "#4f5b66");
        node.append("text").attr("class", "node-label").attr("x", 10).attr("y", 4).text((n) => n.name);
        node.on("click", (_, n) => { if (n.slug) window.location.href = "/entities/" + n.slug; });
        node.call(d3.drag()
          .on("start", (ev, n) => { if (!ev.active) sim.alphaTarget(0.3).restart(); n.fx = n.x; n.fy = n.y; })
          .on("drag", (ev, n) => { n.fx = ev.x; n.fy = ev.y; })
          .on("end", (ev, n) => { if (!ev.active) sim.alphaTarget(0); n.fx = null; n.fy = null; }));
        // Once the layout settles, fit the drawing to the box (small networks sit in its middle).
        sim.on("end", () => {
          const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
          const x0 = Math.min(...xs) - 40, x1 = Math.max(...xs) + 160, y0 = Math.min(...ys) - 30, y1 = Math.max(...ys) + 30;
          const k = Math.min(2.5, 0.95 * Math.min(width / (x1 - x0), height / (y1 - y0)));
          const t = d3.zoomIdentity.translate(width / 2, height / 2).scale(k).translate(-(x0 + x1) / 2, -(y0 + y1) / 2);
          svg.transition().duration(400).call(zoom.transform, t);
        });
        sim.on("tick", () => {
          link.attr("x1", (e) => e.source.x).attr("y1", (e) => e.source.y).attr("x2", (e) => e.target.x).attr("y2", (e) => e.target.y);
          node.attr("transform", (n) => "translate(" + n.x + "," + n.y + ")");
        });
      });
  }

  function world(el) {
    return fetch(el.dataset.atlas).then((r) => r.json()).then((atlas) => topojson.feature(atlas, atlas.objects.countries));
  }

  function drawMap(el) {
    Promise.all([world(el), fetch(el.dataset.source).then((r) => r.json())]).then(([land, places]) => {
      const width = el.clientWidth || 900, height = el.clientHeight || 480;
      const projection = d3.geoNaturalEarth1().fitSize([width, height], land);
      const path = d3.geoPath(projection);
      const svg = d3.select(el).append("svg").attr("viewBox", [0, 0, width, height]).attr("role", "img")
        .attr("aria-label", "Map of places named in the archive");
      svg.append("g").selectAll("path").data(land.features).join("path").attr("class", "land").attr("d", path);
      const top = d3.max(places, (p) => p.documents) || 1;
      const r = d3.scaleSqrt().domain([0, top]).range([2, 18]);
      // Out of the tab order: the map is aria-hidden, and the table below links every place.
      const dots = svg.append("g").selectAll("a").data(places).join("a").attr("href", (p) => "/entities/" + p.slug)
        .attr("tabindex", -1);
      dots.append("circle").attr("class", "dot").attr("r", (p) => r(p.documents))
        .attr("cx", (p) => projection([p.longitude, p.latitude])[0]).attr("cy", (p) => projection([p.longitude, p.latitude])[1])
        .append("title").text((p) => p.name + ": " + p.documents + " documents");
    });
  }

  function drawPlace(el) {
    world(el).then((land) => {
      const lat = +el.dataset.latitude, lon = +el.dataset.longitude;
      const width = el.clientWidth || 400, height = el.clientHeight || 220;
      const projection = d3.geoMercator().center([lon, lat]).scale(600).translate([width / 2, height / 2]);
      const svg = d3.select(el).append("svg").attr("viewBox", [0, 0, width, height]).attr("role", "img")
        .attr("aria-label", "Map of " + el.dataset.name);
      svg.append("g").selectAll("path").data(land.features).join("path").attr("class", "land").attr("d", d3.geoPath(projection));
      const [x, y] = projection([lon, lat]);
      svg.append("circle").attr("class", "dot").attr("r", 6).attr("cx", x).attr("cy", y);
    });
  }
})();
