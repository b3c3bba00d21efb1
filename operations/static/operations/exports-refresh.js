// "My exports": reload the list while an export is queued or running.
(function () {
  "use strict";
  var list = document.querySelector("[data-refresh-seconds]");
  if (!list) {
    return;
  }
  var seconds = parseInt(list.getAttribute("data-refresh-seconds"), 10) || 5;
  window.setTimeout(function () {
    window.location.reload();
  }, seconds * 1000);
})();
