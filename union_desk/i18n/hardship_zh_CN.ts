<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApproveButton</name>
    <message>
        <location filename="../views/hardship/approve_button.py" line="22"/>
        <source>Approve</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../views/hardship/approve_button.py" line="40"/>
        <source>Choose the payments waiting for review (status 待审核), then approve them.</source>
        <translation>请先在列表中选择待审核的发放记录，再审核。</translation>
    </message>
    <message>
        <location filename="../views/hardship/approve_button.py" line="45"/>
        <source>… and {0} more</source>
        <translation>……另有 {0} 张</translation>
    </message>
    <message>
        <location filename="../views/hardship/approve_button.py" line="47"/>
        <source>Approve the {0} chosen payments: your name and today&apos;s date go on their vouchers</source>
        <translation>审核选中的 {0} 张凭证：您的姓名和今天的日期将印在凭证上</translation>
    </message>
</context>
<context>
    <name>CampaignImportDialog</name>
    <message>
        <location filename="../views/hardship/import_dialog.py" line="35"/>
        <source>Import a recipients list — {0}</source>
        <translation>导入慰问名单 — {0}</translation>
    </message>
    <message>
        <location filename="../views/hardship/import_dialog.py" line="52"/>
        <source>Occasion</source>
        <translation>慰问事由</translation>
    </message>
    <message>
        <location filename="../views/hardship/import_dialog.py" line="57"/>
        <source>Check the list</source>
        <translation>检查名单</translation>
    </message>
    <message>
        <location filename="../views/hardship/import_dialog.py" line="37"/>
        <source>Create the payments</source>
        <translation>生成发放记录</translation>
    </message>
    <message>
        <location filename="../views/hardship/import_dialog.py" line="63"/>
        <source>Print vouchers and sign-off sheet…</source>
        <translation>打印凭证和签收表…</translation>
    </message>
    <message>
        <location filename="../views/hardship/import_dialog.py" line="39"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../views/hardship/import_dialog.py" line="77"/>
        <source>{0} rows: {1} valid ({2} to pay, {3} already paid for this occasion this year), {4} rows with problems (not imported).</source>
        <translation>共 {0} 行：有效 {1} 行（待发放 {2} 行，本年已按此事由发放过 {3} 行），有问题 {4} 行（不导入）。</translation>
    </message>
    <message>
        <location filename="../views/hardship/import_dialog.py" line="75"/>
        <source>Create {0} payments</source>
        <translation>生成 {0} 条发放记录</translation>
    </message>
    <message>
        <location filename="../views/hardship/import_dialog.py" line="94"/>
        <source>The options changed since the list was checked: check the list again.</source>
        <translation>检查名单之后发放选项已有改动，请重新检查名单。</translation>
    </message>
    <message>
        <location filename="../views/hardship/import_dialog.py" line="104"/>
        <source>{0} payments created.</source>
        <translation>已生成 {0} 条发放记录。</translation>
    </message>
    <message>
        <location filename="../views/hardship/import_dialog.py" line="106"/>
        <source>Voucher numbers {0} to {1}.</source>
        <translation>凭证号 {0} 至 {1}。</translation>
    </message>
    <message>
        <location filename="../views/hardship/import_dialog.py" line="108"/>
        <source>Rows with problems were left out (listed below).</source>
        <translation>有问题的行未导入（见下表）。</translation>
    </message>
    <message>
        <location filename="../views/hardship/import_dialog.py" line="123"/>
        <source>The occasion or date changed: check the list again.</source>
        <translation>慰问事由或发放日期已改变，请重新检查名单。</translation>
    </message>
    <message>
        <location filename="../views/hardship/import_dialog.py" line="99"/>
        <source>Creating the payments…</source>
        <translation>正在生成发放记录…</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="86"/>
        <source>Correct voucher {0}</source>
        <translation>更正凭证 {0}</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="91"/>
        <source>Voucher</source>
        <translation>凭证</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="91"/>
        <source>{0}, {1}, {2}, {3}</source>
        <translation>{0}，{1}，{2}，{3}</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="94"/>
        <source>Why it is voided</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="96"/>
        <source>Occasion</source>
        <translation>慰问事由</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="99"/>
        <source>Right amount (yuan)</source>
        <translation>正确金额（元）</translation>
    </message>
