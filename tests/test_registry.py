"""Checks are found through the newslint.checks entry points, ours and a third party's alike."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import main
from newslint.registry import RegistryError, check, load_checks

PLUGIN = '''
import re
from newslint.registry import check
from newslint.finding import Problem

SLUG = re.compile(r"^[A-Z]{2,}-[A-Z]{2,}\\b.*$", re.M)

@check("wire-slug", severity="warning", options={"max-length": 40})
def wire_slug(document, options):
    """Wire-service slug lines.

    What it does
    ------------
    Finds slug lines.

    Why is this bad?
    ----------------
    Routing data, not copy.

    Example
    -------
    ``BC-US-BUDGET``
    """
    for match in SLUG.finditer(document.text):
        if len(match.group()) <= options["max-length"]:
            yield Problem(match.start(), match.end(), f'"{match.group()}" is a wire slug, not copy')
'''


def install_fake_distribution(site: Path, name: str, module: str, source: str, entry_points: str) -> None:
    """A minimal installed distribution on sys.path: what pip leaves behind, without pip."""
    (site / f"{module}.py").write_text(source)
    info = site / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(textwrap.dedent(entry_points))


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for module in [m for m in sys.modules if m.startswith("wire_pack")]:
        del sys.modules[module]


def test_builtin_checks_register_through_entry_points() -> None:
    installed = load_checks()
    assert {"promo-text", "orphan-caption"} <= set(installed)
    assert installed["promo-text"].name == "promo-text"


def test_a_third_party_check_is_found_and_runs(site: Path, tmp_path: Path) -> None:
    install_fake_distribution(site, "wire_pack", "wire_pack", PLUGIN,
                              "[newslint.checks]\nwire-slug = wire_pack:wire_slug\n")
    assert "wire-slug" in load_checks()
    story = tmp_path / "story.txt"
    story.write_text("BC-US-BUDGET\n\nThe budget passed.\n")
    result = CliRunner().invoke(main, ["--select", "wire-slug", str(story)])
    assert result.exit_code == 1
    assert result.stdout == f'{story}:1:1: warning wire-slug "BC-US-BUDGET" is a wire slug, not copy\n'


def test_a_broken_plugin_names_itself(site: Path) -> None:
    install_fake_distribution(site, "wire_pack_broken", "wire_pack_broken", "raise ImportError('oops')\n",
                              "[newslint.checks]\nbroken = wire_pack_broken:nothing\n")
    with pytest.raises(RegistryError, match="cannot load check 'broken'"):
        load_checks()["broken"]


def test_entry_point_name_must_match_the_check(site: Path) -> None:
    install_fake_distribution(site, "wire_pack_misnamed", "wire_pack_misnamed", PLUGIN,
                              "[newslint.checks]\nslug = wire_pack_misnamed:wire_slug\n")
    with pytest.raises(RegistryError, match="names must match"):
        load_checks()["slug"]


def test_check_documentation_must_have_the_three_headings() -> None:
    with pytest.raises(ValueError, match="lacks the heading"):
        check("bad-doc")(lambda document, options: iter(()))


def test_check_names_are_kebab_case() -> None:
    with pytest.raises(ValueError, match="kebab-case"):
        check("Bad_Name")


def test_every_installed_check_is_documented() -> None:
    for name, installed in load_checks().items():
        for heading in ("What it does", "Why is this bad?", "Example"):
            assert heading in installed.documentation, (name, heading)
        assert installed.summary.endswith(".")


def test_a_check_packs_options_are_validated_like_ours(site: Path, tmp_path: Path) -> None:
    install_fake_distribution(site, "wire_pack_typed", "wire_pack_typed", PLUGIN,
                              "[newslint.checks]\nwire-slug = wire_pack_typed:wire_slug\n")
    (tmp_path / ".newslint.toml").write_text('[checks.wire-slug]\nmax-length = "40"\n')
    story = tmp_path / "story.txt"
    story.write_text("BC-US-BUDGET\n")
    result = CliRunner().invoke(main, ["--config", str(tmp_path / ".newslint.toml"), str(story)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr == (f"newslint: error: {tmp_path / '.newslint.toml'}: [checks.wire-slug] max-length "
                             "must be an integer, not a string ('40')\n")


@pytest.mark.parametrize("arguments", [["--list-checks"], ["--select", "broken", "story.txt"], ["story.txt"],
                                       ["--explain", "broken"]])
def test_a_broken_check_pack_is_one_clear_error_never_a_traceback(site: Path, tmp_path: Path, monkeypatch,
                                                                   arguments: list[str]) -> None:
    install_fake_distribution(site, "wire_pack_broken2", "wire_pack_broken2", "import no_such_module_here\n",
                              "[newslint.checks]\nbroken = wire_pack_broken2:nothing\n")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text("Plain copy.\n")
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)  # a clean exit, not a crash
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert errors == ["newslint: error: cannot load check 'broken' from entry point 'wire_pack_broken2:nothing': "
                      "ModuleNotFoundError: No module named 'no_such_module_here'"]
    if arguments == ["--list-checks"]:  # the checks that do load are still listed
        assert "promo-text" in result.stdout


# In this process the scan may not run at all: importing dask (another test does) installs the
# importlib_metadata backport's distribution finder, and the scan then leaves the work to importlib.metadata.
# So it is compared in a fresh interpreter, as newslint itself starts.
_COMPARE = """
import json, sys
from importlib.metadata import entry_points
from newslint.registry import _scan_entry_points
group = sys.argv[1]
print(json.dumps([[[e.name, e.value] for e in _scan_entry_points(group)],
                  [[e.name, e.value] for e in entry_points(group=group)]]))
