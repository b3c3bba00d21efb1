/* Behaviour every page of the site shares. A static file: the site's Content
   Security Policy allows no inline script. Without JavaScript every part still
   works: the menu stays open and the filters open with a click. */
(function () {
    "use strict";

    // Compact header: under 48rem (site.css) the menu button shows and hides the navigation.
    var button = document.querySelector(".menu-button");
    var menu = button && document.getElementById(button.getAttribute("aria-controls"));
    if (button && menu) {
        button.hidden = false;
        button.addEventListener("click", function () {
            var open = button.getAttribute("aria-expanded") === "true";
            button.setAttribute("aria-expanded", open ? "false" : "true");
        });
        menu.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
                button.setAttribute("aria-expanded", "false");
                button.focus();
            }
        });
    }

    // Collapsible panels (the library's filters) start open on a wide screen only.
    if (window.matchMedia("(min-width: 48rem)").matches) {
        document.querySelectorAll("details[data-open-when-wide]").forEach(function (details) {
            details.open = true;
        });
    }
})();
