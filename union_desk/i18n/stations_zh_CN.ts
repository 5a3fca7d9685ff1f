<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="22"/>
        <source>Inspection — {0} {1}</source>
        <translation>验收/复验 — {0} {1}</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="28"/>
        <location filename="../views/stations/inspection_dialog.py" line="40"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="28"/>
        <location filename="../views/stations/inspection_dialog.py" line="38"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="28"/>
        <source>Inspector</source>
        <translation>检查人</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="28"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="34"/>
        <source>Acceptance (验收)</source>
        <translation>验收</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="35"/>
        <source>Re-inspection (复验)</source>
        <translation>复验</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="43"/>
        <source>Inspector(s)</source>
        <translation>检查人</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="45"/>
        <source>Items met</source>
        <translation>达标项目</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="48"/>
        <source>By the results (all required items met)</source>
        <translation>按检查结果（必备项目全部达标为合格）</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="49"/>
        <location filename="../views/stations/inspection_dialog.py" line="79"/>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="50"/>
        <location filename="../views/stations/inspection_dialog.py" line="79"/>
        <source>Failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="51"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="53"/>
        <source>Kept only when the station fails the inspection</source>
        <translation>仅在检查不合格时记录</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="54"/>
        <source>Fixes due by (if failed)</source>
        <translation>整改期限（不合格时）</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="58"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="66"/>
        <source>Area ≥ standard ({0} m² here)</source>
        <translation>面积达标（本驿家 {0} 平方米）</translation>
    </message>
    <message>
        <location filename="../views/stations/inspection_dialog.py" line="86"/>
        <source>No inspection yet.</source>
        <translation>尚无验收或复验记录。</translation>
    </message>
</context>
<context>
    <name>ServiceCountsDialog</name>
    <message>
        <location filename="../views/stations/counts_dialog.py" line="28"/>
        <source>People served — {0} {1}</source>
        <translation>服务人次 — {0} {1}</translation>
    </message>
    <message>
        <location filename="../views/stations/counts_dialog.py" line="39"/>
        <location filename="../views/stations/counts_dialog.py" line="45"/>
        <source>Year</source>
        <translation>全年</translation>
    </message>
    <message>
        <location filename="../views/stations/counts_dialog.py" line="43"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../views/stations/counts_dialog.py" line="44"/>
        <source>Month {0}</source>
        <translation>{0}月</translation>
    </message>
    <message>
        <location filename="../views/stations/counts_dialog.py" line="50"/>
        <source>Type the number of people served; empty cells count 0.</source>
        <translation>填写当月服务人次；空格按 0 计。</translation>
    </message>
    <message>
        <location filename="../views/stations/counts_dialog.py" line="78"/>
        <source>Month {0}, {1}: “{2}” is not a whole number</source>
        <translation>{0}月{1}：“{2}”不是整数</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <location filename="../views/stations/dialog.py" line="42"/>
        <source>Register a rest station</source>
        <translation>登记爱心驿家</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="45"/>
        <source>Edit rest station — {0}</source>
        <translation>修改爱心驿家 — {0}</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="53"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="54"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="57"/>
        <source>Self-built (自建)</source>
        <translation>自建</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="58"/>
        <source>Co-built (共建)</source>
        <translation>共建</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="59"/>
        <source>Built</source>
        <translation>建设方式</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="60"/>
        <source>Host unit</source>
        <translation>建设（依托）单位</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="61"/>
        <source>Host unit credit code</source>
        <translation>单位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="69"/>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="72"/>
        <source>Co-building union</source>
        <translation>共建基层工会</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="73"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="74"/>
        <source>Latitude (optional)</source>
        <translation>纬度（可不填）</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="75"/>
        <source>Longitude (optional)</source>
        <translation>经度（可不填）</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="76"/>
        <source>Floor area (m²)</source>
        <translation>使用面积（平方米）</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="77"/>
        <source>Open 24 hours</source>
        <translation>24小时开放</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="80"/>
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="82"/>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="83"/>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="85"/>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="87"/>
        <source>Facilities</source>
        <translation>设施配备</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="141"/>
        <source>{0} must be a number</source>
        <translation>{0}应为数字</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="147"/>
        <source>Floor area must be a number of square metres</source>
        <translation>使用面积应为平方米数</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="153"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="154"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="164"/>
        <source>Warning (saved anyway): {0}</source>
        <translation>提示（仍可保存）：{0}</translation>
    </message>
    <message>
        <location filename="../views/stations/dialog.py" line="167"/>
        <source>optional when open 24 hours</source>
        <translation>24小时开放时可不填</translation>
    </message>
