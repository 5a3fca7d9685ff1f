<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../views/form_dialog.py" line="156" />
        <source>{0}: this value is not valid (too long or malformed)</source>
        <translation>{0}：内容不符合要求（过长或格式不对）</translation>
    </message>
</context>
<context>
    <name>GuardedDialog</name>
    <message>
        <location filename="../views/form_dialog.py" line="65" />
        <source>Discard the changes you made in this form?</source>
        <translation>放弃在此表单中所做的修改吗？</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../views/import_dialog.py" line="75" />
        <location filename="../views/import_dialog.py" line="174" />
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="81" />
        <location filename="../views/import_dialog.py" line="85" />
        <source>Excel row</source>
        <translation>Excel 行号</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="81" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="81" />
        <location filename="../views/import_dialog.py" line="85" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="82" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="86" />
        <source>Changes (before → after)</source>
        <translation>改动（原 → 新）</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="98" />
        <source>Save rejected rows…</source>
        <translation>保存未导入行清单…</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="106" />
        <source>Import the valid rows</source>
        <translation>导入有效行</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="112" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="153" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="158" />
        <source>{0} rows: {1} new, {2} updated, {3} unchanged, {4} rejected.</source>
        <translation>共 {0} 行：新增 {1}，更新 {2}，无变化 {3}，未通过 {4}。</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="162" />
        <source>Imported: {0} new, {1} updated, {2} unchanged.</source>
        <translation>导入完成：新增 {0}，更新 {1}，无变化 {2}。</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="168" />
        <source>Save rejected rows</source>
        <translation>保存未导入行清单</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="169" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="177" />
        <source>Checking {0}…</source>
        <translation>正在检查 {0}…</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="194" />
        <source>Rejected rows ({0})</source>
        <translation>有问题的行（{0}）</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="197" />
        <source>Updates ({0})</source>
        <translation>将更新的行（{0}）</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="205" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="224" />
        <source>Rejected rows saved to {0}</source>
        <translation>未导入行清单已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../views/main_window.py" line="34" />
        <source>union_desk — township union workbench</source>
        <translation>union_desk — 乡镇工会工作台</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="56" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="57" />
        <source>Open database…</source>
        <translation>打开数据库…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="60" />
        <source>Save a backup copy…</source>
        <translation>保存备份副本…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="65" />
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="68" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="75" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="77" />
        <source>Backups…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="90" />
        <source>Township: {0}   Clerk: {1}   Database: {2}</source>
        <translation>乡镇：{0}   经办人：{1}   数据库：{2}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="91" />
        <source>city office</source>
        <translation>市总工会</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="109" />
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="110" />
        <source>Database (*.sqlite3 *.db);;All files (*)</source>
        <translation>数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="115" />
        <source>Save a backup copy</source>
        <translation>保存备份副本</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="116" />
        <source>Database (*.sqlite3)</source>
        <translation>数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="133" />
        <source>Backup saved to {0}</source>
        <translation>备份已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../views/ops.py" line="136" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../views/overview_tab.py" line="28" />
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="28" />
        <source>This year</source>
        <translation>本年数据</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="32" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="39" />
        <source>New unions count by founding date, new members by joining date; money counts issued payments only (voided ones are left out).</source>
        <translation>新建工会按成立日期统计，新会员按入会时间统计；金额只计已发放的款项（不含已作废的）。</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="46" />
        <source>Overview</source>
        <translation>年度概况</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="63" />
        <source>{0}, {1}</source>
        <translation>{0} {1} 年</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="75" />
        <source>New grassroots unions</source>
        <translation>新建基层工会</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="75" />
        <source>{0} (on roll {1})</source>
        <translation>{0} 家（在册 {1} 家）</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="77" />
        <source>New members</source>
        <translation>新发展会员</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="77" />
        <source>{0} people (on roll {1})</source>
        <translation>{0} 人（在册 {1} 人）</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="79" />
        <source>Hardship households supported</source>
        <translation>慰问困难职工</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="80" />
        <source>{0} households, {1} payments, {2}</source>
        <translation>{0} 户，{1} 笔，{2}</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="82" />
        <source>Medical mutual aid</source>
        <translation>职工医疗互助补助</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="82" />
        <source>{0} cases, {1}</source>
        <translation>{0} 人次，{1}</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="84" />
        <source>Front-line epidemic workers visited</source>
        <translation>慰问抗疫一线人员</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="84" />
        <source>{0} people, {1}</source>
        <translation>{0} 人，{1}</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="86" />
        <source>Spring Festival buses home</source>
        <translation>返乡专车</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="87" />
        <source>{0} campaigns, {1} buses, {2} registered, {3} carried</source>
        <translation>{0} 次活动，{1} 辆车，报名 {2} 人，乘车 {3} 人</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="89" />
        <source>New rest stations</source>
        <translation>新建爱心驿家</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="90" />
        <source>{0} (in use {1}), {2} visits in the year</source>
        <translation>{0} 所（在用 {1} 所），全年服务 {2} 人次</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <location filename="../views/panel.py" line="62" />
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../views/panel.py" line="66" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../views/password_dialog.py" line="14" />
        <source>Database server password</source>
        <translation>数据库服务器密码</translation>
    </message>
    <message>
        <location filename="../views/password_dialog.py" line="15" />
        <source>The database server asks for the password of {0}:
{1}</source>
        <translation>数据库服务器要求输入 {0} 的密码：
{1}</translation>
    </message>
    <message>
        <location filename="../views/password_dialog.py" line="16" />
        <source>this account</source>
        <translation>此账号</translation>
    </message>
    <message>
        <location filename="../views/password_dialog.py" line="21" />
        <source>Wrong password, or this account may not use the database. Try again.</source>
        <translation>密码不对，或此账号无权使用该数据库。请重新输入。</translation>
    </message>
    <message>
        <location filename="../views/password_dialog.py" line="25" />
        <source>It is used for this window only and saved nowhere. To be asked no more, put it in a password file (PGPASSFILE) or a service file: see the README.</source>
        <translation>密码只用于本窗口，不保存在任何地方。如不想每次输入，请把密码放在密码文件（PGPASSFILE）或服务文件里，见 README。</translation>
    </message>
    <message>
        <location filename="../views/password_dialog.py" line="30" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../views/pdf_preview.py" line="35" />
        <source>Cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="51" />
        <source>The PDF to print cannot be read.</source>
        <translation>无法读取要打印的 PDF。</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="58" />
        <source>Printing cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="103" />
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="104" />
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="105" />
        <source>Whole page (Ctrl+0)</source>
        <translation>整页（Ctrl+0）</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="112" />
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="114" />
        <source>Print… (Ctrl+P)</source>
        <translation>打印…（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="166" />
        <source>whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="170" />
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="171" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="203" />
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="198" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../views/settings_dialog.py" line="21" />
        <source>Backup settings</source>
        <translation>备份设置</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="29" />
        <source>e.g. E:\union backups (optional)</source>
        <translation>例如 E:\工会备份（可不填）</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="32" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="38" />
        <source>Backups folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="39" />
        <source>Second folder</source>
        <translation>第二个备份文件夹</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="47" />
        <source>Each automatic backup is also copied to the second folder when it is there; when it is not (the USB stick is not plugged in), the copy is skipped with a notice.</source>
        <translation>每次自动备份也会复制到第二个文件夹；它不在时（例如 U 盘没有插上），这次复制会跳过并给出提示。</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="55" />
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="61" />
        <source>Second backups folder</source>
        <translation>第二个备份文件夹</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../views/setup_dialog.py" line="14" />
        <source>First run</source>
        <translation>首次使用</translation>
    </message>
    <message>
        <location filename="../views/setup_dialog.py" line="20" />
        <source>Choose your township</source>
        <translation>请选择所属乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../views/setup_dialog.py" line="27" />
        <source>Township</source>
        <translation>所属乡镇</translation>
    </message>
    <message>
        <location filename="../views/setup_dialog.py" line="28" />
        <source>Clerk's name</source>
        <translation>经办人姓名</translation>
    </message>
    <message>
        <location filename="../views/setup_dialog.py" line="34" />
        <source>This database belongs to one township. Choose it once; it cannot be changed later.</source>
        <translation>本数据库只属于一个乡镇（街道）。选定后不能更改。</translation>
    </message>
    <message>
        <location filename="../views/setup_dialog.py" line="42" />
        <source>Choose your township first: it cannot be changed later.</source>
        <translation>请先选择所属乡镇（街道）：选定后不能更改。</translation>
    </message>
