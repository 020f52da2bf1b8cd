#!/usr/bin/env python3
"""Compiles the case lexicons `assets/case/{en,es}.common.gz`: the words a language writes in
lower case inside a sentence (common words), one per line, lower-cased, sorted.

The tagger's view of a sentence written without case (all capitals or no capitals) is
restored from them: a word in the list stays lower case, any other word (a name, a day, a
word the corpora never wrote in lower case) is capitalised.

A word is listed when, inside sentences written in ordinary case and away from their first
word, it is written in lower case at least MIN_COUNT times and at least LOWER_SHARE times as
often as capitalised: "house" and "union" are common words though news often writes "House"
and "Union" in names; a name is almost never written in lower case. Sentences or texts written all in capitals are skipped.

Usage:
    python3 tools/case/build_case_lexicon.py --data ../shared/data --output assets/case
"""

import argparse
import collections
import gzip
import json
import os
import re

MIN_COUNT = 1
LOWER_SHARE = 0.5
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
SENTENCE_END = re.compile(r"[.!?:;]\s+|\n\s*\n")


def ordinary_case(words):
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if len(letters) < 3:
        return False
    upper = sum(1 for w in letters if w.isupper() and len(w) > 1)
    lower = sum(1 for w in letters if w.islower())
    return upper < 0.5 * len(letters) and lower > 0


def count_sentence(words, lower, capital):
    """Counts the case of every word but the first of one sentence."""
    if not ordinary_case(words):
        return
    after_quote = False
    for index, word in enumerate(words):
        if not WORD.fullmatch(word):
            after_quote = word in {'"', "“", "«", "(", "-", "—", "¿", "¡"}
            continue
        if index == 0 or after_quote:
            after_quote = False
            continue
        key = word.lower()
        if word.islower():
            lower[key] += 1
        elif word[0].isupper() and not word.isupper():
            capital[key] += 1
        elif word.isupper() and len(word) > 1:
            capital[key] += 1


def conll_sentences(path, column=0):
    words = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line or line.startswith("-DOCSTART-"):
                if words:
                    yield words
                words = []
                continue
            if line.startswith("#"):
                continue
            fields = line.split("\t") if "\t" in line else line.split()
            if column == 1:  # CoNLL-U: skip multiword ranges and empty nodes
                if "-" in fields[0] or "." in fields[0]:
                    continue
            words.append(fields[column])
    if words:
        yield words


def text_sentences(text):
    for part in SENTENCE_END.split(text):
        tokens = re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|[\"“«(¿¡—-]", part)
        if tokens:
            yield tokens


def jsonl_texts(path, fields):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line:
                continue
            record = json.loads(line)
            for field in fields:
                value = record.get(field)
                if isinstance(value, str):
                    yield value


def build(data, lang):
    lower, capital = collections.Counter(), collections.Counter()
    if lang == "en":
        sources = [
            ("conll", os.path.join(data, "ner/conll2003-en.train"), 0),
            ("conllu", os.path.join(data, "ud/en_ewt-ud-train.conllu"), 1),
            ("jsonl", os.path.join(data, "news/reuters21578.jsonl"), ["body"]),
        ]
    else:
        sources = [
            ("conll", os.path.join(data, "ner/conll2002-es.train"), 0),
            ("conllu", os.path.join(data, "ud/es_gsd-ud-train.conllu"), 1),
            ("jsonl", os.path.join(data, "news/spanish-news-mx.train.jsonl"), ["Text"]),
        ]
    for kind, path, how in sources:
        if kind in ("conll", "conllu"):
            for words in conll_sentences(path, how):
                count_sentence(words, lower, capital)
        else:
            for text in jsonl_texts(path, how):
                for words in text_sentences(text):
                    count_sentence(words, lower, capital)
    return sorted(
        word
        for word, count in lower.items()
        if count >= MIN_COUNT and count >= LOWER_SHARE * capital.get(word, 0)
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="the shared data folder")
    parser.add_argument("--output", required=True, help="the folder for the lexicons")
    args = parser.parse_args()
    os.makedirs(args.output, exist_ok=True)
    for lang in ("en", "es"):
        words = build(args.data, lang)
        path = os.path.join(args.output, f"{lang}.common.gz")
        # mtime=0 keeps the output byte-identical between runs.
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
            out.write(("\n".join(words) + "\n").encode("utf-8"))
        print(f"{lang}: {len(words)} common words -> {path}")


if __name__ == "__main__":
    main()
