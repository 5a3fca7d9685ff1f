"""The package file (`.udx`): a zip archive of three members.

    manifest.json   UTF-8 JSON, in clear: who (township, installation, signing public key),
                    what (schema revision, sequence number, row counts, when made), and the
                    SHA-256 of payload.bin and of the SQLite snapshot inside it
    manifest.sig    Ed25519 signature (64 bytes) of manifest.json's exact bytes, by the
                    installation's signing key
    payload.bin     HPKE (RFC 9180, base mode) ciphertext, to the city office's X25519 key:
                    DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305, with
                    info = "union-desk-exchange/1|<installation id>|<sequence>"; the plaintext
                    is the township's SQLite snapshot compressed with zlib

The signature covers the manifest, the manifest covers the ciphertext by its hash, and the AEAD
covers the plaintext: one changed byte anywhere is caught. Everything comes from `cryptography`.
`open_package` verifies in that order and names the file and the reason in every refusal.
"""
from __future__ import annotations

import hashlib
import io
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from pydantic import BaseModel, ValidationError

from union_desk.files import atomic_write
from union_desk.services.errors import UserError
from union_desk.services.exchange.keys import fingerprint

FORMAT = "union-desk-exchange/1"
SUFFIX = ".udx"
MANIFEST, SIGNATURE, PAYLOAD = "manifest.json", "manifest.sig", "payload.bin"
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)


class Manifest(BaseModel):
    format: str
    township: str
    township_name: str
    installation_id: str
    signing_key: str  # hex, raw Ed25519 public key
    signing_fingerprint: str
    recipient_fingerprint: str  # the city key the payload is encrypted to
    schema_revisions: list[str]
    sequence: int
    made_at: datetime
    row_counts: dict[str, int]
    payload_sha256: str
    snapshot_sha256: str
    compression: str = "zlib"
    encryption: str = "HPKE-base DHKEM(X25519,HKDF-SHA256) HKDF-SHA256 ChaCha20-Poly1305"


class PackageError(UserError):
    """A package refused before anything was written; the message names the file."""


def _info(installation_id: str, sequence: int) -> bytes:
    return f"{FORMAT}|{installation_id}|{sequence}".encode()


def seal(*, manifest: Manifest, snapshot: bytes, signer: Ed25519PrivateKey,
         recipient: X25519PublicKey) -> tuple[Manifest, bytes]:
    """The package bytes for `snapshot`; fills the hashes and the recipient into the manifest."""
    payload = _SUITE.encrypt(zlib.compress(snapshot, 1), recipient,
                             info=_info(manifest.installation_id, manifest.sequence))
    manifest = manifest.model_copy(update={
        "format": FORMAT,
        "recipient_fingerprint": fingerprint(recipient.public_bytes_raw()),
        "payload_sha256": hashlib.sha256(payload).hexdigest(),
        "snapshot_sha256": hashlib.sha256(snapshot).hexdigest()})
    manifest_bytes = manifest.model_dump_json().encode("utf-8")
    return manifest, _zip(manifest_bytes, signer.sign(manifest_bytes), payload)


def _zip(manifest_bytes: bytes, signature: bytes, payload: bytes) -> bytes:
    """The package's bytes, the same on every machine for the same parts (fixed times and
    attributes): the reader rebuilds them and compares, so no byte of the file — a zip header
    field no signature covers included — can change unnoticed."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, data in ((MANIFEST, manifest_bytes), (SIGNATURE, signature), (PAYLOAD, payload)):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.create_system = 3              # not the writer's platform
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return out.getvalue()


def write_package(path: str | Path, data: bytes) -> None:
    try:
        with atomic_write(path) as fh:
            fh.write(data)
    except OSError as err:
        raise UserError(f"无法写入数据包 {path}：{err}") from err


@dataclass
class Opened:
    """A package whose signature and hash are verified; `decrypt` gives the snapshot."""

    name: str
    manifest: Manifest
    payload: bytes
    package_sha256: str

    def decrypt(self, key: X25519PrivateKey) -> bytes:
        m = self.manifest
        mine = fingerprint(key.public_key().public_bytes_raw())
        if m.recipient_fingerprint != mine:
            raise PackageError(f"{self.name}：数据包是加密给另一个市总工会公钥的（指纹 "
                               f"{m.recipient_fingerprint}，本库 {mine}），请乡镇导入正确的公钥后重新导出")
        try:
            packed = _SUITE.decrypt(self.payload, key, info=_info(m.installation_id, m.sequence))
            snapshot = zlib.decompress(packed)
        except (InvalidTag, ValueError, zlib.error):
            raise PackageError(f"{self.name}：无法解密，数据包已损坏或不是加密给本库的") from None
        if hashlib.sha256(snapshot).hexdigest() != m.snapshot_sha256:
            raise PackageError(f"{self.name}：解密后的数据与清单不符，数据包已被改动")
        return snapshot


def open_package(path: str | Path) -> Opened:
    """Read a package file and check its signature (against the key it names) and payload hash.
    Whether that key is trusted is the merge's business (trust.py)."""
    path = Path(path)
    name = path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PackageError(f"{name}：文件不存在") from None
    except OSError as err:
        raise PackageError(f"{name}：无法读取（{err}）") from None
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        hint = "文件不完整（可能没有拷贝完）或" if raw[:2] == b"PK" else ""
        raise PackageError(f"{name}：{hint}不是市总工会数据包")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            names = set(zf.namelist())
            if not {MANIFEST, SIGNATURE, PAYLOAD} <= names:
                raise PackageError(f"{name}：不是市总工会数据包（缺少 {MANIFEST}/{PAYLOAD}）")
            manifest_bytes = zf.read(MANIFEST)
            signature = zf.read(SIGNATURE)
            payload = zf.read(PAYLOAD)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError,
            NotImplementedError, KeyError):  # a flag or method byte changed: "encrypted"…
        raise PackageError(f"{name}：文件已损坏（校验失败），请重新拷贝或重新导出") from None
    try:
        manifest = Manifest.model_validate_json(manifest_bytes)
    except ValidationError:
        raise PackageError(f"{name}：数据包清单无法读取，文件已损坏或被改动") from None
    if manifest.format != FORMAT:
        raise PackageError(f"{name}：数据包格式 {manifest.format} 不是本程序能读的 {FORMAT}，请先升级")
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(manifest.signing_key)) \
            .verify(signature, manifest_bytes)
    except (InvalidSignature, ValueError):
        raise PackageError(f"{name}：签名无效，数据包已被改动或不是乡镇导出的") from None
    if fingerprint(manifest.signing_key) != manifest.signing_fingerprint:
        raise PackageError(f"{name}：签名密钥指纹不符，数据包已被改动")
    if hashlib.sha256(payload).hexdigest() != manifest.payload_sha256:
        raise PackageError(f"{name}：数据与签名的清单不符，数据包已被改动")
    if _zip(manifest_bytes, signature, payload) != raw:
        raise PackageError(f"{name}：文件已损坏或被改动（文件结构与数据包不符），请重新拷贝或重新导出")
    return Opened(name=name, manifest=manifest, payload=payload,
                  package_sha256=hashlib.sha256(raw).hexdigest())
