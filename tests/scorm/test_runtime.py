"""Reading SCORM times and scores."""

import pytest

from lms.models import Attempt
from scorm.recording import Cmi
from scorm.runtime import scaled_score, seconds


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("00:02:30", 150),
        ("0001:00:00.50", 3600.5),
        ("PT1M30S", 90),
        ("P1DT1H", 86400),
        ("PT0.25S", 0.25),
        ("", 0),
        ("nonsense", 0),
        ("PT", 0),
        ("P9999D", 86400),  # one session is capped at a day
    ],
)
def test_session_times_of_both_versions_are_read_in_seconds(value, expected):
    assert seconds(value) == pytest.approx(min(expected, 86400))


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"score_scaled": 0.5, "score_raw": 10}, 0.5),
        ({"score_raw": 85}, 0.85),
        ({"score_raw": 15, "score_min": 10, "score_max": 20}, 0.5),
        ({"score_raw": 150}, 1.0),
        ({}, None),
    ],
)
def test_scores_are_scaled_to_between_0_and_1(fields, expected):
    assert scaled_score(Cmi(Attempt(state=fields))) == (
        pytest.approx(expected) if expected is not None else None
    )
