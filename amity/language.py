"""Which language an article is in, told offline (py3langid's model ships with the package), so that an article
Amity cannot read (it reads English) gets a clear notice instead of silently poor results."""
from __future__ import annotations

import os
import shutil
import tempfile
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry

from amity.cache import cache_dir

#: How sure the model must be before an article is said not to be English; names and dates fool it on short texts.
CONFIDENCE = 0.9
SAMPLE_CHARS = 3000


def language_of(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of the text's language and how sure the model is (0 to 1), from its first characters."""
    code, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return str(code), float(probability)


def not_english_notice(text: str) -> str | None:
    """'This article seems to be in French (fr): ...' when it is surely not English; None otherwise."""
    if len(text.strip()) < 40:
        return None
    code, probability = language_of(text)
    if code == "en" or probability < CONFIDENCE:
        return None
    record = pycountry.languages.get(alpha_2=code)
    name = f"{record.name} ({code})" if record is not None else code
    return (f"This article seems to be in {name}, not English: Amity reads English only, so the people, places, "
            "events and ties found in it may be wrong or missing.")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's identifier over its own model, read from an unpacked copy in the cache when there is one.

    The packaged model is 4.5 MB of LZMA that unpacks to 68 MB: 0.4 s of CPU
    on every run, over a third of what `amity extract` spent starting beyond
    spaCy. Unpacked once into the cache (`amity.cache`), its arrays are read
    back in a few tens of ms, the large score table memory-mapped (a text
    reads only the rows of the features it has).
    """
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    packed = MODEL_DIR / MODEL_FILE
    folder = _unpacked_model(packed)
    if folder is not None:
        try:
            return _from_unpacked(folder, LanguageIdentifier)
        except (OSError, ValueError, KeyError):  # a damaged cache: the packed model still answers
            pass
    return LanguageIdentifier.from_model_file(packed, norm_probs=True)


def _from_unpacked(folder: Path, identifier: Any) -> Any:
    import numpy as np

    arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in _ARRAYS}
    # As py3langid.modelio.load_model gives them: the walk's tables as stdlib arrays (fast to index one by one).
    nextmove, row = (array(_TYPECODES[arrays[n].dtype.itemsize], arrays[n].tobytes()) for n in ("nextmove", "nextmove_row"))
    return identifier(arrays["ptc"], np.asarray(arrays["pc"]), arrays["classes"].tolist(), nextmove,
                      arrays["out_feat"].tolist(), norm_probs=True, tk_row=row)


#: The model's arrays (py3langid 0.4's npz layout) and the stdlib array codes of its unsigned integer tables.
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
_TYPECODES = {2: "H", 4: "I", 8: "L"}


def _unpacked_model(packed: Path) -> Path | None:
    """The cache folder holding the model's arrays as .npy files (made now if missing, named after the packed
    file's content: every installation of the same model shares one, a new model gets its own); None without a
    cache or when it cannot be made."""
    import hashlib
    import lzma

    import numpy as np

    root = cache_dir()
    if root is None:
        return None
    folder = root / f"langid-{hashlib.sha256(packed.read_bytes()).hexdigest()[:16]}"
    if folder.is_dir():
        return folder
    work: Path | None = None
    try:
        root.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(dir=root, prefix=".langid-"))
        with tempfile.TemporaryFile(dir=work) as npz:
            with lzma.open(packed) as source:
                shutil.copyfileobj(source, npz, length=1 << 20)
            npz.seek(0)
            with np.load(npz, allow_pickle=False) as data:
                for name in _ARRAYS:
                    np.save(work / f"{name}.npy", data[name], allow_pickle=False)
        os.replace(work, folder)  # whole or not at all (another process may have made it first: then theirs)
    except OSError:
        pass
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
    return folder if folder.is_dir() else None
