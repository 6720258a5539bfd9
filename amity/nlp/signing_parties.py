"""spaCy component `amity_signing_parties`: a signing's parties are those of the agreements signed on it.

News often reports a signing first in general words ("the sides signed a package of documents", "a memorandum was
signed during the visit") and names the parties of each document later ("The agreement between the University of A
and the Institute of B provides ..."). The tie finder reads those parties; a signing on the same date (or told in the
same sentence as the tie) was made by them, so they take part in it beside whom its own sentence names. Listed as
companions: they never merge two reports into one.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from amity.nlp.events import EventMention, dates_agree
from amity.nlp.mentions import register_extensions
from amity.nlp.ties import TieMention

#: The tie stage a signing of each status brings about.
_STAGE_OF = {"occurred": "signed", "planned": "planned"}


@Language.factory("amity_signing_parties")
def make_signing_parties(nlp: Language, name: str) -> SigningParties:
    return SigningParties()


class SigningParties:
    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        ties: list[TieMention] = doc._.ties or []
        signings = [e for e in doc._.events or [] if e.type == "signing"]
        for event in signings:
            for tie in ties:
                if tie.status == _STAGE_OF.get(event.status) and (_of_this_signing(tie, event)
                                                                   or _told_after(tie, event, signings)):
                    event.companions += [p for p in tie.parties if p not in event.participants and p not in event.companions]
        return doc


def _of_this_signing(tie: TieMention, event: EventMention) -> bool:
    """The tie's stage is dated as the signing is, or is told in one of the signing's sentences."""
    if tie.date is not None and event.date is not None:
        return dates_agree(tie.date, event.date)
    told = {s.start for s in event.sentences}
    return any(s.start in told for s in tie.sentences)


def _told_after(tie: TieMention, event: EventMention, signings: list[EventMention]) -> bool:
    """A tie whose date was not read in its own sentence, told after this signing and before any other: the
    document's parties named after the report of its signing ("Six documents were signed on Monday. The
    memorandum between A and B covers ...")."""
    if tie.explicit_date or not tie.sentences:
        return False
    start = min(s.start for s in tie.sentences)
    before = [e for e in signings if e.status == event.status and e.sentences and e.sentences[0].start <= start]
    return bool(before) and max(before, key=lambda e: e.sentences[0].start) is event
