"""Name folding lives in `amity.vocabulary.names` (the registry and the web use it without spaCy); kept importable here."""
import re

from amity.vocabulary.names import fold, name_key

#: A surname written with its initials glued on: "J.Ortikhodjaev", "S.M.Ali".
INITIALLED_NAME = re.compile(r"^(?:[A-Z]\.){1,3}\s?[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")

__all__ = ["INITIALLED_NAME", "fold", "name_key"]
