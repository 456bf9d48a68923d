"""Tests of the Word format (``formats/docx/``)."""
