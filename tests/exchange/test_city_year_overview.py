"""The overview at the city office: the whole city's figures beside the year before, one bar per
township in its charts, the townships without a package this year marked (never drawn as zero)."""
from datetime import date

from exchange_helpers import export, merge, populate
from union_desk.services.overview.gather import overview
from union_desk.services.year_report import year_report


def test_city_overview_has_one_bar_per_township_and_marks_the_missing(city, township, tmp_path):
    # Given 大洋镇 (demo data) and 乾潭镇 (two members, paid in 2025) merged at the city
    from union_desk.services.demo.generate import make_demo

    city_db, _ = city
    dy = township("DY")
    with dy.session(write=True) as s:
        make_demo(s, size=60)
    qt = township("QT")
    populate(qt, members=2, first_serial=200, paid_fen=30_000)
    export(dy, tmp_path / "dy.udx")
    export(qt, tmp_path / "qt.udx")
    merge(city_db, tmp_path / "dy.udx", tmp_path / "qt.udx")
    year = date.today().year
    with dy.session() as s:
        own = year_report(s, year=year)
    # When the city office reads its overview
    with city_db.session() as s:
        view = overview(s, year=year)
    # Then it is the whole city's, with the township table of the city figures
    assert view.city and view.place == "建德市总工会"
    assert len(view.township_rows) == 17 and view.township_rows[-1][0] == "合计"
    assert len(view.missing) == 14 and "大洋镇" not in view.missing
    members = next(c for c in view.charts if c.key == "townships_members_new")
    bars = {b.label: b for b in members.bars}
    assert len(bars) == 16
    assert bars["大洋镇"].value == own.members_new and not bars["大洋镇"].missing
    assert bars["大洋镇"].link.township == "DY" and bars["大洋镇"].link.area == "members"
    silent = bars["新安江街道"]
    assert silent.missing and silent.value is None and silent.note == "未报送"
    # the city's own figures are the sum of what it holds, last year's beside them
    figures = {f.key: f for f in view.figures}
    assert figures["members_new"].this_year == view.report.members_new >= own.members_new
    assert figures["members_new"].last_year == view.last.members_new
    assert view.report.township == view.last.township == "建德市总工会"
    # and the area charts are there too, for the whole city
    assert {"payments_month", "households_category", "stations_month"} <= {c.key for c in view.charts}
