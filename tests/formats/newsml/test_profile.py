"""briefmodel's NewsML-G2 profile (``schemas/newsml-profile*.xsd``) describes the writer's output.

Three oracles: the writer's own output, which must pass the profile (every example, every
corpus brief and generated briefs, compact and pretty); IPTC's official NewsML-G2 2.35 XSD,
which must accept everything the profile accepts (the profile is a restriction of the
standard) and which accepts IPTC's examples that the profile refuses; and targeted
deviations from real output, which the profile must refuse, each at the line of the
element at fault. lxml (libxml2) checks all of it; the JDK's XML Schema validator (Xerces),
a second implementation that also checks IDREFs, checks the corpus against both schemas.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from importlib.resources import as_file, files
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from lxml import etree

import briefmodel as bm
from briefmodel import model
from briefmodel.formats import newsml
from briefmodel.testing import briefs

ROOT = Path(__file__).resolve().parents[3]
BRIEF_FILES = sorted(ROOT.glob("examples/*.json")) + sorted(
    (ROOT / "tests" / "corpus" / "should_pass").glob("*.json")
)
PROFILE_FILES = (
    "newsml-profile.xsd",
    "newsml-profile-xhtml.xsd",
    "newsml-profile-bm.xsd",
    "newsml-profile-xml.xsd",
)
OFFICIAL_XSD = "standards/newsml-g2/2.35/NewsML-G2_2.35-spec-All-Power.xsd"
IPTC_EXAMPLES = "standards/newsml-g2/2.35/examples"

XS = "{http://www.w3.org/2001/XMLSchema}"
N = "{" + newsml.NAR + "}"
H = "{" + newsml.XHTML + "}"
B = "{" + newsml.BM + "}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
UTC = timezone.utc


@pytest.fixture(scope="module")
def official(shared: Path) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(shared / OFFICIAL_XSD), parser))


def profile_errors(text: str) -> str:
    """The profile's error log for ``text``; empty when it is valid."""
    schema = newsml.profile_schema()
    return "" if schema.validate(newsml.parse(text)) else str(schema.error_log)


def official_errors(schema: etree.XMLSchema, text: str) -> str:
    return "" if schema.validate(newsml.parse(text)) else str(schema.error_log)


# ======================================================================================
# The schema documents


def test_the_profile_ships_in_the_package_as_four_documents_that_fetch_nothing() -> None:
    packaged = files("briefmodel") / "schemas"
    for name in PROFILE_FILES:
        document = etree.fromstring((packaged / name).read_bytes())
        assert document.tag == XS + "schema"
        # The repository's schemas/ folder shows the same files.
        assert (ROOT / "schemas" / name).read_bytes() == (packaged / name).read_bytes()
        for reference in document.iter(XS + "import", XS + "include", XS + "redefine"):
            location = reference.get("schemaLocation")
            assert location in PROFILE_FILES, f"{name} refers to {location!r}"
    assert isinstance(newsml.profile_schema(), etree.XMLSchema)


def test_the_xml_namespace_document_declares_only_xml_lang_and_xml_id() -> None:
    document = etree.fromstring((files("briefmodel") / "schemas" / PROFILE_FILES[3]).read_bytes())
    assert document.get("targetNamespace") == "http://www.w3.org/XML/1998/namespace"
    declared = [(a.get("name"), a.get("type")) for a in document.iter(XS + "attribute")]
    assert declared == [("lang", "xs:language"), ("id", "xs:ID")]
    assert list(document.iter(XS + "element", XS + "attributeGroup")) == []


def test_every_declaration_of_the_profile_says_what_it_carries() -> None:
    undocumented = []
    kinds = ("element", "attribute", "complexType", "simpleType", "group", "attributeGroup")
    for name in PROFILE_FILES:
        document = etree.fromstring((files("briefmodel") / "schemas" / name).read_bytes())
        for node in document.iter(*(XS + kind for kind in kinds)):
            if etree.QName(node).localname in ("group", "attributeGroup") and node.get("ref"):
                continue  # a use of a documented group
            if node.get("name") is None and node.get("ref") is None:
                continue  # an anonymous type, documented by its element or attribute
            text = "".join(
                node.xpath("xs:annotation/xs:documentation//text()", namespaces={"xs": XS[1:-1]})
            )
            if not text.strip():
                undocumented.append(
                    f"{name}:{node.sourceline} {node.get('name') or node.get('ref')}"
                )
    assert undocumented == []


