#!/usr/bin/env python3
"""Writes N short generated news articles (JSON Lines) for measuring the streaming build.

Each article is 6-9 sentences (about 150-250 tokens) drawn from templates of the kinds of news
newsgraph extracts (arrests, charges, meetings, appointments, acquisitions, protests, attacks,
elections, visits, lawsuits), with people, organisations, places, dates and numbers drawn at random
from lists, so that every article has its own entities, relations and events and the extraction is
real work. A few percent of the articles repeat an earlier one lightly edited (near-duplicates)
and a few are exact copies, so the dedup paths run too. Deterministic for a given seed.

usage: bench/generate-articles.py N OUT.jsonl [SEED]
"""
import datetime
import json
import random
import sys

FIRST = ["Maria", "John", "Ahmed", "Li", "Olga", "Carlos", "Fatima", "Peter", "Aisha", "Hiroshi", "Elena", "David",
         "Amara", "Sven", "Priya", "Lucas", "Nadia", "Tomasz", "Grace", "Omar", "Ingrid", "Mateo", "Yuki", "Samuel",
         "Chloe", "Ivan", "Leila", "Marco", "Ana", "Kwame", "Sofia", "Rahul", "Helen", "Diego", "Zainab", "Erik"]
LAST = ["Garcia", "Smith", "Hassan", "Wei", "Petrova", "Mendes", "Okafor", "Novak", "Khan", "Tanaka", "Rossi",
        "Miller", "Diallo", "Larsen", "Sharma", "Silva", "Haddad", "Kowalski", "Mensah", "Farouk", "Berg", "Lopez",
        "Sato", "Adeyemi", "Dubois", "Volkov", "Nasser", "Bianchi", "Costa", "Boateng", "Moreau", "Gupta",
        "Clarke", "Ortiz", "Bello", "Lindqvist", "Brennan", "Yilmaz", "Papadopoulos", "Nguyen"]
ORGS = ["Northwind Energy", "Atlas Bank", "Helios Motors", "the Ministry of Finance", "Blue River Mining",
        "the National Police", "Orion Telecom", "the World Health Organization", "Pacific Shipping Corp",
        "the Red Cross", "Greenfield Pharmaceuticals", "the Central Bank", "Vertex Software", "the Supreme Court",
        "Meridian Airlines", "the United Nations", "Crescent Oil", "the Federal Reserve", "Silverline Media",
        "the European Commission", "Summit Capital", "the Labour Party", "Harbor Logistics", "Nova Biotech"]
PLACES = ["Berlin", "Lagos", "Manila", "Lima", "Nairobi", "Warsaw", "Ankara", "Bogota", "Hanoi", "Cairo", "Oslo",
          "Madrid", "Chicago", "Mumbai", "Jakarta", "Santiago", "Athens", "Accra", "Toronto", "Seoul", "Kyiv",
          "Dakar", "Lisbon", "Karachi", "Denver", "Quito", "Tunis", "Riga", "Perth", "Osaka"]
COUNTRIES = ["Germany", "Nigeria", "the Philippines", "Peru", "Kenya", "Poland", "Turkey", "Colombia", "Vietnam",
             "Egypt", "Norway", "Spain", "India", "Indonesia", "Chile", "Greece", "Ghana", "Canada", "South Korea"]
ROLES = ["chief executive", "finance minister", "spokesperson", "chairman", "police chief", "mayor",
         "director", "president", "senior analyst", "prosecutor", "general counsel", "opposition leader"]
CRIMES = ["fraud", "money laundering", "bribery", "drug trafficking", "tax evasion", "corruption", "embezzlement"]
ITEMS = ["a new factory", "a solar plant", "a research centre", "a port terminal", "a rail line", "a hospital"]

TEMPLATES = [
    "{p1}, the {role} of {o1}, said on {day} that the company would open {item} in {place}.",
    "Police in {place} arrested {p2} on {day} on suspicion of {crime}, officials said.",
    "{p2} was charged with {crime} by prosecutors in {place} and appeared in court on {day}.",
    "{o1} agreed to acquire {o2} for {n} million dollars, the two companies announced on {day}.",
    "{p1} met {p3} in {place} on {day} to discuss trade between {country} and {country2}.",
    "{o2} appointed {p3} as its new {role}, replacing {p4}, who resigned in {month}.",
    "Thousands of people protested in {place} on {day} against the new law, and police detained {k} of them.",
    "A car bomb exploded near a market in {place} on {day}, killing {k} people and wounding {n}.",
    "{p4} won the election in {country} on {day} with {pct} percent of the vote.",
    "{p1} visited {place} on {day}, where she met workers of {o2}.",
    "{o1} sued {o2} in {place} on {day}, accusing it of breaking a supply contract worth {n} million dollars.",
    "{p3}, a {role} at {o2}, told reporters in {place} that {o1} had cut {n} jobs since {month}.",
    "The court in {place} sentenced {p4} to {k} years in prison for {crime} on {day}.",
    "{p2} resigned as {role} of {o1} on {day} after an investigation into {crime}.",
    "Officials said {o2} would invest {n} million dollars in {country2} over the next {k} years.",
    "{p1} and {p3} signed an agreement in {place} on {day} to build {item} near {place2}.",
    "Troops from {country} attacked rebel positions near {place2} on {day}, the army said.",
    "{p4}, the {role} of {country}, visited {place2} on {day} and promised aid to the flood victims.",
]


def name(rng):
    return rng.choice(FIRST) + " " + rng.choice(LAST)


def article(rng, i, base):
    day0 = base + datetime.timedelta(days=rng.randrange(0, 700))
    slots = {
        "p1": name(rng), "p2": name(rng), "p3": name(rng), "p4": name(rng),
        "o1": rng.choice(ORGS), "o2": rng.choice(ORGS), "role": rng.choice(ROLES), "crime": rng.choice(CRIMES),
        "place": rng.choice(PLACES), "place2": rng.choice(PLACES), "country": rng.choice(COUNTRIES),
        "country2": rng.choice(COUNTRIES), "item": rng.choice(ITEMS), "n": rng.randrange(2, 900),
        "k": rng.randrange(2, 40), "pct": rng.randrange(40, 75),
        "month": (day0 - datetime.timedelta(days=rng.randrange(30, 300))).strftime("%B %Y"),
    }
    sentences = []
    for t in rng.sample(TEMPLATES, rng.randrange(6, 10)):
        d = day0 - datetime.timedelta(days=rng.randrange(0, 6))
        sentences.append(t.format(day=d.strftime("%B %-d, %Y"), **slots)[0].upper()
                         + t.format(day=d.strftime("%B %-d, %Y"), **slots)[1:])
    paragraphs = [" ".join(sentences[k:k + 3]) for k in range(0, len(sentences), 3)]
    title = sentences[0].split(",")[0][:80]
    return {"id": "gen-%06d" % i, "title": title, "date": day0.isoformat(), "text": "\n\n".join(paragraphs)}


def main():
    n = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 13)
    base = datetime.date(2023, 1, 1)
    written = []
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            r = rng.random()
            if written and r < 0.01:  # an exact copy under another id
                a = dict(rng.choice(written[-500:]), id="gen-%06d" % i)
            elif written and r < 0.03:  # a near-duplicate: one sentence added
                src = rng.choice(written[-500:])
                a = dict(src, id="gen-%06d" % i, text=src["text"] + "\n\nThe report was updated on " + src["date"]
                         + " with comments from officials.")
            else:
                a = article(rng, i, base)
            written.append(a)
            if len(written) > 1000:
                written = written[-500:]
            f.write(json.dumps(a, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
