"""The benchmark harness reads wrk's figures right, and its floors answer as a server would."""

import json
from io import StringIO

import pytest
from django.test import RequestFactory

from demo.bench_views import json_post, plain
from demo.management.commands.bench_http import parse_wrk

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8000/courses/
  2 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    40.12ms   10.01ms 120.00ms   70.00%
  Latency Distribution
     50%   38.50ms
     75%   45.00ms
     90%   52.00ms
     99%    1.20s
  2480 requests in 10.01s, 30.00MB read
  Socket errors: connect 0, read 1, write 0, timeout 2
  Non-2xx or 3xx responses: 4
Requests/sec:    247.75
Transfer/sec:      3.00MB
p95_us 61000
"""


def test_parse_wrk_reads_rate_percentiles_and_errors():
    figures = parse_wrk(WRK_OUTPUT)
    assert figures["rps"] == 247.75
    assert figures["p50_ms"] == 38.5
    assert figures["p95_ms"] == 61.0
    assert figures["p99_ms"] == 1200.0
    assert figures["errors"] == 7


def test_parse_wrk_in_microseconds_without_errors():
    figures = parse_wrk("     50%  850.00us\n     99%    2.00ms\nRequests/sec:   3150.10\n")
    assert figures["rps"] == 3150.1 and figures["p50_ms"] == 0.85 and figures["errors"] == 0


def test_floor_views():
    factory = RequestFactory()
    assert plain(factory.get("/")).content == b"ok"
    response = json_post(
        factory.post("/", json.dumps({"a": 1, "b": 2}), content_type="application/json")
    )
    assert json.loads(response.content) == {"received": 2}
    assert json_post(factory.post("/", "{", content_type="application/json")).status_code == 400
    assert json_post(factory.get("/")).status_code == 405


@pytest.mark.django_db
def test_the_learners_and_desk_scenarios_answer_as_a_server_would(catalogue, settings):
    """Every step of the many-learners and checkout scenarios succeeds, twice over."""
    from django.core.management import call_command

    from courses.factories import ProgrammeFactory
    from demo.management.commands.bench_http import Command
    from library.models import Loan

    settings.ROOT_URLCONF = "demo.bench_urls"
    ProgrammeFactory()
    call_command(
        "seed_scale",
        learners=12,
        courses=2,
        lessons=6,
        touched=2,
        cohorts=2,
        materials=10,
        copies=60,
        stdout=StringIO(),
    )
    command = Command()
    command.options = {"learners": 10, "learner_connections": 5, "connections": 10}
    scenarios = {scenario.name: scenario for scenario in command.scenarios()}
    learners = scenarios["10 learners at work"]
    assert "local learners" in learners.lua[0] and learners.connections == 5
    assert command.count_queries(learners) > 0
    desk = scenarios["desk checkout and return"]
    assert command.count_queries(desk) > 0
    # Lent and returned: the copy is back on the shelf.
    assert Loan.objects.filter(returned_at__isnull=True, patron__card_number="BENCH-1").count() == 0
