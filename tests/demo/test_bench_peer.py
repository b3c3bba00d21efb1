"""The peer's part of the benchmark: its site's set-up, the comparison, and leaving it out.

The peer itself (a virtual environment from the package index, a site,
gunicorn) is built by ``bench_http --peer`` only, never here.
"""

import subprocess
from io import StringIO

import pytest

from demo import peer
from demo.management.commands.bench_http import Command

# As Wagtail 8's ``wagtail start`` writes them (abridged).
BASE_SETTINGS = """\
INSTALLED_APPS = [
    "home",
    "search",
    "wagtail.contrib.forms",
]
"""
URLS = """\
urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
]

urlpatterns = urlpatterns + [
    path("", include(wagtail_urls)),
]
"""


def figures(rps, p50=10.0, queries=4):
    return {"rps": rps, "p50_ms": p50, "queries": queries}


def test_the_new_site_gets_wagtail_lms_as_its_readme_says():
    assert '    "home",\n    "wagtail_lms",\n    "search",' in peer.add_app(BASE_SETTINGS)
    urls = peer.mount_urls(URLS)
    # Mounted before Wagtail's catch-all, which would otherwise answer /lms/ itself.
    assert urls.index('path("lms/", include("wagtail_lms.urls"))') < urls.index("wagtail_urls")


def test_a_site_of_another_shape_is_refused_with_a_reason():
    with pytest.raises(peer.PeerUnavailable, match="INSTALLED_APPS"):
        peer.add_app("INSTALLED_APPS = []\n")
    with pytest.raises(peer.PeerUnavailable, match="urlpatterns"):
        peer.mount_urls("urlpatterns = []\n")


def test_the_peer_runs_this_projects_django_and_wagtail():
    pins = peer.requirements()
    assert pins[0] == f"wagtail-lms=={peer.VERSION}"
    assert {pin.split("==")[0] for pin in pins[1:]} == {"Django", "wagtail", "gunicorn"}


def test_the_comparison_sets_each_pair_beside_the_stock_page():
    results = {
        peer.STOCK: figures(500.0),
        "H5P statement post": figures(150.0, queries=14),
        "peer: xAPI statement post": figures(60.0, queries=None),
        "course page": figures(100.0),
        "peer: course page (signed in)": figures(200.0),
        "H5P lesson page (signed in)": figures(250.0),
        "peer: H5P lesson page (signed in)": figures(125.0),
    }
    rows = {row["scenario"]: row for row in peer.comparison(results)}
    post = rows["H5P statement post"]
    assert post["ours_x_stock"] == 0.3 and post["peer_x_stock"] == 0.12
    assert post["ours_x_peer"] == 2.5
    assert rows["course page (signed in)"]["ours_x_peer"] == 0.5
    assert rows["H5P lesson page (signed in)"]["peer_x_stock"] == 0.25
    lines = peer.comparison_lines(list(rows.values()))
    statement_line = next(line for line in lines if line.startswith("H5P statement post"))
    # Queries not counted show as a dash, not as a zero.
    assert " – " in statement_line and "2.50" in statement_line
    assert lines[-1].endswith("500 req/s")


def test_a_pair_with_a_side_not_measured_is_left_out_and_no_stock_page_gives_no_ratio():
    results = {"course page": figures(100.0), "peer: course page (signed in)": figures(50.0)}
    rows = peer.comparison({**results, "H5P lesson page (signed in)": figures(9.0)})
    assert [row["scenario"] for row in rows] == ["course page (signed in)"]
    assert rows[0]["ours_x_stock"] is None and rows[0]["ours_x_peer"] == 2.0
    assert "–" in peer.comparison_lines(rows)[2]


def test_building_without_the_h5p_packages_says_so(tmp_path):
    with pytest.raises(peer.PeerUnavailable, match="no H5P packages"):
        peer.build(tmp_path / "peer", tmp_path / "nowhere", log=lambda message: None)


def test_a_failed_install_names_its_step_and_the_error(tmp_path, monkeypatch):
    (tmp_path / "h5p").mkdir()
    (tmp_path / "h5p" / "H5P.MultiChoice.h5p").write_bytes(b"")

    def no_index(command, **kwargs):
        if "pip" in command:
            return subprocess.CompletedProcess(
                command, 1, "", "ERROR: No matching distribution found for wagtail-lms==0.11.1"
            )
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(peer.subprocess, "run", no_index)
    with pytest.raises(peer.PeerUnavailable) as refusal:
        peer.build(tmp_path / "peer", tmp_path / "h5p", log=lambda message: None)
    assert str(refusal.value).startswith("could not install wagtail-lms==0.11.1")
    assert "No matching distribution" in str(refusal.value)
    assert not (tmp_path / "peer" / "built").exists()


def test_bench_http_measures_this_site_alone_when_the_peer_cannot_be_built(monkeypatch):
    def unavailable(*args, **kwargs):
        raise peer.PeerUnavailable("could not install wagtail-lms==0.11.1: no index")

    monkeypatch.setattr(peer, "build", unavailable)
    errors = StringIO()
    command = Command(stdout=StringIO(), stderr=errors)
    command.options = {"workers": 2}
    ports, servers = {"ours": 8000}, {}
    assert command.peer_scenarios(ports, servers) == []
    assert ports == {"ours": 8000} and servers == {}
    message = errors.getvalue()
    assert "wagtail-lms 0.11.1" in message and "no index" in message
    assert "Measuring this site alone" in message