# ======================================================================================
# What the writer emits passes the profile, and the standard


@pytest.fixture(params=BRIEF_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in BRIEF_FILES])
def brief(request: pytest.FixtureRequest) -> bm.Brief:
    return bm.load(request.param)


@pytest.mark.parametrize("pretty", [False, True], ids=["compact", "pretty"])
def test_written_briefs_pass_the_profile(brief: bm.Brief, pretty: bool) -> None:
    text = newsml.write(brief, pretty=pretty)
    assert profile_errors(text) == ""
    # examine() checks against the profile by default, then reads leniently: no problem
    # at all, and the brief back.
    problems, read = newsml.examine(text)
    assert problems == []
    assert read == brief


@pytest.mark.parametrize("pretty", [False, True], ids=["compact", "pretty"])
def test_written_briefs_pass_the_official_xsd(
    official: etree.XMLSchema, brief: bm.Brief, pretty: bool
) -> None:
    text = newsml.write(brief, pretty=pretty)
    assert profile_errors(text) == ""
    assert official_errors(official, text) == ""


@given(briefs(dated=True))
def test_generated_briefs_pass_the_profile(generated: bm.Brief) -> None:
    for pretty in (False, True):
        text = newsml.write(generated, pretty=pretty)
        assert profile_errors(text) == "", text


@given(briefs(dated=True))
def test_what_passes_the_profile_passes_the_official_xsd(
    official: etree.XMLSchema, generated: bm.Brief
) -> None:
    for pretty in (False, True):
        text = newsml.write(generated, pretty=pretty)
        assert profile_errors(text) == "", text
        assert official_errors(official, text) == "", text


def _base(**changes: object) -> bm.Brief:
    brief = bm.Brief(
        id="urn:example:profile:base",
        headline="Profile Check",
        created=datetime(2026, 5, 4, 8, tzinfo=UTC),
        sections=[bm.Section(blocks=[bm.Paragraph(content="Text.")])],
    )
    return attrs.evolve(brief, **changes)


def _every_value_of_every_enumeration() -> list[bm.Brief]:
    """Briefs that use each value the model allows for each enumerated or bounded field."""
    sources = [
        bm.Source(
            id=f"s{index}",
            title="Source",
            reliability=model.RELIABILITIES[index % len(model.RELIABILITIES)],
            credibility=1 + index % 6,
        )
        for index in range(6)
    ]
    judgments = [
        bm.Judgment(statement="It will.", confidence=confidence, likelihood=likelihood)
        for confidence in model.CONFIDENCES
        for likelihood in model.LIKELIHOODS
    ]
    entities = [
        bm.Entity(id=f"e-{kind}", kind=kind, name=kind.title()) for kind in model.ENTITY_KINDS
    ]
    corrections = [bm.Correction(signal=signal, note="Changed.") for signal in model.SIGNALS]
    subjects = [
        bm.Subject(code="medtop:01000000", relevance=0, confidence=100),
        bm.Subject(uri="http://cv.iptc.org/newscodes/mediatopic/02000000", relevance=100),
    ]
    everything = _base(
        sources=sources,
        entities=entities,
        corrections=corrections,
        subjects=subjects,
        sections=[bm.Section(blocks=judgments)],
    )
    statuses = [_base(status=status) for status in model.STATUSES]
    urgencies = [_base(urgency=urgency) for urgency in range(1, 10)]
    return [everything, *statuses, *urgencies]


@pytest.mark.parametrize("pretty", [False, True], ids=["compact", "pretty"])
def test_every_value_the_model_allows_passes_the_profile(pretty: bool) -> None:
    for value in _every_value_of_every_enumeration():
        assert profile_errors(newsml.write(value, pretty=pretty)) == ""


