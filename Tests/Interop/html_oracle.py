#!/usr/bin/env python3
"""Oracle for the HTMLPages reader: Python's html.parser on the same pages.

Usage: html_oracle.py PAGE.html...  Prints one JSON object per page, in order, as a JSON
array: {"title": str|null, "words": [...], "links": [{"href": str, "text": str}],
"resolved": [absolute URL or null]}.

It applies the main-text policy documented in Plugins/HTMLPages/HTMLPageBuilder.swift (what
is dropped, which region is kept) with the standard library's tokenizer, entity decoding
and urllib.parse.urljoin, so the Swift reader (libxml2) is checked against an independent
parser and URL resolver. Pages are decoded as UTF-8.
"""
import json
import sys
from html.parser import HTMLParser
from urllib.parse import urljoin, urldefrag, urlsplit, urlunsplit
from pathlib import Path

DROPPED = {
    "head", "script", "style", "noscript", "template", "nav", "aside", "menu", "form", "button", "select",
    "option", "optgroup", "textarea", "input", "label", "fieldset", "iframe", "object", "embed", "svg", "math",
    "canvas", "audio", "video", "map", "dialog",
}
ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "toolbar",
         "dialog", "alertdialog"}
BOILERPLATE = {"nav", "navbar", "navigation", "menu", "sidebar", "breadcrumb", "breadcrumbs", "masthead",
               "site-header", "site-footer", "cookie-banner", "cookie-notice", "skip-link", "share", "social"}
BLOCKS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl",
          "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption", "blockquote", "pre", "figure",
          "figcaption", "header", "footer", "address", "hr", "body", "details", "summary", "br", "td", "th"}
VOID = {"br", "hr", "img", "meta", "link", "base", "input", "wbr", "col", "area", "source", "embed", "param"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = [{"tag": "", "dropped": False, "level": 0, "article": False, "link": None, "title": False}]
        self.pieces = []  # (level, text, link) or None for a separator
        self.links = []  # [href, level]
        self.title = None
        self.title_parts = None
        self.base = None
        self.canonical = None

    def handle_starttag(self, tag, attrs):
        a = {}
        for k, v in attrs:
            a.setdefault(k, v if v is not None else "")
        parent = self.stack[-1]
        if tag == "base" and self.base is None and a.get("href", "").strip():
            self.base = a["href"].strip()
        if tag == "link" and self.canonical is None and "canonical" in a.get("rel", "").lower().split():
            self.canonical = a.get("href", "").strip() or None
        role = a.get("role", "").lower()
        dropped = parent["dropped"] or tag in DROPPED or role in ROLES
        if tag in ("header", "footer") and not parent["article"]:
            dropped = True
        if "hidden" in a or a.get("aria-hidden", "").lower() == "true":
            dropped = True
        style = "".join(a.get("style", "").lower().split())
        if "display:none" in style or "visibility:hidden" in style:
            dropped = True
        if a.get("id", "").lower() in BOILERPLATE or any(c in BOILERPLATE for c in a.get("class", "").lower().split()):
            dropped = True
        level = parent["level"]
        if tag == "main" or role == "main":
            level = 2
        elif tag == "article" or role == "article":
            level = max(level, 1)
        frame = {"tag": tag, "dropped": dropped, "level": level, "article": parent["article"] or level > 0,
                 "link": parent["link"], "title": tag == "title" and self.title is None and self.title_parts is None}
        if frame["title"]:
            self.title_parts = []
        if tag == "a" and "href" in a and not dropped:
            frame["link"] = len(self.links)
            self.links.append([a["href"], level])
        if tag in BLOCKS:
            self.pieces.append(None)
        if tag not in VOID:
            self.stack.append(frame)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i]["tag"] == tag:
                for frame in self.stack[i:]:
                    if frame["title"]:
                        self.title = " ".join("".join(self.title_parts).split()) or None
                del self.stack[i:]
                break
        if tag in BLOCKS:
            self.pieces.append(None)

    def handle_data(self, data):
        frame = self.stack[-1]
        if frame["title"]:
            self.title_parts.append(data)
        if not frame["dropped"]:
            self.pieces.append((frame["level"], data, frame["link"]))


def read(path, page_url):
    page = Page()
    page.feed(Path(path).read_bytes().decode("utf-8"))
    page.close()
    level = max([p[0] for p in page.pieces if p is not None and p[1].split()] or [0])
    text = []
    anchors = {i: [] for i in range(len(page.links))}
    for piece in page.pieces:
        if piece is None:
            text.append(" ")
        elif piece[0] >= level:
            text.append(piece[1])
            if piece[2] is not None:
                anchors[piece[2]].append(piece[1])
    base = urljoin(page_url, page.base) if page.base else (urljoin(page_url, page.canonical) if page.canonical else page_url)
    links, resolved = [], []
    for i, (href, link_level) in enumerate(page.links):
        if link_level < level:
            continue
        links.append({"href": href.strip(), "text": " ".join("".join(anchors[i]).split())})
        url = urldefrag(urljoin(base, href.strip()))[0]
        parts = urlsplit(url)
        if parts.netloc and not parts.path:  # "https://host" is "https://host/", as LinkGraph writes it
            url = urlunsplit(parts._replace(path="/"))
        resolved.append(url if url.split(":", 1)[0] in ("http", "https", "file") else None)
    return {"title": page.title, "words": "".join(text).split(), "links": links, "resolved": resolved}


if __name__ == "__main__":
    print(json.dumps([read(p, Path(p).resolve().as_uri()) for p in sys.argv[1:]]))