</context>
<context>
    <name>HardshipTab</name>
    <message>
        <location filename="../views/hardship/tab.py" line="25"/>
        <source>Household files</source>
        <translation>困难职工档案</translation>
    </message>
    <message>
        <location filename="../views/hardship/tab.py" line="26"/>
        <source>Payments</source>
        <translation>发放记录</translation>
    </message>
    <message>
        <location filename="../views/hardship/tab.py" line="38"/>
        <source>Vouchers</source>
        <translation>慰问金发放凭证</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="37"/>
        <source>New household file</source>
        <translation>新建困难职工档案</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="40"/>
        <source>Household file — {0}</source>
        <translation>困难职工档案 — {0}</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="62"/>
        <source>Member (search the roster)</source>
        <translation>档案所属会员（从会员名册中查找）</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="70"/>
        <source>Member: {0}, {1}</source>
        <translation>会员：{0}，{1}</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="72"/>
        <source>Household members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="87"/>
        <source>Category</source>
        <translation>困难类别</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="88"/>
        <source>Enter the household members&apos; incomes.</source>
        <translation>请填写家庭成员的月收入。</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="93"/>
        <source>As suggested</source>
        <translation>按建议</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="98"/>
        <source>Reason, when the category differs from the suggestion</source>
        <translation>与建议类别不同时，请填写原因</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="111"/>
        <source>Main cause</source>
        <translation>主要致困原因</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="113"/>
        <source>Other causes</source>
        <translation>其他致困原因</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="115"/>
        <source>separated by 、 e.g. 残疾、子女就学</source>
        <translation>用“、”分隔，如 残疾、子女就学</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="116"/>
        <source>Description</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="118"/>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="121"/>
        <source>Disability</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="124"/>
        <source>Work status</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="127"/>
        <source>Housing</source>
        <translation>住房情况</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="129"/>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="131"/>
        <source>Account no.</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="133"/>
        <source>File built by</source>
        <translation>建档人</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="135"/>
        <source>Checked by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="138"/>
        <source>Built on</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="143"/>
        <source>Last review</source>
        <translation>上次复核</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="175"/>
        <source>none by income</source>
        <translation>按收入不属困难</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="176"/>
        <source>Suggested: {0} — {1}</source>
        <translation>建议类别：{0} — {1}</translation>
    </message>
    <message>
        <location filename="../views/hardship/household_dialog.py" line="217"/>
        <source>An income cannot be read: type it in yuan.</source>
        <translation>有一项收入无法识别，请以元为单位填写。</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <location filename="../views/hardship/page.py" line="46"/>
        <location filename="../views/hardship/page.py" line="103"/>
        <source>Choose a household in the list.</source>
        <translation>请在左侧列表中选择一户。</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="51"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="51"/>
        <source>Relation</source>
        <translation>与职工关系</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="51"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="51"/>
        <source>Born</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="52"/>
        <source>Monthly income</source>
        <translation>月收入</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="52"/>
        <location filename="../views/hardship/page.py" line="155"/>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="52"/>
        <source>School</source>
        <translation>就读学校</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="54"/>
        <location filename="../views/hardship/page.py" line="60"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="54"/>
        <location filename="../views/hardship/page.py" line="57"/>
        <source>Occasion</source>
        <translation>慰问事由</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="54"/>
        <source>Visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="54"/>
        <location filename="../views/hardship/page.py" line="57"/>
        <source>Voucher no.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="55"/>
        <location filename="../views/hardship/page.py" line="57"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="55"/>
        <source>Notes</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="57"/>
        <source>Paid on</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="58"/>
        <location filename="../views/hardship/page.py" line="60"/>
        <location filename="../views/hardship/page.py" line="153"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="58"/>
        <source>Printed</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="60"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="61"/>
        <source>Members</source>
        <translation>家庭成员</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="61"/>
        <source>Visits</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="62"/>
        <source>Payments</source>
        <translation>发放记录</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="63"/>
        <source>History</source>
        <translation>状态记录</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="66"/>
        <source>Record a visit…</source>
        <translation>登记走访…</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="68"/>
        <source>Medical aid…</source>
        <translation>医疗互助补助…</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="70"/>
        <source>Print chosen vouchers</source>
        <translation>打印所选凭证</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="146"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="147"/>
        <source>(suggested: {0}; reason: {1})</source>
        <translation>（建议：{0}；原因：{1}）</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="152"/>
        <source>Category</source>
        <translation>困难类别</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="153"/>
        <source>{0} since {1}</source>
        <translation>{0}（{1} 起）</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="155"/>
        <source>Causes</source>
        <translation>致困原因</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="156"/>
        <source>Disability</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="156"/>
        <source>Work</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="157"/>
        <source>Income</source>
        <translation>收入</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="157"/>
        <source>{0} persons, {1}/month, {2} per head</source>
        <translation>{0} 人，家庭月收入 {1}，人均 {2}</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="160"/>
        <source>Housing</source>
        <translation>住房情况</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="161"/>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <location filename="../views/hardship/page.py" line="162"/>
        <source>Last review</source>
        <translation>上次复核</translation>
    </message>
