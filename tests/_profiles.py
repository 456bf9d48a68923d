"""The two test profiles: ``quick``, what the README's test command runs, and ``deep``,
what CI runs.

The profile is ``BRIEFMODEL_TEST_PROFILE`` (``quick`` or ``deep``); unset, it is ``deep``
where ``CI`` is set and ``quick`` elsewhere. Both run the same tests (but the few marked
``deep``); they differ in depth:

- Hypothesis runs :data:`EXAMPLES` examples per property (registered as profiles of the
  same names in ``tests/conftest.py``), and a test that asks for its own number passes it
  through :func:`examples`, which scales it the same way;
- the slowest oracles check a smaller sample of generated briefs in ``quick`` (the W3C Nu
  HTML Checker 6 instead of 30, axe-core 3 instead of 10: :func:`sample`); on the examples,
  the corpus and the known faults they run in both;
- a test marked ``@pytest.mark.deep`` (the screenshot script in headless Chromium) runs
  only in ``deep``, and says so when skipped.

``BRIEFMODEL_TEST_PROFILE=deep pytest --cov -n auto`` runs locally what CI runs (about twice as
long). Only ``CI`` makes a missing tool or a missing ``../shared`` a failure instead of a
skip.
"""

from __future__ import annotations

import os

PROFILES = ("quick", "deep")
PROFILE = os.environ.get("BRIEFMODEL_TEST_PROFILE") or ("deep" if os.environ.get("CI") else "quick")
if PROFILE not in PROFILES:
    raise SystemExit(f"BRIEFMODEL_TEST_PROFILE must be one of {PROFILES}, not {PROFILE!r}")
DEEP = PROFILE == "deep"

#: Hypothesis examples per property test, by profile.
EXAMPLES = {"quick": 25, "deep": 150}


def examples(deep: int) -> int:
    """``max_examples`` for a property test that runs ``deep`` examples in the deep
    profile: that many there, the same share of it as :data:`EXAMPLES` in the quick one
    (at least 10)."""
    if DEEP:
        return deep
    return max(10, deep * EXAMPLES["quick"] // EXAMPLES["deep"])


def sample(deep: int, quick: int) -> int:
    """The size of an oracle's sample of generated briefs in the current profile."""
    return deep if DEEP else quick
