"""Fixtures of the format tests: the offline proof the hostile-input tests share."""

from .._offline import listener, network

__all__ = ["listener", "network"]
