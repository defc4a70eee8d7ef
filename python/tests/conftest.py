"""What the tests share: the source tree, the flywheel command built
beside the library, and small scenarios that run in a moment."""
import os
import subprocess
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent.parent
SCENARIOS = SRC / "scenarios"
DATA = SRC / "tests" / "data"
FLYWHEEL = os.environ.get("FLYWHEEL", str(SRC / "build" / "flywheel"))

# Two segments, channels and one uncertain input, so that every table
# has rows of each kind; 14 months make one full year and a bit.
SMALL = """\
name: small
horizon_months: 14
replications: 9
seed: 31
friction: {access: {dist: pert, min: 0.3, mode: 0.42, max: 0.5}}
segments:
  - {name: a, hcps: 300, scripts_per_month: 5, initial: {unaware: 0.5, engaged: 0.2, adopter: 0.3}}
  - {name: b, hcps: 200, scripts_per_month: 1.2, trust: 0.45}
channels:
  - {name: rep, touches_per_month: 1, reach: 0.06, helpful: 0.55, burden: 0.08, cost_per_touch: 160}
variants:
  fix: {set: {friction.onboarding: 0.1}, program_cost: {upfront: 20000, monthly: 3000}}
  hub: {set: {friction.access: 0.25}}
"""


def cli(*args, cwd=None):
    """Runs the flywheel command; its standard output, or the test fails
    with its standard error."""
    p = subprocess.run([FLYWHEEL, *map(str, args)], cwd=cwd,
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    return p.stdout


@pytest.fixture
def small():
    import flywheel
    return flywheel.Scenario.from_string(SMALL, name="small.yaml")


@pytest.fixture(scope="session")
def small_run():
    import flywheel
    return flywheel.Scenario.from_string(SMALL, name="small.yaml").run()
