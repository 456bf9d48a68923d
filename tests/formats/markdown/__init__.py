"""Tests of the Markdown format (``formats/markdown/``); the ``.md`` files here are data,
read by these tests and by ``tests/test_golden.py``."""
