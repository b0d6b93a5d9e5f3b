/*
 * The dashboard's map component (Streamlit's component protocol, no framework): the base map is drawn once, then every
 * rerun only hands the page a new view (flows, switched-off routes, selection, rings) that geoView.update applies in place.
 *
 * - A click on a route or a point is sent at once (no debounce), with a counter so a re-click of the same asset is new.
 * - The user's zoom and centre are never sent back and never reset: only a new fit request (an id) moves the map.
 * - The view and the last fit applied are kept in the tab's sessionStorage under the Streamlit session's token, so a
 *   fresh frame of the same session (a remount, a redraw on new data) neither forgets the view nor applies an old fit
 *   again; a reload (a new session) starts from the link's view.
 * - The base map's script is our own (geo/views/webmap.py through folium, data as JSON only); it is evaluated once.
 */
(function () {
    "use strict";
    var state = {drawn: false, loading: false, view: null, fit: null, tiles: null, tileLayer: null, clicks: 0, pending: null, value: {}};

    function send(type, extra) {
        var msg = {isStreamlitMessage: true, type: type};
        Object.keys(extra || {}).forEach(function (k) { msg[k] = extra[k]; });
        window.parent.postMessage(msg, "*");
    }
    function loadScripts(js, css) {
        css.forEach(function (href) {
            var link = document.createElement("link");
            link.rel = "stylesheet";
            link.href = href;
            document.head.appendChild(link);
        });
        /* All at once: the browser fetches them in parallel and, as they are not async, runs them in this order. */
        return Promise.all(js.map(function (src) {
            return new Promise(function (resolve, reject) {
                var s = document.createElement("script");
                s.src = src;
                s.async = false;
                s.onload = resolve;
                s.onerror = reject;
                document.body.appendChild(s);
            });
        }));
    }
    /* A click on an asset: what the dashboard reads (the same shape streamlit-folium returned), sent immediately. */
    function clicked(props, e) {
        state.clicks += 1;
        state.value = {last_active_drawing: {properties: {id: props.i}}, last_object_clicked: {lat: e.latlng.lat, lng: e.latlng.lng, n: state.clicks},
                       bounds: state.value.bounds};
        send("streamlit:setComponentValue", {dataType: "json", value: state.value});
    }
    /* Issue 16: only when the app asks (report_bounds: the team store at 100x draws the assets in view), the map's bounds
       [west, south, east, north] go back with the last click, once the map has stood still for BOUNDS_WAIT_MS after a move
       (and once after it is drawn). Without the flag nothing is sent, so panning never reruns the app. */
    var BOUNDS_WAIT_MS = 300;
    function reportBounds(map) {
        var timer = null;
        function later() {
            if (!state.reportBounds) return;
            if (timer) clearTimeout(timer);
            timer = setTimeout(function () {
                timer = null;
                if (map !== window.map || !shown() || !map.getSize().x) return;  // removed for a redraw, or hidden
                var b = map.getBounds(), r = function (v) { return Math.round(v * 1000) / 1000; };
                var box = [r(b.getWest()), r(b.getSouth()), r(b.getEast()), r(b.getNorth())], key = JSON.stringify(box);
                if (key === state.boundsSent) return;
                state.boundsSent = key;
                state.value.bounds = box;
                send("streamlit:setComponentValue", {dataType: "json", value: state.value});
            }, BOUNDS_WAIT_MS);
        }
        map.on("moveend", later);
        later();
    }
    function applyTiles(map, tiles) {
        var key = JSON.stringify(tiles || null);
        if (key === state.tiles) return;
        state.tiles = key;
        if (state.tileLayer) { map.removeLayer(state.tileLayer); state.tileLayer = null; }
        if (tiles) state.tileLayer = L.tileLayer(tiles.url, {attribution: tiles.attribution, opacity: 0.8}).addTo(map);
    }
    function apply(args) {
        var map = window.map;
        if (!map) return;
        var fitKey = JSON.stringify(args.fit || null);
        var fitChanged = fitKey !== state.fit;
        if (args.view !== state.view || fitChanged) {
            state.view = args.view;
            state.fit = fitKey;
            /* A fit request this session's map has applied already (in this frame or an earlier one) is not applied again. */
            var fit = fitChanged && args.fit && args.fit.id !== stored().fit ? args.fit : null;
            window.geoView.update(JSON.parse(args.view), fit, map);
            if (fit) store({fit: fit.id});
        }
        applyTiles(map, args.tiles);
    }
    /* Whether the frame has a size: a map in a hidden tab has none (and Leaflet's cached size may be stale). */
    function shown() { return document.getElementById("map_div").clientWidth > 0; }
    /* The user's view, remembered after every move while the map is shown (a hidden map has no centre to read). */
    function remember(map) {
        function note() {
            if (map !== window.map || !shown() || !map.getSize().x) return;  // removed for a redraw, or hidden
            var c = map.getCenter();
            state.seen = {lat: c.lat, lng: c.lng, zoom: map.getZoom()};
            store({view: state.seen});
        }
        map.on("moveend zoomend", note);
        note();
    }
    function keepView() { state.kept = state.seen; }
    /* Leaflet measures its container on a window resize only; the frame's box may change without one (the column
       narrows or widens as the page around it reflows, e.g. when a claim is shown), which left a grey strip beside the
       map (issue 15). Any change of the map's box makes Leaflet measure again. */
    function followSize(map) {
        if (typeof ResizeObserver === "undefined") return;
        var ro = new ResizeObserver(function () {
            if (map !== window.map || !shown()) return;  // removed for a redraw, or hidden
            var el = map.getContainer(), s = map.getSize();
            if (el.clientWidth !== s.x || el.clientHeight !== s.y) map.invalidateSize({pan: false});
        });
        ro.observe(map.getContainer());
        map.on("unload", function () { ro.disconnect(); });
    }
    /* Streamlit may mount the component afresh (a new frame) on a rerun: this session's view and last fit are kept
       in the tab's sessionStorage, under the session's token (state.session, from the render arguments). */
    var VIEW_KEY = "geoMapView";
    function stored() {
        var s = null;
        try { s = JSON.parse(window.sessionStorage.getItem(VIEW_KEY) || "null"); } catch (e) { s = null; }
        return s && s.session === state.session ? s : {session: state.session, view: null, fit: null};
    }
    function store(part) {
        var s = stored();
        Object.keys(part).forEach(function (k) { s[k] = part[k]; });
        try { window.sessionStorage.setItem(VIEW_KEY, JSON.stringify(s)); } catch (e) { /* storage refused */ }
    }
    function restoreView(map) {
        var v = state.kept || (state.drawn ? null : stored().view);
        state.kept = null;
        if (v) map.setView([v.lat, v.lng], v.zoom, {animate: false});
    }
    /* The base map's script is a static file named by its content hash (geo/views/mapcomponent.py), fetched as text
       while Leaflet loads: component arguments would carry it through every rerun (issue 15). Its gzip copy is fetched
       and inflated here: the server sends that file as it is, where it compressed the script again for every page. */
    var scripts = {};
    function fetchBase(args) {
        var packed = !!args.script_gz_url && typeof DecompressionStream !== "undefined" && typeof Response !== "undefined";
        var url = packed ? args.script_gz_url : args.script_url;
        if (!scripts[url]) {
            scripts[url] = fetch(url, {credentials: "same-origin"}).then(function (r) {
                if (!r.ok) throw new Error("map script " + url + ": HTTP " + r.status);
                return packed ? new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).text() : r.text();
            });
            scripts[url].catch(function () { delete scripts[url]; });  // a later render may try again
        }
        return scripts[url];
    }
    function drawBase(args, script) {
        document.getElementById("geo-html").innerHTML = args.html;  // the legend: our own template, data-free
        (0, eval)(script);  // defines the global map_div (the Leaflet map) and draws the base layers
        window.map = window.map_div;
        followSize(window.map);
        restoreView(window.map);
        remember(window.map);
        reportBounds(window.map);
        state.base = args.base;
    }
    function draw(args) {
        state.loading = true;
        performance.mark("geo-first-render");  // the marks time the frame's own work (benchmarks/bench_browser.py)
        var base = fetchBase(args);
        Promise.all([loadScripts(args.js_links, args.css_links), base]).then(function (loaded) {
            performance.mark("geo-scripts-loaded");
            document.head.insertAdjacentHTML("beforeend", args.header);
            window.geoViewClick = clicked;
            drawBase(args, loaded[1]);
            performance.mark("geo-base-drawn");
            state.drawn = true;
            finish(args);
        });
    }
    /* After a (re)draw: the newest render put off meanwhile, if any, is applied now (redrawing again for newer data). */
    function finish(args) {
        state.loading = false;
        var next = state.pending || args;
        state.pending = null;
        if (next.base !== state.base) rerender(next); else apply(next);
    }
    /* New data (a saved claim, a hand edit) or the other commodity: the new base map, drawn in the user's view. */
    function redraw(args) {
        state.loading = true;
        fetchBase(args).then(function (script) {
            keepView();
            window.map.remove();
            window.map = null;
            state.view = null;
            state.tiles = null;
            state.tileLayer = null;
            drawBase(args, script);
            finish(args);
        });
    }
    function rerender(args) { window.dispatchEvent(new MessageEvent("message", {data: {type: "streamlit:render", args: args}})); }
    window.addEventListener("message", function (event) {
        var data = event.data;
        if (!data || data.type !== "streamlit:render") return;
        var args = data.args;
        state.session = args.session || null;
        state.reportBounds = !!args.report_bounds;
        state.pending = null;  // a newer render supersedes one put off: its arguments are never applied later
        if (!state.drawn) {
            send("streamlit:setFrameHeight", {height: args.height});
            /* A frame mounted in a hidden tab draws when the tab shows it (Leaflet cannot frame a map of no size). */
            if (state.loading || !shown()) state.pending = args; else draw(args);
            return;
        }
        if (state.loading) {  // a redraw is under way: the newest render waits for it
            state.pending = args;
            return;
        }
        if (args.base !== state.base) {
            /* A map in a hidden tab has no size to fit; it is redrawn when the tab shows it again. */
            if (!shown()) state.pending = args; else redraw(args);
            return;
        }
        apply(args);
    });
    /* A redraw put off while the map's tab was hidden happens as soon as the tab shows it again. */
    var settle = null;
    window.addEventListener("resize", function () {
        if (settle) clearTimeout(settle);
        /* Wait until the frame has its final size (a tab grows in steps), so the new map is drawn at that size. */
        settle = setTimeout(function () {
            settle = null;
            if (!state.loading && state.pending && shown()) {
                var args = state.pending;
                state.pending = null;
                rerender(args);
            }
        }, 200);
    });
    send("streamlit:componentReady", {apiVersion: 1});
})();
