#!/usr/bin/env python3
"""Baseline for Benchmarks/html: Python's html.parser extracting the text and the links of
each page (text outside script, style, head, nav, header, footer and aside; hrefs resolved
with urljoin), the work the html-pages extractor does before the text extractor.

Usage: python_baseline.py PAGE.html...   Prints "PAGES SECONDS".
"""
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

SKIP = {"script", "style", "head", "nav", "header", "footer", "aside", "noscript", "template", "form"}


class Text(HTMLParser):
    def __init__(self, url):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.skipping = 0
        self.stack = []
        self.parts = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skipping += 1
            self.stack.append(tag)
        if tag == "a" and not self.skipping:
            href = dict(attrs).get("href")
            if href:
                self.links.append(urljoin(self.url, href))

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def main():
    paths = sys.argv[1:]
    start = time.perf_counter()
    words = 0
    for path in paths:
        parser = Text(Path(path).resolve().as_uri())
        parser.feed(Path(path).read_bytes().decode("utf-8", "replace"))
        parser.close()
        words += len(" ".join(parser.parts).split())
    print(len(paths), time.perf_counter() - start)


if __name__ == "__main__":
    main()
