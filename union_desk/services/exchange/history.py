"""The merge history: every package offered to the city database, merged or refused."""
from __future__ import annotations

import json

import sqlalchemy as sa
from sqlmodel import Session

from union_desk.domain.townships import township_name
from union_desk.models.exchange import MergeRecord, MergeRow


def merge_history(session: Session, *, limit: int | None = 500) -> list[MergeRow]:
    query = sa.select(MergeRecord).order_by(MergeRecord.created_at.desc()).limit(limit)
    return [MergeRow(id=r.id, file_name=r.file_name, installation_id=r.installation_id,
                     source_township=r.source_township,
                     source_name=township_name(r.source_township), sequence=r.sequence, made_at=r.made_at,
                     merged_at=r.created_at, outcome=r.outcome, reason=r.reason,
                     counts=json.loads(r.counts), signer_fingerprint=r.signer_fingerprint,
                     merged_by=r.merged_by)
            for r in session.execute(query).scalars()]
