<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../views/form_dialog.py" line="45"/>
        <source>Show full numbers…</source>
        <translation>显示完整号码…</translation>
    </message>
    <message>
        <location filename="../views/form_dialog.py" line="51"/>
        <source>Personal numbers are shown masked. Leave them as they are to keep them, or type a new number to replace one.</source>
        <translation>证件号、手机号等已隐藏显示。保持不动即保留原号码；输入新号码则替换。</translation>
    </message>
    <message>
        <location filename="../views/form_dialog.py" line="145"/>
        <source>{0}: this value is not valid (too long or malformed)</source>
        <translation>{0}：内容不符合要求（过长或格式不对）</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../views/import_dialog.py" line="52"/>
        <location filename="../views/import_dialog.py" line="138"/>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="56"/>
        <source>Excel row</source>
        <translation>Excel 行号</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="56"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="56"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="62"/>
        <source>Save rejected rows…</source>
        <translation>保存未导入行清单…</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="70"/>
        <source>Import the valid rows</source>
        <translation>导入有效行</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="76"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="117"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="122"/>
        <source>{0} rows: {1} new, {2} updated, {3} unchanged, {4} rejected.</source>
        <translation>共 {0} 行：新增 {1}，更新 {2}，无变化 {3}，未通过 {4}。</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="126"/>
        <source>Imported: {0} new, {1} updated, {2} unchanged.</source>
        <translation>导入完成：新增 {0}，更新 {1}，无变化 {2}。</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="132"/>
        <source>Save rejected rows</source>
        <translation>保存未导入行清单</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="133"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="141"/>
        <source>Checking {0}…</source>
        <translation>正在检查 {0}…</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="163"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="177"/>
        <source>Rejected rows saved to {0}</source>
        <translation>未导入行清单已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../views/main_window.py" line="32"/>
        <source>union_desk — township union workbench</source>
        <translation>union_desk — 乡镇工会工作台</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="46"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="47"/>
        <source>Open database…</source>
        <translation>打开数据库…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="50"/>
        <source>Save a backup copy…</source>
        <translation>保存备份副本…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="53"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="73"/>
        <source>Township: {0}   Clerk: {1}   Database: {2}</source>
        <translation>乡镇：{0}   经办人：{1}   数据库：{2}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="78"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="79"/>
        <source>Database (*.sqlite3 *.db);;All files (*)</source>
        <translation>数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="84"/>
        <source>Save a backup copy</source>
        <translation>保存备份副本</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="85"/>
        <source>Database (*.sqlite3)</source>
        <translation>数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="102"/>
        <source>Backup saved to {0}</source>
        <translation>备份已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../views/ops.py" line="122"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../views/overview_tab.py" line="27"/>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="27"/>
        <source>This year</source>
        <translation>本年数据</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="31"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="38"/>
        <source>New unions count by founding date, new members by joining date; money counts issued payments only (voided ones are left out).</source>
        <translation>新建工会按成立日期统计，新会员按入会时间统计；金额只计已发放的款项（不含已作废的）。</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="45"/>
        <source>Overview</source>
        <translation>年度概况</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="62"/>
        <source>{0}, {1}</source>
        <translation>{0} {1} 年</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <location filename="../views/panel.py" line="49"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../views/panel.py" line="53"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../views/pdf_preview.py" line="33"/>
        <source>Cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="49"/>
        <source>The PDF to print cannot be read.</source>
        <translation>无法读取要打印的 PDF。</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="56"/>
        <source>Printing cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="100"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="102"/>
        <source>Print… (Ctrl+P)</source>
        <translation>打印…（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="116"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="117"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="149"/>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="144"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../views/setup_dialog.py" line="14"/>
        <source>First run</source>
        <translation>首次使用</translation>
    </message>
    <message>
        <location filename="../views/setup_dialog.py" line="24"/>
        <source>Township</source>
        <translation>所属乡镇</translation>
    </message>
    <message>
        <location filename="../views/setup_dialog.py" line="25"/>
        <source>Clerk&apos;s name</source>
        <translation>经办人姓名</translation>
    </message>
    <message>
        <location filename="../views/setup_dialog.py" line="31"/>
        <source>This database belongs to one township. Choose it once; it cannot be changed later.</source>
        <translation>本数据库只属于一个乡镇（街道）。选定后不能更改。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="130"/>
        <source>This database is already open in another union_desk window:
{0}</source>
        <translation>该数据库已在另一个 union_desk 窗口中打开：
{0}</translation>
    </message>
    <message>
        <location filename="../app.py" line="138"/>
        <source>Cannot open the database {0}:
{1}</source>
        <translation>无法打开数据库 {0}：
{1}</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <location filename="../views/ops.py" line="213"/>
        <source>The operation did not complete; nothing was changed.
Reason: {0}</source>
        <translation>操作没有完成，数据未作任何改动。
原因：{0}</translation>
    </message>
    <message>
        <location filename="../views/ops.py" line="219"/>
        <source>Could not complete</source>
        <translation>无法完成</translation>
    </message>
</context>
<context>
    <name>reveal</name>
    <message>
        <location filename="../views/reveal.py" line="12"/>
        <source>Show full numbers</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <location filename="../views/reveal.py" line="13"/>
        <source>{0}
Full ID numbers and phones are personal information: every time they are shown, the account and the reason go into the audit log.
Reason:</source>
        <translation>{0}
完整身份证号和手机号属于个人信息：每次显示都会把账户和原因记入审计日志。
原因：</translation>
    </message>
</context>
</TS>
