"""Key material kept in the database (table exchange_key): the installation's Ed25519 signing
key, the city office's X25519 key pair, the city's public key as a township imports it.

Private keys are written through Core (no ORM audit row copies them), never returned by a
service, never printed. Keys come from `cryptography`; nothing here is home-made cryptography.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlmodel import Session

from union_desk.files import atomic_write_bytes
from union_desk.models.audit import log_action
from union_desk.models.base import new_id, utcnow
from union_desk.models.exchange import ExchangeKey, KeyPurpose
from union_desk.services.errors import UserError
from union_desk.services.settings import get_setting, put_setting

CITY_KEY_FORMAT = "union-desk-city-key/1"
INSTALLATION_KEY = "exchange.installation"


def fingerprint(public: bytes | str) -> str:
    """16 hex digits of SHA-256 of the raw public key, in groups of four: read out by phone."""
    raw = bytes.fromhex(public) if isinstance(public, str) else public
    digest = hashlib.sha256(raw).hexdigest()[:16].upper()
    return "-".join(digest[i:i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class CityKey:
    name: str
    public_key: str  # hex of the raw X25519 public key
    fingerprint: str


def _live(session: Session, purpose: KeyPurpose):
    return session.execute(sa.select(ExchangeKey).where(
        ExchangeKey.purpose == purpose, ExchangeKey.deleted_at.is_(None))
        .order_by(ExchangeKey.created_at.desc())).scalars().first()


def _store(session: Session, *, purpose: KeyPurpose, owner: str, public_key: str,
           secret: str | None) -> str:
    """A key row through Core (the audit trail records who and which fingerprint, not the key)."""
    now, key_id, fp = utcnow(), new_id(), fingerprint(public_key) if public_key else ""
    session.execute(sa.insert(ExchangeKey), [{
        "id": key_id, "township": session.info.get("township", ""), "created_at": now,
        "updated_at": now, "deleted_at": None, "purpose": purpose, "owner": owner,
        "public_key": public_key, "secret": secret, "fingerprint": fp}])
    log_action(session, table_name=ExchangeKey.__tablename__, record_id=key_id, action="insert",
               detail={"purpose": purpose.value, "owner": owner, "fingerprint": fp})
    return fp


def installation_id(session: Session) -> str:
    """This installation's id, made with its signing key on the first export."""
    value = get_setting(session, key=INSTALLATION_KEY)
    if not value:
        value = new_id()
        put_setting(session, key=INSTALLATION_KEY, value=value)
    return value


def signing_key(session: Session) -> Ed25519PrivateKey:
    """The installation's signing key, made on first use (inside the caller's write)."""
    row = _live(session, KeyPurpose.SIGNING)
    if row is not None:
        return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(row.secret))
    key = Ed25519PrivateKey.generate()
    _store(session, purpose=KeyPurpose.SIGNING, owner=installation_id(session),
           public_key=key.public_key().public_bytes_raw().hex(),
           secret=key.private_bytes_raw().hex())
    return key


def signing_fingerprint(session: Session) -> str:
    row = _live(session, KeyPurpose.SIGNING)
    return row.fingerprint if row is not None else ""


# -- the city office's key pair ------------------------------------------------------------------

def make_city_key(session: Session, *, name: str) -> CityKey:
    if _live(session, KeyPurpose.CITY) is not None:
        raise UserError("本数据库已有市总工会密钥")
    key = X25519PrivateKey.generate()
    public = key.public_key().public_bytes_raw().hex()
    fp = _store(session, purpose=KeyPurpose.CITY, owner=name, public_key=public,
                secret=key.private_bytes_raw().hex())
    return CityKey(name=name, public_key=public, fingerprint=fp)


def city_key(session: Session) -> CityKey:
    row = _live(session, KeyPurpose.CITY)
    if row is None:
        raise UserError("这不是市总工会的数据库（没有市总工会密钥）：请用 union-desk city init 创建")
    return CityKey(name=row.owner, public_key=row.public_key, fingerprint=row.fingerprint)


def city_private_key(session: Session) -> X25519PrivateKey:
    row = _live(session, KeyPurpose.CITY)
    if row is None:
        raise UserError("这不是市总工会的数据库（没有市总工会密钥）：请用 union-desk city init 创建")
    return X25519PrivateKey.from_private_bytes(bytes.fromhex(row.secret))


def write_city_key_file(key: CityKey, path: str | Path) -> Path:
    """The small file the townships import: name, public key, fingerprint (no private part)."""
    text = json.dumps({"format": CITY_KEY_FORMAT, "name": key.name, "x25519": key.public_key,
                       "fingerprint": key.fingerprint}, ensure_ascii=False, indent=2)
    try:
        return atomic_write_bytes(path, (text + "\n").encode("utf-8"))
    except OSError as err:
        raise UserError(f"无法写入公钥文件 {path}：{err}") from err


# -- at a township: the city's public key --------------------------------------------------------

def read_city_key_file(path: str | Path) -> CityKey:
    path = Path(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
        if data.get("format") != CITY_KEY_FORMAT:
            raise ValueError
        public = str(data["x25519"])
        X25519PublicKey.from_public_bytes(bytes.fromhex(public))
        name, fp = str(data["name"]), str(data["fingerprint"])
    except FileNotFoundError:
        raise UserError(f"找不到公钥文件：{path}") from None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        raise UserError(f"{path.name} 不是市总工会公钥文件") from None
    if fingerprint(public) != fp:
        raise UserError(f"{path.name} 已损坏：公钥与其指纹不符")
    return CityKey(name=name, public_key=public, fingerprint=fp)


def trust_city_key(session: Session, *, key: CityKey) -> CityKey:
    """Keep the city's public key (replacing an earlier one); packages are encrypted to it."""
    old = _live(session, KeyPurpose.CITY_RECIPIENT)
    if old is not None and old.public_key == key.public_key:
        return key
    if old is not None:
        old.deleted_at = utcnow()
        session.flush()
    _store(session, purpose=KeyPurpose.CITY_RECIPIENT, owner=key.name,
           public_key=key.public_key, secret=None)
    return key


def trusted_city_key(session: Session) -> CityKey | None:
    row = _live(session, KeyPurpose.CITY_RECIPIENT)
    return None if row is None else CityKey(name=row.owner, public_key=row.public_key,
                                             fingerprint=row.fingerprint)


# -- at the city: townships' voucher QR secrets ---------------------------------------------------

def keep_voucher_secret(session: Session, *, township: str, secret: str) -> None:
    known = session.execute(sa.select(ExchangeKey.secret).where(
        ExchangeKey.purpose == KeyPurpose.VOUCHER, ExchangeKey.owner == township)).scalars().all()
    if secret not in known:
        _store(session, purpose=KeyPurpose.VOUCHER, owner=township, public_key="", secret=secret)


def voucher_secrets(session: Session, *, township: str) -> list[str]:
    """Every QR secret a township has used (a replaced laptop has a new one; old vouchers still
    verify), plus this installation's own when the database is that township's."""
    found = list(session.execute(sa.select(ExchangeKey.secret).where(
        ExchangeKey.purpose == KeyPurpose.VOUCHER, ExchangeKey.owner == township,
        ExchangeKey.deleted_at.is_(None))).scalars())
    if get_setting(session, key="township") == township:
        from union_desk.services.hardship.vouchers import SECRET_KEY

        own = get_setting(session, key=SECRET_KEY)
        if own and own not in found:
            found.append(own)
    return found
