// A small map for the lists of offices and payment points: progressive enhancement, drawn
// only when the visitor presses "Show on the map", so that no tile is requested before
// (the tile server may be someone else's). It reads data-lat/data-lon from the list items,
// fits them into the box, draws the tiles of the configured tile server (Web Mercator,
// {z}/{x}/{y}) and one link-marker per item.
(function () {
  "use strict";
  var TILE = 256;

  function project(lat, lon, zoom) {
    var scale = TILE * Math.pow(2, zoom);
    var sin = Math.sin((lat * Math.PI) / 180);
    return {
      x: ((lon + 180) / 360) * scale,
      y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale,
    };
  }

  function fitZoom(points, width, height) {
    for (var zoom = 16; zoom > 1; zoom--) {
      var xs = points.map(function (p) { return project(p.lat, p.lon, zoom).x; });
      var ys = points.map(function (p) { return project(p.lat, p.lon, zoom).y; });
      if (Math.max.apply(null, xs) - Math.min.apply(null, xs) < width - 40 &&
          Math.max.apply(null, ys) - Math.min.apply(null, ys) < height - 40) {
        return zoom;
      }
    }
    return 1;
  }

  // Markers are 24 px squares (WCAG 2.2, 2.5.8): two places closer than that would hide part
  // of each other's target, so a later one moves just clear of an earlier one along the axis
  // on which it already lies further away.
  var CLEAR = 26;
  function spread(positions) {
    positions.forEach(function (p, i) {
      for (var pass = 0, moved = true; moved && pass < 8; pass++) {
        moved = false;
        for (var j = 0; j < i; j++) {
          var q = positions[j], dx = p.x - q.x, dy = p.y - q.y;
          if (Math.abs(dx) >= CLEAR || Math.abs(dy) >= CLEAR) continue;
          if (Math.abs(dx) >= Math.abs(dy)) p.x = q.x + (dx < 0 ? -CLEAR : CLEAR);
          else p.y = q.y + (dy < 0 ? -CLEAR : CLEAR);
          moved = true;
        }
      }
    });
    return positions;
  }

  function draw(box, points) {
    var width = box.clientWidth, height = box.clientHeight;
    var zoom = fitZoom(points, width, height);
    var projected = points.map(function (p) { return project(p.lat, p.lon, zoom); });
    var cx = (Math.min.apply(null, projected.map(function (p) { return p.x; })) +
              Math.max.apply(null, projected.map(function (p) { return p.x; }))) / 2;
    var cy = (Math.min.apply(null, projected.map(function (p) { return p.y; })) +
              Math.max.apply(null, projected.map(function (p) { return p.y; }))) / 2;
    var left = cx - width / 2, top = cy - height / 2;
    var template = box.dataset.tileUrl;
    if (template) {
      var max = Math.pow(2, zoom);
      for (var tx = Math.floor(left / TILE); tx <= Math.floor((left + width) / TILE); tx++) {
        for (var ty = Math.floor(top / TILE); ty <= Math.floor((top + height) / TILE); ty++) {
          if (ty < 0 || ty >= max) continue;
          var img = document.createElement("img");
          img.alt = "";
          img.src = template.replace("{z}", zoom).replace("{x}", ((tx % max) + max) % max).replace("{y}", ty);
          img.style.left = tx * TILE - left + "px";
          img.style.top = ty * TILE - top + "px";
          box.appendChild(img);
        }
      }
      var credit = document.createElement("span");
      credit.className = "record-map__credit";
      credit.textContent = "© OpenStreetMap";
      box.appendChild(credit);
    }
    var spots = spread(projected.map(function (p) { return { x: p.x - left, y: p.y - top }; }));
    points.forEach(function (point, index) {
      var marker = document.createElement("a");
      marker.className = "record-map__marker";
      marker.href = "#" + point.item.id;
      marker.title = point.item.dataset.name;
      marker.setAttribute("aria-label", point.item.dataset.name);
      marker.style.left = spots[index].x + "px";
      marker.style.top = spots[index].y + "px";
      box.appendChild(marker);
    });
  }

  function offer(container) {
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-lat][data-lon]"));
    if (!items.length) return;
    var points = items.map(function (item) {
      return { lat: parseFloat(item.dataset.lat), lon: parseFloat(item.dataset.lon), item: item };
    });
    var ask = container.querySelector(".record-map__ask");
    var box = container.querySelector(".record-map__box");
    container.hidden = false;
    container.querySelector("[data-map-show]").addEventListener("click", function () {
      ask.hidden = true;
      box.hidden = false;
      box.tabIndex = -1;
      draw(box, points);
      box.focus();
    });
  }

  document.querySelectorAll("[data-record-map]").forEach(offer);
})();

// "Open now" again in the browser, in Moscow time, so that a page served from a cache stays
// right; the server's answer stays when the browser cannot tell the Moscow time.
(function () {
  "use strict";
  var list = document.querySelector("[data-days-off]");
  if (!list || !window.Intl) return;
  var parts;
  try {
    parts = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Europe/Moscow", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", weekday: "short", hourCycle: "h23",
    }).formatToParts(new Date());
  } catch (error) {
    return;
  }
  var get = function (type) {
    return parts.filter(function (part) { return part.type === type; })[0].value;
  };
  var today = get("year") + "-" + get("month") + "-" + get("day");
  var minute = get("hour") + ":" + get("minute");
  var weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(get("weekday"));
  var daysOff = JSON.parse(list.dataset.daysOff || "[]");
  list.querySelectorAll("[data-hours]").forEach(function (item) {
    var badge = item.querySelector("[data-open-badge]");
    if (!badge) return;
    var open = daysOff.indexOf(today) === -1 && JSON.parse(item.dataset.hours).some(function (s) {
      var inBreak = s[3] && s[4] && s[3] <= minute && minute < s[4];
      return s[0] === weekday && s[1] <= minute && minute < s[2] && !inBreak;
    });
    badge.textContent = open ? badge.dataset.openText : badge.dataset.closedText;
    badge.className = "badge " + (open ? "badge--open" : "badge--closed");
  });
})();