def test_times_beyond_what_xs_datetime_holds_pass_the_profile_and_the_standard(
    official: etree.XMLSchema,
) -> None:
    offsets = [
        timedelta(hours=23, minutes=59),
        -timedelta(hours=14),
        -timedelta(hours=15, minutes=30),
    ]
    for offset in offsets:
        when = datetime(2026, 5, 4, 8, 0, 0, 250, tzinfo=timezone(offset))
        brief = _base(
            created=when,
            updated=when + timedelta(days=1),
            embargo_until=when,
            sources=[bm.Source(id="s", title="Source", published=when, accessed=when)],
            corrections=[bm.Correction(signal="update", note="Changed.", date=when)],
        )
        text = newsml.write(brief)
        written = newsml.parse(text).find(f"{N}itemMeta/{N}firstCreated")
        assert written is not None
        # The exact time is kept beside a NewsML-G2 time when xs:dateTime cannot hold it.
        assert (written.get(B + "written") is not None) == (abs(offset) > timedelta(hours=14))
        assert profile_errors(text) == ""
        assert official_errors(official, text) == ""


# ======================================================================================
# Deviations from the writer's output are refused, each at its line


def _rich_brief() -> bm.Brief:
    """The judgments example, with keywords, a related link and nested rich lists."""
    brief = bm.load(ROOT / "examples" / "grid-outlook-judgments.json")
    extra = bm.Section(
        id="more",
        title="More",
        blocks=[
            bm.ItemList(
                items=[
                    bm.ListItem(
                        content=["See ", bm.Link(href="https://example.org/", content="this")],
                        blocks=[bm.Paragraph(content=bm.Emphasis(content="Nested."))],
                    )
                ]
            )
        ],
    )
    return attrs.evolve(
        brief,
        keywords=["grid", "winter"],
        related=[bm.Related(url="https://example.org/earlier", title="Earlier")],
        sections=[*brief.sections, extra],
    )


def _one(root: etree._Element, path: str) -> etree._Element:
    found = root.find(path)
    assert found is not None, path
    return found


def _first(root: etree._Element, tag: str) -> etree._Element:
    return next(root.iter(tag))


def drop_headline(root: etree._Element) -> etree._Element:
    headline = _one(root, f"{N}contentMeta/{N}headline")
    after = headline.getnext()
    headline.getparent().remove(headline)
    return after


def swap_version_created_and_first_created(root: etree._Element) -> etree._Element:
    first = _one(root, f"{N}itemMeta/{N}firstCreated")
    first.getprevious().addprevious(first)
    return first


def insert(where: str, tag: str, index: int | None = 1) -> Callable[..., etree._Element]:
    """Insert an empty element: into the child ``where`` of the root (a path), or into the
    first element named ``where`` with a leading "/"; at ``index``, or last with None."""

    def mutate(root: etree._Element) -> etree._Element:
        parent = _first(root, where[1:]) if where.startswith("/") else _one(root, where)
        element = etree.Element(tag)
        parent.insert(len(parent) if index is None else index, element)
        return element

    return mutate


def set_attribute(tag: str, name: str, value: str) -> Callable[..., etree._Element]:
    def mutate(root: etree._Element) -> etree._Element:
        element = _first(root, tag)
        element.set(name, value)
        return element

    return mutate


def set_text(tag: str, value: str) -> Callable[..., etree._Element]:
    def mutate(root: etree._Element) -> etree._Element:
        element = _first(root, tag)
        element.text = value
        return element

    return mutate


def drop_attribute(tag: str, name: str) -> Callable[..., etree._Element]:
    def mutate(root: etree._Element) -> etree._Element:
        element = _first(root, tag)
        del element.attrib[name]
        return element

    return mutate


def retag(tag: str, new: str) -> Callable[..., etree._Element]:
    def mutate(root: etree._Element) -> etree._Element:
        element = _first(root, tag)
        element.tag = new
        return element

    return mutate


def entity_of_another_nature(root: etree._Element) -> etree._Element:
    entity = next(s for s in root.iter(N + "subject") if s.get("literal"))
    entity.set("type", "cpnat:animal")
    return entity


def duplicate_section_id(root: etree._Element) -> etree._Element:
    first, second = list(root.iter(H + "section"))[:2]
    second.set("id", first.get("id", ""))
    return second


