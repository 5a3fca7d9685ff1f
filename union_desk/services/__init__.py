"""Use cases. One function = one transaction's worth of work; the caller's
`Database.session(write=True)` block commits (or rolls back) it, the service never does.

Every service takes keyword-only arguments, the session first, raises `UserError` (a message
for the clerk, in Chinese) on bad input, and returns plain read objects. One package per working
area (roster, hardship, trips, stations), plus common/ and demo/; see DEVELOPING.md.
"""
