"""Where Amity keeps files it can always rebuild, so that later runs start faster: $AMITY_CACHE_DIR, else
~/.cache/amity. Setting it to "off" (or "0") keeps none."""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    """The cache folder (not created here); None when caching is off."""
    root = os.environ.get("AMITY_CACHE_DIR") or os.path.join(os.path.expanduser("~"), ".cache", "amity")
    return None if root in ("0", "off") else Path(root)
