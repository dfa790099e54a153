// Overview page: the timeline of events per day by type (uPlot) and the map of places (Leaflet over
// the shipped world-atlas country outline; tiles only when the settings name a tile server).
// Untrusted values (place names) reach the page through textContent only, never innerHTML.
"use strict";
(function () {
  const PALETTE = ["#1f5f9e", "#b3261e", "#1b7a3a", "#8a6d00", "#6a3d9a", "#e07b00", "#008b8b",
    "#8c564b", "#d62fa0", "#555555", "#17becf", "#7f7f00", "#3366cc", "#990099", "#0099c6", "#dd4477"];

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function say(element, message) {
    const p = document.createElement("p");
    p.className = "hint";
    p.textContent = message;
    element.appendChild(p);
  }

  function timeline(element) {
    getJSON(element.dataset.source).then(function (stats) {
      const rows = stats.per_day || [];
      if (!rows.length || !window.uPlot) {
        say(element, rows.length ? "Chart library not installed." : "No dated events in this window.");
        element.dataset.ready = "1";
        return;
      }
      const DAY = 86400;
      const toSeconds = function (day) { return Date.parse(day + "T00:00:00Z") / 1000; };
      const first = toSeconds(rows[0].date), last = toSeconds(rows[rows.length - 1].date);
      const xs = [];
      for (let t = first; t <= last; t += DAY) xs.push(t);
      const types = Array.from(new Set(rows.map(function (r) { return r.plover; }))).sort();
      const series = types.map(function () { return xs.map(function () { return 0; }); });
      rows.forEach(function (r) {
        series[types.indexOf(r.plover)][Math.round((toSeconds(r.date) - first) / DAY)] += r.count;
      });
      const options = {
        width: Math.max(320, element.clientWidth - 16),
        height: 300,
        scales: { x: { time: true } },
        series: [{}].concat(types.map(function (type, i) {
          return { label: type, stroke: PALETTE[i % PALETTE.length], width: 1.5, points: { show: xs.length < 60 } };
        })),
        axes: [{}, { label: "events" }],
      };
      new window.uPlot(options, [xs].concat(series), element);
      element.dataset.ready = "1";
    }).catch(function (error) { say(element, "Timeline unavailable: " + error.message); });
  }

  function popup(properties) {
    const box = document.createElement("div");
    const title = document.createElement("strong");
    title.textContent = properties.name + (properties.country ? " (" + properties.country + ")" : "");
    box.appendChild(title);
    const line = document.createElement("div");
    line.textContent = properties.events + " events" +
      (properties.killed != null ? ", " + properties.killed + " killed as stated" : "") +
      (properties.latest ? ", latest " + properties.latest : "");
    box.appendChild(line);
    if (properties.incident_id) {
      const link = document.createElement("a");
      link.href = "/incidents/" + encodeURIComponent(properties.incident_id);
      link.textContent = "incident";
      box.appendChild(link);
    }
    return box;
  }

  function map(element) {
    if (!window.L || !window.topojson) { say(element, "Map library not installed."); return; }
    const leaflet = window.L.map(element, { worldCopyJump: true, minZoom: 1 }).setView([25, 20], 2);
    if (element.dataset.tiles) window.L.tileLayer(element.dataset.tiles, { maxZoom: 12 }).addTo(leaflet);
    const outline = getJSON(element.dataset.outline).then(function (topology) {
      const countries = window.topojson.feature(topology, topology.objects.countries);
      window.L.geoJSON(countries, {
        style: { color: "#8a9aa9", weight: 0.6, fillColor: "#f2efe9", fillOpacity: element.dataset.tiles ? 0 : 1 },
        interactive: false,
      }).addTo(leaflet);
    });
    const points = getJSON(element.dataset.points).then(function (collection) {
      const features = collection.features || [];
      const layer = window.L.geoJSON(collection, {
        pointToLayer: function (feature, latlng) {
          return window.L.circleMarker(latlng, {
            radius: 4 + Math.min(16, Math.sqrt(feature.properties.events) * 2),
            color: "#8c1d18", weight: 1, fillColor: "#d9534f", fillOpacity: 0.7,
          });
        },
        onEachFeature: function (feature, marker) { marker.bindPopup(popup(feature.properties)); },
      }).addTo(leaflet);
      if (features.length) leaflet.fitBounds(layer.getBounds().pad(0.5), { maxZoom: 7 });
      element.dataset.pointsCount = String(features.length);
    });
    Promise.all([outline, points]).then(function () { element.dataset.ready = "1"; })
      .catch(function (error) { say(element, "Map unavailable: " + error.message); });
  }

  const chart = document.getElementById("timeline");
  if (chart) timeline(chart);
  const mapElement = document.getElementById("map");
  if (mapElement) map(mapElement);
})();
