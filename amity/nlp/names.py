"""Name folding lives in `amity.vocabulary.names` (the registry and the web use it without spaCy); kept importable here."""
from amity.vocabulary.names import fold, name_key

__all__ = ["fold", "name_key"]