def text_in_a_section(root: etree._Element) -> etree._Element:
    section = _first(root, H + "section")
    section.text = "Stray text."
    return section


def inline_after_a_nested_block(root: etree._Element) -> etree._Element:
    item = next(li for li in root.iter(H + "li") if li.find(H + "p") is not None)
    late = etree.SubElement(item, H + "em")
    late.text = "late"
    return late


@dataclass(frozen=True)
class Deviation:
    name: str
    mutate: Callable[[etree._Element], etree._Element]
    #: A word the error message must hold: what is wrong.
    says: str
    #: Whether NewsML-G2 itself allows the deviation (only the profile refuses it).
    standard_allows: bool


DEVIATIONS = [
    Deviation("drop the headline", drop_headline, "}headline )", True),
    Deviation("reorder itemMeta", swap_version_created_and_first_created, "firstCreated", False),
    Deviation(
        "unknown NewsML-G2 element",
        insert(f"{N}itemMeta", N + "wibble", index=5),
        "wibble",
        False,
    ),
    Deviation(
        "NewsML-G2 element briefmodel does not write",
        insert(f"{N}contentMeta", N + "slugline", index=9),
        "slugline",
        True,
    ),
    Deviation(
        "unknown briefmodel element",
        insert(f"{N}contentMeta", B + "wibble", index=None),
        "wibble",
        True,
    ),
    Deviation(
        "bad pubStatus qcode",
        set_attribute(N + "pubStatus", "qcode", "stat:published"),
        "stat:published",
        True,
    ),
    Deviation("urgency 12", set_text(N + "urgency", "12"), "'12'", False),
    Deviation(
        "time without an offset",
        set_text(N + "firstCreated", "2026-10-01T09:00:00"),
        "2026-10-01T09:00:00",
        True,
    ),
    Deviation("no xml:lang", drop_attribute(N + "newsItem", XML_LANG), "namespace}lang'", True),
    Deviation(
        "generator other than briefmodel",
        set_text(N + "generator", "someone-else"),
        "someone-else",
        True,
    ),
    Deviation(
        "unqualified attribute on the headline",
        set_attribute(N + "headline", "colour", "red"),
        "colour",
        False,
    ),
    Deviation("tab in a keyword", set_text(N + "keyword", "grid\tlines"), "pattern", False),
    Deviation(
        "confidence over 100", set_attribute(N + "subject", "confidence", "101"), "'101'", False
    ),
    Deviation(
        "unknown entity nature",
        entity_of_another_nature,
        "cpnat:animal",
        True,
    ),
    Deviation(
        "reliability G", set_attribute(N + "infoSource", B + "reliability", "G"), "'G'", True
    ),
    Deviation(
        "credibility 7", set_attribute(N + "infoSource", B + "credibility", "7"), "'7'", True
    ),
    Deviation(
        "unknown signal", set_attribute(N + "signal", "qcode", "sig:rumour"), "sig:rumour", True
    ),
    Deviation(
        "bm:confidence certain",
        set_attribute(H + "aside", B + "confidence", "certain"),
        "certain",
        True,
    ),
    Deviation(
        "bm:likelihood in numbers", set_attribute(H + "aside", B + "likelihood", "0.7"), "0.7", True
    ),
    Deviation("aside without its class", drop_attribute(H + "aside", "class"), "'class'", True),
    Deviation(
        "other content type",
        set_attribute(N + "inlineXML", "contenttype", "text/html"),
        "text/html",
        True,
    ),
    Deviation(
        "script in the body", insert("/" + H + "section", H + "script"), "xhtml}script'", True
    ),
    Deviation("onclick on a paragraph", set_attribute(H + "p", "onclick", "go()"), "onclick", True),
    Deviation("i for em", retag(H + "em", H + "i"), "xhtml}i'", True),
    Deviation("h3 in a top-level section", retag(H + "h2", H + "h3"), "xhtml}h3'", True),
    Deviation(
        "paragraph outside a section", insert("/" + H + "body", H + "p", 0), "xhtml}p'", True
    ),
    Deviation("text in a section", text_in_a_section, "element-only", True),
    Deviation("duplicate section id", duplicate_section_id, "xs:ID", True),
    Deviation("image without alt", drop_attribute(H + "img", "alt"), "'alt'", True),
    Deviation(
        "citation without source",
        drop_attribute(H + "cite", B + "source"),
        "newsml:1}source'",
        True,
    ),
    Deviation("inline after a nested block", inline_after_a_nested_block, "xhtml}em'", True),
]


