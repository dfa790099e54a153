// Actor network page: actors as circles, relations as lines (green backs, red fights/threatens),
// line width by independent sources. A small deterministic force layout; labels via textContent.
"use strict";
(function () {
  const element = document.getElementById("network");
  if (!element) return;
  const SVG = "http://www.w3.org/2000/svg";

  function make(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    return node;
  }

  function layout(nodes, edges, width, height) {
    const index = new Map(nodes.map(function (n, i) { return [n.id, i]; }));
    const radius = Math.min(width, height) * 0.38;
    const points = nodes.map(function (n, i) {
      const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
      return { x: width / 2 + radius * Math.cos(angle), y: height / 2 + radius * Math.sin(angle) };
    });
    const links = edges.map(function (e) { return [index.get(e.source), index.get(e.target)]; })
      .filter(function (pair) { return pair[0] !== undefined && pair[1] !== undefined; });
    const ideal = Math.max(60, radius / Math.sqrt(Math.max(1, nodes.length)) * 2);
    for (let step = 0; step < 200; step++) {
      const cooling = 1 - step / 200;
      const moves = points.map(function () { return { x: 0, y: 0 }; });
      for (let i = 0; i < points.length; i++) {
        for (let j = i + 1; j < points.length; j++) {
          const dx = points[i].x - points[j].x, dy = points[i].y - points[j].y;
          const distance = Math.max(1, Math.hypot(dx, dy));
          const push = (ideal * ideal) / distance / distance;
          moves[i].x += dx * push; moves[i].y += dy * push;
          moves[j].x -= dx * push; moves[j].y -= dy * push;
        }
      }
      links.forEach(function (pair) {
        const a = points[pair[0]], b = points[pair[1]];
        const dx = a.x - b.x, dy = a.y - b.y;
        const distance = Math.max(1, Math.hypot(dx, dy));
        const pull = distance / ideal / 10;
        moves[pair[0]].x -= dx * pull; moves[pair[0]].y -= dy * pull;
        moves[pair[1]].x += dx * pull; moves[pair[1]].y += dy * pull;
      });
      points.forEach(function (p, i) {
        const length = Math.max(1, Math.hypot(moves[i].x, moves[i].y));
        const limit = 20 * cooling;
        p.x = Math.min(width - 40, Math.max(40, p.x + (moves[i].x / length) * Math.min(length, limit)));
        p.y = Math.min(height - 20, Math.max(20, p.y + (moves[i].y / length) * Math.min(length, limit)));
      });
    }
    return { points: points, index: index };
  }

  fetch(element.dataset.source, { headers: { Accept: "application/json" } })
    .then(function (response) { return response.json(); })
    .then(function (graph) {
      const width = Math.max(400, element.clientWidth || 900), height = 600;
      const svg = make("svg", { viewBox: "0 0 " + width + " " + height, role: "img",
        "aria-label": "actor network" });
      element.appendChild(svg);
      if (!graph.nodes.length) {
        const empty = make("text", { x: 20, y: 30 });
        empty.textContent = "No relations yet.";
        svg.appendChild(empty);
        element.dataset.ready = "1";
        return;
      }
      const placed = layout(graph.nodes, graph.edges, width, height);
      graph.edges.forEach(function (e) {
        const a = placed.points[placed.index.get(e.source)], b = placed.points[placed.index.get(e.target)];
        if (!a || !b) return;
        const line = make("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: e.group,
          "stroke-width": String(1 + 1.5 * Math.min(8, e.weight)), "stroke-opacity": "0.7" });
        const title = make("title", {});
        title.textContent = e.relation + " · " + e.weight + " independent source(s)";
        line.appendChild(title);
        svg.appendChild(line);
      });
      graph.nodes.forEach(function (n, i) {
        const p = placed.points[i];
        svg.appendChild(make("circle", { cx: p.x, cy: p.y, r: 6 }));
        const label = make("text", { x: p.x + 9, y: p.y + 4 });
        label.textContent = n.label;
        svg.appendChild(label);
      });
      element.dataset.ready = "1";
    })
    .catch(function (error) { element.textContent = "Network unavailable: " + error.message; });
})();
