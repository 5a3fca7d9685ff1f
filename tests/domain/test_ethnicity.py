"""民族 written short is kept by its official name; anything else as written."""
import pytest

from union_desk.domain.ethnicity import ETHNIC_GROUPS, normalise_ethnicity


def test_the_56_groups_each_once():
    assert len(ETHNIC_GROUPS) == len(set(ETHNIC_GROUPS)) == 56
    assert all(name.endswith("族") for name in ETHNIC_GROUPS)


@pytest.mark.parametrize("written, kept", [
    ("汉", "汉族"), (" 回 ", "回族"), ("维吾尔", "维吾尔族"), ("土", "土族"), ("土家", "土家族"),
    ("汉族", "汉族"), ("汉 族", "汉族"), ("穿青人", "穿青人"), ("", ""), (None, ""),
])
def test_short_names_are_kept_in_full(written, kept):
    assert normalise_ethnicity(written) == kept