def _deviate(deviation: Deviation) -> tuple[str, int]:
    """The rich brief written pretty (one element a line) with the deviation applied, and
    the line of the element at fault in it."""
    text = newsml.write(_rich_brief(), pretty=True)
    assert profile_errors(text) == ""
    root = newsml.parse(text)
    blamed = deviation.mutate(root)
    where = root.getroottree().getelementpath(blamed)
    deviated = etree.tostring(root, encoding="unicode")
    found = newsml.parse(deviated).find(where)
    assert found is not None, where
    return deviated, found.sourceline


def _profile_log(text: str) -> list[tuple[int, str]]:
    """The profile's error log for ``text``: (line, message) for each error."""
    schema = newsml.profile_schema()
    schema.validate(newsml.parse(text))
    return [(entry.line, entry.message) for entry in schema.error_log]


@pytest.mark.parametrize("deviation", DEVIATIONS, ids=[d.name for d in DEVIATIONS])
def test_the_profile_refuses_deviations_at_their_line(deviation: Deviation) -> None:
    deviated, line = _deviate(deviation)
    log = _profile_log(deviated)
    assert log, "the profile accepted the deviation"
    assert all(at > 0 for at, _ in log), log
    at_fault = [message for at, message in log if at == line]
    assert at_fault, f"no error at line {line}: {log}"
    assert any(deviation.says in message for message in at_fault), at_fault
    # examine() reports the same errors, with their lines, as problems.
    problems, read = newsml.examine(deviated, xsd=newsml.profile_schema())
    assert read is None
    assert {(p.severity, p.code) for p in problems} == {("error", "xsd.invalid")}
    assert [p.line for p in problems] == [at for at, _ in log]


@pytest.mark.parametrize("deviation", DEVIATIONS, ids=[d.name for d in DEVIATIONS])
def test_the_profile_is_stricter_than_the_standard_where_it_should_be(
    official: etree.XMLSchema, deviation: Deviation
) -> None:
    deviated, _ = _deviate(deviation)
    assert (official_errors(official, deviated) == "") is deviation.standard_allows


# ======================================================================================
# What the profile is for: briefmodel output, not NewsML-G2 in general


@pytest.mark.parametrize(
    "example",
    [
        "LISTING_1_A_NewsML-G2_News_Item.xml",
        "LISTING_2_NewsML-G2_Text_Document.xml",
        "LISTING_6_Simple_NewsML-G2_Package.xml",
    ],
)
def test_iptc_examples_pass_the_standard_but_not_the_profile(
    shared: Path, official: etree.XMLSchema, example: str
) -> None:
    data = (shared / IPTC_EXAMPLES / example).read_bytes()
    assert official_errors(official, data.decode("utf-8")) == ""
    log = _profile_log(data.decode("utf-8"))
    assert log
    assert all(line > 0 for line, _ in log), log


def test_only_a_news_item_can_be_the_root() -> None:
    """Every part of a written item, taken on its own (the XHTML body, a bm:note…), is
    not valid against the profile: it is neither briefmodel output nor NewsML-G2."""
    root = newsml.parse(newsml.write(_rich_brief()))
    assert profile_errors(etree.tostring(root, encoding="unicode")) == ""
    parts = list(root.iterdescendants())
    assert {H + "html", B + "note", B + "identifier", B + "extension"} <= {p.tag for p in parts}
    accepted = [
        part.tag
        for part in parts
        if not profile_errors(etree.tostring(part, encoding="unicode", with_tail=False))
    ]
    assert accepted == []


