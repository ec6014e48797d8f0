"""Whether the steering notes' two real sample reports are beside this clone: the tests that
count their placeholders and read their headings run only then (tests/samples.py)."""

from __future__ import annotations

import pytest

from tests import samples


def test_the_steering_samples_are_beside_this_clone():
    missing = sorted(set(samples.SHARED) - set(samples.STEERING))
    if missing:
        pytest.skip(f"../shared/samples is not beside this clone: the tests on {missing} "
                    "are not collected")
    assert samples.COUNTS.keys() >= samples.SHARED.keys()
