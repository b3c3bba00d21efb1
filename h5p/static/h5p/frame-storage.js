/* Storage for H5P core where the browser denies it (on the content origin).
 *
 * The player runs on the content origin, framed by the site: a third-party
 * frame, whose localStorage a browser that blocks third-party storage (a
 * private window, say) refuses to open, and an opaque origin (a sandboxed
 * frame without a content origin) never has any. H5P core reads
 * localStorage without a guard (its clipboard, its request queue), so it
 * gets one kept in memory for the page's life instead of an exception.
 */
(function () {
  "use strict";
  function memoryStorage() {
    var items = Object.create(null);
    return {
      getItem: function (key) { return key in items ? items[key] : null; },
      setItem: function (key, value) { items[key] = String(value); },
      removeItem: function (key) { delete items[key]; },
      clear: function () { items = Object.create(null); },
      key: function (index) { return Object.keys(items)[index] || null; },
      get length() { return Object.keys(items).length; },
    };
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      if (window[name]) return;
    } catch (error) { /* denied: replaced below */ }
    try {
      Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
    } catch (error) { /* nothing more can be done */ }
  });
})();
