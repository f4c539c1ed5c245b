"""Test-wide settings: Hypothesis replays the same examples on every run (reproducible CI); new inputs are
searched for by the fuzz targets in fuzz/, not by the test suite."""

from hypothesis import settings

settings.register_profile("diplograph", derandomize=True, deadline=None)
settings.load_profile("diplograph")
