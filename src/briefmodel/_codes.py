"""The problem codes of the layers beneath the semantic rules: parsing, the schema and
building the model, the formats' readers, the arguments of the public functions and the
command line. :data:`briefmodel.rules.CODES` lists them with the rules' own codes, the
writers' and the value shapes'."""

from __future__ import annotations

from .errors import MORE_CODE, MORE_MEANING, Severity

__all__ = ["LAYER_CODES"]

#: code -> (severity, meaning), for every code that no rule, writer or shape reports.
LAYER_CODES: dict[str, tuple[Severity, str]] = {
    "patch.malformed": (
        "error",
        "A JSON Patch operation that is not an RFC 6902 operation: not an object, no op or "
        "an unknown one, no path, a path that is not a JSON Pointer, no value or from where "
        "one is needed, a move into itself, a removal of the whole document.",
    ),
    "patch.no-target": ("error", "A JSON Patch operation's path (or from) does not exist."),
    "patch.index": (
        "error",
        "A JSON Patch operation's list index is not a number or is past the end of the list.",
    ),
    "patch.test-failed": ("error", "A JSON Patch test operation found another value."),
    "profile.syntax": ("error", "A house-style profile is not valid TOML (the line says where)."),
    "profile.invalid": (
        "error",
        "A house-style profile has a table, a setting or a value it does not take, or names "
        "a rule no installed package registers (the path is the place in the profile).",
    ),
    "parse.syntax": (
        "error",
        "The input is not well-formed JSON or XML (the line and column say where).",
    ),
    "parse.encoding": (
        "error",
        "The input bytes are not UTF-8 (or, for XML, not in the encoding it declares; "
        "UTF-16 and UTF-32 are not read).",
    ),
    "parse.unreadable": ("error", "The file cannot be read."),
    "parse.duplicate-key": ("error", "An object has the same key twice."),
    "parse.non-finite-number": ("error", "NaN, Infinity or a number too large for a double."),
    "parse.number-underflow": ("error", "A non-zero number that a double reads as 0 (1e-400)."),
    "parse.too-deep": ("error", "The document nests too deeply to be read."),
    "parse.too-large": (
        "error",
        "A number has more than 4300 digits (too many to convert), or a document is larger "
        "than 64 MiB: a file, a pipe, a device or standard input is read no further, and "
        "NewsML-G2, HTML, Markdown and plain text given as text are refused too.",
    ),
    "parse.doctype": (
        "error",
        "An XML document has a DOCTYPE: DTDs and entity declarations are refused, since they "
        "can expand without bound or read local files.",
    ),
    "parse.xinclude": ("error", "An XML document uses XInclude, which could pull in local files."),
    "parse.not-newsml": (
        "error",
        "The XML root is not a NewsML-G2 newsItem (a newsMessage is read with load_all).",
    ),
    "xsd.invalid": (
        "error",
        "An XML document breaks its XML Schema: briefmodel's NewsML-G2 profile, or the XSD "
        "given (the line says where).",
    ),
    "xsd.unusable": ("error", "The XSD given cannot be read or is not an XML Schema."),
    "html.dropped": (
        "warning",
        "Something in an HTML page that the model has no place for (navigation, forms, "
        "scripts, markup without a model node); reading strictly (the default) makes it an "
        "error, strict=False drops it.",
    ),
    "parse.not-ninjs": (
        "error",
        "A ninjs document is not a JSON object, or is briefmodel's canonical JSON instead.",
    ),
    "ninjs.meta": (
        "error",
        "The briefmodel metadata body of a ninjs document does not hold what briefmodel "
        "wrote there.",
    ),
    "markdown.dropped": (
        "warning",
        "Something in a Markdown document that the model has no place for (HTML, tables, "
        "images inside text, unknown attributes); reading strictly (the default) makes it an "
        "error, strict=False drops it.",
    ),
    "ninjs.dropped": (
        "warning",
        "Something in a ninjs document that the model has no place for; reading strictly "
        "(the default) makes it an error, strict=False drops it (keeping it under "
        "extensions by JSON Pointer).",
    ),
    "parse.not-text": (
        "error",
        "A plain-text document is empty, holds binary data (NUL bytes, or when read "
        "strictly any control character but tab, line feed, vertical tab, form feed and "
        "carriage return) or has a line too long to be text (the line says where).",
    ),
    "text.dropped": (
        "warning",
        "Page furniture at the end of a plain-text document (Source, Related Articles, Latest "
        "Posts …) that was dropped; furniture that holds lines is an error when reading "
        "strictly (the default), and writing text drops what text cannot hold "
        "(briefmodel.formats.text.losses lists it).",
    ),
    "newsml.undated": (
        "error",
        "An undated brief (no created date) cannot be written as NewsML-G2, whose items must "
        "say when they were created: give the brief a date (a reader's created=).",
    ),
    "newsml.dropped": (
        "warning",
        "Something in a NewsML-G2 item that the model has no place for; reading strictly "
        "(the default) makes it an error, strict=False drops it (keeping unknown metadata "
        "under extensions).",
    ),
    "parse.not-docx": (
        "error",
        "A file read as a Word document is not one: not a zip, a zip without a Word "
        "document's parts, a part that cannot be unpacked, or a document python-docx cannot "
        "read (the Strict form of Office Open XML, say); the message says which.",
    ),
    "docx.dropped": (
        "warning",
        "Something in a Word document that the model has no place for (an image, a text box, "
        "a footnote, a comment, a tracked change, an equation, a table inside a table), at "
        "its paragraph's number; reading strictly (the default) makes it an error, "
        "strict=False drops it.",
    ),
    "docx.edited": (
        "warning",
        "briefmodel's own Word document no longer shows what briefmodel wrote into it (a "
        "person edited it): its headline, subheadline and sections are read from the text "
        "shown (the text wins over the brief embedded in the file), the rest from the "
        "embedded brief; what the text shows less exactly than the model holds (nested "
        "emphasis, an untitled section's role) is read as the text shows it.",
    ),
    "docx.meta": (
        "error",
        "The brief briefmodel embedded in a Word document (its custom XML part) is not a "
        "brief canonical JSON reads (the path is in that JSON); read leniently, the document "
        "is read as a document written by a person.",
    ),
    "format.unknown": (
        "error",
        "The format is not registered (an OptionError, for a name given), or could not be "
        "told from a file name or from the content (a ParseError).",
    ),
    "format.binary": (
        "error",
        "bm.dumps returns text, and a document of this format (a PDF, a Word file) is bytes: "
        "bm.dumpb returns them, and bm.dump writes them to a file (an OptionError).",
    ),
    "format.write-only": (
        "error",
        "The format is written, not read: a PDF holds the brief as laid-out pages, not "
        "its structure, so bm.load refuses it (a ParseError); read the document it was "
        "written from.",
    ),
    "format.needs-extra": (
        "error",
        "Using this format needs an extra that is not installed (the message says which: "
        "pip install 'briefmodel[pdf]', and the Pango library WeasyPrint loads, for "
        "PDF; [docx] for Word; [feeds] to read Atom and RSS); an OptionError.",
    ),
    "jsonl.several": (
        "error",
        "A JSON Lines file read as one brief (bm.load, bm.loads) holds more than one: "
        "bm.load_all reads each (the line is the second brief's).",
    ),
    "feed.undated": (
        "error",
        "An undated brief (no created date) cannot be written as an Atom entry, which must "
        "say when it was updated: give the brief a date (RSS and JSON Feed leave it out).",
    ),
    "feed.empty": (
        "error",
        "A feed read as one brief (bm.load, bm.loads) holds no entry: there is no brief in it.",
    ),
    "feed.several": (
        "error",
        "A feed read as one brief (bm.load, bm.loads) holds more than one entry: "
        "bm.load_all reads each.",
    ),
    "repair.malformed-feed": (
        "warning",
        "An Atom or RSS feed that is not well-formed XML, read leniently: feedparser's "
        "lenient parser reads what it can (strictly, it is a parse.syntax error).",
    ),
    "format.mismatch": (
        "error",
        "The text was read as the format named but is clearly another (ninjs given as "
        "canonical JSON, say); the message names the format to give. The problems of the "
        "reading follow it.",
    ),
    "option.invalid": (
        "error",
        "An argument of a public function that it does not take, or a value it does not "
        "accept (an OptionError, raised before anything is read or written).",
    ),
    "convert.overwrites-input": (
        "error",
        "briefmodel convert: the output would replace an input of the same run.",
    ),
    "convert.same-output": (
        "error",
        "briefmodel convert: an earlier input of the same run has the same output.",
    ),
    "convert.unwritable": (
        "error",
        "briefmodel convert: the output cannot be written (the message says why).",
    ),
    "convert.crashed": (
        "error",
        "briefmodel convert: converting the file raised an unexpected error, or its worker "
        "process died (the message says what; please report it).",
    ),
    "input.skipped": (
        "warning",
        "briefmodel validate and convert: a directory or a glob gave a named pipe, a socket "
        "or a device, which is not read (name it on the command line to read it).",
    ),
    "schema.version": (
        "error",
        '"schema" is missing or is not "briefmodel/N" (briefmodel/1 documents are read as '
        "the current model, briefmodel/2).",
    ),
    "schema.old-model": (
        "error",
        "briefmodel migrate --check: the file is stamped with an earlier model than the "
        "current one, and needs migrating.",
    ),
    "schema.newer-model": (
        "error",
        '"schema" names a newer model than this briefmodel reads: upgrade briefmodel.',
    ),
    "schema.type": (
        "error",
        "A value has the wrong JSON type (or is null where a value is needed).",
    ),
    "schema.required": ("error", "A required field is missing."),
    "schema.additional-properties": ("error", "A field that the model does not have."),
    "schema.enum": ("error", "A value is not one of the allowed values."),
    "schema.const": ("error", "A value is not the one value allowed."),
    "schema.minimum": ("error", "A number is below its minimum."),
    "schema.maximum": ("error", "A number is above its maximum."),
    "schema.min-items": (
        "error",
        "An array has fewer items than needed (a brief needs a section).",
    ),
    "schema.min-length": ("error", "A string is empty where text is needed."),
    "node.unknown-type": ("error", "A block or inline node has an unknown type tag."),
    "subject.unidentified": ("error", "A subject has neither a code nor a uri."),
    "structure.invalid": ("error", "A value the model cannot hold, found when building the brief."),
    MORE_CODE: ("error", MORE_MEANING),
    "datetime.naive": ("error", "A date-time has no UTC offset (or a Python datetime no tzinfo)."),
    # Lenient reading (the repairs of the rules' errors are in briefmodel._repairs)
    "repair.date-naive": (
        "warning",
        "A date-time without a UTC offset is taken in the zone lenient reading is given "
        "(UTC unless told otherwise).",
    ),
    "repair.date-only": (
        "warning",
        "A date without a time of day is taken as its midnight (in UTC unless told otherwise).",
    ),
    "repair.field-kept": (
        "warning",
        "A field the model does not have is kept under extensions['briefmodel:unknown'].",
    ),
    "repair.item-of-message": (
        "warning",
        "A NewsML-G2 newsMessage holding one item, read as one document (bm.load): the item "
        "is read (a message of several is refused, pointing to load_all).",
    ),
    "repair.encoding": (
        "warning",
        "Plain text or Markdown read with strict=False: the bytes are not UTF-8 and were "
        "read as Windows-1252, or as Latin-1 when a byte is undefined there (the line is the "
        "first byte's that is not UTF-8). Reading strictly refuses them (parse.encoding).",
    ),
    "repair.item-passed-over": (
        "warning",
        "One brief of a file of several (a NewsML-G2 newsMessage) cannot be read even "
        "leniently: it is passed over and the others are read.",
    ),
    # Other publishers' HTML (lenient reading)
    "html.boilerplate": (
        "warning",
        "Another producer's page read leniently: how many of its words are around the "
        "article trafilatura found (navigation, teasers, banners, advertisements), not read.",
    ),
    "html.extractor-missing": (
        "warning",
        "Another producer's page read leniently without trafilatura installed: the article is "
        "looked for by the page's elements only (install briefmodel[web]).",
    ),
    "html.extractor-failed": (
        "warning",
        "trafilatura failed on another producer's page, or was not run on one of more than "
        "40,000 elements: the page's elements are read instead.",
    ),
    "repair.link-resolved": (
        "warning",
        "A relative link or image address of another producer's page, read against the "
        "page's address (<base href>, canonical link, og:url or JSON-LD url), or of a "
        "NewsML-G2 or ninjs item, read against the item's own web address (its guid or uri).",
    ),
    "repair.empty-title": ("warning", 'A link\'s empty title="" attribute, dropped.'),
    "repair.title-site": (
        "warning",
        "A headline that ends with the site's name (Story | Site): read without it.",
    ),
    # Plain-text stories (lenient reading)
    "repair.control-chars": (
        "warning",
        "Plain text read with strict=False: control characters (a wire "
        "story's SOH, STX, ETX, EOT, SYN, BEL …, DEL, the C1 controls) were removed; one "
        "warning a kind, at its first line, with its count. Reading strictly refuses them "
        "(parse.not-text), as both do text of many NUL bytes.",
    ),
    "repair.wire-header": (
        "warning",
        "Plain text read with strict=False: the transmission header of a "
        "wire story, between its SOH and STX (service codes, priority, word count), was "
        "dropped; header lines in it (Slug: …) are kept.",
    ),
    "repair.headline-from-header": (
        "warning",
        "Plain text read with strict=False: the headline is the text of "
        "a Title:, Headline: or Slug: header line at the top, without its label (the line "
        "says which); the other header lines are dropped.",
    ),
    "repair.headline-after-envelope": (
        "warning",
        "Plain text read with strict=False: wire copy or a press release opened with its "
        "envelope (IPTC 7901's ZCZC and routing lines, a transmission header, keyword, "
        "version and slug lines) or label lines (MEDIA RELEASE, FOR IMMEDIATE RELEASE, "
        "EMBARGOED …; Source: lines give sources): they were dropped and the headline is "
        "the first line after them that reads as one (the line is the headline's).",
    ),
    "repair.headline-wrapped": (
        "warning",
        "Plain text read with strict=False: the headline wraps onto a short line that ends "
        "its chunk (in wire copy, or when its line ends in blanks as wrapped text does), "
        "and the two were joined (the line is the continuation's).",
    ),
    "repair.wire-mark": (
        "warning",
        "Plain text read with strict=False: a wire service's end-of-headline mark (a ' =' "
        "or a '+' right after the text) was removed from the headline of wire copy.",
    ),
    "repair.byline": (
        "warning",
        "Plain text read with strict=False: the byline standing alone under the headline "
        "of wire copy (By Jo Bloggs, dpa =) was read as the brief's authors (the agency "
        "after a comma their affiliation), not as text.",
    ),
    "repair.date-from-text": (
        "warning",
        "Plain text read with strict=False and without created=: the brief's date was read "
        "from the text, from a wire filing time (101137 GMT Dec 18), a date line under the "
        "headline or a dateline (AUSTIN, Texas, Feb. 1, 2017 /PRNewswire/ --), a date in "
        "the lines before the headline (not an embargo's), or a dateline without its year "
        "and the year of a date in figures in the envelope or the last lines that agrees "
        "with it; the line says where. repair.date-only or repair.date-naive follow it "
        "when the date has no time or no zone.",
    ),
    "repair.numbered-lines": (
        "warning",
        "Plain text read with strict=False: lines numbered 1. or 2) were "
        "read as a numbered list, as (1), (2) are (the line is the list's first).",
    ),
    "repair.colon-title": (
        "warning",
        "Plain text read with strict=False: a title ending in a colon "
        "(Key Points:) was read as a section title, without the colon, its role inferred "
        "as for other titles.",
    ),
    "repair.source-lines": (
        "warning",
        "Plain text read with strict=False: Source: or Sources: lines at "
        "the start or the end were read as the brief's sources (an absolute web address in "
        "one is its url), not as text.",
    ),
    # Markdown written by people (lenient reading)
    "repair.headline-from-heading": (
        "warning",
        "Markdown without a title in its front matter nor a '#' headline first: its first "
        "'#' heading (after the text before it), or its first heading when it starts with "
        "one, was taken as the headline; a Word document without a Title paragraph that "
        "starts with a heading takes it as its headline; only a lenient reading "
        "(strict=False) does so.",
    ),
    "repair.date-from-path": (
        "warning",
        "Markdown written by people, read with strict=False: its front matter has no date "
        "key, and the date in the page's address (a path, url, permalink or slug value: "
        "2026/03/26/…, 2019-05-15-…) was taken as the creation date, at its midnight UTC "
        "(repair.date-only follows it).",
    ),
    "repair.value-kept": (
        "warning",
        "Markdown written by people, read with strict=False: a front-matter key named as a "
        "field of the model has a value the field cannot take (Jekyll's version: 4.0.0, a "
        "word for urgency); it is kept under extensions['briefmodel:unknown'] instead, and "
        "the field is left as if the key were absent. Reading strictly refuses it.",
    ),
    "repair.quote-list": (
        "warning",
        "Markdown read with strict=False: a list inside a quote, which the model's quotes "
        "cannot hold, was read as lines of the quote (each item's text after its bullet or "
        "number); reading strictly drops it (markdown.dropped, an error).",
    ),
    "repair.headline-from-first-line": (
        "warning",
        "Markdown without a title in its front matter nor any '#' heading, or a Word "
        "document without a title (by style, by look or in its properties) or a heading "
        "first: the first line of its first paragraph was taken as the headline; only a "
        "lenient reading (strict=False) does so.",
    ),
    # Word documents written by people (lenient reading)
    "repair.headline-by-look": (
        "warning",
        "A Word document without a paragraph in the Title style: its first paragraph, a "
        "short line in bold or in a larger font, was read as the headline (its paragraph "
        "number says which).",
    ),
    "repair.heading-by-look": (
        "warning",
        "A paragraph of a Word document that is no heading by its style but looks like one "
        "(a short line in bold or in a larger font, not ending as a sentence does) was read "
        "as a section's title, its role inferred from it.",
    ),
    "repair.headline-from-properties": (
        "warning",
        "A Word document without a title paragraph (by style or by look) nor a heading "
        "first takes the title of its core properties as its headline.",
    ),
    # Agency NewsML-G2 and ninjs (lenient reading)
    "repair.headline-from-title": (
        "warning",
        "A NewsML-G2 or ninjs item without a headline takes its title as one (NewsML-G2 "
        "itemMeta/title, ninjs title): at the title's line or pointer.",
    ),
    "repair.headline-from-slugline": (
        "warning",
        "A NewsML-G2 or ninjs item without a headline or title takes its slugline as its "
        "headline: at the slugline's line or pointer.",
    ),
    "repair.headline-from-description": (
        "warning",
        "A NewsML-G2 or ninjs item without a headline, title or slugline takes its first "
        "description as its headline: at the description's line or pointer.",
    ),
    "repair.headline-from-body": (
        "warning",
        "A NewsML-G2 or ninjs item with nothing else to name it takes the first sentence of "
        "its body's first paragraph (at most 120 characters) as its headline.",
    ),
    "repair.empty-ignored": (
        "warning",
        "An empty element of a NewsML-G2 item (<headline/>, <title/>, <slugline/>, "
        "<description/>, a date, an empty guid) or an empty string in ninjs is passed over "
        "as if absent.",
    ),
    "repair.undated": (
        "warning",
        "A document with no date at all, and no created= given, reads as an undated brief "
        "(created is None) rather than one with an invented date.",
    ),
    "repair.id-from-guid": (
        "warning",
        "A ninjs document without a uri is identified by its guid (which no ninjs schema "
        "has, but some producers write).",
    ),
    "repair.object-as-array": (
        "warning",
        'A ninjs object where an array is expected ("subjects": {…}) is read as an array of '
        "that one object: at the property's pointer.",
    ),
    "repair.duplicate-key": (
        "warning",
        "A key given twice in one object of a ninjs document is read, as most JSON readers "
        "do, by its last value: at the key's pointer (read strictly, parse.duplicate-key).",
    ),
    "repair.value-converted": (
        "warning",
        'A ninjs value of the wrong JSON type that plainly is one of the right type ("version": '
        '3, an array of one string where a string is expected, "urgency": "4") is converted.',
    ),
    "repair.envelope-unwrapped": (
        "warning",
        "A JSON document that is not ninjs but wraps one ninjs object (an API's answer: "
        '{"data": {"item": {…}}}) is read as that object, at its pointer; a body beside it '
        "in the envelope is read as its body.",
    ),
    "repair.body-as-text": (
        "warning",
        "A NewsML-G2 inlineXML body in a vocabulary that is neither XHTML nor NITF (a "
        "producer's own <BODY><TEXT><P>…) is read as paragraphs of its text, elements named "
        "h1–h6, hl1, hl2, heading or title as section titles: at the body's line.",
    ),
    "repair.id-hashed": (
        "warning",
        "A ninjs document with no id at all (no uri, no guid, no id= given), or a NewsML-G2 "
        "item with no guid (and no id=), is named by a hash of its headline, date and text "
        "(urn:briefmodel:ninjs:sha256:…, urn:briefmodel:newsml:sha256:…).",
    ),
}