def test_an_nitf_body_is_not_briefmodel_xhtml(shared: Path, official: etree.XMLSchema) -> None:
    """LISTING_2's NITF body in an item that is otherwise briefmodel's own: the standard
    takes any XML in inlineXML, the profile only briefmodel's XHTML."""
    listing = newsml.parse(
        (shared / IPTC_EXAMPLES / "LISTING_2_NewsML-G2_Text_Document.xml").read_bytes()
    )
    nitf = _one(listing, f"{N}contentSet/{N}inlineXML")[0]
    root = newsml.parse(newsml.write(_rich_brief(), pretty=True))
    inline = _one(root, f"{N}contentSet/{N}inlineXML")
    inline.replace(inline[0], nitf)
    text = etree.tostring(root, encoding="unicode")
    line = newsml.parse(text).find(f"{N}contentSet/{N}inlineXML")[0].sourceline
    assert official_errors(official, text) == ""
    assert [at for at, message in _profile_log(text) if "nitf" in message] == [line]


# ======================================================================================
# A second XML Schema implementation: the JDK's (Xerces), which also checks IDREFs

JDK_VALIDATOR = r"""
import java.io.File;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Validate each file against the schema; print "file<TAB>line<TAB>message" per error. */
public class Validate {
    public static void main(String[] args) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Schema schema = factory.newSchema(new File(args[0]));
        for (int i = 1; i < args.length; i++) {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            String name = new File(args[i]).getName();
            validator.setErrorHandler(new ErrorHandler() {
                public void warning(SAXParseException e) {}
                public void error(SAXParseException e) {
                    System.out.println(name + "\t" + e.getLineNumber() + "\t" + e.getMessage());
                }
                public void fatalError(SAXParseException e) throws SAXException { throw e; }
            });
            validator.validate(new StreamSource(new File(args[i])));
        }
    }
}
"""


@dataclass(frozen=True)
class JdkVerdicts:
    #: The errors of each written brief (by file stem) against the profile and the standard.
    profile: dict[str, list[str]]
    official: dict[str, list[str]]
    #: The stems of the briefs whose output links mentions to entities with inlineRef.
    with_mentions: frozenset[str]


@pytest.fixture(scope="module")
def jdk(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> JdkVerdicts:
    java = shutil.which("java")
    if java is None:
        pytest.skip("no java: the JDK's XML Schema validator is not available")
    folder = tmp_path_factory.mktemp("jdk")
    (folder / "Validate.java").write_text(JDK_VALIDATOR, encoding="utf-8")
    written = []
    with_mentions = set()
    for path in BRIEF_FILES:
        text = newsml.write(bm.load(path), pretty=True)
        target = folder / f"{path.stem}.xml"
        target.write_text(text, encoding="utf-8")
        written.append(str(target))
        if newsml.parse(text).find(f"{N}inlineRef") is not None:
            with_mentions.add(path.stem)

    def run(xsd: Path) -> dict[str, list[str]]:
        done = subprocess.run(
            [java, str(folder / "Validate.java"), str(xsd), *written],
            capture_output=True,
            text=True,
            timeout=300,
            check=True,
        )
        errors: dict[str, list[str]] = {path.stem: [] for path in BRIEF_FILES}
        for line in done.stdout.splitlines():
            name, at, message = line.split("\t", 2)
            errors[name.removesuffix(".xml")].append(f"line {at}: {message}")
        return errors

    with as_file(files("briefmodel") / "schemas" / PROFILE_FILES[0]) as profile:
        return JdkVerdicts(
            profile=run(profile),
            official=run(shared / OFFICIAL_XSD),
            with_mentions=frozenset(with_mentions),
        )


def test_the_jdk_validator_accepts_written_briefs_against_the_profile(jdk: JdkVerdicts) -> None:
    assert {stem: errors for stem, errors in jdk.profile.items() if errors} == {}


def test_the_jdk_validator_accepts_briefs_without_mentions_against_the_standard(
    jdk: JdkVerdicts,
) -> None:
    without = {
        stem: errors for stem, errors in jdk.official.items() if stem not in jdk.with_mentions
    }
    assert without
    assert {stem: errors for stem, errors in without.items() if errors} == {}


def test_the_jdk_validator_accepts_briefs_with_mentions_against_the_standard(
    jdk: JdkVerdicts,
) -> None:
    assert jdk.with_mentions
    with_mentions = {stem: jdk.official[stem] for stem in jdk.with_mentions}
    assert {stem: errors for stem, errors in with_mentions.items() if errors} == {}
