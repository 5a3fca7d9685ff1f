"""Passwords: stored only as a slow, salted hash; the rules a new password must meet.

The hash is scrypt (RFC 7914, `hashlib.scrypt` from the standard library) with the parameters
OWASP's Password Storage Cheat Sheet names as its minimum for scrypt: N = 2**17, r = 8, p = 1
(128 MiB of memory and ≈0.3–0.8 s per check on a laptop), a random 16-byte salt per account and
a 32-byte key. The text stored is self-describing,

    scrypt$<log2 N>$<r>$<p>$<salt, base64>$<key, base64>

so a later version may raise the cost and still check every password set before. The password
itself is never stored, logged, audited or printed; the hash stays in the accounts table, which
never leaves the laptop (models/account.py).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from union_desk.services.errors import UserError

MIN_LENGTH = 8
MAX_LENGTH = 128


@dataclass(frozen=True)
class ScryptCost:
    log2_n: int = 17
    r: int = 8
    p: int = 1
    dklen: int = 32
    salt_bytes: int = 16


COST = ScryptCost()


def check_new_password(password: str) -> str:
    """The password as it will be hashed, or a UserError saying what is wrong."""
    if not isinstance(password, str) or not password:
        raise UserError("请设置密码", field="password")
    if password != password.strip():
        raise UserError("密码的开头和结尾不能是空格", field="password")
    if len(password) < MIN_LENGTH:
        raise UserError(f"密码至少 {MIN_LENGTH} 位", field="password")
    if len(password) > MAX_LENGTH:
        raise UserError(f"密码最多 {MAX_LENGTH} 位", field="password")
    if len(set(password)) < 3:
        raise UserError("密码过于简单（至少用三种不同的字符）", field="password")
    return password


def hash_password(password: str, cost: ScryptCost | None = None) -> str:
    cost = cost or COST
    salt = secrets.token_bytes(cost.salt_bytes)
    key = _scrypt(password, salt, cost.log2_n, cost.r, cost.p, cost.dklen)
    return "$".join(("scrypt", str(cost.log2_n), str(cost.r), str(cost.p),
                     _b64(salt), _b64(key)))


def verify_password(password: str, stored: str) -> bool:
    """True when `password` is the one `stored` was made from; False for anything else,
    including an empty or unreadable stored hash (an account without a password)."""
    try:
        scheme, log2_n, r, p, salt, key = (stored or "").split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(key, validate=True)
        actual = _scrypt(password or "", base64.b64decode(salt, validate=True), int(log2_n),
                         int(r), int(p), len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(expected, actual)


def _scrypt(password: str, salt: bytes, log2_n: int, r: int, p: int, dklen: int) -> bytes:
    if not 10 <= log2_n <= 22 or not 1 <= r <= 32 or not 1 <= p <= 16:
        raise ValueError("scrypt parameters out of range")
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2 ** log2_n, r=r, p=p,
                          maxmem=256 * (2 ** log2_n) * r * p, dklen=dklen)  # twice the need


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
