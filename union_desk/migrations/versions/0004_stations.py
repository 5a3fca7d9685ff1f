"""stations: rest stations, photos, inspections, subsidies, service counts

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-25 11:23:44
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate writes sqlmodel.sql.sqltypes.AutoString)
import union_desk.models.base  # noqa: F401  (UTCDateTime)
from alembic import op


revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = ('stations',)
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('station_counter',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('township', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('created_at', union_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', union_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', union_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('prefix', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('prefix')
    )
    with op.batch_alter_table('station_counter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_station_counter_township'), ['township'], unique=False)

    op.create_table('station',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('kind', sa.Enum('自建', '共建', name='stationkind', native_enum=False, length=16), nullable=False),
    sa.Column('host_unit', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('host_credit_code', sqlmodel.sql.sqltypes.AutoString(length=18), nullable=False),
    sa.Column('union_id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('opening_hours', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('is_24h', sa.Boolean(), nullable=False),
    sa.Column('manager', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('manager_phone', sqlmodel.sql.sqltypes.AutoString(length=11), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('township', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('created_at', union_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', union_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', union_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('area_tenths', sa.Integer(), nullable=False),
    sa.Column('facilities', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sa.Enum('在用', '暂停', '关闭', name='stationstatus', native_enum=False, length=16), nullable=False),
    sa.Column('status_date', sa.Date(), nullable=True),
    sa.Column('name_key', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('py_initials', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.ForeignKeyConstraint(['union_id'], ['grassroots_union.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('station', schema=None) as batch_op:
        batch_op.create_index('ix_station_name_key', ['name_key'], unique=False)
        batch_op.create_index('ix_station_py_initials', ['py_initials'], unique=False)
        batch_op.create_index('ix_station_status', ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_station_township'), ['township'], unique=False)
        batch_op.create_index('ux_station_code', ['code'], unique=True)

    op.create_table('station_inspection',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('township', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('created_at', union_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', union_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', union_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('station_id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('kind', sa.Enum('验收', '复验', name='inspectionkind', native_enum=False, length=16), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('inspector', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('results', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('passed', sa.Boolean(), nullable=False),
    sa.Column('remarks', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('station_inspection', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_station_inspection_station_id'), ['station_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_station_inspection_township'), ['township'], unique=False)

    op.create_table('station_photo',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('township', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('created_at', union_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', union_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', union_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('station_id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('filename', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('mime', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('taken_on', sa.Date(), nullable=True),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('station_photo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_station_photo_station_id'), ['station_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_station_photo_township'), ['township'], unique=False)

    op.create_table('station_service_count',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('township', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('created_at', union_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', union_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', union_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('station_id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('sanitation', sa.Integer(), nullable=False),
    sa.Column('courier', sa.Integer(), nullable=False),
    sa.Column('rider', sa.Integer(), nullable=False),
    sa.Column('police', sa.Integer(), nullable=False),
    sa.Column('other', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('station_service_count', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_station_service_count_station_id'), ['station_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_station_service_count_township'), ['township'], unique=False)
        batch_op.create_index('ux_station_service_count_month', ['station_id', 'month'], unique=True, sqlite_where=sa.text('deleted_at IS NULL'), postgresql_where=sa.text('deleted_at IS NULL'))

    op.create_table('station_status_event',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('township', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('created_at', union_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', union_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', union_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('station_id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('status', sa.Enum('在用', '暂停', '关闭', name='stationstatus', native_enum=False, length=16), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('station_status_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_station_status_event_station_id'), ['station_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_station_status_event_township'), ['township'], unique=False)

    op.create_table('station_subsidy',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('township', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('created_at', union_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('updated_at', union_desk.models.base.UTCDateTime(), nullable=False),
    sa.Column('deleted_at', union_desk.models.base.UTCDateTime(), nullable=True),
    sa.Column('station_id', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('kind', sa.Enum('建设补助', '运行补助', name='subsidykind', native_enum=False, length=16), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.ForeignKeyConstraint(['station_id'], ['station.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('station_subsidy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_station_subsidy_station_id'), ['station_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_station_subsidy_township'), ['township'], unique=False)


def downgrade() -> None:
    for table in ("station_subsidy", "station_status_event", "station_service_count",
                  "station_photo", "station_inspection", "station", "station_counter"):
        op.drop_table(table)
