/* Runs inside the H5P content frame: H5P's own saved-state calls carry the CSRF token. */
(function () {
  "use strict";
  try {
    var holder = window.parent.document.getElementById("h5p-container");
    var token = holder && holder.getAttribute("data-csrf");
    if (token && window.H5P && H5P.jQuery) {
      H5P.jQuery.ajaxSetup({ headers: { "X-CSRFToken": token } });
    }
  } catch (error) {
    /* A frame we do not control: saved state simply is not stored. */
  }
})();
