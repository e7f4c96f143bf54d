"""Typed check options: declared once, validated when the configuration is read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from newslint.options import FilePath, OptionError, OptionsSchema


@dataclass(frozen=True)
class Sample:
    strict: bool = False
    max_words: int = 40
    threshold: float = 0.5
    label: str = "x"
    extra_words: tuple[str, ...] = ()
    house_list: FilePath = ""


SCHEMA = OptionsSchema.declare(Sample, "sample")


def read(**given):
    return SCHEMA.read({key.replace("_", "-"): value for key, value in given.items()}, table="[checks.sample]",
                       base=Path.cwd())


def test_keys_are_the_fields_in_kebab_case_and_defaults_fill_the_rest() -> None:
    assert list(SCHEMA) == ["strict", "max-words", "threshold", "label", "extra-words", "house-list"]
    assert SCHEMA.defaults() == Sample()
    assert read(strict=True, extra_words=["a", "b"], threshold=1) == Sample(strict=True, extra_words=("a", "b"),
                                                                           threshold=1.0)


@pytest.mark.parametrize("given, message", [
    ({"strict": "yes"}, "[checks.sample] strict must be a boolean, not a string ('yes')"),
    ({"strict": 1}, "[checks.sample] strict must be a boolean, not an integer (1)"),
    ({"max_words": True}, "[checks.sample] max-words must be an integer, not a boolean (True)"),
    ({"max_words": 4.5}, "[checks.sample] max-words must be an integer, not a number (4.5)"),
    ({"threshold": "high"}, "[checks.sample] threshold must be a number, not a string ('high')"),
    ({"label": ["x"]}, "[checks.sample] label must be a string, not a list (['x'])"),
    ({"extra_words": "Listen"}, "[checks.sample] extra-words must be a list of strings, not a string ('Listen')"),
    ({"house_list": ["a.txt"]}, "[checks.sample] house-list must be a file, not a list (['a.txt'])"),
    ({"colour": "red"}, "[checks.sample] has no option(s) colour (known: extra-words, house-list, label, "
                        "max-words, strict, threshold)"),
])
def test_a_value_of_the_wrong_type_names_the_table_and_the_key(given, message) -> None:
    with pytest.raises(OptionError) as raised:
        read(**given)
    assert str(raised.value) == message


def test_a_file_option_is_resolved_against_the_configuration_folder(tmp_path: Path) -> None:
    (tmp_path / "names.txt").write_text("Ann Lee\n")
    options = SCHEMA.read({"house-list": "names.txt"}, table="[checks.sample]", base=tmp_path)
    assert options.house_list == str((tmp_path / "names.txt").resolve())
    with pytest.raises(OptionError, match="house-list = 'gone.txt': no such file"):
        SCHEMA.read({"house-list": "gone.txt"}, table="[checks.sample]", base=tmp_path)


def test_a_check_pack_may_declare_options_as_a_mapping_of_defaults() -> None:
    schema = OptionsSchema.declare({"max-length": 40, "labels": [], "names-file": ""}, "pack")
    assert dict(schema.defaults()) == {"max-length": 40, "labels": (), "names-file": ""}
    assert schema.read({"labels": ["a"]}, table="[checks.pack]", base=Path.cwd())["labels"] == ("a",)
    with pytest.raises(OptionError, match=r"max-length must be an integer, not a string \('40'\)"):
        schema.read({"max-length": "40"}, table="[checks.pack]", base=Path.cwd())


def test_an_option_without_a_default_or_of_an_unsupported_type_is_refused_when_declared() -> None:
    @dataclass(frozen=True)
    class NoDefault:
        words: tuple[str, ...]

    @dataclass(frozen=True)
    class Unsupported:
        table: dict = None  # type: ignore[assignment]

    for declared in (NoDefault, Unsupported, {"table": {}}):
        with pytest.raises(TypeError):
            OptionsSchema.declare(declared, "bad")