"""


def _scanned_in_a_fresh_interpreter(group: str, *paths: Path) -> list[list[str]]:
    """The group's entry points as the scan finds them, after checking importlib.metadata finds the same."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(str(p) for p in paths)}
    result = subprocess.run([sys.executable, "-c", _COMPARE, group], capture_output=True, text=True,
                            env=environment, check=True)
    scanned, expected = json.loads(result.stdout)
    assert scanned == expected
    return scanned


@pytest.mark.parametrize("group", ["newslint.checks", "console_scripts", "pytest11"])
def test_the_entry_point_scan_finds_what_importlib_metadata_finds(group: str) -> None:
    assert _scanned_in_a_fresh_interpreter(group) or group == "pytest11"


def test_another_distribution_finder_leaves_the_work_to_importlib_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib.metadata import entry_points

    from newslint.registry import _entry_points

    class Finder:  # a distribution finder of another package, such as the importlib_metadata backport's
        def find_spec(self, *args: object) -> None:
            return None

        def find_distributions(self, *args: object) -> list[object]:
            return []

    monkeypatch.setattr(sys, "meta_path", [Finder(), *sys.meta_path])
    assert [(e.name, e.value) for e in _entry_points("newslint.checks")] == \
        [(e.name, e.value) for e in entry_points(group="newslint.checks")]


def test_a_plugin_installed_shadowed_or_removed_is_seen_at_once(tmp_path: Path) -> None:
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    install_fake_distribution(first, "wire_pack_moving", "wire_pack_moving", PLUGIN,
                              "[newslint.checks]\nwire-slug = wire_pack_moving:wire_slug\n")
    assert ["wire-slug", "wire_pack_moving:wire_slug"] in _scanned_in_a_fresh_interpreter("newslint.checks", first)
    # A second copy further along sys.path is shadowed, as importlib.metadata has it (the same name, normalized).
    install_fake_distribution(later, "Wire.Pack_Moving", "wire_pack_moving_b", PLUGIN,
                              "[newslint.checks]\nother-slug = wire_pack_moving_b:wire_slug\n")
    names = [name for name, _ in _scanned_in_a_fresh_interpreter("newslint.checks", first, later)]
    assert "wire-slug" in names and "other-slug" not in names
    for path in (first / "wire_pack_moving-0.1.dist-info").iterdir():
        path.unlink()
    (first / "wire_pack_moving-0.1.dist-info").rmdir()  # uninstalled: the later copy now answers
    names = [name for name, _ in _scanned_in_a_fresh_interpreter("newslint.checks", first, later)]
    assert "wire-slug" not in names and "other-slug" in names
