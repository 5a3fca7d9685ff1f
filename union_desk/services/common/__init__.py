"""Shared plumbing of the working areas: reading and writing Excel sheets, the import engine."""
