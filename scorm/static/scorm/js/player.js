/*
 * The SCORM runtime on the launch page: scorm-again's API object on this
 * (parent) window, as window.API (SCORM 1.2) or window.API_1484_11 (2004),
 * started from the CMI data the server sent, committing to the server with
 * the CSRF token; then the SCO is loaded in the frame.
 */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("scorm-config").textContent);
  var frame = document.getElementById("scorm-frame");
  var status = document.getElementById("scorm-status");

  function wrap(data) {
    return {
      csrfToken: config.csrfToken,
      sco: config.sco,
      session: config.session,
      data: data,
    };
  }

  var settings = {
    lmsCommitUrl: config.commitUrl,
    dataCommitFormat: "flattened",
    autocommit: true,
    autocommitSeconds: 30,
    xhrHeaders: { "X-CSRFToken": config.csrfToken },
    requestHandler: wrap,
    logLevel: 4,
  };
  var api;
  if (config.version === "1.2") {
    api = new window.Scorm12API(settings);
    window.API = api;
  } else {
    api = new window.Scorm2004API(settings);
    window.API_1484_11 = api;
  }
  api.loadFromJSON(config.cmi, "");
  api.on("LMSCommit Commit", function () {
    status.textContent = "";
  });
  frame.src = config.src;
})();
