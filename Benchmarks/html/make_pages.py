#!/usr/bin/env python3
"""Writes N generated HTML pages of a made-up news site into DIR (page0.html ...).

Usage: make_pages.py N DIR [SEED]

Each page has a head (title, canonical link, dates), navigation, a header and footer, a
sidebar, scripts and styles, and a main article of 6-14 paragraphs of made-up sentences
naming made-up people and organizations, with links to other pages of the site and to
outside sites; about 7 KB a page. Seeded, so a run can be repeated.
"""
import random
import sys
from pathlib import Path

FIRST = ["Mara", "Ivo", "Anton", "Petra", "Ilya", "Dana", "Omar", "Lena", "Tomas", "Ines", "Karl", "Nadia"]
LAST = ["Quill", "Brandt", "Sorel", "Lindqvist", "Varga", "Keller", "Rashid", "Moreau", "Halvorsen", "Costa"]
ORGS = ["Harbor Trust", "Coral Shipping", "Iron Council", "Northern Shield Brigades", "Blue Fern Holdings"]
PLACES = ["Lisbon", "Vienna", "Fujairah", "Mosul", "Tallinn", "Marseille", "Basra"]
VERBS = ["met", "paid", "wrote to", "called", "advised", "worked with", "sold a tanker to"]


def sentence(rng):
    who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    whom = f"{rng.choice(FIRST)} {rng.choice(LAST)}" if rng.random() < 0.6 else f"the {rng.choice(ORGS)}"
    return f"{who} {rng.choice(VERBS)} {whom} in {rng.choice(PLACES)} in {rng.randint(2009, 2019)}."


def page(i, n, rng):
    links = []
    for _ in range(rng.randint(2, 6)):
        if rng.random() < 0.7:
            links.append(f'<a href="page{rng.randrange(n)}.html">the {rng.choice(ORGS)} file</a>')
        else:
            links.append(f'<a href="https://news{rng.randrange(20)}.example/story?id={rng.randrange(999)}">a report</a>')
    paragraphs = []
    for p in range(rng.randint(6, 14)):
        text = " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))
        if links and rng.random() < 0.5:
            text += " See " + links.pop() + "."
        paragraphs.append(f"<p>{text.replace('&', '&amp;')}</p>")
    paragraphs += [f"<p>{link}</p>" for link in links]
    nav = " ".join(f'<li><a href="page{rng.randrange(n)}.html">Section {k}</a></li>' for k in range(12))
    side = " ".join(f'<li><a href="page{rng.randrange(n)}.html">{sentence(rng)}</a></li>' for _ in range(5))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Dispatch {i}: {rng.choice(ORGS)}</title>
<link rel="canonical" href="https://dispatch.example/news/page{i}.html">
<meta property="article:published_time" content="{rng.randint(2009, 2019)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T08:00:00Z">
<style>body {{ font: 16px serif }} nav li {{ display: inline }}</style>
<script>window.dataLayer = [{{"page": {i}, "section": "news"}}];</script></head>
<body><header><div class="masthead">The Dispatch</div><nav><ul>{nav}</ul></nav></header>
<div class="layout"><main><article><h1>Dispatch number {i}</h1>
{"".join(paragraphs)}
</article></main><aside><h2>Most read</h2><ul>{side}</ul></aside></div>
<footer><p>Copyright The Dispatch. <a href="/about.html">About</a></p></footer>
<script>(function () {{ var s = document.createElement("script"); s.src = "/t.js"; }})();</script>
</body></html>
"""


def main():
    n, directory = int(sys.argv[1]), Path(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1203)
    directory.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (directory / f"page{i}.html").write_text(page(i, n, rng), encoding="utf-8")


if __name__ == "__main__":
    main()
