<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CloseUnionDialog</name>
    <message>
        <location filename="../views/roster/union_dialog.py" line="64"/>
        <source>Close union — {0}</source>
        <translation>撤销工会 — {0}</translation>
    </message>
    <message>
        <location filename="../views/roster/union_dialog.py" line="70"/>
        <source>Closed on</source>
        <translation>撤销日期</translation>
    </message>
    <message>
        <location filename="../views/roster/union_dialog.py" line="73"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>MemberColumns</name>
    <message>
        <location filename="../views/roster/columns.py" line="15"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../views/roster/columns.py" line="16"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../views/roster/columns.py" line="17"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../views/roster/columns.py" line="18"/>
        <source>Born</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <location filename="../views/roster/columns.py" line="19"/>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../views/roster/columns.py" line="20"/>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../views/roster/columns.py" line="21"/>
        <source>Union</source>
        <translation>工会</translation>
    </message>
    <message>
        <location filename="../views/roster/columns.py" line="22"/>
        <source>Joined</source>
        <translation>入会时间</translation>
    </message>
    <message>
        <location filename="../views/roster/columns.py" line="24"/>
        <source>Card no.</source>
        <translation>会员证号</translation>
    </message>
    <message>
        <location filename="../views/roster/columns.py" line="25"/>
        <source>Migrant</source>
        <translation>农民工</translation>
    </message>
    <message>
        <location filename="../views/roster/columns.py" line="25"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../views/roster/columns.py" line="27"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../views/roster/member_dialog.py" line="35"/>
        <source>New member</source>
        <translation>新增会员</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="38"/>
        <source>Edit member — {0}</source>
        <translation>编辑会员 — {0}</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="44"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="45"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="48"/>
        <source>Birth date / gender</source>
        <translation>出生日期 / 性别</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="49"/>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="50"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="51"/>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="61"/>
        <source>Grassroots union</source>
        <translation>基层工会</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="66"/>
        <source>Joined on</source>
        <translation>入会时间</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="67"/>
        <source>Member card no.</source>
        <translation>会员证号</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="68"/>
        <source>Migrant worker</source>
        <translation>农民工</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="75"/>
        <source>Household registration</source>
        <translation>户口类型</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="126"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="126"/>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="127"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../views/roster/member_dialog.py" line="127"/>
        <source>Union</source>
        <translation>工会</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location filename="../views/roster/import_dialog.py" line="34"/>
        <source>Import roster — {0}</source>
        <translation>导入会员名册 — {0}</translation>
    </message>
    <message>
        <location filename="../views/roster/import_dialog.py" line="36"/>
        <source>Real name change</source>
        <translation>确认改名</translation>
    </message>
    <message>
        <location filename="../views/roster/import_dialog.py" line="36"/>
        <source>Excel row</source>
        <translation>Excel 行号</translation>
    </message>
    <message>
        <location filename="../views/roster/import_dialog.py" line="36"/>
        <source>Changes (before → after)</source>
        <translation>改动（原 → 新）</translation>
    </message>
    <message>
        <location filename="../views/roster/import_dialog.py" line="39"/>
        <location filename="../views/roster/import_dialog.py" line="85"/>
        <source>Name changes to confirm ({0})</source>
        <translation>待确认的改名（{0}）</translation>
    </message>
    <message>
        <location filename="../views/roster/import_dialog.py" line="63"/>
        <source>Which union?</source>
        <translation>属于哪个工会？</translation>
    </message>
    <message>
        <location filename="../views/roster/import_dialog.py" line="64"/>
        <source>{0} does not say the members&apos; union (所属工会). Which grassroots union are they all in? A name not on file creates that union.</source>
        <translation>{0} 中没有写会员的“所属工会”。名单上的会员都属于哪个基层工会？（填写系统中还没有的名称会新建该工会）</translation>
    </message>
    <message>
        <location filename="../views/roster/import_dialog.py" line="93"/>
        <source>The list does not say the union: every member is imported into {0}.</source>
        <translation>名单中没有写“所属工会”：全部会员按“{0}”导入。</translation>
    </message>
    <message>
        <location filename="../views/roster/import_dialog.py" line="76"/>
        <source>Same person, new name</source>
        <translation>同一人，已改名</translation>
    </message>
    <message>
        <location filename="../views/roster/import_dialog.py" line="96"/>
        <source>Unions to be created: {0}</source>
        <translation>将新建基层工会：{0}</translation>
    </message>
    <message>
        <location filename="../views/roster/import_dialog.py" line="100"/>
        <source>{0} rows give an ID number on file under another name and are not imported; tick those that are real name changes under &quot;Name changes to confirm&quot;.</source>
        <translation>有 {0} 行的身份证号已登记为另一个姓名，这些行不导入；其中确属本人改名的，请在“待确认的改名”中勾选。</translation>
    </message>
    <message>
        <location filename="../views/roster/import_dialog.py" line="119"/>
        <source>Rows with problems were left out (listed below).</source>
        <translation>有问题的行未导入（见下表）。</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <location filename="../views/roster/tab.py" line="134"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="62"/>
        <source>Search by name, pinyin initials (zs), ID number, phone or card no. — Ctrl+F</source>
        <translation>按姓名、拼音首字母（zs）、身份证号、手机号或会员证号搜索 — Ctrl+F</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="68"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="75"/>
        <source>Count all</source>
        <translation>统计全部</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="77"/>
        <source>Count every member this search finds</source>
        <translation>统计本次查找到的全部会员人数</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="91"/>
        <source>New member (Ctrl+N)</source>
        <translation>新增会员 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="93"/>
        <location filename="../views/roster/tab.py" line="145"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="94"/>
        <source>Transfer</source>
        <translation>转会</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="96"/>
        <source>Leave / death…</source>
        <translation>退会 / 死亡…</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="98"/>
        <source>Import Excel…</source>
        <translation>导入 Excel…</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="100"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="134"/>
        <source>Grassroots union</source>
        <translation>基层工会</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="134"/>
        <source>Members</source>
        <translation>会员数</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="144"/>
        <source>New union</source>
        <translation>新建工会</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="146"/>
        <source>Close union…</source>
        <translation>撤销工会…</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="176"/>
        <source>Joined {0} – {1}</source>
        <translation>入会 {0} 至 {1}</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="212"/>
        <source>{0}+ members</source>
        <translation>共 {0}+ 名会员</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="215"/>
        <source>{0} members</source>
        <translation>共 {0} 名会员</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="221"/>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="235"/>
        <source>Credit code: {0}</source>
        <translation>信用代码：{0}</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="242"/>
        <source>All unions</source>
        <translation>全部工会</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="330"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="331"/>
        <source>{0} members exported to {1}</source>
        <translation>已导出 {0} 名会员到 {1}</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="336"/>
        <source>Import roster</source>
        <translation>导入会员名册</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="339"/>
        <location filename="../views/roster/tab.py" line="343"/>
        <source>Export roster</source>
        <translation>导出会员名册</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="344"/>
        <source>Export full ID numbers and phone numbers?
