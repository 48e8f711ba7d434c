"""Request bodies shared by the tests and the load script."""

from __future__ import annotations

import random


def figure_heavy(seed: int, chars: int) -> str:
    """Sentence after sentence of casualty figures: two such articles disagree thousands of times."""
    rng = random.Random(seed)
    out, size = [], 0
    while size < chars:
        out.append(f"At least {rng.randint(10, 99)} people were killed and {rng.randint(10, 99)} were injured "
                   "in the fire on Monday, officials said.")
        size += len(out[-1]) + 1
    return " ".join(out)


def heavy_body(articles: int, chars: int) -> dict:
    return {"articles": [{"id": f"a{i}", "source": f"Outlet {i}", "text": figure_heavy(i, chars)}
                         for i in range(articles)], "options": {"engine": "local"}}
