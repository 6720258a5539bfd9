"""Amity: news about international cooperation in, a registry of partnerships out."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("amity")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"
