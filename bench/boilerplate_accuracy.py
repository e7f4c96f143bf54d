"""Accuracy of promo-text and orphan-caption on real copy.

1. ``boilerplate/snippets.jsonl``: each labelled snippet linted on its own; precision and recall of
   (promo-text ∪ orphan-caption) against the ``boiler`` label, overall and per heuristic ``kind``.
2. ``clean/lee``: findings per 100 clean published articles (target: at most 0.5).
3. ``boilerplate/scraped``: every finding listed, for reading.

Run: ``python bench/boilerplate_accuracy.py [--show]``
"""

from __future__ import annotations

import json
import sys
from collections import Counter

from _corpus import CORPUS, SEED, lint_text, linter, require_corpus, write_result

CHECKS = ["promo-text", "orphan-caption"]


def main(show: bool) -> None:
    require_corpus()
    lint = linter(CHECKS)
    records = [json.loads(line) for line in (CORPUS / "boilerplate" / "snippets.jsonl").open(encoding="utf-8")]
    flagged_by_kind: Counter[str] = Counter()
    total_by_kind: Counter[str] = Counter()
    false_positives = []
    for record in records:
        kind = record["kind"] or "body"
        total_by_kind[kind] += 1
        if lint_text(lint, "snippet", record["text"]):
            flagged_by_kind[kind] += 1
            if record["label"] == "body":
                false_positives.append(record["text"])
    true_positives = sum(flagged_by_kind[k] for k in total_by_kind if k != "body")
    flagged = true_positives + flagged_by_kind["body"]
    boiler = sum(total_by_kind[k] for k in total_by_kind if k != "body")
    targeted = [k for k in ("promo", "credit", "caption")]
    targeted_total = sum(total_by_kind[k] for k in targeted)
    targeted_hit = sum(flagged_by_kind[k] for k in targeted)
    lines = ["## Labelled snippets (boilerplate/snippets.jsonl)", "",
             f"- precision (flagged snippets that are boiler): {true_positives}/{flagged} = "
             f"{true_positives / max(flagged, 1):.3f}",
             f"- recall over all boiler: {true_positives}/{boiler} = {true_positives / boiler:.3f}",
             f"- recall over the kinds these checks target (promo, credit, caption): {targeted_hit}/{targeted_total}"
             f" = {targeted_hit / targeted_total:.3f}", "", "| kind | flagged / total |", "|---|---|"]
    lines += [f"| {kind} | {flagged_by_kind[kind]}/{total_by_kind[kind]} |" for kind in sorted(total_by_kind)]
    lines += ["", "Body snippets flagged (false positives):", ""] + [f"- `{t}`" for t in false_positives]

    lee = sorted((CORPUS / "clean" / "lee").glob("*.txt"))
    lee_findings = [f for path in lee for f in lint_text(lint, path.name, path.read_text(encoding="utf-8"))]
    lines += ["", "## Clean articles (clean/lee)", "",
              f"- {len(lee_findings)} findings in {len(lee)} articles = "
              f"{100 * len(lee_findings) / len(lee):.2f} per 100 articles (target ≤ 0.5)"]
    lines += [f"  - {f.path}:{f.line}:{f.column} {f.check} {f.message}" for f in lee_findings]

    seed = lint_text(lint, SEED.name, SEED.read_text(encoding="utf-8"))
    lines += ["", "## Reference article", ""] + [f"- line {f.line} {f.check}" for f in seed]

    scraped = sorted((CORPUS / "boilerplate" / "scraped").glob("*.txt"))
    scraped_findings = [(p, f) for p in scraped for f in lint_text(lint, p.name, p.read_text(encoding="utf-8"))]
    by_check = Counter(f.check for _, f in scraped_findings)
    lines += ["", "## Scraped articles (boilerplate/scraped)", "",
              f"- {len(scraped_findings)} findings in {len(scraped)} articles: {dict(by_check)}"]
    if show:
        for path, finding in scraped_findings:
            text = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")[finding.line - 1]
            lines.append(f"  - {path.name}:{finding.line} {finding.check}: {text[:110]}")
    report = "\n".join(lines) + "\n"
    print(report)
    if not show:
        write_result("boilerplate_accuracy", report)


if __name__ == "__main__":
    main(show="--show" in sys.argv)
