"""One module per family of operations measured, each with its targets, the checks that
its references agree with briefmodel, and its comparison rows: ``canonical_json``,
``validation``, ``newsml_g2``, ``html_page``, ``text_formats`` (ninjs, plain text and
Markdown), ``scaling`` (linearity), and ``cli_batch`` (``briefmodel convert`` at pipeline
scale, ``run.py --cli``)."""
