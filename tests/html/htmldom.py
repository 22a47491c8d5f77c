"""A small DOM for the HTML report's tests: the standard library's parser, a tree, and checks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Node:
    """An element: its tag, attributes, children (nodes and strings) and parent."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)

    def iter(self) -> Iterator[Node]:
        """This node and every element under it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        """Elements under this one (itself included) with this tag and/or class."""
        return [n for n in self.iter() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)]

    def find(self, tag: str | None = None, cls: str | None = None) -> Node:
        """The first element `find_all` finds (fails the test if there is none)."""
        found = self.find_all(tag, cls)
        assert found, f"no <{tag or '*'} class={cls!r}> under <{self.tag}>"
        return found[0]

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def text(self) -> str:
        """The text content, as the DOM's textContent gives it."""
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, parent=self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(markup: str) -> Node:
    """The document tree of `markup` (standard-library parser; enough for checking structure)."""
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


def assert_safe_dom(root: Node) -> None:
    """No script element, no event-handler attribute, no javascript: URL anywhere."""
    assert not root.find_all("script"), "a <script> element made it into the page"
    for node in root.iter():
        for name, value in node.attrs.items():
            assert not name.startswith("on"), f"<{node.tag}> has an event handler {name}={value!r}"
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                assert not value.strip().lower().startswith("javascript:"), f"<{node.tag} {name}={value!r}>"


def assert_links_resolve(root: Node) -> None:
    """Every in-page link points at an element that exists, and ids are unique."""
    ids = [n.attrs["id"] for n in root.iter() if "id" in n.attrs]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"duplicate ids: {sorted(duplicates)[:5]}"
    known = set(ids)
    for node in root.find_all("a"):
        href = node.attrs.get("href", "")
        if href.startswith("#"):
            assert href[1:] in known, f"link to a missing id: {href}"


def text_without(node: Node, cls: str) -> str:
    """The text content of `node`, leaving out every element with class `cls`."""
    return "".join(c if isinstance(c, str) else ("" if cls in c.classes else text_without(c, cls)) for c in node.children)
