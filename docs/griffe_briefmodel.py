"""A griffe extension that prepares briefmodel's docstrings for mkdocstrings.

briefmodel's docstrings are written for Python readers: reST roles such as
``:func:`validate``` for names, bare ``>>>`` doctest examples, and ``::`` literal
blocks. This extension rewrites them into Markdown that mkdocstrings renders well,
and gives every attrs class the keyword-only ``__init__`` signature attrs generates
(griffe reads source statically and cannot see it). Where a package re-exports a function
from a submodule of the same name (``formats/ninjs/read.py`` defines ``read``), griffe
takes the name for the submodule; the extension puts the function back, as Python does.

It is loaded by ``mkdocs.yml`` (``extensions: [docs/griffe_briefmodel.py]``) and only
changes what the docs show; the code is untouched.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|attr|data|mod|exc|obj|const):`(~?)([^`]+)`")
_LITERAL_INTRO = re.compile(r"^(.*?)(\s*)::\s*$")
_ATTRS_DECORATORS = ("attrs.frozen", "attrs.define", "attrs.mutable", "attr.s", "attr.attrs")
_ATTRS_FIELD = ("attrs.field", "attr.ib", "attr.field")


def _qualify(target: str, module: griffe.Module) -> str:
    """An identifier for autorefs: names without a package are taken as the module's own,
    or, where the module has no such name, as that of the nearest package that has it (a
    format's ``write.py`` names ``losses``, which the format's package holds)."""
    head = target.split(".", 1)[0]
    if head[:1].isupper() or "." not in target:
        scope: griffe.Module | None = module
        while scope is not None and head not in scope.members:
            scope = scope.parent  # type: ignore[assignment]
        return f"{(scope or module).path}.{target}"
    return target


def _roles(text: str, module: griffe.Module) -> str:
    def link(match: re.Match[str]) -> str:
        short, target = match.group(1), match.group(2).strip()
        target = target.rstrip("()")
        shown = target.rsplit(".", 1)[-1] if short else target
        identifier = _qualify(target, module)
        return f'<autoref identifier="{identifier}" optional><code>{shown}</code></autoref>'

    return _ROLE.sub(link, text)


def _blocks(text: str) -> str:
    """Fence doctest examples and ``::`` literal blocks."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    in_fence = False
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if stripped.startswith("```"):
            in_fence = not in_fence
            out.append(line)
            index += 1
            continue
        if not in_fence and stripped.startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            while index < len(lines) and lines[index].strip():
                out.append(lines[index])
                index += 1
            out.append(f"{indent}```")
            continue
        intro = None if in_fence else _LITERAL_INTRO.match(line)
        if intro and index + 1 < len(lines) and not lines[index + 1].strip():
            before = intro.group(1)
            out.append(before + ":" if before.strip() else "")
            index += 1
            block: list[str] = []
            while index < len(lines) and (not lines[index].strip() or lines[index][:1] == " "):
                block.append(lines[index])
                index += 1
            while block and not block[-1].strip():
                block.pop()
            body = [entry for entry in block if entry.strip()]
            margin = min((len(b) - len(b.lstrip()) for b in body), default=0)
            out.extend(["", "```text", *(b[margin:] for b in block), "```", ""])
            continue
        out.append(line)
        index += 1
    return "\n".join(out)


def _attrs_decorator(cls: griffe.Class) -> griffe.Expr | str | None:
    """The ``@attrs.frozen(...)``-style decorator of ``cls``, if it has one."""
    for decorator in cls.decorators:
        value = decorator.value
        name = str(value.function if isinstance(value, griffe.ExprCall) else value)
        if name in _ATTRS_DECORATORS:
            return value
    return None


def _keyword(call: object, name: str) -> str | None:
    """The source text of keyword argument ``name`` of a call expression."""
    if isinstance(call, griffe.ExprCall):
        for argument in call.arguments:
            if isinstance(argument, griffe.ExprKeyword) and argument.name == name:
                return str(argument.value)
    return None


def _field_default(value: Any) -> tuple[bool, str | griffe.Expr | None]:
    """Whether an attrs field has a default, and what to show for it."""
    if value is None:
        return False, None
    if isinstance(value, griffe.ExprCall) and str(value.function) in _ATTRS_FIELD:
        for argument in value.arguments:
            if isinstance(argument, griffe.ExprKeyword):
                if argument.name == "default":
                    return True, argument.value
                if argument.name == "factory":
                    return True, f"{argument.value}()"
        return False, None
    if isinstance(value, griffe.ExprCall) and str(value.function) in ("_rich",):
        for argument in value.arguments:
            if isinstance(argument, griffe.ExprKeyword) and argument.name == "default":
                return True, argument.value
        return False, None
    return True, value


