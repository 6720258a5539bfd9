"""Reading articles: spaCy plus Amity's components (one job each), from Article to Record."""
from amity.nlp.pipeline import extract, extract_one, load_pipeline

__all__ = ["extract", "extract_one", "load_pipeline"]
