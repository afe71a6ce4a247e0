"""The référentiel as validated data: schema (``models``) and loading (``loader``)."""