</context>
<context>
    <name>StationFiguresDialog</name>
    <message>
        <location filename="../views/stations/figures.py" line="44"/>
        <source>Rest station figures</source>
        <translation>爱心驿家统计</translation>
    </message>
    <message>
        <location filename="../views/stations/figures.py" line="52"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../views/stations/figures.py" line="52"/>
        <source>Stations</source>
        <translation>驿家数</translation>
    </message>
    <message>
        <location filename="../views/stations/figures.py" line="55"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../views/stations/figures.py" line="55"/>
        <source>Required</source>
        <translation>必备</translation>
    </message>
    <message>
        <location filename="../views/stations/figures.py" line="56"/>
        <source>Stations having it</source>
        <translation>具备的驿家</translation>
    </message>
    <message>
        <location filename="../views/stations/figures.py" line="56"/>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <location filename="../views/stations/figures.py" line="58"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../views/stations/figures.py" line="59"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../views/stations/figures.py" line="61"/>
        <location filename="../views/stations/figures.py" line="109"/>
        <source>Year</source>
        <translation>全年</translation>
    </message>
    <message>
        <location filename="../views/stations/figures.py" line="65"/>
        <source>Stations by status</source>
        <translation>按状态统计</translation>
    </message>
    <message>
        <location filename="../views/stations/figures.py" line="66"/>
        <source>Facilities coverage (stations in service)</source>
        <translation>设施覆盖情况（在用驿家）</translation>
    </message>
    <message>
        <location filename="../views/stations/figures.py" line="74"/>
        <source>People served per month</source>
        <translation>每月服务人次</translation>
    </message>
    <message>
        <location filename="../views/stations/figures.py" line="94"/>
        <source>{0} stations on record; {1} registered in {2}; {3} in service meet the whole standard; {4} people served in {2}.</source>
        <translation>在册驿家 {0} 个；{2} 年新建 {1} 个；在用驿家中 {3} 个全部达标；{2} 年共服务 {4} 人次。</translation>
    </message>
    <message>
        <location filename="../views/stations/figures.py" line="102"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>StationPhotosDialog</name>
    <message>
        <location filename="../views/stations/photos_dialog.py" line="24"/>
        <source>Photos — {0} {1}</source>
        <translation>照片 — {0} {1}</translation>
    </message>
    <message>
        <location filename="../views/stations/photos_dialog.py" line="28"/>
        <source>Choose a photo on the left.</source>
        <translation>请在左侧选择照片。</translation>
    </message>
    <message>
        <location filename="../views/stations/photos_dialog.py" line="32"/>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../views/stations/photos_dialog.py" line="34"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../views/stations/photos_dialog.py" line="70"/>
        <source>No photos yet.</source>
        <translation>还没有照片。</translation>
    </message>
    <message>
        <location filename="../views/stations/photos_dialog.py" line="80"/>
        <source>Add photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../views/stations/photos_dialog.py" line="81"/>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>照片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../views/stations/photos_dialog.py" line="105"/>
        <source>Remove this photo from the list?</source>
        <translation>从列表中移除这张照片？</translation>
    </message>
</context>
<context>
    <name>StationStandardDialog</name>
    <message>
        <location filename="../views/stations/standard_dialog.py" line="25"/>
        <source>Rest station standard</source>
        <translation>爱心驿家建设标准</translation>
    </message>
    <message>
        <location filename="../views/stations/standard_dialog.py" line="29"/>
        <source>Minimum floor area (m²)</source>
        <translation>最小使用面积（平方米）</translation>
    </message>
    <message>
        <location filename="../views/stations/standard_dialog.py" line="34"/>
        <source>Floor area</source>
        <translation>使用面积</translation>
    </message>
    <message>
        <location filename="../views/stations/standard_dialog.py" line="38"/>
        <source>Required items</source>
        <translation>必备项目</translation>
    </message>
    <message>
        <location filename="../views/stations/standard_dialog.py" line="42"/>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <location filename="../views/stations/standard_dialog.py" line="43"/>
        <source>Re-inspect every</source>
        <translation>复验周期</translation>
    </message>
</context>
<context>
    <name>StationStatusDialog</name>
    <message>
        <location filename="../views/stations/status_dialog.py" line="17"/>
        <source>Change status — {0} {1}</source>
        <translation>变更状态 — {0} {1}</translation>
    </message>
    <message>
        <location filename="../views/stations/status_dialog.py" line="22"/>
        <location filename="../views/stations/status_dialog.py" line="36"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../views/stations/status_dialog.py" line="22"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../views/stations/status_dialog.py" line="22"/>
        <location filename="../views/stations/status_dialog.py" line="39"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../views/stations/status_dialog.py" line="26"/>
        <source>Current status</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <location filename="../views/stations/status_dialog.py" line="29"/>
        <source>In service (在用)</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../views/stations/status_dialog.py" line="30"/>
        <source>Suspended (暂停)</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../views/stations/status_dialog.py" line="31"/>
        <source>Closed (关闭) — stays on record, not reopened</source>
        <translation>关闭（保留记录，不再恢复）</translation>
    </message>
    <message>
        <location filename="../views/stations/status_dialog.py" line="35"/>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
