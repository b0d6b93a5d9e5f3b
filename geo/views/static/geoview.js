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

    /* The one map of this page (the dashboard's iframe, or a saved page) and the last fit request applied. */
    var current = null, lastFit = null;

    function create(L_, V, SHARED) {
        var off = new Set(V.off), hl = new Set(V.highlight);
        var styled = [], halos = [], overlay = null, mapRef = null;

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
            if (p.claim) return {color: "#000000", weight: 1, fillColor: V.hlColour, fillOpacity: 0.95};
            var border = hl.has(p.i) ? V.hlColour : (p.rp ? V.ruColour : "#333333");
            return {color: border, weight: hl.has(p.i) ? 4 : (p.rp ? 2.5 : 1), fillColor: off.has(p.i) ? V.offColour : V.colours[p.c],
                    fillOpacity: p.k === "Junction" ? 0.6 : 0.9};
        }
        function haloStyle(f) {
            return hl.has(f.properties.i) ? {color: V.hlColour, weight: 14, opacity: 0.85}
                                          : {color: V.ruColour, weight: 8, opacity: 0.35};
        }
        function hasHalo(f) { return hl.has(f.properties.i) || f.properties.ru > 0; }
        function tooltip(p) {
            var claims = L_.byAsset[p.i] || [];
            var parts = ["<b>" + esc(p.n) + "</b>", esc(p.cap)];
            if (p.claim) parts = ["<b>" + claims.length + " claim(s)</b> about " + esc(p.n)];
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
            var src = (p.src || []).map(function (i) { return "<li>" + esc(L_.sources[i]) + "</li>"; })
                .concat((p.srcx || []).map(function (s) { return "<li><code>" + esc(s) + "</code></li>"; }));
            return html + "<p><b>Sources</b></p><ul>" + src.join("") + "</ul></div>";
        }
        function bind(f, layer) {
            layer.bindTooltip(function () { return tooltip(expand(f.properties)); }, {sticky: true});
            layer.bindPopup(function () { return popup(expand(f.properties)); }, {maxWidth: 420, maxHeight: 360, autoPan: false});
        }
        /* One map layer: a red or yellow casing under the lines, then the features themselves. */
        function addHalo(rec) {
            rec.layer = L.geoJson(rec.data, {filter: hasHalo, style: haloStyle, interactive: false, pane: "geoHalo"}).addTo(rec.parent);
        }
        function addLayer(data, parent, points) {
            mapRef = mapRef || parent._map || null;
            if (!points) {
                var rec = {data: data, parent: parent, layer: null};
                halos.push(rec);
                addHalo(rec);
            }
            var layer = L.geoJson(data, {
                pointToLayer: function (f, ll) {
                    var k = f.properties.k;
                    var group = k === "Junction" ? "Junctions" : (k === "Field" ? "Fields" : "Ports and terminals");
                    var r = f.properties.claim ? 4 : (V.radius[group] || 5);
                    return L.circleMarker(ll, {radius: r});
                },
                style: function (f) { return f.geometry.type === "Point" ? pointStyle(f.properties) : lineStyle(f.properties); },
                onEachFeature: function (f, layer) { layer.feature.properties.id = f.properties.i; bind(f, layer); }
            }).addTo(parent);
            styled.push(layer);
        }
        function featureStyle(f) { return f.geometry.type === "Point" ? pointStyle(f.properties) : lineStyle(f.properties); }
        /* A new scenario or selection: restyle the drawn layers in place, so the map (and the user's view) stays. */
        function update(V2, map) {
            V = V2;
            off = new Set(V.off);
            hl = new Set(V.highlight);
            styled.forEach(function (layer) { layer.setStyle(featureStyle); });
            halos.forEach(function (rec) { if (rec.layer) rec.parent.removeLayer(rec.layer); addHalo(rec); });
            map = map || mapRef;
            if (!map) return;
            if (overlay) overlay.clearLayers(); else overlay = L.layerGroup().addTo(map);
            (V.rings || []).forEach(function (r) {
                L.circleMarker([r.lat, r.lon], {radius: r.radius, color: V.ruColour, weight: 3, fill: true, fillOpacity: 0.12,
                                                pane: "geoHalo", interactive: false}).addTo(overlay);
                L.marker([r.lat, r.lon], {icon: L.divIcon({className: "geo-ring-label", html: esc(r.text), iconSize: null}),
                                          interactive: false, pane: "geoLabels"}).addTo(overlay);
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
        var api = {addLayer: addLayer, addOutlines: addOutlines, update: update};
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
        /* Panes: the basemap under everything, halos and rings under the routes, labels above them. */
        map.createPane("geoBase").style.zIndex = 350;
        map.createPane("geoHalo").style.zIndex = 390;
        map.createPane("geoLabels").style.zIndex = 640;
        map.getPane("geoLabels").style.pointerEvents = "none";
        L.control.scale({imperial: false, maxWidth: 160}).addTo(map);
        map.getContainer().style.background = "#d4e6f1";
        var style = document.createElement("style");
        style.textContent = ".leaflet-interactive:focus{outline:none}" +
            ".geo-ring-label{white-space:nowrap;font:bold 12px/1.3 sans-serif;color:#a50f15;background:rgba(255,255,255,.85);" +
            "padding:1px 4px;border-radius:3px;transform:translate(-50%,-190%);display:inline-block}";
        document.head.appendChild(style);
    }

    return {create: create, decorate: decorate, update: update, esc: esc};
})();
