"""Tests of the XHTML body shared by NewsML-G2, ninjs and HTML (``formats/_xhtml/``)."""
