"""The version of briefmodel: the one place it is written (``pyproject.toml`` reads it
from here), so that ``briefmodel.__version__`` needs no look-up in the installed
distribution's metadata at import."""

__version__ = "0.1.0"
