"""Production settings refuse to start without their secrets."""

import os
import subprocess
import sys

import pytest

PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "learn.example.az",
    "DATABASE_URL": "postgres://user@127.0.0.1:5432/learn",
    "REDIS_URL": "redis://127.0.0.1:6379/5",
    "WAGTAILADMIN_BASE_URL": "https://learn.example.az",
}


def load_production(env):
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import portal.settings.production as s; print(s.DATABASES['default']['ENGINE'])",
        ],
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_settings_refuse_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = load_production(env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_production_settings_use_the_database_url():
    result = load_production(PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "postgresql" in result.stdout
