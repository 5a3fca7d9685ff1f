"""Passwords are kept only as a slow salted scrypt hash with the documented parameters."""
import base64
import hashlib

import pytest

from union_desk.services.accounts import passwords
from union_desk.services.accounts.passwords import (
    ScryptCost, check_new_password, hash_password, verify_password,
)
from union_desk.services.errors import UserError


def test_the_default_cost_is_owasps_scrypt_minimum_and_is_written_into_the_hash():
    # Given the shipped parameters (N = 2**17, r = 8, p = 1, 16-byte salt, 32-byte key)
    assert ScryptCost() == ScryptCost(log2_n=17, r=8, p=1, dklen=32, salt_bytes=16)
    # When a password is hashed at that cost
    stored = hash_password("correct horse", ScryptCost())
    # Then the text names the scheme and cost, and the key is scrypt's own
    scheme, log2_n, r, p, salt, key = stored.split("$")
    assert (scheme, log2_n, r, p) == ("scrypt", "17", "8", "1")
    salt, key = base64.b64decode(salt), base64.b64decode(key)
    assert len(salt) == 16 and len(key) == 32
    assert key == hashlib.scrypt(b"correct horse", salt=salt, n=2 ** 17, r=8, p=1,
                                 maxmem=2 ** 28, dklen=32)
    assert "correct horse" not in stored
    assert verify_password("correct horse", stored)


def test_a_hash_checks_only_its_own_password_and_every_salt_differs():
    first, second = hash_password("zhang-jing-25"), hash_password("zhang-jing-25")
    assert first != second  # a fresh salt each time
    assert verify_password("zhang-jing-25", first) and verify_password("zhang-jing-25", second)
    for wrong in ("zhang-jing-26", "", "ZHANG-JING-25", "zhang-jing-25 "):
        assert not verify_password(wrong, first)


@pytest.mark.parametrize("stored", ["", "plain", "bcrypt$12$x$y$z$w", "scrypt$17$8$1$@@$@@",
                                    "scrypt$99$8$1$AAAA$AAAA", "scrypt$x$8$1$AAAA$AAAA"])
def test_an_empty_or_unreadable_hash_matches_nothing(stored):
    assert not verify_password("anything", stored)
    assert not verify_password("", stored)


def test_a_hash_made_at_another_cost_still_checks(monkeypatch):
    # a later version may raise the cost: what was stored before still verifies
    old = hash_password("li-shen-2025", ScryptCost(log2_n=11, r=4))
    monkeypatch.setattr(passwords, "COST", ScryptCost(log2_n=12))
    assert old.split("$")[1:3] == ["11", "4"] and verify_password("li-shen-2025", old)


@pytest.mark.parametrize("password, message", [
    ("", "请设置密码"), ("abc123", "至少 8 位"), (" spaced-out ", "空格"),
    ("aaaaaaaaab", "过于简单"), ("x" * 129, "最多 128 位")])
def test_a_new_password_must_meet_the_rules(password, message):
    with pytest.raises(UserError, match=message):
        check_new_password(password)


def test_a_good_new_password_passes_unchanged():
    assert check_new_password("大洋镇2025年") == "大洋镇2025年"
