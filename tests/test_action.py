"""The GitHub Action (action.yml): valid, and its lint step does what a workflow run would.

The steps that need GitHub (setup-python, the SARIF upload) cannot run here; the install step is the
wheel install that tests/test_packaging.py performs; the lint and fail steps run here as written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = {step.get("name", step.get("uses")): step for step in ACTION["runs"]["steps"]}


def test_the_action_is_a_composite_action_with_the_documented_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert set(ACTION["inputs"]) == {"paths", "format", "fail-on", "diff", "upload-sarif", "python-version"}
    assert all("description" in spec and "default" in spec for spec in ACTION["inputs"].values())
    for step in ACTION["runs"]["steps"]:
        assert "uses" in step or step.get("shell") == "bash"  # composite run steps must name their shell
    assert '"$GITHUB_ACTION_PATH"' in STEPS["Install newslint at this action's ref"]["run"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "uses: OWNER/newslint@main" in readme  # the README pins a ref that exists: the main branch


def _run_step(name: str, tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    step = STEPS[name]
    outputs = tmp_path / "github_output"
    outputs.write_text("")
    environment = {**os.environ, "GITHUB_OUTPUT": str(outputs),
                   "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for key, expression in step.get("env", {}).items():
        input_name = expression.removeprefix("${{ inputs.").removesuffix(" }}")
        environment[key] = inputs.get(input_name, str(ACTION["inputs"].get(input_name, {}).get("default", "")))
    done = subprocess.run(["bash", "-c", step["run"]], cwd=tmp_path, env=environment, capture_output=True,
                          text=True, timeout=120)
    written = dict(line.split("=", 1) for line in outputs.read_text().splitlines() if "=" in line)
    return done, written


def test_the_lint_step_annotates_keeps_the_status_and_writes_sarif_when_asked(tmp_path: Path) -> None:
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "a.txt").write_text("Share this article\n\nThe council met.\n")
    (stories / "b.txt").write_text("The council met.\n")
    done, outputs = _run_step("Lint", tmp_path, paths="stories/a.txt stories/b.txt", **{"upload-sarif": "true"})
    assert done.returncode == 0, done.stderr  # the step itself passes, so the upload can run
    assert outputs == {"status": "1"}
    assert done.stdout.startswith("::warning file=stories/a.txt,line=1")
    sarif = json.loads((tmp_path / "newslint.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["promo-text"]
    failed = subprocess.run(["bash", "-c", STEPS["Fail on findings"]["run"]], env={**os.environ, "STATUS": "1"})
    assert failed.returncode == 1


def test_the_lint_step_passes_on_clean_copy_and_honours_fail_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Share this article\n\nThe council met.\n")
    done, outputs = _run_step("Lint", tmp_path, paths="a.txt", **{"fail-on": "never", "format": "text"})
    assert outputs == {"status": "0"} and "promo-text" in done.stdout and not (tmp_path / "newslint.sarif").exists()