</context>
<context>
    <name>StationSubsidyDialog</name>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="27"/>
        <source>Subsidies — {0} {1}</source>
        <translation>补助 — {0} {1}</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="29"/>
        <source>Paid on</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="29"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="29"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="29"/>
        <source>Voucher no.</source>
        <translation>凭证编号</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="30"/>
        <location filename="../views/stations/subsidy_dialog.py" line="45"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="37"/>
        <source>Build grant (建设补助, once)</source>
        <translation>建设补助（一次性）</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="38"/>
        <source>Running subsidy (运行补助)</source>
        <translation>运行补助</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="41"/>
        <source>yuan, e.g. 5000.00</source>
        <translation>元，如 5000.00</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="48"/>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="49"/>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="52"/>
        <source>Handled by (blank: you)</source>
        <translation>经办人（留空为本人）</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="53"/>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="54"/>
        <source>Approved by</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="55"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="57"/>
        <source>Withdraw selected</source>
        <translation>撤销所选记录</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="72"/>
        <source>Paid by</source>
        <translation>发放方式</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="80"/>
        <source>Each subsidy is paid to the host unit with a payment voucher; print it from the payments list.</source>
        <translation>每笔补助以发放凭证拨付给建设（依托）单位，可在发放记录中打印凭证。</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="109"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="120"/>
        <source>Withdraw the selected subsidy? Its payment voucher is voided.
Reason:</source>
        <translation>撤销所选补助记录？其发放凭证将作废。
作废原因：</translation>
    </message>
    <message>
        <location filename="../views/stations/subsidy_dialog.py" line="115"/>
        <source>Total: {0}</source>
        <translation>合计：{0}</translation>
    </message>
</context>
<context>
    <name>StationsModel</name>
    <message>
        <location filename="../views/stations/model.py" line="26"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="26"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="26"/>
        <source>Built</source>
        <translation>建设方式</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="26"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="27"/>
        <source>Area m²</source>
        <translation>面积（㎡）</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="27"/>
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="27"/>
        <source>Person in charge</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="28"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="28"/>
        <source>Missing standard items</source>
        <translation>未达标项目</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="28"/>
        <source>Last inspection</source>
        <translation>最近检查</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="29"/>
        <source>Next inspection due</source>
        <translation>下次检查</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="71"/>
        <source>24 hours</source>
        <translation>24小时</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="77"/>
        <source>Up to standard</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="80"/>
        <source>Not yet inspected</source>
        <translation>尚未验收</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="81"/>
        <source>passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="81"/>
        <source>failed</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../views/stations/model.py" line="115"/>
        <source>Host unit credit code: {0}</source>
        <translation>单位统一社会信用代码：{0}</translation>
    </message>
</context>
<context>
    <name>StationsTab</name>
    <message>
        <location filename="../views/stations/tab.py" line="55"/>
        <source>Search by name, pinyin initials, code or address — Ctrl+F</source>
        <translation>按名称、拼音首字母、编号或地址查找 — Ctrl+F</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="60"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="63"/>
        <source>Below standard</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="65"/>
        <source>Due for inspection</source>
        <translation>待检查</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="83"/>
        <source>Register (Ctrl+N)</source>
        <translation>登记（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="84"/>
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="85"/>
        <source>Inspection…</source>
        <translation>验收/复验…</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="86"/>
        <source>People served…</source>
        <translation>服务人次…</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="87"/>
        <source>Status…</source>
        <translation>状态…</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="88"/>
        <source>Photos…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="89"/>
        <source>Subsidies…</source>
        <translation>补助…</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="92"/>
        <source>Print (Ctrl+P)</source>
        <translation>打印（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="95"/>
        <source>Registration form</source>
        <translation>登记表</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="96"/>
        <source>Door sign</source>
        <translation>门牌</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="98"/>
        <source>Latest inspection record</source>
        <translation>最近一次验收/复验记录</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="104"/>
        <source>Figures…</source>
        <translation>统计…</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="106"/>
        <source>Standard…</source>
        <translation>建设标准…</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="140"/>
        <source>{0} stations</source>
        <translation>{0} 个驿家</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="166"/>
        <location filename="../views/stations/tab.py" line="216"/>
        <source>Choose a station in the list first.</source>
        <translation>请先在列表中选择一个驿家。</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="169"/>
        <source>{0} is closed: it stays on record and cannot be changed.</source>
        <translation>{0} 已关闭：保留记录，不能再变更。</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="219"/>
        <source>Registration form — {0}</source>
        <translation>登记表 — {0}</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="220"/>
        <source>Door sign — {0}</source>
        <translation>门牌 — {0}</translation>
    </message>
    <message>
        <location filename="../views/stations/tab.py" line="221"/>
        <source>Inspection record — {0}</source>
        <translation>验收/复验记录 — {0}</translation>
    </message>
</context>
</TS>
