<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BusDialog</name>
    <message>
        <location filename="../views/trips/dialogs.py" line="77"/>
        <source>Bus</source>
        <translation>车次</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="91"/>
        <source>Stops in order, separated by 、 or commas</source>
        <translation>按顺序填写下车点，用“、”或逗号分隔</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="106"/>
        <source>Leg</source>
        <translation>行程</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="106"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="107"/>
        <source>Seats</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="108"/>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="109"/>
        <source>Route stops</source>
        <translation>途经站点</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="110"/>
        <source>Departure date</source>
        <translation>发车日期</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="111"/>
        <source>Departure time</source>
        <translation>发车时间</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="112"/>
        <source>Departure place</source>
        <translation>发车地点</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="113"/>
        <source>Carrier</source>
        <translation>承运单位</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="114"/>
        <source>Driver</source>
        <translation>驾驶员</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="115"/>
        <source>Driver&apos;s phone</source>
        <translation>驾驶员电话</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="116"/>
        <source>Charter contract no.</source>
        <translation>包车合同号</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../views/trips/dialogs.py" line="45"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="49"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="51"/>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="53"/>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="56"/>
        <source>Union&apos;s contact phone</source>
        <translation>工会联系电话</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="58"/>
        <source>printed on the seat notices</source>
        <translation>印在乘车通知上</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="59"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <location filename="../views/trips/figures.py" line="26"/>
        <source>Destination province</source>
        <translation>目的地省份</translation>
    </message>
    <message>
        <location filename="../views/trips/figures.py" line="28"/>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../views/trips/figures.py" line="51"/>
        <source>Registered {0} (members {1}), cancelled {2}; seated {3}, waiting {4}, on board {5}; {6} buses with {7} seats.</source>
        <translation>已登记 {0} 人（其中会员 {1} 人），已取消 {2} 人；已排座 {3}，候补 {4}，已上车 {5}；共 {6} 辆车 {7} 个座位。</translation>
    </message>
</context>
<context>
    <name>PassengersPanel</name>
    <message>
        <location filename="../views/trips/passengers.py" line="64"/>
        <source>Only those not yet on board</source>
        <translation>只看未上车的</translation>
    </message>
    <message>
        <location filename="../views/trips/passengers.py" line="72"/>
        <source>Move…</source>
        <translation>调整座位…</translation>
    </message>
    <message>
        <location filename="../views/trips/passengers.py" line="74"/>
        <source>Swap seats…</source>
        <translation>对调座位…</translation>
    </message>
    <message>
        <location filename="../views/trips/passengers.py" line="76"/>
        <source>Back to waiting list</source>
        <translation>退回候补名单</translation>
    </message>
    <message>
        <location filename="../views/trips/passengers.py" line="97"/>
        <source>Choose a bus on the left.</source>
        <translation>请在左侧选择一辆车。</translation>
    </message>
    <message>
        <location filename="../views/trips/passengers.py" line="100"/>
        <source>{0} {1} to {2}, departs {3}: {4} of {5} seats taken, {6} on board, {7} missing</source>
        <translation>{0} {1} 开往 {2}，{3} 发车：已排 {4}/{5} 座，已上车 {6} 人，未上车 {7} 人</translation>
    </message>
    <message>
        <location filename="../views/trips/passengers.py" line="116"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../views/trips/passengers.py" line="126"/>
        <source>Take {0} off this bus and put them back on the waiting list?</source>
        <translation>把 {0} 从这辆车上撤下，退回候补名单？</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <location filename="../views/trips/dialogs.py" line="148"/>
        <source>Registration</source>
        <translation>报名登记</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="151"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="151"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="152"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="152"/>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="153"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="153"/>
        <source>City</source>
        <translation>市（州）</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="154"/>
        <source>County</source>
        <translation>县（区）</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="154"/>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="155"/>
        <source>Emergency phone</source>
        <translation>紧急联系电话</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="156"/>
        <source>Insurance no.</source>
        <translation>保险单号</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="160"/>
        <source>e.g. 贵州黔东南榕江, or the home address: fills in province, city, county</source>
        <translation>如 贵州黔东南榕江，或家庭住址：自动填写省、市、县</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="164"/>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <location filename="../views/trips/dialogs.py" line="181"/>
        <source>Legs</source>
        <translation>乘车方向</translation>
    </message>
