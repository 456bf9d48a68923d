"""Tests of ``benchmarks/``, one module per family (``test_run.py`` runs the script).
Nothing here asserts how fast anything is."""