</context>
<context>
    <name>HouseholdStatusDialog</name>
    <message>
        <location filename="../views/hardship/status_dialog.py" line="17"/>
        <source>Status of the file — {0}</source>
        <translation>档案状态 — {0}</translation>
    </message>
    <message>
        <location filename="../views/hardship/status_dialog.py" line="23"/>
        <source>Current status</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../views/hardship/status_dialog.py" line="26"/>
        <source>Out of hardship (脱困)</source>
        <translation>脱困</translation>
    </message>
    <message>
        <location filename="../views/hardship/status_dialog.py" line="27"/>
        <source>File closed (注销)</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../views/hardship/status_dialog.py" line="28"/>
        <source>Back in hardship (返困)</source>
        <translation>返困</translation>
    </message>
    <message>
        <location filename="../views/hardship/status_dialog.py" line="29"/>
        <source>On file (在档)</source>
        <translation>在档</translation>
    </message>
    <message>
        <location filename="../views/hardship/status_dialog.py" line="33"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../views/hardship/status_dialog.py" line="34"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../views/hardship/status_dialog.py" line="35"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>HouseholdsModel</name>
    <message>
        <location filename="../views/hardship/models.py" line="64"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="65"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="73"/>
        <source>Union</source>
        <translation>基层工会</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="66"/>
        <source>Category</source>
        <translation>困难类别</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="67"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="72"/>
        <source>Main cause</source>
        <translation>主要致困原因</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="68"/>
        <source>Persons</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="70"/>
        <source>Income per head</source>
        <translation>人均月收入</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="74"/>
        <source>Last review</source>
        <translation>上次复核</translation>
    </message>
