"""Start-to-finish time of ``newslint --select promo-text,orphan-caption FILE`` against ``proselint check FILE``.

Both are run as an editor runs them, one fresh process per article, alternating so that machine noise
hits both alike; the ratio of medians is the number to watch (target: at most 1.0).

newslint is timed as users install it (``pip install .``, a wheel), not through the editable checkout,
whose import hook adds start-up time no user pays: the script builds the wheel and installs it, without
dependencies, into a throwaway environment that borrows this one's site-packages for click and friends.

Run: ``python bench/speed_vs_proselint.py [--articles N] [--rounds R] [--all-checks]`` (all checks: target 1.2)
"""

from __future__ import annotations

import argparse
import os
import shutil
import site
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

from _corpus import CORPUS, SEED, require_corpus, write_result

BIN = Path(sys.executable).parent


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def installed_newslint(workdir: Path) -> Path:
    """The newslint console script of a wheel built from this checkout, installed in a fresh venv."""
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(workdir / "dist"), str(root)],
                   check=True, capture_output=True)
    environment = workdir / "venv"
    venv.create(environment)
    target = next((environment / "lib").glob("python3*/site-packages"))
    # A plain path entry (not a site dir): this environment's packages without its editable-install hook.
    (target / "borrowed.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    wheel = next((workdir / "dist").glob("newslint-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "--python", str(environment / "bin" / "python"), "install",
                    "--quiet", "--no-deps", str(wheel)], check=True, capture_output=True)
    return environment / "bin" / "newslint"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--all-checks", action="store_true",
                        help="time every check (name-spelling included) rather than the two rule-only ones")
    arguments = parser.parse_args()
    selection = [] if arguments.all_checks else ["--select", "promo-text,orphan-caption"]
    label = "newslint (all checks)" if arguments.all_checks else "newslint --select promo-text,orphan-caption"
    target = 1.2 if arguments.all_checks else 1.0
    require_corpus()
    proselint = shutil.which("proselint", path=str(BIN)) or shutil.which("proselint")
    if not proselint:
        sys.exit("proselint is not installed: pip install -e '.[bench]'")
    articles = [SEED, *sorted((CORPUS / "clean" / "lee").glob("*.txt"))[: arguments.articles - 1]]
    workdir = Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    newslint = installed_newslint(workdir)
    load_before = os.getloadavg()[0]
    newslint_times, proselint_times = [], []
    for _ in range(arguments.rounds):
        for article in articles:
            newslint_times.append(timed([str(newslint), *selection, str(article)]))
            proselint_times.append(timed([proselint, "check", str(article)]))
    shutil.rmtree(workdir, ignore_errors=True)
    load_after = os.getloadavg()[0]
    ours, theirs = statistics.median(newslint_times), statistics.median(proselint_times)
    report = (
        f"{len(articles)} articles (the reference article and clean/lee), {arguments.rounds} rounds, "
        f"one process per file, alternating.\n"
        f"Load average (1 min) before/after: {load_before:.2f} / {load_after:.2f} on {os.cpu_count()} cores.\n\n"
        f"| tool | median seconds per article |\n|---|---|\n"
        f"| {label} (installed wheel) | {ours:.3f} |\n"
        f"| proselint check | {theirs:.3f} |\n\n"
        f"Ratio newslint / proselint: **{ours / theirs:.2f}** (target ≤ {target})\n"
    )
    print(report)
    write_result("speed_vs_proselint_all_checks" if arguments.all_checks else "speed_vs_proselint", report)


if __name__ == "__main__":
    main()
