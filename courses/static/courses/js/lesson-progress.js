/*
 * Lesson progress without blocking reading.
 *
 * - When the end of the lesson scrolls into view (after a short dwell), sends
 *   "reached_end"; the server decides whether that completes the lesson.
 * - When the page is hidden, sends the time spent since the last report.
 * - A report that fails (offline, server busy) is kept in localStorage and
 *   sent again when the connection returns or the lesson is next opened.
 *   Each report carries its own request id (Idempotency-Key), kept with it,
 *   so a report the server did record before the answer was lost is not
 *   counted twice when it is sent again.
 * The page works without this script: "Mark as complete" is a plain form.
 */
(function () {
    "use strict";
    var script = document.currentScript;
    if (!script || !window.fetch) return;
    var url = script.dataset.progressUrl;
    var completesAtEnd = script.dataset.completesAtEnd === "true";
    var completed = script.dataset.completed === "true";
    var tokenInput = document.querySelector("input[name=csrfmiddlewaretoken]");
    var csrf = tokenInput ? tokenInput.value : "";
    var storeKey = "lesson-progress:pending:" + url;
    var lastReport = Date.now();
    var loadedAt = Date.now();
    var DWELL_MS = 3000;

    function elapsedSeconds() {
        var now = Date.now();
        var seconds = Math.min((now - lastReport) / 1000, 1800);
        lastReport = now;
        return seconds.toFixed(1);
    }

    function readPending() {
        try { return JSON.parse(localStorage.getItem(storeKey) || "[]"); } catch (e) { return []; }
    }

    function writePending(items) {
        try {
            if (items.length) localStorage.setItem(storeKey, JSON.stringify(items));
            else localStorage.removeItem(storeKey);
        } catch (e) { /* storage full or disabled: the form still works */ }
    }

    function newRequestId() {
        if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
        return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 14);
    }

    function post(fields) {
        var body = new FormData();
        Object.keys(fields).forEach(function (key) { body.append(key, fields[key]); });
        return fetch(url, {
            method: "POST",
            body: body,
            credentials: "same-origin",
            keepalive: true,
            headers: { "X-CSRFToken": csrf, "Idempotency-Key": fields.request_id },
        }).then(function (response) {
            if (response.status >= 500) throw new Error("server");
            return response.ok ? response.json() : null;
        });
    }

    function send(fields) {
        if (!fields.request_id) fields.request_id = newRequestId();
        return post(fields).catch(function () {
            var pending = readPending();
            pending.push(fields);
            writePending(pending.slice(-20));
            return null;
        });
    }

    function flushPending() {
        var pending = readPending();
        if (!pending.length) return;
        writePending([]);
        pending.forEach(function (fields) { send(fields).then(showResult); });
    }

    function showResult(data) {
        if (!data) return;
        var bar = document.getElementById("course-progress");
        if (bar) {
            var percent = Math.round(data.course_progress * 100);
            bar.value = percent;
            var label = bar.parentNode.querySelector(".progress__value");
            if (label) label.textContent = percent + "%";
        }
        if (data.completed && !completed) {
            completed = true;
            var form = document.getElementById("complete-form");
            var done = document.getElementById("lesson-done");
            if (form) form.hidden = true;
            if (done) done.hidden = false;
        }
    }

    function reachedEnd() {
        var wait = Math.max(0, DWELL_MS - (Date.now() - loadedAt));
        window.setTimeout(function () {
            send({ verb: "reached_end", time_spent: elapsedSeconds() }).then(showResult);
        }, wait);
    }

    var end = document.getElementById("lesson-end");
    if (!completed && completesAtEnd && end && "IntersectionObserver" in window) {
        var observer = new IntersectionObserver(function (entries) {
            if (entries.some(function (entry) { return entry.isIntersecting; })) {
                observer.disconnect();
                reachedEnd();
            }
        });
        observer.observe(end);
    }

    document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") {
            send({ verb: "progressed", progress_delta: "0", time_spent: elapsedSeconds() });
        } else {
            lastReport = Date.now();
        }
    });
    window.addEventListener("online", flushPending);
    flushPending();
})();
