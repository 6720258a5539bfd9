"""Ties the sentence's structure does not pair: the broad last-resort pairings (TIES8R)."""
from __future__ import annotations

from amity.model import Record


def pairs(record: Record) -> set[tuple[str, frozenset[str], str]]:
    return {(t.kind, frozenset(t.parties), t.status) for t in record.ties}


def test_the_one_subject_of_a_stage_sentence_naming_three_parties_is_party_to_each_other(read) -> None:
    record = read("The Zlín Region also works with the Trenčín Region and the Silesian Voivodeship under a "
                  "memorandum signed in 2016.", published="2025-05-16")
    found = {(kind, parties) for kind, parties, _ in pairs(record)}
    assert ("cooperation", frozenset({"Zlín Region", "Trenčín Region"})) in found
    assert ("cooperation", frozenset({"Zlín Region", "Silesian Voivodeship"})) in found
    assert frozenset({"Trenčín Region", "Silesian Voivodeship"}) not in {p for _, p in found}

