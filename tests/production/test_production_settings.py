"""The production settings: a clean deploy check, and every service taken from the environment."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_env(**extra):
    return {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "learn.example.az",
        "DATABASE_URL": "postgres://learn@127.0.0.1:5432/learn",
        "REDIS_URL": "redis://127.0.0.1:6379/5",
        "WAGTAILADMIN_BASE_URL": "https://learn.example.az",
        # Uploaded packages run on an origin of their own (lms.content).
        "LMS_CONTENT_ORIGIN": "https://content.learn-example.az",
        **extra,
    }


def run(args, env):
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def settings_value(expression, **extra):
    result = run(
        [
            "-c",
            f"import django; django.setup(); from django.conf import settings; print({expression})",
        ],
        production_env(**extra),
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_the_deploy_check_is_clean():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_cache_and_sessions_live_in_redis():
    assert settings_value("settings.CACHES['default']['BACKEND']") == (
        "django.core.cache.backends.redis.RedisCache"
    )
    assert settings_value("settings.CACHES['default']['LOCATION']") == "redis://127.0.0.1:6379/5"
    assert settings_value("settings.SESSION_ENGINE") == "django.contrib.sessions.backends.cached_db"


def test_tasks_go_to_the_database_for_workers():
    assert (
        settings_value("settings.TASKS['default']['BACKEND']") == "django_tasks_db.DatabaseBackend"
    )


def test_database_connections_persist_and_are_health_checked():
    assert settings_value("settings.DATABASES['default']['CONN_HEALTH_CHECKS']") == "True"
    assert settings_value("settings.DATABASES['default']['CONN_MAX_AGE']") == "60"


def test_media_go_to_s3_when_a_bucket_is_named():
    assert settings_value("settings.STORAGES['default']['BACKEND']") == (
        "django.core.files.storage.FileSystemStorage"
    )
    extra = {"AWS_STORAGE_BUCKET_NAME": "ttp-media", "AWS_S3_ENDPOINT_URL": "http://minio:9000"}
    assert settings_value("settings.STORAGES['default']['BACKEND']", **extra) == (
        "storages.backends.s3.S3Storage"
    )
    storage = "__import__('django.core.files.storage', fromlist=['x']).storages['default']"
    assert settings_value(f"type({storage}).__name__", **extra) == "S3Storage"


def test_report_exports_stay_private_on_disk_and_on_s3():
    env = {"EXPORTS_ROOT": "/srv/exports"}
    assert settings_value("settings.STORAGES['exports']['OPTIONS']['location']", **env) == (
        "/srv/exports"
    )
    extra = {"AWS_STORAGE_BUCKET_NAME": "ttp-media", "AWS_S3_ENDPOINT_URL": "http://minio:9000"}
    options = "settings.STORAGES['exports']['OPTIONS']"
    assert settings_value(f"{options}['location']", **extra) == "exports-private"
    assert settings_value(f"{options}['querystring_auth']", **extra) == "True"
    assert settings_value(f"{options}['custom_domain']", **extra) == "None"


def test_production_refuses_to_start_without_redis():
    env = production_env()
    del env["REDIS_URL"]
    result = run(["-c", "import portal.settings.production"], env)
    assert result.returncode != 0
    assert "REDIS_URL" in result.stderr


def test_cookies_are_secure_and_https_is_enforced():
    for name in (
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_HTTPONLY",
    ):
        assert settings_value(f"settings.{name}") == "True", name
    assert int(settings_value("settings.SECURE_HSTS_SECONDS")) >= 31536000


def test_production_installs_no_demo_or_benchmark_commands():
    """seed_demo, seed_library and the bench commands live in the demo app, for
    development, tests and benchmarks only (issue 20)."""
    assert settings_value("'demo' in settings.INSTALLED_APPS") == "False"
    result = run(["manage.py", "help", "--commands"], production_env())
    assert result.returncode == 0, result.stderr
    commands = set(result.stdout.split())
    assert not commands & {"seed_demo", "seed_library", "seed_scale", "bench_http"}
    assert {"clear_page_cache", "run_worker", "migrate"} <= commands
