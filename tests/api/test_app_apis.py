"""Each app owns its API: the library's viewsets live in ``library.api`` and the site's
``api`` app only mounts them, so the library installs without the site's API layer."""

import ast
from pathlib import Path

import pytest
from django.urls import reverse

import library.api

pytestmark = pytest.mark.django_db


def imported_modules(path):
    tree = ast.parse(Path(path).read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def test_the_library_api_imports_nothing_of_the_sites_api_app():
    modules = set(imported_modules(library.api.__file__))
    assert not {name for name in modules if name == "api" or name.startswith("api.")}


def test_the_site_mounts_every_library_route_under_the_api(client):
    root = client.get(reverse("api:root")).json()
    for prefix, _viewset, basename in library.api.ROUTES:
        assert reverse(f"api:{basename}-list") == f"/api/v1/library/{prefix}/"
        assert f"library/{prefix}" in root["resources"]


@pytest.mark.parametrize("value", ["abc", "1.5", "-1", "9" * 19])
def test_an_id_that_is_not_a_whole_number_is_the_apis_json_404(client, value):
    for prefix, _viewset, _basename in library.api.ROUTES:
        response = client.get(f"/api/v1/library/{prefix}/{value}/")
        assert response.status_code == 404, prefix
        assert response["Content-Type"] == "application/json"
