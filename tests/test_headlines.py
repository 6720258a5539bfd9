"""Articles are named by their headline: the title they came with, else a short first line, else the file name."""
from __future__ import annotations

from amity.registry.headlines import headline


def test_the_title_wins_then_a_short_first_line_then_the_file_name() -> None:
    assert headline("Twin towns sign", "Other first line\n\nBody.", "a.txt") == "Twin towns sign"
    assert headline(None, "Bursa and Samarkand sign a protocol\n\nBURSA, 3 May — The mayors...", "a.txt") == \
        "Bursa and Samarkand sign a protocol"
    assert headline(None, "One long paragraph with no line break at all", "b.txt") == "b.txt"
    assert headline("  ", "x" * 200 + "\nmore", "c.txt") == "c.txt", "a first line too long is prose"