</context>
<context>
    <name>HouseholdsPanel</name>
    <message>
        <location filename="../views/hardship/households.py" line="52"/>
        <source>Search by name, pinyin initials (zs), ID number or phone — Ctrl+F</source>
        <translation>按姓名、拼音首字母（如 zs）、身份证号或手机号查找 — Ctrl+F</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="54"/>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="56"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="58"/>
        <source>All unions</source>
        <translation>全部工会</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="59"/>
        <source>Not reviewed for a year</source>
        <translation>超过一年未复核</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="83"/>
        <source>New file (Ctrl+N)</source>
        <translation>新建档案 (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="84"/>
        <source>Edit file…</source>
        <translation>修改档案…</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="85"/>
        <source>Status…</source>
        <translation>状态变更…</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="86"/>
        <source>Reviewed…</source>
        <translation>年度复核…</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="89"/>
        <source>Standard (低保)…</source>
        <translation>低保标准…</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="92"/>
        <source>Pay the chosen households…</source>
        <translation>给所选困难户发放…</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="144"/>
        <source>Helped in {0}</source>
        <translation>{0}年受助</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="146"/>
        <source>Main cause: {0}</source>
        <translation>主要致困原因：{0}</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="146"/>
        <source>(not given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="162"/>
        <source>{0} files</source>
        <translation>{0} 户</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="196"/>
        <location filename="../views/hardship/households.py" line="212"/>
        <source>Choose a household in the list first.</source>
        <translation>请先在列表中选择一户。</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="247"/>
        <source>Choose the households to pay in the list first (Ctrl+click or Shift+click for several).</source>
        <translation>请先在列表中选择要发放的户（按住 Ctrl 或 Shift 可多选）。</translation>
    </message>
    <message>
        <location filename="../views/hardship/households.py" line="45"/>
        <source>Hardship support</source>
        <translation>困难帮扶</translation>
    </message>
</context>
<context>
    <name>MedicalAidDialog</name>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="25"/>
        <source>Medical mutual-aid subsidy {0}</source>
        <translation>职工医疗互助补助 {0}</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="35"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="36"/>
        <source>Hospital</source>
        <translation>就诊医院</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="38"/>
        <source>Admitted on</source>
        <translation>入院日期</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="40"/>
        <source>Discharged on</source>
        <translation>出院日期</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="42"/>
        <source>Total cost (yuan)</source>
        <translation>医疗总费用（元）</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="44"/>
        <source>Reimbursed by insurance (yuan)</source>
        <translation>医保报销（元）</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="46"/>
        <source>Paid by the patient</source>
        <translation>个人自付</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="48"/>
        <source>Subsidy (yuan)</source>
        <translation>补助金额（元）</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="49"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="56"/>
        <source>Total cost</source>
        <translation>医疗总费用</translation>
    </message>
    <message>
        <location filename="../views/hardship/payment_dialogs.py" line="57"/>
        <source>Reimbursed</source>
        <translation>医保报销</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <location filename="../views/hardship/member_picker.py" line="25"/>
        <source>Name, pinyin initials, ID number or phone</source>
        <translation>姓名、拼音首字母、身份证号或手机号</translation>
    </message>
    <message>
        <location filename="../views/hardship/member_picker.py" line="30"/>
        <source>No member chosen yet.</source>
        <translation>尚未选择会员。</translation>
    </message>
    <message>
        <location filename="../views/hardship/member_picker.py" line="71"/>
        <source>Chosen: {0} ({1}), {2}</source>
        <translation>已选：{0}（{1}），{2}</translation>
    </message>
</context>
<context>
    <name>PayHouseholdsDialog</name>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="32"/>
        <source>Pay the chosen households</source>
        <translation>给所选困难户发放</translation>
    </message>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="36"/>
        <source> and {0} more</source>
        <translation> 等，另有 {0} 户</translation>
    </message>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="37"/>
        <source>{0} households: {1}</source>
        <translation>共 {0} 户：{1}</translation>
    </message>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="42"/>
        <source>Occasion</source>
        <translation>慰问事由</translation>
    </message>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="43"/>
        <source>Amount for each household</source>
        <translation>每户金额</translation>
    </message>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="48"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="53"/>
        <source>Household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="53"/>
        <source>Skipped because</source>
        <translation>未发放原因</translation>
    </message>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="56"/>
        <source>Create {0} payments</source>
        <translation>生成 {0} 条发放记录</translation>
    </message>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="59"/>
        <source>Print vouchers and sign-off sheet…</source>
        <translation>打印凭证和签收表…</translation>
    </message>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="62"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="87"/>
        <source>{0} payments created.</source>
        <translation>已生成 {0} 条发放记录。</translation>
    </message>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="89"/>
        <source>Voucher numbers {0} to {1}.</source>
        <translation>凭证号 {0} 至 {1}。</translation>
    </message>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="91"/>
        <source>{0} households skipped (listed below).</source>
        <translation>{0} 户未发放（见下表）。</translation>
    </message>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="124"/>
        <source>{0} × {1} = {2}</source>
        <translation>{0} × {1} 户 = {2}</translation>
    </message>
    <message>
        <location filename="../views/hardship/campaign_dialog.py" line="138"/>
        <source>Creating the payments…</source>
        <translation>正在生成发放记录…</translation>
    </message>
</context>
<context>
    <name>PaymentFields</name>
    <message>
        <location filename="../views/hardship/fields.py" line="30"/>
        <source>{0}: please enter an amount</source>
        <translation>{0}：请填写金额</translation>
    </message>
    <message>
        <location filename="../views/hardship/fields.py" line="36"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../views/hardship/fields.py" line="90"/>
        <source>filled in when a reviewer approves it</source>
        <translation>审核通过时自动填写</translation>
    </message>
    <message>
        <location filename="../views/hardship/fields.py" line="110"/>
        <source>yuan, e.g. 1409.50</source>
        <translation>单位：元，如 1409.50</translation>
    </message>
    <message>
        <location filename="../views/hardship/fields.py" line="115"/>
        <source>Paid by</source>
        <translation>发放方式</translation>
    </message>
    <message>
        <location filename="../views/hardship/fields.py" line="116"/>
        <source>Paid on</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <location filename="../views/hardship/fields.py" line="119"/>
        <source>Handled by (经办人)</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../views/hardship/fields.py" line="122"/>
        <source>Reviewed by (审核人)</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../views/hardship/fields.py" line="125"/>
        <source>Approved by (负责人)</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../views/hardship/fields.py" line="150"/>
        <source>They wait for review: a reviewer (审核人) or head (负责人) other than you approves them in the payments list; until then they print only as drafts marked 未审核.</source>
        <translation>这些记录待审核：须由您以外的审核人或负责人在发放列表中审核通过；在此之前只能打印标有“未审核”的草稿。</translation>
    </message>
</context>
<context>
    <name>PaymentsModel</name>
    <message>
        <location filename="../views/hardship/models.py" line="88"/>
        <source>Voucher no.</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="89"/>
        <source>Paid on</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="90"/>
        <source>Recipient</source>
        <translation>领取人</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="91"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="92"/>
        <source>Unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="93"/>
        <source>Occasion</source>
        <translation>慰问事由</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="94"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="96"/>
        <source>Method</source>
        <translation>发放方式</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="97"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="99"/>
        <source>Printed</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="101"/>
        <source>Void reason / note</source>
        <translation>作废原因 / 备注</translation>
    </message>
    <message>
        <location filename="../views/hardship/models.py" line="98"/>
        <source>Review</source>
        <translation>审核</translation>
    </message>
</context>
<context>
    <name>PaymentsPanel</name>
    <message>
        <location filename="../views/hardship/payments.py" line="57"/>
        <source>Recipient, ID number or voucher no. — Ctrl+F</source>
        <translation>领取人、身份证号或凭证号 — Ctrl+F</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="59"/>
        <source>All occasions</source>
        <translation>全部事由</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="61"/>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="63"/>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="64"/>
        <source>Month {0}</source>
        <translation>{0}月</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="66"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="85"/>
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="86"/>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="87"/>
        <source>Medical aid claim…</source>
        <translation>医疗互助补助…</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="88"/>
        <source>Import a list…</source>
        <translation>导入名单…</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="89"/>
        <source>Year figures…</source>
        <translation>年度数据…</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="92"/>
        <source>Voucher layout</source>
        <translation>凭证版式</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="95"/>
        <source>Two per A4 page</source>
        <translation>A4 每页两张</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="96"/>
        <source>One per A5 page</source>
        <translation>A5 每页一张</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="98"/>
        <source>Add the sign-off sheet</source>
        <translation>附签收表</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="101"/>
        <source>Print (Ctrl+P)</source>
        <translation>打印 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="105"/>
        <source>Chosen vouchers</source>
        <translation>所选凭证</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="106"/>
        <source>Every voucher in the list</source>
        <translation>列表中的全部凭证</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="107"/>
        <source>Only the sign-off sheet of the list</source>
        <translation>只打印列表的签收表</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="169"/>
        <source>Total: {0} payments to {1} people ({2} household files), {3}</source>
        <translation>合计：{0} 笔，{1} 人（{2} 户档案），{3}</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="172"/>
        <source> — voided payments not counted</source>
        <translation>（不含已作废的）</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="174"/>
        <source> — payments waiting for review not counted</source>
        <translation>——待审核的不计入</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="237"/>
        <source>Choose one payment in the list first.</source>
        <translation>请先在列表中选择一条发放记录。</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="240"/>
        <source>Voucher {0} is already voided.</source>
        <translation>凭证 {0} 已作废。</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="250"/>
        <source>Choose the payments to approve in the list first.</source>
        <translation>请先在列表中选择要审核的发放记录。</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="253"/>
        <source>Approve {0} payments, {1} in all?
Your name and today&apos;s date go on their vouchers and into the audit log.</source>
        <translation>审核通过 {0} 条发放记录，合计 {1}？
您的姓名和今天的日期将印在凭证上并记入审计日志。</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="260"/>
        <source>{0} payments approved.</source>
        <translation>已审核通过 {0} 条发放记录。</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="272"/>
        <source>Voucher {0} was not voided: a reason is needed.</source>
        <translation>凭证 {0} 未作废：请填写作废原因。</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="306"/>
        <location filename="../views/hardship/payments.py" line="320"/>
        <source>Vouchers</source>
        <translation>慰问金发放凭证</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="312"/>
        <source>Choose the payments to print in the list first.</source>
        <translation>请先在列表中选择要打印的发放记录。</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="324"/>
        <source>Sign-off sheet</source>
        <translation>签收表</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="330"/>
        <source>Void voucher {0}</source>
        <translation>作废凭证 {0}</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="331"/>
        <source>Void {0}: {1}, {2}, {3}?
The payment stays on record, marked 作废; a correction is a new payment.
Reason:</source>
        <translation>作废凭证 {0}：{1}，{2}，{3}？
该记录将保留并标为作废；如需更正，请另行发放。
作废原因：</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="338"/>
        <source>Import a recipients list</source>
        <translation>导入慰问名单</translation>
    </message>
    <message>
        <location filename="../views/hardship/payments.py" line="51"/>
        <source>Hardship support</source>
        <translation>困难帮扶</translation>
    </message>
</context>
<context>
    <name>PersonsTable</name>
    <message>
        <location filename="../views/hardship/persons.py" line="43"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../views/hardship/persons.py" line="43"/>
        <source>Relation</source>
        <translation>与职工关系</translation>
    </message>
    <message>
        <location filename="../views/hardship/persons.py" line="43"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../views/hardship/persons.py" line="44"/>
        <source>Monthly income (yuan)</source>
        <translation>月收入（元）</translation>
    </message>
    <message>
        <location filename="../views/hardship/persons.py" line="44"/>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <location filename="../views/hardship/persons.py" line="44"/>
        <source>School (students)</source>
        <translation>就读学校（学生）</translation>
    </message>
    <message>
        <location filename="../views/hardship/persons.py" line="55"/>
        <source>Add a person</source>
        <translation>添加家庭成员</translation>
    </message>
    <message>
        <location filename="../views/hardship/persons.py" line="57"/>
        <source>Remove the person</source>
        <translation>删除该成员</translation>
    </message>
    <message>
        <location filename="../views/hardship/persons.py" line="131"/>
        <source>row {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <location filename="../views/hardship/persons.py" line="133"/>
        <source>Monthly income of {0}</source>
        <translation>{0}的月收入</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <location filename="../views/hardship/policy_dialog.py" line="17"/>
        <source>Hardship standard (低保)</source>
        <translation>困难认定标准（低保）</translation>
    </message>
    <message>
        <location filename="../views/hardship/policy_dialog.py" line="24"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../views/hardship/policy_dialog.py" line="26"/>
        <source>Minimum living allowance (低保), yuan per person per month</source>
        <translation>低保标准（元/人·月）</translation>
    </message>
    <message>
        <location filename="../views/hardship/policy_dialog.py" line="29"/>
        <source>Relative hardship (相对困难) up to k × 低保, k =</source>
        <translation>相对困难上限为低保的倍数 k</translation>
    </message>
    <message>
        <location filename="../views/hardship/policy_dialog.py" line="31"/>
        <source>e.g. 1.5 (the same for every year)</source>
        <translation>如 1.5（各年通用）</translation>
    </message>
    <message>
        <location filename="../views/hardship/policy_dialog.py" line="61"/>
        <source>Minimum living allowance</source>
        <translation>低保标准</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../views/hardship/status_dialog.py" line="50"/>
        <source>Yearly review — {0}</source>
        <translation>年度复核 — {0}</translation>
    </message>
    <message>
        <location filename="../views/hardship/status_dialog.py" line="55"/>
        <source>Last review</source>
        <translation>上次复核</translation>
    </message>
    <message>
        <location filename="../views/hardship/status_dialog.py" line="56"/>
        <source>Reviewed on</source>
        <translation>复核日期</translation>
    </message>
    <message>
        <location filename="../views/hardship/status_dialog.py" line="58"/>
        <source>Checked by</source>
        <translation>审核人</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../views/hardship/visit_dialog.py" line="18"/>
        <source>Visit — {0}</source>
        <translation>走访慰问 — {0}</translation>
    </message>
    <message>
        <location filename="../views/hardship/visit_dialog.py" line="23"/>
        <source>Visited on</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <location filename="../views/hardship/visit_dialog.py" line="25"/>
        <source>Visitors</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../views/hardship/visit_dialog.py" line="27"/>
        <source>e.g. 镇总工会 李主席、王晓燕</source>
        <translation>如：镇总工会 李主席、王晓燕</translation>
    </message>
    <message>
        <location filename="../views/hardship/visit_dialog.py" line="28"/>
        <source>Occasion</source>
        <translation>慰问事由</translation>
    </message>
    <message>
        <location filename="../views/hardship/visit_dialog.py" line="30"/>
        <source>Notes</source>
        <translation>走访情况</translation>
    </message>
    <message>
        <location filename="../views/hardship/visit_dialog.py" line="31"/>
        <source>Money handed over (prints a voucher)</source>
        <translation>发放慰问金（打印凭证）</translation>
    </message>
    <message>
        <location filename="../views/hardship/visit_dialog.py" line="36"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>VoucherPreviewDialog</name>
    <message>
        <location filename="../views/hardship/printing.py" line="65"/>
        <source>{0} pages</source>
        <translation>共 {0} 页</translation>
    </message>
    <message>
        <location filename="../views/hardship/printing.py" line="67"/>
        <source>{0} vouchers</source>
        <translation>凭证 {0} 张</translation>
    </message>
    <message>
        <location filename="../views/hardship/printing.py" line="69"/>
        <source>{0} marked as reprints (补打)</source>
        <translation>{0} 张为补打</translation>
    </message>
    <message>
        <location filename="../views/hardship/printing.py" line="71"/>
        <source>{0} voided (作废)</source>
        <translation>{0} 张已作废</translation>
    </message>
    <message>
        <location filename="../views/hardship/printing.py" line="73"/>
        <source>{0} drafts marked 未审核, waiting for review: not vouchers, not counted as printed</source>
        <translation>{0} 张为标有“未审核”的草稿（待审核，不是凭证，不计为已打印）</translation>
    </message>
    <message>
        <location filename="../views/hardship/printing.py" line="76"/>
        <source>sign-off sheet of {0} recipients</source>
        <translation>签收表 {0} 人</translation>
    </message>
    <message>
        <location filename="../views/hardship/printing.py" line="78"/>
        <source>counted as printed</source>
        <translation>已计入打印次数</translation>
    </message>
    <message>
        <location filename="../views/hardship/printing.py" line="79"/>
        <source>counted as printed once printed (saving a PDF does not count)</source>
        <translation>打印后才计为已打印（另存为 PDF 不计）</translation>
    </message>
    <message>
        <location filename="../views/hardship/printing.py" line="80"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>VoucherPrinting</name>
    <message>
        <location filename="../views/hardship/printing.py" line="103"/>
        <source>Preparing the vouchers…</source>
        <translation>正在生成凭证…</translation>
    </message>
    <message>
        <location filename="../views/hardship/printing.py" line="114"/>
        <source>Preparing the sign-off sheet…</source>
        <translation>正在生成签收表…</translation>
    </message>
</context>
<context>
    <name>YearFiguresDialog</name>
    <message>
        <location filename="../views/hardship/figures.py" line="26"/>
        <source>Hardship support — year figures</source>
        <translation>困难帮扶 — 年度数据</translation>
    </message>
    <message>
        <location filename="../views/hardship/figures.py" line="33"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../views/hardship/figures.py" line="39"/>
        <source>Household files in 在档/返困</source>
        <translation>在档（含返困）档案</translation>
    </message>
    <message>
        <location filename="../views/hardship/figures.py" line="40"/>
        <source>Hardship households helped</source>
        <translation>帮扶困难职工</translation>
    </message>
    <message>
        <location filename="../views/hardship/figures.py" line="41"/>
        <source>Medical mutual-aid subsidies</source>
        <translation>职工医疗互助补助</translation>
    </message>
    <message>
        <location filename="../views/hardship/figures.py" line="42"/>
        <source>Front-line workers visited (抗疫)</source>
        <translation>慰问抗疫一线职工</translation>
    </message>
    <message>
        <location filename="../views/hardship/figures.py" line="49"/>
        <source>Occasion</source>
        <translation>慰问事由</translation>
    </message>
    <message>
        <location filename="../views/hardship/figures.py" line="49"/>
        <source>Payments</source>
        <translation>发放记录</translation>
    </message>
    <message>
        <location filename="../views/hardship/figures.py" line="49"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../views/hardship/figures.py" line="49"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../views/hardship/figures.py" line="57"/>
        <source>Issued payments by occasion</source>
        <translation>按慰问事由统计（已发放）</translation>
    </message>
    <message>
        <location filename="../views/hardship/figures.py" line="71"/>
        <source>{0} households</source>
        <translation>{0} 户</translation>
    </message>
    <message>
        <location filename="../views/hardship/figures.py" line="72"/>
        <source>{0} households, {1} payments, {2}</source>
        <translation>{0} 户，{1} 笔，{2}</translation>
    </message>
    <message>
        <location filename="../views/hardship/figures.py" line="74"/>
        <source>{0} cases, {1}</source>
        <translation>{0} 件，{1}</translation>
    </message>
    <message>
        <location filename="../views/hardship/figures.py" line="76"/>
        <source>{0} people, {1}</source>
        <translation>{0} 人，{1}</translation>
    </message>
</context>
</TS>
