"""The library version, recorded in converted files so a re-run knows what made them."""

__version__ = "0.1.0"
