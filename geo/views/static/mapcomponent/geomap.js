/*
 * The dashboard's map component (Streamlit's component protocol, no framework): the base map is drawn once, then every
 * rerun only hands the page a new view (flows, switched-off routes, selection, rings) that geoView.update applies in place.
 *
 * - A click on a route or a point is sent at once (no debounce), with a counter so a re-click of the same asset is new.
 * - The user's zoom and centre are never sent back and never reset: only a new fit request (an id) moves the map.
 * - The base map's script is our own (geo/views/webmap.py through folium, data as JSON only); it is evaluated once.
 */
(function () {
    "use strict";
    var state = {drawn: false, loading: false, view: null, fit: null, tiles: null, tileLayer: null, clicks: 0, pending: null};

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
        return js.reduce(function (done, src) {
            return done.then(function () {
                return new Promise(function (resolve, reject) {
                    var s = document.createElement("script");
                    s.src = src;
                    s.async = false;
                    s.onload = resolve;
                    s.onerror = reject;
                    document.body.appendChild(s);
                });
            });
        }, Promise.resolve());
    }
    /* A click on an asset: what the dashboard reads (the same shape streamlit-folium returned), sent immediately. */
    function clicked(props, e) {
        state.clicks += 1;
        send("streamlit:setComponentValue", {dataType: "json", value: {
            last_active_drawing: {properties: {id: props.i}},
            last_object_clicked: {lat: e.latlng.lat, lng: e.latlng.lng, n: state.clicks}
        }});
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
            window.geoView.update(JSON.parse(args.view), fitChanged ? args.fit || null : null, map);
        }
        applyTiles(map, args.tiles);
    }
    /* The user's view, remembered after every move while the map is shown (a hidden map has no centre to read). */
    function remember(map) {
        function note() {
            if (!map._mapPane || !map.getSize().x) return;  // removed for a redraw, or hidden
            var c = map.getCenter();
            state.seen = {lat: c.lat, lng: c.lng, zoom: map.getZoom()};
            try { window.sessionStorage.setItem(VIEW_KEY, JSON.stringify(state.seen)); } catch (e) { /* storage refused */ }
        }
        map.on("moveend zoomend", note);
        note();
    }
    function keepView() { state.kept = state.seen; }
    /* Streamlit may mount the component afresh (a new frame) on a rerun: the view of this browser tab is kept there too. */
    var VIEW_KEY = "geoMapView";
    function storedView() {
        try { return JSON.parse(window.sessionStorage.getItem(VIEW_KEY) || "null"); } catch (e) { return null; }
    }
    function restoreView(map) {
        var v = state.kept || (state.drawn ? null : storedView());
        state.kept = null;
        if (v) map.setView([v.lat, v.lng], v.zoom, {animate: false});
    }
    function drawBase(args) {
        document.getElementById("geo-html").innerHTML = args.html;  // the legend: our own template, data-free
        (0, eval)(args.script);  // defines the global map_div (the Leaflet map) and draws the base layers
        window.map = window.map_div;
        restoreView(window.map);
        remember(window.map);
        state.base = args.base;
    }
    function draw(args) {
        state.loading = true;
        loadScripts(args.js_links, args.css_links).then(function () {
            document.head.insertAdjacentHTML("beforeend", args.header);
            window.geoViewClick = clicked;
            drawBase(args);
            state.drawn = true;
            state.loading = false;
            apply(state.pending || args);
            state.pending = null;
        });
    }
    window.addEventListener("message", function (event) {
        var data = event.data;
        if (!data || data.type !== "streamlit:render") return;
        var args = data.args;
        if (!state.drawn) {
            send("streamlit:setFrameHeight", {height: args.height});
            if (state.loading) state.pending = args; else draw(args);
            return;
        }
        if (args.base !== state.base) {
            /* New data (a saved claim, a hand edit) or the other commodity: draw the new base map, in the user's view.
               A map in a hidden tab has no size to fit; it is redrawn when the tab shows it again. */
            if (!document.getElementById("map_div").clientWidth) {
                state.pending = args;
                return;
            }
            keepView();
            window.map.remove();
            window.map = null;
            state.view = null;
            state.tiles = null;
            state.tileLayer = null;
            drawBase(args);
            apply(args);
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
            if (state.drawn && state.pending && document.getElementById("map_div").clientWidth) {
                var args = state.pending;
                state.pending = null;
                window.dispatchEvent(new MessageEvent("message", {data: {type: "streamlit:render", args: args}}));
            }
        }, 200);
    });
    send("streamlit:componentReady", {apiVersion: 1});
})();
