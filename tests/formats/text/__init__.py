"""Tests of the plain-text format (briefmodel.formats.text)."""
