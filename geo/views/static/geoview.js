/*
 * Page-side helpers of the energy-route map: styles, tooltips and popups built from the
 * compact feature facts that geo/mapview.py writes as JSON.
 *
 * Every piece of text from the data (names, operators, sources, article excerpts) goes
 * through esc() before it becomes HTML. This file is loaded as a script, not rendered by
 * any template engine, and the data reaches it only as JSON arguments.
 */
window.geoView = (function () {
    "use strict";

    function esc(v) {
        if (v === null || v === undefined) return "";
        return String(v).replace(/[&<>"']/g, function (c) {
            return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
        });
    }

    /* A source as a link that opens in a new tab: only http(s) addresses, text and address escaped. */
    function link(text, url) {
        if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return esc(text);
        return "<a href=\"" + esc(url) + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + esc(text) + "</a>";
    }

    /* The one map of this page (the dashboard's iframe, or a saved page), the last fit request applied, the decorated map. */
    var current = null, lastFit = null, decorated = null;
    /* Above this many lines with flow the direction dashes stand still (an animation of thousands of paths costs the CPU). */
    var ANIMATE_MAX = 300, MAX_LABELS = 90;
    /* At most this many names are tried, best ranked first (at 100x data there are thousands; the shipped data has 60). */
    var MAX_LABEL_TRIES = 300;
    /* A line layer of this many features or more gets its casings painted on a canvas (see haloCanvas). */
    var CANVAS_MIN = 500;
    /* Point thinning (see thinPoints): only maps with at least THIN_MIN points are thinned, in cells of THIN_CELL pixels. */
    var THIN_MIN = 400, THIN_CELL = 64, THIN_RADIUS_MIN = 3;
    /* A click popup takes at most these shares of the map's width and height (it scrolls inside). */
    var POPUP_W = 0.5, POPUP_H = 0.55;
    var measureCtx = null;

    function textWidth(t, font) {
        measureCtx = measureCtx || document.createElement("canvas").getContext("2d");
        measureCtx.font = font || "600 11px sans-serif";
        return measureCtx.measureText(t).width;
    }
    function overlaps(a, b, pad) {
        return a[0] - pad < b[2] + pad && b[0] - pad < a[2] + pad && a[1] - pad < b[3] + pad && b[1] - pad < a[3] + pad;
    }
    /* Points along a drawn line in container pixels, at these shares of its screen length (best first). */
    function alongLine(map, layer, shares) {
        var ll = layer.getLatLngs(), flat = Array.isArray(ll[0]) ? [].concat.apply([], ll) : ll;
        var pts = flat.map(function (x) { return map.latLngToContainerPoint(x); }), cum = [0];
        for (var k = 1; k < pts.length; k++) cum.push(cum[k - 1] + pts[k].distanceTo(pts[k - 1]));
        var total = cum[cum.length - 1];
        if (!total) return pts.slice(0, 1);
        return shares.map(function (f) {
            var d = f * total, j = 1;
            while (j < cum.length - 1 && cum[j] < d) j++;
            var t = (d - cum[j - 1]) / ((cum[j] - cum[j - 1]) || 1);
            return L.point(pts[j - 1].x + t * (pts[j].x - pts[j - 1].x), pts[j - 1].y + t * (pts[j].y - pts[j - 1].y));
        });
    }
    /* Boxes [x0, y0, x1, y1] in a grid of cells, each with the padding overlaps() gives it (0 for a marker or a control, 2 for
       a label): free(box) is what checking box against every one of them with overlaps() would say, without looking at
       those far away (issue 15: at 100x data each label was checked against 4,000 marker boxes one by one). */
    function boxIndex(cell) {
        var cells = {};
        function each(b, grow, fn) {
            for (var i = Math.floor((b[0] - grow) / cell); i <= Math.floor((b[2] + grow) / cell); i++)
                for (var j = Math.floor((b[1] - grow) / cell); j <= Math.floor((b[3] + grow) / cell); j++) fn(i + ":" + j);
        }
        return {
            add: function (b, pad) {
                var e = {b: b, pad: pad};
                each(b, 2 * pad, function (k) { (cells[k] = cells[k] || []).push(e); });
            },
            free: function (box) {
                var ok = true;
                each(box, 0, function (k) {
                    var list = cells[k] || [];
                    for (var t = 0; t < list.length && ok; t++) ok = !overlaps(box, list[t].b, list[t].pad);
                });
                return ok;
            }
        };
    }

    /* Candidate boxes [x0, y0, x1, y1] (y down) for a label of size w x h: centred above or below a line's anchor,
       or beside a marker (right, upper right, lower right, left, upper left, lower left, above, below). */
    function slots(anchors, w, h, onLine, gap) {
        var boxes = [];
        anchors.forEach(function (a) {
            if (onLine) {
                boxes.push([a.x - w / 2, a.y - gap - h, a.x + w / 2, a.y - gap]);
                boxes.push([a.x - w / 2, a.y + gap, a.x + w / 2, a.y + gap + h]);
                return;
            }
            [[1, 0], [1, -1], [1, 1], [-1, 0], [-1, -1], [-1, 1], [0, -1], [0, 1]].forEach(function (s) {
                var cx = a.x + s[0] * (gap + w / 2), cy = s[0] === 0 ? a.y + s[1] * (gap + h / 2) : a.y + s[1] * (h / 2 + gap / 2);
                boxes.push([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2]);
            });
        });
        return boxes;
    }

    function create(L_, V, SHARED) {
        var off = new Set(V.off), hl = new Set(V.highlight);
        var styled = [], halos = [], flowRecs = [], claimRec = null, overlay = null, mapRef = decorated, labelBox = null, labelTimer = null, labelled = false, placed = [];
        var pointRecs = [], thinZoom = null;

        function expand(p) {
            if (p._x) return p;
            SHARED.forEach(function (k) { if (typeof p[k] === "number") p[k] = L_.strings[p[k]]; });
            p._x = 1;
            return p;
        }
        function row(k, v) { return (v === null || v === undefined || v === "") ? "" : "<tr><th>" + esc(k) + "</th><td>" + esc(v) + "</td></tr>"; }
        function lineStyle(p) {
            if (off.has(p.i)) return {color: V.offColour, weight: 2, opacity: 0.8, dashArray: "6 6"};
            var w = 3;
            if (V.maxFlow > 0) w = 2 + 10 * (V.flows[p.i] || 0) / V.maxFlow;
            return {color: V.colours[p.c], weight: Math.round(w * 10) / 10, opacity: 0.9, dashArray: V.dashes[p.s] || (p.ax ? "8 5" : null)};
        }
        function pointStyle(p) {
            if (p.claim) return claimStyle(p);
            var border = hl.has(p.i) ? (bypassed(p.i) ? V.bypassColour : V.hlColour) : (p.rp ? V.ruColour : "#333333");
            return {color: border, weight: hl.has(p.i) ? 4 : (p.rp ? 2.5 : 1), fillColor: off.has(p.i) ? V.offColour : V.colours[p.c],
                    fillOpacity: p.k === "Junction" ? 0.6 : 0.9};
        }
        function haloStyle(f) {
            if (hl.has(f.properties.i) && bypassed(f.properties.i)) return {color: V.bypassColour, weight: 12, opacity: 1, dashArray: "4 8"};
            return hl.has(f.properties.i) ? {color: V.hlColour, weight: 14, opacity: 0.85}
                                          : {color: V.ruColour, weight: 8, opacity: V.ruOpacity || 0.35};
        }
        /* A route or port the shown claim says is avoided: cased black and dashed, not yellow. */
        function bypassed(id) { return (V.roles || {})[id] === "bypassed"; }
        function tooltip(p) {
            var claims = L_.byAsset[p.i] || [];
            var parts = ["<b>" + esc(p.n) + "</b>", esc(p.cap)];
            if (p.claim) parts = claimTooltip(p, claims.length);
            else if (off.has(p.i)) parts.push("<i>switched off in this scenario</i>");
            else if (p.i in V.flows) parts.push("flow " + V.flows[p.i].toFixed(2) + " " + esc(V.unit) + " (" + esc(V.year) + ", model)");
            return parts.join("<br>");
        }
        function popup(p) {
            var facts = row("Kind", p.k) + row("Commodity", p.c) + row("Status", p.s + (p.sn ? " (" + p.sn + ")" : "")) +
                row("Capacity", p.cap) + row("Operator", p.op || "not recorded") + row("Owners", p.own) + row("Countries", p.cc) +
                row("Crosses Russia", (p.ru & 1) ? "yes" : "no") + row("Ends at a Russian port", (p.ru & 2) ? "yes" : "no") +
                row("In service since", p.sy) + row("Reported length", p.len) + row("Route accuracy", p.acc);
            if (p.i in V.flows) facts += row("Modelled flow", V.flows[p.i].toFixed(2) + " " + V.unit + " (" + V.year + ")");
            var html = "<div class='geo-popup'><h4>" + esc(p.n) + "</h4><table>" + facts + "</table>";
            var claims = L_.byAsset[p.i] || [];
            if (claims.length) {
                html += "<p><b>Claims (" + claims.length + ")</b></p><ul>" + claims.map(function (cr) {
                    var c = L_.claims[cr[0]];
                    return "<li><q>" + esc(c.x) + "</q> <small>" + esc(c.t) + ", " + esc(c.o || "outlet unknown") + ", " +
                        esc(c.d || "undated") + "; " + esc(c.ty) + "; role: " + esc(cr[1]) + "; " + esc(c.v) + "</small></li>";
                }).join("") + "</ul>";
            }
            var src = (p.src || []).map(function (i) { return "<li>" + link(L_.sources[i], (L_.sourceUrls || [])[i]) + "</li>"; })
                .concat((p.srcx || []).map(function (s) { return "<li><code>" + esc(s) + "</code></li>"; }));
            return html + "<p><b>Sources</b></p><ul>" + src.join("") + "</ul></div>";
        }
        function bindTip(f, layer) {
            layer.bindTooltip(function () { return tooltip(expand(f.properties)) + thinnedNote(layer); }, {sticky: true});
        }
        function bind(f, layer) {
            bindTip(f, layer);
            layer.bindPopup(function () { return popup(expand(f.properties)); }, {maxWidth: 420, maxHeight: 360, autoPan: false});
            /* The popup fits the map (at most POPUP_W x POPUP_H of it, scrolling inside), and while it is open the feature's
               hover tooltip is not drawn on top of it. */
            layer.on("popupopen", function (e) {
                var m = layer._map || mapRef, size = m ? m.getSize() : null, pop = e.popup;
                if (size && size.x) {
                    pop.options.maxWidth = Math.max(200, Math.min(420, Math.floor(POPUP_W * size.x)));
                    pop.options.minWidth = Math.min(pop.options.minWidth || 50, pop.options.maxWidth);
                    pop.options.maxHeight = Math.max(120, Math.min(360, Math.floor(POPUP_H * size.y)));
                    pop.update();
                }
                layer.unbindTooltip();
            });
            layer.on("popupclose", function () { if (!layer.getTooltip()) bindTip(f, layer); });
            /* The dashboard's component (static/mapcomponent/geomap.js) sends a click to the app at once. */
            layer.on("click", function (e) { if (window.geoViewClick) window.geoViewClick(f.properties, e); });
        }
        /* One map layer: a red or yellow casing under the lines, then the features themselves. */
        function addHalo(rec) {
            /* The Russian-exposure casings never change with the view: drawn once, restyled in place (a highlight turns one
               yellow). Only the few casings of highlighted routes without one are drawn anew on each view. */
            var opts = {style: haloStyle, interactive: false, pane: "geoHalo"};
            if (rec.data.features.length >= CANVAS_MIN) opts.renderer = haloCanvas();
            if (!rec.fixed) rec.fixed = L.geoJson(rec.data, L.extend({filter: hasRuHalo}, opts)).addTo(rec.parent);
            rec.layer = L.geoJson(rec.data, L.extend({filter: hasHlHalo}, opts)).addTo(rec.parent);
        }
        /* Casings take no clicks: on a dense map (a layer of CANVAS_MIN lines or more) they are painted on one canvas
           instead of one SVG path each (issue 15: at 100x data, 1,400 more paths to build and lay out). */
        var haloRenderer = null;
        function haloCanvas() {
            if (!haloRenderer) haloRenderer = L.canvas({pane: "geoHalo"});
            return haloRenderer;
        }
        function hasRuHalo(f) { return f.properties.ru > 0; }
        function hasHlHalo(f) { return hl.has(f.properties.i) && !(f.properties.ru > 0); }
        /* Flow direction: light dashes running along every line that carries flow (lines are drawn from source to sink). */
        function hasFlow(f) {
            var p = f.properties;
            return !p.claim && f.geometry.type !== "Point" && !off.has(p.i) && (V.flows[p.i] || 0) > 0;
        }
        function addFlow(rec, animate) {
            rec.layer = L.geoJson(rec.data, {filter: hasFlow, interactive: false, pane: "geoFlow", className: animate ? "geo-flow" : "geo-flow-still",
                                             style: function () { return {color: "#ffffff", weight: 1.6, opacity: 0.9, dashArray: "3 9"}; }})
                .addTo(rec.parent);
        }
        function flowAnimated() {
            var n = 0;
            flowRecs.forEach(function (rec) { rec.data.features.forEach(function (f) { if (hasFlow(f)) n++; }); });
            return n <= ANIMATE_MAX;
        }
        function hook(map) {
            if (!map || mapRef === map && labelBox) return;
            mapRef = map;
            labelBox = L.DomUtil.create("div", "geo-labels", map.getPane("geoLabels"));
            map.on("zoomstart", function () { labelBox.style.display = "none"; });
            map.on("zoomend moveend resize overlayadd overlayremove", scheduleLabels);
            map.on("zoomend overlayadd overlayremove", function () { thinPoints(false); });
            map.on("zoomend", function () { drawDensity(); });
        }
        function scheduleLabels() {
            if (labelTimer) clearTimeout(labelTimer);
            labelTimer = setTimeout(function () { labelTimer = null; drawLabels(); }, 40);
        }
        /* Route, port and field names where they fit: by rank, shown from their zoom level on, never on top of each other,
           of a marker, a map control or the legend. A name already placed (Kazakhstan–China has four parts) is not repeated. */
        function drawLabels() {
            var map = mapRef;
            if (!map || !labelBox || !map._loaded || !map._mapPane) return false;  // a map removed for a redraw has no panes
            var size = map.getSize(), zoom = map.getZoom(), view = map.getBounds(), cont = map.getContainer().getBoundingClientRect();
            var wanted = [], taken = [];
            styled.forEach(function (gj) {
                if (!gj._map) return;
                gj.eachLayer(function (l) {
                    var p = l.feature.properties;
                    if (l.getLatLng) {
                        if (!view.contains(l.getLatLng())) return;
                        var c = map.latLngToContainerPoint(l.getLatLng()), r = (l.getRadius ? l.getRadius() : 5) + 1;
                        if (wanted.length < 4000) taken.push([c.x - r, c.y - r, c.x + r, c.y + r]);
                    } else if (!view.intersects(l.getBounds())) return;
                    if (p.lb && !p.claim && zoom >= (p.lz || 0)) wanted.push({l: l, p: p});
                });
            });
            var controls = map.getContainer().querySelectorAll(".leaflet-control, #geo-legend");
            Array.prototype.forEach.call(controls, function (el) {
                var r = el.getBoundingClientRect();
                if (r.width) taken.push([r.left - cont.left, r.top - cont.top, r.right - cont.left, r.bottom - cont.top]);
            });
            var index = boxIndex(64);
            taken.forEach(function (box) { index.add(box, 0); });
            wanted.sort(function (a, b) { return a.p.lr - b.p.lr; });
            var seen = {}, html = [];
            placed = [];
            placeRings(map, size, index, html);
            for (var n = 0; n < wanted.length && n < MAX_LABEL_TRIES && placed.length < MAX_LABELS; n++) {
                var p = wanted[n].p, l = wanted[n].l;
                if (seen[p.lb]) continue;
                var w = textWidth(p.lb) + 6, h = 15, onLine = !l.getLatLng;
                var anchors = onLine ? alongLine(map, l, [0.5, 0.35, 0.65, 0.2, 0.8]) : [map.latLngToContainerPoint(l.getLatLng())];
                var boxes = slots(anchors, w, h, onLine, onLine ? 3 : (l.getRadius ? l.getRadius() : 5) + 3);
                for (var b = 0; b < boxes.length; b++) {
                    var box = boxes[b];
                    if (box[0] < 0 || box[1] < 0 || box[2] > size.x || box[3] > size.y) continue;
                    if (!index.free(box)) continue;
                    index.add(box, 2);
                    seen[p.lb] = true;
                    placed.push({id: p.i, text: p.lb, box: box});
                    var at = map.containerPointToLayerPoint([box[0], box[1]]);
                    html.push("<div class='geo-label" + (onLine ? " geo-label-line" : "") + "' style='left:" + Math.round(at.x) + "px;top:" +
                              Math.round(at.y) + "px;width:" + Math.ceil(w) + "px" + (onLine ? ";color:" + esc(V.colours[p.c] || "#333") : "") +
                              "'>" + esc(p.lb) + "</div>");
                    break;
                }
            }
            labelBox.innerHTML = html.join("");
            labelBox.style.display = "";
            return true;
        }
        /* The stranded-volume labels, placed before any name: beside their ring (above, below, right, left, then the corners),
           where they cover no claim marker, control or other label; if there is no such place, above the ring. */
        function placeRings(map, size, index, html) {
            (V.rings || []).forEach(function (r, k) {
                var c = map.latLngToContainerPoint([r.lat, r.lon]), w = textWidth(r.text, "bold 12px sans-serif") + 10, h = 18;
                var all = slots([c], w, h, false, r.radius + 3), order = [6, 7, 0, 3, 1, 4, 2, 5], box = null;
                for (var i = 0; i < order.length && !box; i++) {
                    var b = all[order[i]];
                    if (b[0] >= 0 && b[1] >= 0 && b[2] <= size.x && b[3] <= size.y && index.free(b)) box = b;
                }
                box = box || all[6];
                index.add(box, 2);
                placed.push({id: "ring:" + k, text: r.text, box: box, ring: true});
                var at = map.containerPointToLayerPoint([box[0], box[1]]);
                html.push("<div class='geo-ring-label' style='left:" + Math.round(at.x) + "px;top:" + Math.round(at.y) + "px;width:" +
                          Math.ceil(w) + "px'>" + esc(r.text) + "</div>");
            });
        }
        /* Claim density (issue 15): each asset's claim marker has an area that follows the number of claims shown
           (V.density: the year slider and the Claims tab's filters) and carries that number; an asset with none is hidden.
           Without V.density (a saved page) every claim in the data counts. */
        function claimCount(p) { return V.density ? ((V.density[p.i] || {}).n || 0) : (L_.byAsset[p.i] || []).length; }
        function claimStyle(p) {
            var d = V.density ? V.density[p.i] : null;
            /* Hidden: nothing painted, so nothing to hover or click (Leaflet keeps the old radius when given 0). */
            if (V.density && !d) return {radius: 0.01, stroke: false, fill: false};
            return {radius: d ? d.r : 4, stroke: true, fill: true, color: "#000000", weight: 1, opacity: 1, fillColor: V.hlColour,
                    fillOpacity: d ? 0.75 : 0.95};
        }
        function claimTooltip(p, all) {
            var n = claimCount(p), note = V.density && n !== all ? " (of " + all + " in the data)" : "";
            return ["<b>" + n + " claim(s)</b> about " + esc(p.n) + note].concat(V.densityNote ? ["<i>" + esc(V.densityNote) + "</i>"] : []);
        }
        /* The count on each claim marker, in the Claims layer's group (it shows and hides with that layer). */
        function drawDensity() {
            if (!claimRec) return;
            if (claimRec.badges) claimRec.badges.clearLayers(); else claimRec.badges = L.layerGroup().addTo(claimRec.parent);
            spreadClaims();
            if (!V.density || !claimRec.layer) return;
            claimRec.layer.eachLayer(function (l) {
                var d = V.density[l.feature.properties.i];
                if (!d || !l.getLatLng) return;
                L.marker(l.getLatLng(), {icon: L.divIcon({className: "geo-density", html: esc(d.n), iconSize: [2 * d.r, 2 * d.r]}),
                                         interactive: false, keyboard: false, pane: "geoLabels"}).addTo(claimRec.badges);
            });
        }
        /* Claim markers whose centres fall inside each other's circle at the current zoom (two assets at one port, an asset
           and its terminal) are spread around their common centre, neighbours 2 r + 2 px apart, so each number can be read;
           on every zoom they are worked out again from their true places. */
        function spreadClaims() {
            var map = mapRef;
            if (!map || !map._loaded || !claimRec || !claimRec.layer) return;
            var zoom = map.getZoom(), recs = [], rmax = 1;
            claimRec.layer.eachLayer(function (l) {
                if (!l.getLatLng) return;
                if (!l._geoHome) l._geoHome = l.getLatLng();
                var r = l.getRadius();
                if (r < 1) { l.setLatLng(l._geoHome); return; }  // hidden (no claim shown for it)
                rmax = Math.max(rmax, r);
                recs.push({l: l, r: r, xy: map.project(l._geoHome, zoom)});
            });
            var cell = 2 * rmax, grid = {}, root = recs.map(function (_, i) { return i; });
            function find(i) { while (root[i] !== i) { root[i] = root[root[i]]; i = root[i]; } return i; }
            recs.forEach(function (a, i) {
                var gx = Math.floor(a.xy.x / cell), gy = Math.floor(a.xy.y / cell);
                for (var dx = -1; dx <= 1; dx++) for (var dy = -1; dy <= 1; dy++) (grid[(gx + dx) + ":" + (gy + dy)] || []).forEach(function (j) {
                    var b = recs[j];
                    if (a.xy.distanceTo(b.xy) < Math.max(a.r, b.r)) root[find(i)] = find(j);
                });
                (grid[gx + ":" + gy] = grid[gx + ":" + gy] || []).push(i);
            });
            var groups = {};
            recs.forEach(function (a, i) { (groups[find(i)] = groups[find(i)] || []).push(a); });
            Object.keys(groups).forEach(function (k) {
                var g = groups[k];
                if (g.length === 1) { g[0].l.setLatLng(g[0].l._geoHome); return; }
                g.sort(function (a, b) { var p = a.l.feature.properties.i, q = b.l.feature.properties.i; return p < q ? -1 : (p > q ? 1 : 0); });
                var cx = 0, cy = 0, r = 0;
                g.forEach(function (a) { cx += a.xy.x / g.length; cy += a.xy.y / g.length; r = Math.max(r, a.r); });
                var R = (r + 1) / Math.sin(Math.PI / g.length);
                g.forEach(function (a, n) {
                    var t = Math.PI + 2 * Math.PI * n / g.length;
                    a.l.setLatLng(map.unproject(L.point(cx + R * Math.cos(t), cy + R * Math.sin(t)), zoom));
                });
            });
        }
        function addLayer(data, parent, points) {
            hook(parent._map || mapRef);
            if (data.features.some(function (f) { return f.properties.claim; })) claimRec = {data: data, parent: parent, badges: null};
            if (!points) {
                var rec = {data: data, parent: parent, layer: null};
                halos.push(rec);
                addHalo(rec);
                var frec = {data: data, parent: parent, layer: null};
                flowRecs.push(frec);
                addFlow(frec, flowAnimated());
            }
            var layer = L.geoJson(data, {
                pointToLayer: function (f, ll) {
                    var k = f.properties.k;
                    var group = k === "Junction" ? "Junctions" : (k === "Field" ? "Fields" : "Ports and terminals");
                    var r = f.properties.claim ? 4 : (V.radius[group] || 5);
                    return L.circleMarker(ll, {radius: r, geoRadius: r});
                },
                style: function (f) { return f.geometry.type === "Point" ? pointStyle(f.properties) : lineStyle(f.properties); },
                onEachFeature: function (f, layer) { layer.feature.properties.id = f.properties.i; bind(f, layer); }
            });
            if (points) registerPoints(layer, parent);
            if (claimRec && claimRec.data === data) claimRec.layer = layer;
            layer.addTo(parent);
            styled.push(layer);
            if (claimRec && claimRec.parent === parent) drawDensity();
            scheduleLabels();
        }
        /* Dense points (issue 15: at 100x data the default view was a carpet of markers on which no line could be clicked).
           On a map of at least THIN_MIN points, each THIN_CELL-pixel cell of the current zoom keeps one point: a highlighted
           one, else the best ranked (terminals and ports before fields, larger capacity first, as the labels), drawn 2 px
           smaller; the others leave the map until the user zooms in, and the kept point's tooltip says how many it stands for. Claims markers
           are never thinned. A map with fewer points (the shipped data) is drawn as it always was. */
        function registerPoints(gj, parent) {
            gj.eachLayer(function (l) { if (!l.feature.properties.claim) pointRecs.push({l: l, gj: gj, parent: parent}); });
            var dense = pointRecs.length >= THIN_MIN;
            pointRecs.forEach(function (rec) {
                var r = rec.l.options.geoRadius;
                rec.l.setRadius(dense ? Math.max(THIN_RADIUS_MIN, r - 2) : r);
            });
            thinPoints(true);
        }
        function pointRank(a, b) {
            var p = a.l.feature.properties, q = b.l.feature.properties, ha = hl.has(p.i) ? 0 : 1, hb = hl.has(q.i) ? 0 : 1;
            if (ha !== hb) return ha - hb;
            if (p.lr !== q.lr) return (p.lr || 0) - (q.lr || 0);
            return p.i < q.i ? -1 : (p.i > q.i ? 1 : 0);
        }
        function thinPoints(force) {
            var map = mapRef;
            if (!map || !map._loaded || pointRecs.length < THIN_MIN) return;
            var zoom = map.getZoom();
            if (!force && zoom === thinZoom) return;
            thinZoom = zoom;
            var heads = {};
            pointRecs.slice().sort(pointRank).forEach(function (rec) {
                rec.more = 0;
                /* A group the user switched off takes no cell (its points are not drawn). */
                var keep = true;
                if (rec.parent._map) {
                    var xy = map.project(rec.l.getLatLng(), zoom), key = Math.floor(xy.x / THIN_CELL) + ":" + Math.floor(xy.y / THIN_CELL);
                    var head = heads[key];
                    if (!head) heads[key] = rec;
                    else if (!hl.has(rec.l.feature.properties.i)) { head.more += 1; keep = false; }
                }
                var shown = rec.gj.hasLayer(rec.l);
                if (keep && !shown) { rec.gj.addLayer(rec.l); rec.l.setStyle(pointStyle(rec.l.feature.properties)); }
                else if (!keep && shown) rec.gj.removeLayer(rec.l);
            });
            pointRecs.forEach(function (rec) { rec.l._geoMore = rec.more; });
        }
        function thinnedNote(layer) {
            return layer._geoMore ? "<br><i>and " + layer._geoMore + " more point(s) here: zoom in to see them</i>" : "";
        }
        /* The assets whose style a new view may change (issue 15: at 100x data a toggle restyled 6,200 features and drew
           1,400 casings anew), or null when any may: the first view, another palette, or the flow scale switched on or off
           (lines without flow are drawn thinner when some line has flow). */
        function changedIds(V0, V1) {
            var fixed = function (v) { return JSON.stringify([v.colours, v.dashes, v.offColour, v.ruColour, v.hlColour, v.ruOpacity, v.bypassColour, v.radius]); };
            if (!V0 || (V0.maxFlow > 0) !== (V1.maxFlow > 0) || fixed(V0) !== fixed(V1)) return null;
            var ids = new Set();
            function diff(a, b) {
                var sa = new Set(a), sb = new Set(b);
                sa.forEach(function (x) { if (!sb.has(x)) ids.add(x); });
                sb.forEach(function (x) { if (!sa.has(x)) ids.add(x); });
            }
            diff(V0.off, V1.off);
            diff(V0.highlight, V1.highlight);
            var rescaled = V0.maxFlow !== V1.maxFlow, r0 = V0.roles || {}, r1 = V1.roles || {};
            Object.keys(V0.flows).concat(Object.keys(V1.flows)).forEach(function (k) { if (rescaled || V0.flows[k] !== V1.flows[k]) ids.add(k); });
            Object.keys(r0).concat(Object.keys(r1)).forEach(function (k) { if (r0[k] !== r1[k]) ids.add(k); });
            /* Claim markers follow the claim density (year slider, Claims tab filters). */
            var d0 = V0.density || null, d1 = V1.density || null;
            if ((d0 === null) !== (d1 === null)) return null;
            if (d0) Object.keys(d0).concat(Object.keys(d1)).forEach(function (k) {
                var a = d0[k], b = d1[k];
                if (!a || !b || a.n !== b.n || a.r !== b.r) ids.add(k);
            });
            return ids;
        }
        function restyle(layer, style, ids) {
            if (!layer) return;
            if (ids === null) { layer.setStyle(style); return; }
            layer.eachLayer(function (l) { if (ids.has(l.feature.properties.i)) l.setStyle(style(l.feature)); });
        }
        function featureStyle(f) { return f.geometry.type === "Point" ? pointStyle(f.properties) : lineStyle(f.properties); }
        /* A new scenario or selection: restyle the drawn layers in place, so the map (and the user's view) stays. */
        function update(V2, map) {
            var ids = changedIds(V, V2), hlChanged = ids === null || V2.highlight.length !== hl.size || V2.highlight.some(function (i) { return !hl.has(i); });
            V = V2;
            off = new Set(V.off);
            hl = new Set(V.highlight);
            styled.forEach(function (layer) { restyle(layer, featureStyle, ids); });
            if (hlChanged) thinPoints(true);
            halos.forEach(function (rec) {
                restyle(rec.fixed, haloStyle, ids);
                if (rec.layer) rec.parent.removeLayer(rec.layer);
                addHalo(rec);
            });
            var animate = flowAnimated();
            flowRecs.forEach(function (rec) { if (rec.layer) rec.parent.removeLayer(rec.layer); addFlow(rec, animate); });
            drawDensity();
            map = map || mapRef;
            if (!map) return;
            hook(map);
            /* The first view is labelled at once, in the same frame as the routes (issue 15: the 40 ms wait for more moves
               delayed the labelled map); later changes wait for the moves and redraws to settle. */
            if (!labelled && drawLabels()) {
                labelled = true;
                if (labelTimer) { clearTimeout(labelTimer); labelTimer = null; }
            } else scheduleLabels();
            if (overlay) overlay.clearLayers(); else overlay = L.layerGroup().addTo(map);
            (V.rings || []).forEach(function (r) {
                L.circleMarker([r.lat, r.lon], {radius: r.radius, color: V.ruColour, weight: 3, fill: true, fillOpacity: 0.12,
                                                pane: "geoHalo", interactive: false}).addTo(overlay);
            });
        }
        /* The offline basemap: country polygons with their name as a tooltip. */
        function addOutlines(data, parent) {
            L.geoJson(data, {
                pane: "geoBase",
                style: function () { return {color: "#888888", weight: 0.8, fillColor: "#f2efe9", fillOpacity: 1.0}; },
                onEachFeature: function (f, layer) { layer.bindTooltip(esc(f.properties.name), {sticky: true}); }
            }).addTo(parent);
        }
        /* The labels on the map now (id, text, box in container pixels): for tests and the briefing's check. */
        function labels() { return placed.slice(); }
        var api = {addLayer: addLayer, addOutlines: addOutlines, update: update, labels: labels, drawLabels: drawLabels};
        current = api;
        return api;
    }

    /* Called by the dashboard's per-run layer: new styles, and a fit only when the user asked for one (a new request id). */
    function update(V, fit, map) {
        if (!current) return;
        current.update(V, map);
        if (fit && fit.id !== lastFit && map) {
            lastFit = fit.id;
            if (fit.bounds) map.fitBounds([[fit.bounds[1], fit.bounds[0]], [fit.bounds[3], fit.bounds[2]]], {maxZoom: 7});
        }
    }

    /* A metric-only scale bar and a sea-coloured background under the country outlines. */
    function decorate(map) {
        decorated = map;
        /* Panes: the basemap under everything, halos and rings under the routes, flow dashes on them, labels above. */
        map.createPane("geoBase").style.zIndex = 350;
        map.createPane("geoHalo").style.zIndex = 390;
        map.createPane("geoFlow").style.zIndex = 410;
        map.createPane("geoLabels").style.zIndex = 640;
        map.getPane("geoFlow").style.pointerEvents = "none";
        map.getPane("geoLabels").style.pointerEvents = "none";
        L.control.scale({imperial: false, maxWidth: 160}).addTo(map);
        map.getContainer().style.background = "#d4e6f1";
        var style = document.createElement("style");
        style.textContent = ".leaflet-interactive:focus{outline:none}" +
            ".geo-ring-label{position:absolute;height:18px;box-sizing:border-box;white-space:nowrap;font:bold 12px/16px sans-serif;" +
            "color:#a50f15;background:rgba(255,255,255,.85);padding:1px 4px;border-radius:3px;text-align:center}" +
            ".geo-popup{font:12px/1.35 sans-serif}.geo-popup h4{margin:0 0 4px;font-size:13px}.geo-popup th{text-align:left;padding-right:6px}" +
            ".geo-popup ul{padding-left:16px;margin:2px 0}.geo-popup p{margin:4px 0 2px}" +
            /* Tooltips wrap instead of running off the map's edge. */
            ".leaflet-tooltip{white-space:normal;width:max-content;max-width:min(300px,45vw)}" +
            ".geo-labels{position:absolute;left:0;top:0}" +
            ".geo-label{position:absolute;height:15px;font:600 11px/15px sans-serif;color:#222;text-align:center;white-space:nowrap;" +
            "text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff,0 0 4px #fff}" +
            ".geo-label-line{font-style:italic}" +
            ".geo-density{display:flex;align-items:center;justify-content:center;font:bold 11px sans-serif;color:#000}" +
            "@keyframes geo-flow{to{stroke-dashoffset:-24}}" +
            ".geo-flow{animation:geo-flow 1.6s linear infinite}" +
            "@media (prefers-reduced-motion: reduce){.geo-flow{animation:none}}";
        document.head.appendChild(style);
        /* In the dashboard the map fills its frame, whose height follows the window (the page's CSS); Leaflet follows resizes. */
        var holder = document.getElementById("map_div");
        if (holder) {
            holder.style.height = "100vh";
            document.body.style.margin = "0";
            document.body.style.overflow = "hidden";
            setTimeout(function () { map.invalidateSize(); }, 0);
        }
        /* Every map button says what it does (the layer switch has no title of its own in every Leaflet version). */
        setTimeout(function () {
            var titles = {".leaflet-control-layers-toggle": "Map layers: show or hide routes, points, claims and the basemap",
                          ".leaflet-control-zoom-in": "Zoom in", ".leaflet-control-zoom-out": "Zoom out"};
            Object.keys(titles).forEach(function (sel) {
                Array.prototype.forEach.call(map.getContainer().querySelectorAll(sel), function (el) {
                    el.title = titles[sel];
                    el.setAttribute("aria-label", titles[sel]);
                });
            });
        }, 0);
    }

    /* The labels the page shows now (see create().labels). */
    function labels() { return current ? current.labels() : []; }

    return {create: create, decorate: decorate, update: update, esc: esc, labels: labels};
})();
