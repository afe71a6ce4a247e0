"""The review: a dossier and an épreuve in, a pre-assessment out (``ReviewService``)."""

from assistant.review.parts import Documents, Indexer, Refiner
from assistant.review.service import LLM_FAILED, ReviewService, mark_llm_verdicts

__all__ = ["LLM_FAILED", "Documents", "Indexer", "Refiner", "ReviewService", "mark_llm_verdicts"]
