"""What the ratios are measured against, each checked to agree with briefmodel before it
is timed: the pydantic model of the canonical JSON (``pydantic_model``), the plain-lxml
NewsML-G2 floors (``lxml_newsml_write``, ``lxml_newsml_read``), the Jinja2 template of the
HTML page (``jinja_html_template``, ``jinja_html``), the plain-lxml HTML read floor
(``lxml_html``), markdown-it-py's CommonMark parse (``commonmark_parse``) and IPTC's
newsmlg2 library, when it is installed (``iptc_newsmlg2``)."""
