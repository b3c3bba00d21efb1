"""SCORM zips made by the tests: a small SCORM 1.2 package and broken variants."""

import io
import zipfile

SCO_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tiny SCO</title>
<script src="sco.js"></script></head>
<body><h1>Tiny SCORM 1.2 lesson</h1>
<p id="state">Starting</p>
<button id="finish" type="button">Finish with 85%</button>
</body></html>
"""

SCO_JS = """
function findAPI(win) {
  var tries = 0;
  while (!win.API && win.parent && win.parent !== win && tries < 10) { win = win.parent; tries++; }
  return win.API || null;
}
window.addEventListener("load", function () {
  var api = findAPI(window);
  var state = document.getElementById("state");
  if (!api) { state.textContent = "No API"; return; }
  api.LMSInitialize("");
  state.textContent = "Entry: " + api.LMSGetValue("cmi.core.entry") +
    "; location: " + api.LMSGetValue("cmi.core.lesson_location");
  document.getElementById("finish").addEventListener("click", function () {
    api.LMSSetValue("cmi.core.lesson_location", "page-3");
    api.LMSSetValue("cmi.suspend_data", "answers=abc");
    api.LMSSetValue("cmi.core.score.min", "0");
    api.LMSSetValue("cmi.core.score.max", "100");
    api.LMSSetValue("cmi.core.score.raw", "85");
    api.LMSSetValue("cmi.core.lesson_status", "passed");
    api.LMSSetValue("cmi.core.session_time", "00:02:30");
    var ok = api.LMSCommit("");
    api.LMSFinish("");
    state.textContent = ok === "true" ? "Finished" : "Commit failed";
  });
});
"""

MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="tiny" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Tiny SCORM 1.2</title>
      <item identifier="item1" identifierref="res1">
        <title>The only SCO</title>
        <adlcp:masteryscore>80</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="{href}">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
"""


def make_zip(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    buffer.seek(0)
    buffer.name = "package.zip"
    return buffer


def scorm12_files(href="index.html"):
    return {
        "imsmanifest.xml": MANIFEST_12.format(href=href),
        "index.html": SCO_HTML,
        "sco.js": SCO_JS,
    }


def scorm12_zip(**kwargs):
    return make_zip(scorm12_files(**kwargs))
