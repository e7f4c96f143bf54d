import sys
from pathlib import Path

# Lets test modules import the shared helpers in tests/ (fixture_support) without making tests a package.
sys.path.insert(0, str(Path(__file__).resolve().parent))


import pytest  # noqa: E402


@pytest.fixture(scope="session")
def hook_source(tmp_path_factory):
    """A committed snapshot of this checkout, for pre-commit to install the hook from."""
    from test_precommit import snapshot_of_this_checkout

    return snapshot_of_this_checkout(tmp_path_factory.mktemp("src"))


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory):
    """pre-commit's cache, shared by the tests so the hook's environment is built once per run."""
    return tmp_path_factory.mktemp("pre-commit-home")
