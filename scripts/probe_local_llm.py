"""Probe the local LLM server (scripts/local_llm.sh start) with instructor.

Run with the project venv:  .venv/bin/python scripts/probe_local_llm.py [--modes TOOLS,JSON,MD_JSON]
Per mode and case it prints ok/FAIL, seconds, prompt/completion tokens and the
extracted value; exits 1 if any call failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import instructor
from openai import OpenAI
from pydantic import BaseModel, Field


class Quantity(BaseModel):
    number: float = Field(description="the numeric value, as a number")
    unit: str = Field(description="the unit of measurement, as written in the text")


# (sentence, expected number, accepted unit prefixes)
CASES = [
    ("The Eiffel Tower is about 330 metres tall.", 330.0, ("m",)),
    ("Our office received 1,250 kilograms of paper last year.", 1250.0, ("k",)),
    ("The marathon distance is 42.195 km.", 42.195, ("k",)),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--modes", default="TOOLS,JSON,MD_JSON")
    ap.add_argument("--base-url", default=os.environ.get("OPENAI_BASE_URL", "http://127.0.0.1:8765/v1"))
    ap.add_argument("--model", default=os.environ.get("FACTCHECK_MODEL", "qwen2.5-coder-1.5b-instruct"))
    args = ap.parse_args()

    raw = OpenAI(base_url=args.base_url, api_key=os.environ.get("OPENAI_API_KEY", "local"), timeout=300)
    failures = 0
    print(f"server {args.base_url}  model {args.model}")
    for mode_name in args.modes.split(","):
        client = instructor.from_openai(raw, mode=instructor.Mode[mode_name.strip()])
        for sentence, want_number, unit_prefixes in CASES:
            t0 = time.perf_counter()
            try:
                q, completion = client.chat.completions.create_with_completion(
                    model=args.model,
                    response_model=Quantity,
                    max_retries=1,  # a single attempt: measure the mode, not the retry loop
                    temperature=0,
                    max_tokens=200,
                    messages=[
                        {"role": "system", "content": "Extract the quantity mentioned in the text."},
                        {"role": "user", "content": sentence},
                    ],
                )
                secs = time.perf_counter() - t0
                usage = completion.usage
                ok = abs(q.number - want_number) < 1e-6 and q.unit.strip().lower().startswith(unit_prefixes)
                detail = f"number={q.number:g} unit={q.unit!r}" + ("" if ok else "  (WRONG VALUE)")
                toks = f"prompt={usage.prompt_tokens} completion={usage.completion_tokens}" if usage else "usage=n/a"
            except Exception as exc:  # noqa: BLE001 - a probe reports every failure
                secs, ok, toks = time.perf_counter() - t0, False, "-"
                detail = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
            failures += not ok
            print(f"{mode_name:8} {'ok  ' if ok else 'FAIL'} {secs:6.1f}s  {toks:30}  {detail}")
            sys.stdout.flush()
    print(f"{failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
