PY ?= python

.PHONY: test lint typecheck eval eval-similarity eval-fit train bench bench-embedding bench-review app fuzz

test:
	$(PY) -m pytest

lint:
	$(PY) -m ruff check assistant tests eval benchmarks scripts app.py

typecheck:
	$(PY) -m mypy

eval:
	$(PY) -m eval.run

train:
	$(PY) -m eval.train

eval-similarity:
	$(PY) -m eval.similarity

eval-fit:
	$(PY) -m eval.epreuve_fit

bench:
	$(PY) benchmarks/bench_review.py
	$(PY) benchmarks/bench_assess.py

bench-review:
	$(PY) benchmarks/bench_review.py

bench-embedding:
	$(PY) benchmarks/bench_embedding.py

app:
	$(PY) app.py

fuzz:
	$(PY) scripts/fuzz_ingest.py --seconds 600
