#!/usr/bin/env python3
"""Writes a synthetic news-like RDF graph as N-Triples, for timing `newsgraph load`.

Usage: bench/generate-rdf.py TRIPLES [OUT.nt]   (default 1000000 triples, standard output)

Deterministic (fixed seed). Shape, per group of 10 triples: one person, organisation or place
with rdf:type, a label, a language-tagged alternative label, a birth or founding date
(xsd:date), a count (xsd:integer), and five links to earlier resources (employee of, located
in, knows, mentioned in an article), so that about half the triples become relationships and
half node properties in Neo4j.
"""
import random
import sys

EX = "https://example.org/bench/"
SCHEMA = "https://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
XSD = "http://www.w3.org/2001/XMLSchema#"
KINDS = ["Person", "Organization", "Place"]
LINKS = ["worksFor", "locatedIn", "knows", "mentionedIn", "memberOf"]


def main():
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    out = open(sys.argv[2], "w", encoding="utf-8") if len(sys.argv) > 2 else sys.stdout
    rnd = random.Random(20261129)
    written = 0
    i = 0
    while written < total:
        kind = KINDS[i % 3]
        s = f"<{EX}{kind.lower()}/{i}>"
        lines = [
            f"{s} <{RDF_TYPE}> <{SCHEMA}{kind}> .",
            f'{s} <{RDFS_LABEL}> "{kind} number {i}" .',
            f'{s} <{SKOS_ALT}> "{kind} {i}"@{rnd.choice(["en", "de", "fr", "zh"])} .',
            f'{s} <{SCHEMA}foundingDate> "{1900 + i % 120:04d}-{1 + i % 12:02d}-{1 + i % 28:02d}"^^<{XSD}date> .',
            f'{s} <{SCHEMA}numberOfMentions> "{rnd.randint(1, 10000)}"^^<{XSD}integer> .',
        ]
        for link in LINKS:
            j = rnd.randint(0, i) if i else 0
            lines.append(f"{s} <{EX}{link}> <{EX}{KINDS[j % 3].lower()}/{j}> .")
        for line in lines[: total - written]:
            out.write(line + "\n")
        written += min(len(lines), total - written)
        i += 1
    out.close()


if __name__ == "__main__":
    main()
