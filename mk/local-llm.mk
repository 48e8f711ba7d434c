# Local LLM (Qwen2.5-Coder-1.5B-Instruct via llama-cpp-python), see docs/local-llm.md.
# Included by the main Makefile. Installs into .llm-venv/ and .models/ (both git-ignored).
#   make local-llm        install (idempotent; first run 9-12 min on 2 cores: llama-cpp-python builds from source) and start the server on 127.0.0.1:$(LOCAL_LLM_PORT)
#   make local-llm-stop   stop the server
#   make local-llm-status is it running?
#   make local-llm-probe  structured-output check with instructor (needs the project .venv)

LOCAL_LLM_PORT ?= 8765
LOCAL_LLM_CTX ?= 8192
LOCAL_LLM_SH ?= LOCAL_LLM_PORT=$(LOCAL_LLM_PORT) LOCAL_LLM_CTX=$(LOCAL_LLM_CTX) bash scripts/local_llm.sh

.PHONY: local-llm local-llm-install local-llm-start local-llm-stop local-llm-status local-llm-probe

local-llm: local-llm-install local-llm-start

local-llm-install:
	$(LOCAL_LLM_SH) install

local-llm-start: local-llm-install
	$(LOCAL_LLM_SH) start

local-llm-stop:
	$(LOCAL_LLM_SH) stop

local-llm-status:
	$(LOCAL_LLM_SH) status

local-llm-probe:
	OPENAI_BASE_URL=http://127.0.0.1:$(LOCAL_LLM_PORT)/v1 .venv/bin/python scripts/probe_local_llm.py
