"""dossier-review: offline-first pre-assessment of certification dossiers for human juries."""

__version__ = "0.1.0"
