"""brief: Arabic news in, one-page bilingual English brief out."""
__version__ = "0.1.0"
