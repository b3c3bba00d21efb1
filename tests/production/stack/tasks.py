"""A task for the killed-worker test: its effect is slow enough to be interrupted."""

import time
from pathlib import Path

from django_tasks import task

from operations.effects import run_once
from operations.models import CompletedEffect


@task()
def slow_effect(key, started_file, pause_file):
    """Write one effect row, then wait while ``pause_file`` exists (the worker is killed then)."""

    def effect():
        CompletedEffect.objects.create(key=f"{key}:effect")
        Path(started_file).write_text("started")
        deadline = time.monotonic() + 120
        while Path(pause_file).exists() and time.monotonic() < deadline:
            time.sleep(0.1)

    return run_once(key, effect)
