"""Optional LLM: the chat-model seam, prompt templates, grounded judgements and reconciliation.

Nothing here is used unless ``settings.llm.enabled`` (base URL and model both set)."""
