PY ?= python

.PHONY: bench-review test lint typecheck eval bench bench-embedding app

test:
	$(PY) -m pytest

lint:
	$(PY) -m ruff check assistant tests eval benchmarks app.py

typecheck:
	$(PY) -m mypy

eval:
	$(PY) -m eval.run

bench:
	$(PY) benchmarks/bench_assess.py

bench-review:
	$(PY) benchmarks/bench_review.py

bench-embedding:
	$(PY) benchmarks/bench_embedding.py

app:
	$(PY) app.py