</context>
<context>
    <name>_KeptDisabled</name>
    <message>
        <location filename="../views/panel.py" line="122" />
        <source>Township records are read-only at the city office: a township corrects its own records and sends a new package.</source>
        <translation>市总工会库中乡镇的记录只读：由乡镇修改后重新报送数据包。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="64" />
        <source>union_desk met an unexpected problem; what you were doing was not completed.
The details were written to the log file {0}</source>
        <translation>程序遇到意外问题，刚才的操作没有完成。
详细信息已记录在日志文件 {0}</translation>
    </message>
    <message>
        <location filename="../app.py" line="125" />
        <source>This database is already open in another union_desk window:
{0}</source>
        <translation>该数据库已在另一个 union_desk 窗口中打开：
{0}</translation>
    </message>
    <message>
        <location filename="../app.py" line="196" />
        <source>Restored from {0}.
The file before the restore was kept as {1}.
{2}</source>
        <translation>已用 {0} 恢复。
恢复前的文件已保留为 {1}。
{2}</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <location filename="../views/ops.py" line="239" />
        <source>The operation did not complete; nothing was changed.
The details were written to the log file {0}</source>
        <translation>操作没有完成，数据未作任何改动。
详细信息已记录在日志文件 {0}</translation>
    </message>
    <message>
        <location filename="../views/ops.py" line="245" />
        <source>Could not complete</source>
        <translation>无法完成</translation>
    </message>
</context>
</TS>