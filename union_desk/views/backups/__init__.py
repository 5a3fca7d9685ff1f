"""Backups in the window: the hourly automatic backup, File ▸ Restore a backup…, and the dialog
for a damaged database file."""
