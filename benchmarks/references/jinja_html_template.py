"""The Jinja2 template of the page ``bm.dumps(brief, "html")`` writes, as a user without
briefmodel's writer would write it: macros for sections, blocks and inline nodes
(recursive for nested sections and rich text), fed the model objects; ``jinja_html``
compiles and renders it.

It is written indented for reading; ``jinja_html._minified()`` drops the line breaks and
indentation when it is compiled (so no meaningful space may start or end a line, and no
tag may span lines), and a literal ``\\n`` in the source is a line break of the page.
"""

from __future__ import annotations

HTML_TEMPLATE_SOURCE = r"""
{% macro stamp(value, field, label="") %}
  {{ label }}<time datetime="{{ value|html_datetime }}" data-field="{{ field }}">
  {{ value|shown }}</time>
{% endmacro %}

{% macro agent(who, kind) %}
  <span class="{{ kind }}"
  {% if who.uri is not none %} data-uri="{{ who.uri }}"{% endif %}
  {% if who.role is not none %} data-role="{{ who.role }}"{% endif %}
  {% if who.affiliation is not none %} data-affiliation="{{ who.affiliation }}"{% endif %}>
  {% set url = who.uri|link_url if who.uri else none %}
  {% if url %}<a href="{{ url }}">{% endif %}
  <span class="name">{{ who.name }}</span>
  {% if url %}</a>{% endif %}
  {% if who.role is not none %}, <span class="role">{{ who.role }}</span>{% endif %}
  {% if who.affiliation is not none %}
    , <span class="affiliation">{{ who.affiliation }}</span>
  {% endif %}
  </span>
{% endmacro %}

{% macro citation(ref, in_link) %}
  {% set number = numbers.get(ref) %}
  <sup class="citation">
  {% if in_link %}<span data-source="{{ ref }}">
  {% else %}<a href="#source:{{ ref }}" data-source="{{ ref }}">{% endif %}
  {% if number is not none %}[{{ number }}]{% else %}[?]{% endif %}
  {% if in_link %}</span>{% else %}</a>{% endif %}
  </sup>
{% endmacro %}

{% macro link(node, in_link) %}
  {% set url = none if in_link else node.href|link_url %}
  {% if url is none %}
    <span class="link{% if not node.content %} bare{% endif %}" data-href="{{ node.href }}"
    {% if node.title is not none %} title="{{ node.title }}"{% endif %}>
  {% else %}
    <a href="{{ url }}"{% if not node.content %} class="bare"{% endif %}
    {% if node.title is not none %} title="{{ node.title }}"
    {% elif node.content and node.content|blank %} aria-label="{{ node.href }}"{% endif %}>
  {% endif %}
  {% if node.content %}{{ rich(node.content, in_link or url is not none) }}
  {% else %}{{ node.href }}{% endif %}
  {% if url is none %}</span>{% else %}</a>{% endif %}
{% endmacro %}

{% macro rich(content, in_link=false) %}
  {% for node in content %}
    {% if node is string %}{{ node }}
    {% else %}
      {% set kind = node|kind %}
      {% if kind == "mention" %}
        <span class="mention" data-entity="{{ node.ref }}">{{ rich(node.content, in_link) }}</span>
      {% elif kind == "citation" %}{{ citation(node.ref, in_link) }}
      {% elif kind == "emphasis" %}<em>{{ rich(node.content, in_link) }}</em>
      {% elif kind == "strong" %}<strong>{{ rich(node.content, in_link) }}</strong>
      {% elif kind == "code" %}<code>{{ node.text }}</code>
      {% elif kind == "line-break" %}<br>
      {% else %}{{ link(node, in_link) }}
      {% endif %}
    {% endif %}
  {% endfor %}
{% endmacro %}

{% macro item_list(block) %}
  {% set tag = "ol" if block.ordered else "ul" %}
  <{{ tag }}>
  {% for item in block.items %}
    <li>
    {% if item.blocks %}
      <span class="item">{{ rich(item.content) }}</span>{{ blocks(item.blocks) }}
    {% else %}{{ rich(item.content) }}
    {% endif %}
    </li>
  {% endfor %}
  </{{ tag }}>
{% endmacro %}

{% macro quote(block) %}
  <figure class="quote"
  {% if block.source_ref is not none %} data-source="{{ block.source_ref }}"{% endif %}>
  <blockquote><p>{{ rich(block.content) }}</p></blockquote>
  {% if block.attribution is not none or block.source_ref is not none %}
    <figcaption>
    {% if block.attribution is not none %}
      <span class="attribution">{{ block.attribution }}</span>
    {% endif %}
    {% if block.source_ref is not none %}{{ citation(block.source_ref, false) }}{% endif %}
    </figcaption>
  {% endif %}
  </figure>
{% endmacro %}

{% macro judgment(block) %}
  <aside class="judgment"
  {% if block.confidence is not none %} data-confidence="{{ block.confidence }}"{% endif %}
  {% if block.likelihood is not none %} data-likelihood="{{ block.likelihood }}"{% endif %}
  {% if block.basis %} data-basis="{{ block.basis|join(" ") }}"{% endif %}
  {{ " " }}role="note" aria-label="Analytic judgment">
  {% if block.likelihood is not none or block.confidence is not none %}
    <p class="assessment">
    {% if block.likelihood is not none %}
      <span class="likelihood">{{ LIKELIHOOD[block.likelihood] }}</span>
    {% endif %}
    {% if block.confidence is not none %}
      {% if block.likelihood is not none %} · {% endif %}
      <span class="confidence">{{ CONFIDENCE[block.confidence] }}</span>
    {% endif %}
    </p>
  {% endif %}
  <p class="statement">{{ rich(block.statement) }}</p>
  {% if block.basis %}
    <p class="basis">Based on {% for ref in block.basis %}{{ citation(ref, false) }}{% endfor %}</p>
  {% endif %}
  </aside>
{% endmacro %}

{% macro figure(block) %}
  {% set src = block.src|link_url %}
  <figure class="figure"{% if src is none %} data-src="{{ block.src }}"{% endif %}>
  {% if src is not none %}<img src="{{ src }}" alt="{{ block.alt }}" loading="lazy">
  {% else %}<p class="missing-image" data-alt="{{ block.alt }}">{{ block.alt }}</p>
  {% endif %}
  {% if block.caption or block.credit is not none %}
    <figcaption>
    {% if block.caption %}<span class="caption">{{ rich(block.caption) }}</span>{% endif %}
    {% if block.credit is not none %} <small class="credit">{{ block.credit }}</small>{% endif %}
    </figcaption>
  {% endif %}
  </figure>
{% endmacro %}

{% macro cells(block, row) %}
  {% set at = namespace(column=0) %}
  {% for cell in row.cells %}
    {% set name = "td" if cell.header is none else "th" %}
    {% set align = block.align[at.column] if at.column < block.align|length else "default" %}
    <{{ name }}
    {% if cell.header is not none and cell.header != "auto" %} scope="{{ cell.header }}"{% endif %}
    {% if cell.colspan != 1 %} colspan="{{ cell.colspan }}"{% endif %}
    {% if cell.rowspan != 1 %} rowspan="{{ cell.rowspan }}"{% endif %}
    {% if align != "default" %} class="align-{{ align }}"{% endif %}
    >{{ rich(cell.content) }}</{{ name }}>
    {% set at.column = at.column + cell.colspan %}
  {% endfor %}
{% endmacro %}

{% macro table(block) %}
  {% set caption = block.caption|words %}
  <div class="table-scroll" role="region" tabindex="0"
  {{ " " }}aria-label="Table {{ tables[block|ident] }}{% if caption %}: {{ caption }}{% endif %}">
  <table class="table"{% if block.align %} data-align="{{ block.align|join(" ") }}"{% endif %}>
  {% if block.caption %}<caption>{{ rich(block.caption) }}</caption>{% endif %}
  {% for tag, rows in [("thead", block.head), ("tbody", block.body), ("tfoot", block.foot)] %}
    {% if rows %}
      <{{ tag }}>{% for row in rows %}<tr>{{ cells(block, row) }}</tr>{% endfor %}</{{ tag }}>
    {% endif %}
  {% endfor %}
  </table></div>
{% endmacro %}

{% macro blocks(items) %}
  {% for block in items %}
    {% set kind = block|kind %}
    {% if kind == "paragraph" %}<p>{{ rich(block.content) }}</p>
    {% elif kind == "item-list" %}{{ item_list(block) }}
    {% elif kind == "quote" %}{{ quote(block) }}
    {% elif kind == "judgment" %}{{ judgment(block) }}
    {% elif kind == "table" %}{{ table(block) }}
    {% else %}{{ figure(block) }}
    {% endif %}
  {% endfor %}
{% endmacro %}

{% macro section(part, level) %}
  <section{% if part.id is not none %} id="{{ part.id }}"{% endif %}
  {{ " " }}class="section{% if part.role %} {{ part.role }}{% endif %}"
  {% if part.role is not none %} data-role="{{ part.role }}"{% endif %}>
  {% if part.title is not none %}
    <h{{ [level, 6]|min }}>{{ part.title }}</h{{ [level, 6]|min }}>
  {% endif %}
  {{ blocks(part.blocks) }}
  {% set inner = level + 1 if part.title is not none else level %}
  {% for child in part.sections %}{{ section(child, inner) }}{% endfor %}
  </section>
{% endmacro %}

{% macro rights(r) %}
  <p class="rights"
  {% if r.holder is not none %} data-holder="{{ r.holder }}"{% endif %}
  {% if r.notice is not none %} data-notice="{{ r.notice }}"{% endif %}
  {% if r.license_url is not none %} data-license-url="{{ r.license_url }}"{% endif %}
  {% if r.usage_terms is not none %} data-usage-terms="{{ r.usage_terms }}"{% endif %}>
  {% set lead = r.notice is not none or r.holder is not none %}
  {% if r.notice is not none %}<span class="notice">{{ r.notice }}</span>
  {% elif r.holder is not none %}<span class="holder">© {{ r.holder }}</span>
  {% endif %}
  {% if r.license_url is not none %}
    {% if lead %} · {% endif %}
    {% set url = r.license_url|link_url %}
    {% if url %}<a rel="license" href="{{ url }}">Licence</a>
    {% else %}{{ r.license_url }}{% endif %}
  {% endif %}
  {% if r.usage_terms is not none %}
    {% if lead or r.license_url is not none %} · {% endif %}
    <span class="usage-terms">{{ r.usage_terms }}</span>
  {% endif %}
  </p>
{% endmacro %}

{% macro footer(b) %}
  <footer>
  {% if b.sources %}
    <section class="sources"><h2>Sources</h2><ol>
    {% for s in b.sources %}
      <li id="source:{{ s.id }}" data-source-id="{{ s.id }}"
      {% if s.url is not none %} data-url="{{ s.url }}"{% endif %}
      {% if s.publisher is not none %} data-publisher="{{ s.publisher }}"{% endif %}
      {% if s.reliability is not none %} data-reliability="{{ s.reliability }}"{% endif %}
      {% if s.credibility is not none %} data-credibility="{{ s.credibility }}"{% endif %}>
      {% set url = s.url|link_url if s.url else none %}
      {% if url %}<a href="{{ url }}">{% endif %}
      <cite class="title">{{ s.title }}</cite>
      {% if url %}</a>{% endif %}
      {% if s.publisher is not none %}, <span class="publisher">{{ s.publisher }}</span>{% endif %}
      {% if s.published is not none %}, {{ stamp(s.published, "published") }}{% endif %}
      {% if s.accessed is not none %}, {{ stamp(s.accessed, "accessed", "accessed ") }}{% endif %}
      {% if s.reliability is not none or s.credibility is not none %}
        {{ " " }}<abbr class="grading" title="Source reliability
        {{ " " ~ (s.reliability or "not graded") }}, information credibility
        {{ " " ~ (s.credibility or "not graded") }}">
        {{ s.reliability or "" }}{{ s.credibility or "" }}</abbr>
      {% endif %}
      </li>
    {% endfor %}
    </ol></section>
  {% endif %}
  {% if b.entities %}
    <section class="entities"><h2>Named in this brief</h2><ul>
    {% for e in b.entities %}
      <li id="entity:{{ e.id }}" data-entity-id="{{ e.id }}" data-kind="{{ e.kind }}"
      {% if e.aliases %} data-aliases="{{ e.aliases|json_attr }}"{% endif %}
      {% if e.identifiers %} data-identifiers="{{ e.identifiers|json_attr }}"{% endif %}>
      <span class="name">{{ e.name }}</span> <span class="kind">({{ KINDS[e.kind] }})</span>
      {% if e.aliases %} <span class="aliases">also {{ e.aliases|join(", ") }}</span>{% endif %}
      </li>
    {% endfor %}
    </ul></section>
  {% endif %}
  {% if b.subjects %}
    <section class="subjects"><h2>Topics</h2><ul>
    {% for s in b.subjects %}
      <li
      {% if s.code is not none %} data-code="{{ s.code }}"{% endif %}
      {% if s.uri is not none %} data-uri="{{ s.uri }}"{% endif %}
      {% if s.name is not none %} data-name="{{ s.name }}"{% endif %}
      {% if s.relevance is not none %} data-relevance="{{ s.relevance }}"{% endif %}
      {% if s.confidence is not none %} data-confidence="{{ s.confidence }}"{% endif %}>
      {{ s.name or s.code or s.uri or "" }}</li>
    {% endfor %}
    </ul></section>
  {% endif %}
  {% if b.related %}
    <section class="related"><h2>Related</h2><ul>
    {% for r in b.related %}
      {% set url = r.url|link_url %}
      <li data-url="{{ r.url }}"
      {% if r.rel is not none %} data-rel="{{ r.rel }}"{% endif %}
      {% if r.title is not none %} data-title="{{ r.title }}"{% endif %}>
      {% if url %}<a href="{{ url }}">{% endif %}{{ r.title or r.url }}{% if url %}</a>{% endif %}
      </li>
    {% endfor %}
    </ul></section>
  {% endif %}
  {% if b.publisher is not none %}
    <p class="publisher">Published by {{ agent(b.publisher, "publisher") }}</p>
  {% endif %}
  {% if b.rights is not none %}{{ rights(b.rights) }}{% endif %}
  </footer>
{% endmacro %}

<!DOCTYPE html>\n
<html lang="{{ b.language }}" dir="{{ direction(b.language) }}">\n<head>\n
<meta charset="utf-8">\n
<meta name="viewport" content="width=device-width, initial-scale=1">\n
<title>{{ b.headline }}</title>\n
<meta name="description" content="{{ description }}">\n
<meta name="generator" content="briefmodel">\n
<meta property="og:type" content="article">\n
<meta property="og:title" content="{{ b.headline }}">\n
<meta property="og:description" content="{{ description }}">\n
<meta property="og:locale" content="{{ b.language|replace("-", "_") }}">\n
<meta property="article:published_time" content="{{ b.created.isoformat() }}">\n
{% if b.id|scheme in ("http", "https") %}<meta property="og:url" content="{{ b.id }}">\n{% endif %}
{% if b.updated is not none %}
  <meta property="article:modified_time" content="{{ b.updated.isoformat() }}">\n
{% endif %}
<script type="application/ld+json">{{ json_ld(b) }}</script>\n
{% if stylesheet %}<style>\n{{ stylesheet }}\n</style>\n{% endif %}
</head>\n<body>\n<main>\n

<article class="brief" lang="{{ b.language }}" dir="{{ direction(b.language) }}"
{{ " " }}data-id="{{ b.id }}" data-version="{{ b.version }}" data-status="{{ b.status }}"
{% if b.urgency is not none %} data-urgency="{{ b.urgency }}"{% endif %}
{% if b.genre is not none %} data-genre="{{ b.genre }}"{% endif %}
{% if b.keywords %} data-keywords="{{ b.keywords|json_attr }}"{% endif %}
{% if b.extensions %} data-extensions="{{ b.extensions|json_attr }}"{% endif %}>
<header>
{% if b.status != "usable" %}<p class="status" role="note">{{ b.status|capitalize }}</p>{% endif %}
<h1>{{ b.headline }}</h1>
{% if b.subheadline is not none %}<p class="subheadline">{{ b.subheadline }}</p>{% endif %}
{% if b.authors %}
  <p class="byline">By
  {% for author in b.authors %}
    {{ (" and " if loop.last else ", ") if not loop.first else " " }}{{ agent(author, "author") }}
  {% endfor %}
  </p>
{% endif %}
<p class="dates">{{ stamp(b.created, "created", "Published ") }}
{% if b.updated is not none %} · {{ stamp(b.updated, "updated", "Updated ") }}{% endif %}
{% if b.embargo_until is not none %}
  {{ " · " }}{{ stamp(b.embargo_until, "embargo-until", "Embargoed until ") }}
{% endif %}
</p>
{% if b.corrections %}
  <aside class="corrections" aria-label="Corrections"><ul>
  {% for c in b.corrections %}
    <li data-signal="{{ c.signal }}"><strong>{{ SIGNALS[c.signal] }}</strong>
    {{ " " }}{% if c.date is not none %}({{ stamp(c.date, "date") }}) {% endif %}
    <span class="note">{{ c.note }}</span></li>
  {% endfor %}
  </ul></aside>
{% endif %}
</header>
{% for part in b.sections %}{{ section(part, 2) }}{% endfor %}
{% if b.sources or b.entities or b.subjects or b.related or b.rights or b.publisher %}
  {{ footer(b) }}
{% endif %}
</article>
\n</main>\n</body>\n</html>\n
"""
