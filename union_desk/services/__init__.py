"""Use cases. One function = one transaction's worth of work; the caller's session_scope commits.

Every service takes keyword-only arguments, the session first, raises `UserError` (a message
for the clerk, in Chinese) on bad input, and returns plain read objects.
"""
