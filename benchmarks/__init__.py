"""briefmodel's benchmarks: ``python benchmarks/run.py`` measures them (README.md here).

``run.py`` is the entry point. ``harness/`` holds what every measurement shares (the briefs
measured, timing, the run, the report), ``references/`` what the ratios are measured
against (the pydantic model, the plain-lxml floors, the Jinja2 template, markdown-it-py's
parse, IPTC's newsmlg2), and ``workloads/`` one module per family of operations measured
(canonical JSON, validation, NewsML-G2, HTML, ninjs with plain text and Markdown,
linearity, and ``briefmodel convert`` at pipeline scale).
"""