</context>
<context>
    <name>RegistrationsPanel</name>
    <message>
        <location filename="../views/trips/people.py" line="42"/>
        <source>Name, pinyin initials, ID, phone, employer, place</source>
        <translation>姓名、拼音首字母、身份证号、手机号、单位、地名</translation>
    </message>
    <message>
        <location filename="../views/trips/people.py" line="47"/>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../views/trips/people.py" line="48"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../views/trips/people.py" line="49"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../views/trips/people.py" line="64"/>
        <source>New registration… (Ctrl+N)</source>
        <translation>新增登记…（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../views/trips/people.py" line="66"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../views/trips/people.py" line="67"/>
        <source>Cancel registration…</source>
        <translation>取消登记…</translation>
    </message>
    <message>
        <location filename="../views/trips/people.py" line="68"/>
        <source>Import employer&apos;s list…</source>
        <translation>导入用工单位名单…</translation>
    </message>
    <message>
        <location filename="../views/trips/people.py" line="91"/>
        <source>{0} registrations</source>
        <translation>共 {0} 条登记</translation>
    </message>
    <message>
        <location filename="../views/trips/people.py" line="109"/>
        <source>Import employer&apos;s list</source>
        <translation>导入用工单位名单</translation>
    </message>
    <message>
        <location filename="../views/trips/people.py" line="114"/>
        <source>Cancel registration</source>
        <translation>取消登记</translation>
    </message>
    <message>
        <location filename="../views/trips/people.py" line="115"/>
        <source>Why does {0} no longer travel?</source>
        <translation>{0} 不再乘车的原因：</translation>
    </message>
    <message>
        <location filename="../views/trips/people.py" line="149"/>
        <source>Registration of {0} cancelled.</source>
        <translation>已取消 {0} 的登记。</translation>
    </message>
    <message>
        <location filename="../views/trips/people.py" line="151"/>
        <source>Freed: {0}.</source>
        <translation>空出座位：{0}。</translation>
    </message>
    <message>
        <location filename="../views/trips/people.py" line="153"/>
        <source>Given to the first on the waiting list: {0}.</source>
        <translation>已安排给候补第一位：{0}。</translation>
    </message>
</context>
<context>
    <name>SeatDialog</name>
    <message>
        <location filename="../views/trips/seat_dialog.py" line="31"/>
        <source>Swap seats</source>
        <translation>对调座位</translation>
    </message>
    <message>
        <location filename="../views/trips/seat_dialog.py" line="31"/>
        <source>Move passenger</source>
        <translation>调整座位</translation>
    </message>
    <message>
        <location filename="../views/trips/seat_dialog.py" line="36"/>
        <source>seat {0} of {1}</source>
        <translation>{1} 的 {0} 号座</translation>
    </message>
    <message>
        <location filename="../views/trips/seat_dialog.py" line="37"/>
        <source>waiting list</source>
        <translation>候补名单</translation>
    </message>
    <message>
        <location filename="../views/trips/seat_dialog.py" line="38"/>
        <source>Passenger</source>
        <translation>乘客</translation>
    </message>
    <message>
        <location filename="../views/trips/seat_dialog.py" line="45"/>
        <source>Bus</source>
        <translation>车次</translation>
    </message>
    <message>
        <location filename="../views/trips/seat_dialog.py" line="49"/>
        <source>Swap with</source>
        <translation>与谁对调</translation>
    </message>
    <message>
        <location filename="../views/trips/seat_dialog.py" line="55"/>
        <source>first free seat</source>
        <translation>第一个空座</translation>
    </message>
    <message>
        <location filename="../views/trips/seat_dialog.py" line="56"/>
        <source>Seat</source>
        <translation>座号</translation>
    </message>
    <message>
        <location filename="../views/trips/seat_dialog.py" line="89"/>
        <source>seat {0}: {1}</source>
        <translation>{0} 号座：{1}</translation>
    </message>
</context>
<context>
    <name>TripsColumns</name>
    <message>
        <location filename="../views/trips/models.py" line="56"/>
        <source>Bus</source>
        <translation>车次</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="58"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="59"/>
        <location filename="../views/trips/models.py" line="72"/>
        <location filename="../views/trips/models.py" line="81"/>
        <location filename="../views/trips/models.py" line="96"/>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="60"/>
        <source>Departs</source>
        <translation>发车时间</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="61"/>
        <source>Seats</source>
        <translation>座位</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="62"/>
        <location filename="../views/trips/models.py" line="68"/>
        <location filename="../views/trips/models.py" line="107"/>
        <source>Boarded</source>
        <translation>已上车</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="63"/>
        <source>Missing</source>
        <translation>未上车</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="66"/>
        <location filename="../views/trips/models.py" line="98"/>
        <source>Seat</source>
        <translation>座号</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="69"/>
        <location filename="../views/trips/models.py" line="79"/>
        <location filename="../views/trips/models.py" line="92"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="70"/>
        <location filename="../views/trips/models.py" line="80"/>
        <location filename="../views/trips/models.py" line="93"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="71"/>
        <location filename="../views/trips/models.py" line="94"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="73"/>
        <location filename="../views/trips/models.py" line="82"/>
        <location filename="../views/trips/models.py" line="95"/>
        <source>Employer</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="74"/>
        <location filename="../views/trips/models.py" line="77"/>
        <location filename="../views/trips/models.py" line="91"/>
        <source>Reg. no.</source>
        <translation>登记号</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="78"/>
        <source>Leg</source>
        <translation>行程</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="85"/>
        <source>{0} {1} seat {2}</source>
        <translation>{0} {1} {2}号座</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="86"/>
        <source>{0} waiting</source>
        <translation>{0} 候补</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="90"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="97"/>
        <source>Legs</source>
        <translation>乘车方向</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="99"/>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="100"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="104"/>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="105"/>
        <source>Seated</source>
        <translation>已排座</translation>
    </message>
    <message>
        <location filename="../views/trips/models.py" line="106"/>
        <source>Waiting</source>
        <translation>候补</translation>
    </message>
