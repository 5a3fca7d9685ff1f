<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AutoBackup</name>
    <message>
        <location filename="../views/backups/auto.py" line="62"/>
        <source>Backup verified: {0}</source>
        <translation>已备份并校验：{0}</translation>
    </message>
    <message>
        <location filename="../views/backups/auto.py" line="69"/>
        <source>Automatic backup failed: {0}</source>
        <translation>自动备份没有成功：{0}</translation>
    </message>
</context>
<context>
    <name>DamagedFileDialog</name>
    <message>
        <location filename="../views/backups/damaged_dialog.py" line="24"/>
        <source>The database file is damaged</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <location filename="../views/backups/damaged_dialog.py" line="35"/>
        <source>Restore the newest backup</source>
        <translation>用最新的备份恢复</translation>
    </message>
    <message>
        <location filename="../views/backups/damaged_dialog.py" line="39"/>
        <source>What would be lost?</source>
        <translation>恢复会丢失什么？</translation>
    </message>
    <message>
        <location filename="../views/backups/damaged_dialog.py" line="43"/>
        <source>Salvage readable records…</source>
        <translation>抢救能读出的记录…</translation>
    </message>
    <message>
        <location filename="../views/backups/damaged_dialog.py" line="49"/>
        <source>No backup of this file was found.</source>
        <translation>没有找到这个文件的备份。</translation>
    </message>
    <message>
        <location filename="../views/backups/damaged_dialog.py" line="54"/>
        <source>Newest verified backup: {0}, {1} ({2}). Changes made after it will be missing. The damaged file is kept aside, never deleted.</source>
        <translation>最新的完好备份：{0}，{1}（{2}）。此后的改动不在备份中，恢复后会缺少。损坏的文件会被移到一旁保留，不会删除。</translation>
    </message>
    <message>
        <location filename="../views/backups/damaged_dialog.py" line="66"/>
        <source>Save salvaged records as</source>
        <translation>把抢救出的记录保存为</translation>
    </message>
    <message>
        <location filename="../views/backups/damaged_dialog.py" line="67"/>
        <source>Database (*.sqlite3)</source>
        <translation>数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../views/backups/damaged_dialog.py" line="80"/>
        <source>Restored from {0}. The damaged file was moved to {1}.</source>
        <translation>已用 {0} 恢复。损坏的文件已移到 {1}。</translation>
    </message>
    <message>
        <location filename="../views/backups/damaged_dialog.py" line="99"/>
        <source>Choose a new file name for the salvaged records.</source>
        <translation>请为抢救出的记录另选一个新的文件名。</translation>
    </message>
    <message>
        <location filename="../views/backups/damaged_dialog.py" line="105"/>
        <source>Nothing could be salvaged: {0}</source>
        <translation>没有能抢救的记录：{0}</translation>
    </message>
    <message>
        <location filename="../views/backups/damaged_dialog.py" line="110"/>
        <source>{0} records were salvaged into the new file {1}. The damaged file was not changed. Open the new file (File ▸ Open database…) and check it before you use it.</source>
        <translation>已抢救出 {0} 条记录，保存在新文件 {1} 中。损坏的文件没有改动。请先打开新文件（文件 ▸ 打开数据库…）核对，确认无误后再使用。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../views/backups/restore_dialog.py" line="23"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../views/backups/restore_dialog.py" line="30"/>
        <source>Taken at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../views/backups/restore_dialog.py" line="30"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../views/backups/restore_dialog.py" line="31"/>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <location filename="../views/backups/restore_dialog.py" line="37"/>
        <source>Restore this backup…</source>
        <translation>用这个备份恢复…</translation>
    </message>
    <message>
        <location filename="../views/backups/restore_dialog.py" line="46"/>
        <source>A backup is taken automatically at most once an hour while the window is open and when it closes, and verified before it counts. Restoring first keeps a copy of the current file beside it; nothing is deleted.</source>
        <translation>窗口打开期间和关闭时自动备份（最多每小时一次），每个备份都经过校验才算数。恢复前会先在旁边保留当前文件的副本，不会删除任何文件。</translation>
    </message>
    <message>
        <location filename="../views/backups/restore_dialog.py" line="62"/>
        <source>Backups folder: {0} ({1} backups, {2} in all)</source>
        <translation>备份文件夹：{0}（{1} 个备份，共 {2}）</translation>
    </message>
    <message>
        <location filename="../views/backups/restore_dialog.py" line="91"/>
        <source>Restore the backup of {0}?

{1}

The current file is first copied aside (never deleted); the window then reopens on the restored data.</source>
        <translation>用 {0} 的备份恢复吗？

{1}

当前文件会先另存一份（不会删除），然后窗口重新打开恢复后的数据。</translation>
    </message>
</context>
</TS>