Choose No for the masked export (recommended). A full export is logged.</source>
        <translation>导出完整的身份证号和手机号吗？
选“否”导出打码版本（推荐）。完整导出会记入操作日志。</translation>
    </message>
    <message>
        <location filename="../views/roster/tab.py" line="351"/>
        <source>Export the roster with full ID numbers and phone numbers</source>
        <translation>导出含完整身份证号和手机号的名册</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../views/roster/status_dialog.py" line="49"/>
        <source>Change status — {0}</source>
        <translation>状态变更 — {0}</translation>
    </message>
    <message>
        <location filename="../views/roster/status_dialog.py" line="53"/>
        <source>Current status</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../views/roster/status_dialog.py" line="56"/>
        <source>Left the union (退会)</source>
        <translation>退会</translation>
    </message>
    <message>
        <location filename="../views/roster/status_dialog.py" line="57"/>
        <source>Transferred out of the township (转出)</source>
        <translation>转出本乡镇</translation>
    </message>
    <message>
        <location filename="../views/roster/status_dialog.py" line="58"/>
        <source>Deceased (死亡)</source>
        <translation>死亡</translation>
    </message>
    <message>
        <location filename="../views/roster/status_dialog.py" line="59"/>
        <source>Back on the roll (恢复在册)</source>
        <translation>恢复在册</translation>
    </message>
    <message>
        <location filename="../views/roster/status_dialog.py" line="63"/>
        <source>New status</source>
        <translation>变更为</translation>
    </message>
    <message>
        <location filename="../views/roster/status_dialog.py" line="64"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../views/roster/status_dialog.py" line="65"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../views/roster/status_dialog.py" line="26"/>
        <source>Transfer — {0}</source>
        <translation>转会 — {0}</translation>
    </message>
    <message>
        <location filename="../views/roster/status_dialog.py" line="30"/>
        <source>From</source>
        <translation>转出工会</translation>
    </message>
    <message>
        <location filename="../views/roster/status_dialog.py" line="36"/>
        <source>To</source>
        <translation>转入工会</translation>
    </message>
    <message>
        <location filename="../views/roster/status_dialog.py" line="37"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../views/roster/status_dialog.py" line="38"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>UnionDialog</name>
    <message>
        <location filename="../views/roster/union_dialog.py" line="18"/>
        <source>New grassroots union</source>
        <translation>新建基层工会</translation>
    </message>
    <message>
        <location filename="../views/roster/union_dialog.py" line="21"/>
        <source>Edit union — {0}</source>
        <translation>编辑工会 — {0}</translation>
    </message>
    <message>
        <location filename="../views/roster/union_dialog.py" line="27"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../views/roster/union_dialog.py" line="28"/>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../views/roster/union_dialog.py" line="34"/>
        <source>Chair</source>
        <translation>工会主席</translation>
    </message>
    <message>
        <location filename="../views/roster/union_dialog.py" line="35"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../views/roster/union_dialog.py" line="40"/>
        <source>Founded on</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location filename="../views/roster/union_dialog.py" line="52"/>
        <source>Warning: {0} (saved anyway)</source>
        <translation>提示：{0}（仍可保存）</translation>
    </message>
</context>
</TS>