</context>
<context>
    <name>TripsImportDialog</name>
    <message>
        <location filename="../views/trips/import_dialog.py" line="28"/>
        <source>Import registrations — {0}</source>
        <translation>导入报名名单 — {0}</translation>
    </message>
    <message>
        <location filename="../views/trips/import_dialog.py" line="30"/>
        <source>Placed as</source>
        <translation>认定为</translation>
    </message>
    <message>
        <location filename="../views/trips/import_dialog.py" line="30"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../views/trips/import_dialog.py" line="30"/>
        <source>First Excel row</source>
        <translation>首见 Excel 行号</translation>
    </message>
    <message>
        <location filename="../views/trips/import_dialog.py" line="31"/>
        <source>As written</source>
        <translation>名单上的写法</translation>
    </message>
    <message>
        <location filename="../views/trips/import_dialog.py" line="46"/>
        <source> and {0} more ways</source>
        <translation> 等，另有 {0} 种写法</translation>
    </message>
    <message>
        <location filename="../views/trips/import_dialog.py" line="49"/>
        <source>Destinations read ({0})</source>
        <translation>目的地认定（{0}）</translation>
    </message>
    <message>
        <location filename="../views/trips/import_dialog.py" line="56"/>
        <source>The destinations were read from one column as {0} places: check them under &quot;Destinations read&quot;.</source>
        <translation>目的地由一列文字认定为 {0} 处地点，请在“目的地认定”中核对。</translation>
    </message>
</context>
<context>
    <name>TripsTab</name>
    <message>
        <location filename="../views/trips/tab.py" line="53"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="55"/>
        <source>New campaign…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="57"/>
        <source>Edit campaign…</source>
        <translation>修改活动…</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="67"/>
        <source>Add bus…</source>
        <translation>添加车辆…</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="68"/>
        <source>Edit bus…</source>
        <translation>修改车辆…</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="69"/>
        <source>Remove bus</source>
        <translation>删除车辆</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="70"/>
        <source>Assign seats</source>
        <translation>自动排座</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="71"/>
        <source>Print manifests… (Ctrl+P)</source>
        <translation>打印乘车名单…（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="72"/>
        <source>Seat notices…</source>
        <translation>乘车通知…</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="73"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="75"/>
        <source>Select buses to print only those; none selected prints all.</source>
        <translation>选中车辆则只打印所选车辆；未选中则打印全部车辆。</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="78"/>
        <source>Passengers&apos; and emergency phones in full on the manifests (for the driver and escort; logged)</source>
        <translation>乘车名单显示乘客和紧急联系人完整手机号（供驾驶员、带车人联系；记入审计日志）</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="97"/>
        <source>Passengers and boarding</source>
        <translation>乘客与上车核对</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="98"/>
        <source>Registrations</source>
        <translation>报名登记</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="99"/>
        <source>Waiting list</source>
        <translation>候补名单</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="100"/>
        <source>Figures</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="131"/>
        <source>No campaign yet: start with “New campaign…”.</source>
        <translation>还没有活动：请先点“新建活动…”。</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="234"/>
        <source>Remove bus {0}? Its {1} passengers go back to the waiting list.</source>
        <translation>删除车辆 {0}？车上 {1} 名乘客将退回候补名单。</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="249"/>
        <source>Assigning seats…</source>
        <translation>正在排座…</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="252"/>
        <source>Seats assigned: {0} seated now, {1} still waiting.</source>
        <translation>排座完成：本次安排 {0} 人，仍有 {1} 人候补。</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="255"/>
        <source>No bus goes to: {0}</source>
        <translation>没有车辆前往：{0}</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="270"/>
        <source>Manifests</source>
        <translation>乘车名单</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="273"/>
        <source>Passengers&apos; and emergency phones in full on the manifest</source>
        <translation>乘车名单上显示乘客和紧急联系人的完整手机号</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="277"/>
        <source>Seat notices</source>
        <translation>乘车通知</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="293"/>
        <source>Export manifests</source>
        <translation>导出乘车名单</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="301"/>
        <source>Exported {0} passengers to {1} (ID numbers and phones masked).</source>
        <translation>已导出 {0} 名乘客到 {1}（身份证号和手机号已隐藏）。</translation>
    </message>
    <message>
        <location filename="../views/trips/tab.py" line="313"/>
        <source>Registered {0} · seated {1} · waiting {2} · on board {3}</source>
        <translation>已登记 {0} · 已排座 {1} · 候补 {2} · 已上车 {3}</translation>
    </message>
</context>
<context>
    <name>WaitingPanel</name>
    <message>
        <location filename="../views/trips/passengers.py" line="148"/>
        <source>Seat on a bus…</source>
        <translation>安排座位…</translation>
    </message>
    <message>
        <location filename="../views/trips/passengers.py" line="176"/>
        <source>{0} waiting, in registration order. A cancelled seat goes to the first one its bus can take.</source>
        <translation>候补 {0} 人，按登记先后排列。有人取消时，空出的座位安排给该车能到达的第一位候补。</translation>
    </message>
</context>
</TS>
