import json

import pytest
from fastapi.testclient import TestClient

from factcheck import __version__, pipeline
from factcheck.api import create_app
from factcheck.api.routes.analyze import AnalyzeRequest
from factcheck.cli import main
from tests.conftest import ROOT, SEEDS


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_seeds_markdown(capsys):
    code, out, err = run(capsys, "analyze", str(SEEDS), "--engine", "local", "--meta", str(ROOT / "evals/cases/seeds.yaml"))
    assert code == 0
    assert out.startswith("# Cross-source report (5 articles, 3 independent)")
    assert "| 004_71e9c51bfe0bbdae | The New York Times |" in out


def test_analyze_json_to_file(tmp_path, capsys):
    out_file = tmp_path / "r.json"
    code, _, err = run(capsys, "analyze", str(SEEDS), "--engine", "local", "--format", "json", "--out", str(out_file))
    assert code == 0 and "Wrote json report" in err
    report = json.loads(out_file.read_text())
    assert {a["id"] for a in report["articles"]} == {p.stem for p in SEEDS.glob("*.txt")}
    assert report["engine"]["name"] == "local"


@pytest.mark.parametrize(
    "files, words",
    [
        ({"only.txt": "One article is not a cluster."}, "at least 2 articles"),
        ({"a.txt": "Some text here.", "b.txt": "  \n "}, "Article 'b' has empty"),
        ({"a.txt": "Some text here.", "b.txt": b"caf\xe9 latte"}, "Article 'b': the file is not valid UTF-8"),
        ({"a.json": '[{"id": "x", "source": "S", "text": "T."}, {"id": "x", "source": "S", "text": "U."}]'},
         "'x' is used more than once: by "),
        ({"a.txt": "Some text here.", "b.txt": "y" * 200_001}, "Article 'b' has 200,001 characters"),
    ],
)
def test_bad_input_gives_clear_error_not_traceback(tmp_path, capsys, files, words):
    for name, content in files.items():
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    code, out, err = run(capsys, "analyze", str(tmp_path), "--engine", "local")
    assert code == 2
    assert words in err and "Traceback" not in err
    assert err.startswith("error [") and err.count("\n") == 1  # one line, no JSON blob after it
    assert out == ""


def test_too_many_articles(tmp_path, capsys):
    for i in range(51):
        (tmp_path / f"{i:03}.txt").write_text(f"Article number {i} says something happened.")
    code, _, err = run(capsys, "analyze", str(tmp_path), "--engine", "local")
    assert code == 2 and "[too_large]" in err and "at most 50" in err


def test_llm_engine_without_key_says_what_to_set(tmp_path, capsys, monkeypatch):
    from factcheck.config import get_settings

    monkeypatch.setenv("OPENAI_API_KEY", "")
    monkeypatch.setenv("OPENAI_BASE_URL", "")
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    try:
        code, _, err = run(capsys, "analyze", str(SEEDS), "--engine", "llm")
    finally:
        get_settings.cache_clear()
    assert code == 2 and "OPENAI_API_KEY" in err and "OPENAI_BASE_URL" in err


def test_seeds_outlets_come_from_the_sources_yaml_beside_them(capsys):
    code, out, _ = run(capsys, "analyze", str(SEEDS), "--engine", "local")
    assert code == 0
    assert "| 004_71e9c51bfe0bbdae | The New York Times |" in out
    assert "| 000_6c998b99b74eb829 | Associated Press |" in out


def test_meta_wins_over_sources_yaml(tmp_path, capsys):
    meta = tmp_path / "meta.yaml"
    meta.write_text("004_71e9c51bfe0bbdae: {source: NYT}\n", encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(SEEDS), "--engine", "local", "--meta", str(meta))
    assert code == 0
    assert "| 004_71e9c51bfe0bbdae | NYT |" in out and "| 003_7ff8e0f61f2ca11e | CGTN |" in out


def test_version(capsys):
    assert run(capsys, "--version") == (0, f"factcheck {__version__}\n", "")


@pytest.mark.parametrize("argv", [[], ["--help"], ["-h"]])
def test_bare_command_shows_help(capsys, argv):
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert "Usage: factcheck" in out and all(command in out for command in ("analyze", "body", "serve"))


@pytest.mark.parametrize(
    "command, words",
    [
        ("analyze", ["Examples", "factcheck analyze seeds/", "--format", "[default: markdown]", "markdown|json|html",
                     "--meta", "FACTCHECK_ENGINE, else auto"]),
        ("body", ["Examples", "factcheck body a.txt b.html > body.json", "-d @body.json"]),
        ("serve", ["Examples", "[default: 8000]", "[default: 127.0.0.1]"]),
    ],
)
def test_help_shows_defaults_and_examples(capsys, monkeypatch, command, words):
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    for word in words:
        assert word in out


def test_usage_error_exit_code_2(capsys):
    code, out, err = run(capsys, "analyze", str(SEEDS), "--format", "pdf")
    assert code == 2 and out == "" and "'pdf' is not one of" in err


def test_progress_bars_go_to_stderr(capsys):
    code, out, err = run(capsys, "analyze", str(SEEDS), "--engine", "local", "--progress")
    assert code == 0 and out.startswith("# Cross-source report") and "prepare" not in out
    assert "prepare" in err and "local" in err


def test_ctrl_c_exits_130(capsys, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "analyze", interrupted)
    assert run(capsys, "analyze", str(SEEDS), "--engine", "local")[0] == 130


def test_body_prints_what_the_api_takes(capsys, settings):
    code, out, err = run(capsys, "body", str(SEEDS), "--engine", "local")
    assert code == 0 and err == ""
    payload = json.loads(out)
    request = AnalyzeRequest.model_validate(payload)
    assert [(a.source, a.source_origin) for a in request.articles][:2] == [
        ("Associated Press", "metadata"), ("Daily True News", "metadata")]
    assert request.options.engine == "local"
    response = TestClient(create_app(settings)).post("/v1/analyze", json=payload)
    assert response.status_code == 200, response.text
    assert [a["source"] for a in response.json()["articles"]] == [a.source for a in request.articles]


def test_body_checks_the_cluster(tmp_path, capsys):
    (tmp_path / "only.txt").write_text("One article is not a cluster.", encoding="utf-8")
    code, out, err = run(capsys, "body", str(tmp_path))
    assert code == 2 and out == "" and err.startswith("error [invalid_input]: A cluster needs at least 2 articles")
