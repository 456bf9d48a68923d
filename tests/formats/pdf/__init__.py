"""Tests of the PDF format (``formats/pdf/``), read with poppler's tools."""
