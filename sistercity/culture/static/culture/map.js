// The destinations maps, one per city: Leaflet draws the points from the page's JSON; tiles
// come from the server set in CULTURE_MAP_TILE_URL, and without one a map shows the points
// alone. The list beside the maps works without JavaScript.
(function () {
  "use strict";
  if (typeof L === "undefined") return;
  document.querySelectorAll(".destination-map").forEach(function (element) {
    var data = document.getElementById(element.dataset.points);
    var points = data ? JSON.parse(data.textContent) : [];
    if (!points.length) return;
    element.hidden = false;
    var map = L.map(element, { scrollWheelZoom: false });
    if (element.dataset.tiles) {
      L.tileLayer(element.dataset.tiles, {
        maxZoom: 18,
        attribution: element.dataset.attribution || "",
      }).addTo(map);
    }
    var bounds = points.map(function (point) {
      return [point.lat, point.lon];
    });
    // The view first: Leaflet draws a layer only once its map has one.
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
    points.forEach(function (point) {
      var marker = L.circleMarker([point.lat, point.lon], { radius: 8, weight: 2 }).addTo(map);
      var link = document.createElement("a");
      link.href = point.url;
      link.textContent = point.name;
      marker.bindPopup(link);
      var drawn = marker.getElement();
      if (drawn) drawn.setAttribute("data-destination", point.slug);
    });
  });
})();
