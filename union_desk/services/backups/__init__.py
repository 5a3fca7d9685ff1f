"""Automatic verified backups, their thinning, restore, and salvage of a damaged file.

No Qt here: the window (views/backups) and the CLI (cli/backup.py) call these.
- `thinning`: which backups to keep (pure).
- `store`: the backups folder, making a verified snapshot, listing, folder size.
- `auto`: the hourly backup into the folder and the optional second folder (settings).
- `restore`: what a backup lacks against the current file; restoring with the file set aside.
- `salvage`: reading the rows out of a damaged file into a new one.
"""
