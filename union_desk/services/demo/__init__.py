"""Generated demo data: the roster first, then each working area from what the roster made."""