def _set_attrs_init(cls: griffe.Class, decorator: griffe.Expr | str) -> None:
    kind = (
        griffe.ParameterKind.keyword_only
        if _keyword(decorator, "kw_only") == "True"
        else griffe.ParameterKind.positional_or_keyword
    )
    parameters = [
        griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword),
    ]
    for member in list(cls.members.values()):
        if member.is_alias or not member.is_attribute or member.annotation is None:
            continue
        if "property" in member.labels or member.name.startswith("_"):
            continue
        has_default, default = _field_default(member.value)
        parameters.append(
            griffe.Parameter(
                member.name,
                annotation=member.annotation,
                kind=kind,
                default=default if has_default else None,
                docstring=member.docstring,
            )
        )
        # Show the default rather than the attrs.field(...) call that declares it.
        member.value = default if has_default else None
    init = griffe.Function(
        "__init__",
        lineno=cls.lineno,
        endlineno=cls.lineno,
        parent=cls,
        parameters=griffe.Parameters(*parameters),
        returns="None",
    )
    cls.set_member("__init__", init)


def _comment_docstring(attribute: griffe.Attribute) -> None:
    """Use the ``#:`` comment lines right above an attribute as its docstring."""
    if attribute.lineno is None:
        return
    try:
        lines = attribute.module.lines
    except (AttributeError, OSError):  # pragma: no cover - no source available
        return
    found: list[str] = []
    index = attribute.lineno - 2
    while index >= 0 and lines[index].strip().startswith("#:"):
        found.insert(0, lines[index].strip()[2:].strip())
        index -= 1
    if found:
        attribute.docstring = griffe.Docstring(
            " ".join(found), lineno=attribute.lineno, parent=attribute
        )


def _adjust(obj: griffe.Object, seen: set[str]) -> None:
    """Rewrite the docstrings of ``obj`` and everything defined in it, once each."""
    if obj.path in seen:
        return
    seen.add(obj.path)
    if obj.is_attribute and obj.docstring is None:
        _comment_docstring(obj)  # type: ignore[arg-type]
    if obj.docstring is not None:
        module = obj if obj.is_module else obj.module
        obj.docstring.value = _roles(_blocks(obj.docstring.value), module)  # type: ignore[arg-type]
    if obj.is_class and "__init__" not in obj.members:
        decorator = _attrs_decorator(obj)  # type: ignore[arg-type]
        if decorator is not None:
            _set_attrs_init(obj, decorator)  # type: ignore[arg-type]
    for member in list(obj.members.values()):
        if not member.is_alias:
            _adjust(member, seen)  # type: ignore[arg-type]


def _walk(obj: griffe.Object) -> list[griffe.Object | griffe.Alias]:
    """``obj`` and everything defined in it, aliases included (not followed)."""
    found: list[griffe.Object | griffe.Alias] = [obj]
    for member in obj.members.values():
        if member.is_alias:
            found.append(member)
        else:
            found.extend(_walk(member))  # type: ignore[arg-type]
    return found


def _functions_over_modules(pkg: griffe.Module) -> None:
    """Show ``package.read`` as the function ``from .read import read`` binds, not the module.

    Every alias is resolved first, while the submodules are still reachable by path (the
    package's ``read_all`` is ``read.read_all``); then each shadowed name becomes an alias of
    the function, which is what ``package.read`` is at run time.
    """
    modules = [obj for obj in _walk(pkg) if not obj.is_alias and obj.is_module]
    for obj in _walk(pkg):
        if obj.is_alias:
            try:
                obj.resolve_target()  # type: ignore[union-attr]
            except (griffe.AliasResolutionError, griffe.CyclicAliasError):
                continue
    for module in modules:
        for name, member in list(module.members.items()):
            imported = module.imports.get(name)
            if member.is_alias or not member.is_module or imported != f"{member.path}.{name}":
                continue
            if member.is_init_module:  # ``bm.formats`` is the registry package, callable
                continue
            function = member.members.get(name)
            if function is not None:
                module.members[name] = griffe.Alias(name, function, parent=module)  # type: ignore[arg-type]


class BriefmodelDocstrings(griffe.Extension):
    """Rewrite reST roles, doctests and literal blocks; give attrs classes a signature."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Adjust every object of a package once it is completely loaded."""
        _adjust(pkg, set())
        _functions_over_modules(pkg)
