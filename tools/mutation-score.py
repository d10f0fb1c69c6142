"""Print make mutate's score from mutmut's statistics, and fail below the goal.

The score is the share of all mutants that the unit tests kill (a timeout
counts as killed: the mutant broke the code). Mutants with no covering
test count against the score, as survivors do.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

GOAL = 0.85


def main() -> int:
    subprocess.run([str(Path(sys.executable).parent / "mutmut"), "export-cicd-stats"], check=True,
                   capture_output=True)
    stats = json.loads(Path("mutants/mutmut-cicd-stats.json").read_text(encoding="utf-8"))
    killed = stats["killed"] + stats["timeout"]
    total = stats["total"]
    score = killed / total if total else 0.0
    print(f"mutation score: {killed}/{total} killed = {score:.1%} (goal {GOAL:.0%}); "
          f"survived {stats['survived']}, no test {stats['no_tests']}, suspicious {stats['suspicious']}, "
          f"skipped {stats['skipped']}; equivalent survivors are explained in tests/MUTATION.md")
    return 0 if score >= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
