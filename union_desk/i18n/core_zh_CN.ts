<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BarChart</name>
    <message>
        <location filename="../views/charts.py" line="92"/>
        <source>Nothing recorded this year</source>
        <translation>本年无记录</translation>
    </message>
    <message>
        <location filename="../views/charts.py" line="178"/>
        <source>Unit: {0}</source>
        <translation>单位：{0}</translation>
    </message>
    <message>
        <location filename="../views/charts.py" line="205"/>
        <source>click to open the list</source>
        <translation>单击打开名单</translation>
    </message>
</context>
<context>
    <name>FilterChip</name>
    <message>
        <location filename="../views/widgets.py" line="46"/>
        <source>Click to remove this filter</source>
        <translation>单击去掉这个筛选条件</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../views/form_dialog.py" line="101"/>
        <source>Show full numbers…</source>
        <translation>显示完整号码…</translation>
    </message>
    <message>
        <location filename="../views/form_dialog.py" line="107"/>
        <source>Personal numbers are shown masked. Leave them as they are to keep them, or type a new number to replace one.</source>
        <translation>证件号、手机号等已隐藏显示。保持不动即保留原号码；输入新号码则替换。</translation>
    </message>
    <message>
        <location filename="../views/form_dialog.py" line="207"/>
        <source>{0}: this value is not valid (too long or malformed)</source>
        <translation>{0}：内容不符合要求（过长或格式不对）</translation>
    </message>
</context>
<context>
    <name>GuardedDialog</name>
    <message>
        <location filename="../views/form_dialog.py" line="67"/>
        <source>Discard the changes you made in this form?</source>
        <translation>放弃在此表单中所做的修改吗？</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <location filename="../views/help_menu.py" line="39"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="48"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="52"/>
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="54"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="55"/>
        <source>&amp;Where the data and backups are</source>
        <translation>数据和备份的位置(&amp;W)</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="57"/>
        <source>&amp;About union_desk</source>
        <translation>关于本程序(&amp;A)</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="88"/>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="101"/>
        <source>Next tab</source>
        <translation>下一个工作页</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="102"/>
        <source>Previous tab</source>
        <translation>上一个工作页</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="103"/>
        <source>Search in the list</source>
        <translation>在列表中查找</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="104"/>
        <source>From the search box into the list</source>
        <translation>从搜索框进入列表</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="105"/>
        <source>Open the chosen record</source>
        <translation>打开选中的记录</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="106"/>
        <source>Clear the search; close a dialog (asks before losing changes)</source>
        <translation>清空搜索；关闭对话框（有改动时先询问）</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="107"/>
        <source>New record</source>
        <translation>新建记录</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="108"/>
        <source>Print (in the overview: the year report)</source>
        <translation>打印（年度概况中：年度报告）</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="109"/>
        <source>Zoom the print preview</source>
        <translation>缩放打印预览</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="110"/>
        <source>Overview charts: choose a bar, open the list behind it</source>
        <translation>年度概况的图表：选择柱子，打开它背后的名单</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="111"/>
        <source>letter</source>
        <translation>字母</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="111"/>
        <source>Open a menu or press a button by its underlined letter</source>
        <translation>按带下划线的字母打开菜单或按下按钮</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="117"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="117"/>
        <source>Does</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="126"/>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="136"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="137"/>
        <source>Automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="138"/>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="145"/>
        <source>on the database server (backed up there with pg_dump)</source>
        <translation>在数据库服务器上（由服务器用 pg_dump 备份）</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="152"/>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="156"/>
        <source>Backups are made while the window is open (at most hourly, after a change) and when it closes; File ▸ Restore a backup… goes back to one. Settings ▸ Backups… adds a second folder (a USB stick).</source>
        <translation>程序开着时有改动就自动备份（最多每小时一次），关闭时也备份；“文件 ▸ 恢复备份…”可以回到某次备份；“设置 ▸ 备份…”可以再指定一个备份文件夹（如 U 盘）。</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="162"/>
        <source>Where the data and backups are</source>
        <translation>数据和备份的位置</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="174"/>
        <source>&lt;h3&gt;union_desk {0}&lt;/h3&gt;&lt;p&gt;Township union workbench for the trade-union clerks of Jiande: member roster, hardship support, Spring Festival buses, rest stations, the year overview and the exchange with the city office.&lt;/p&gt;&lt;p&gt;Python {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;乡镇工会工作台 {0}&lt;/h3&gt;&lt;p&gt;建德市各乡镇（街道）总工会经办人的工作台：会员名册、困难帮扶、返乡专车、爱心驿家、年度概况，以及与市总工会交换数据。&lt;/p&gt;&lt;p&gt;Python {1}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../views/help_menu.py" line="180"/>
        <source>About union_desk</source>
        <translation>关于本程序</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../views/import_dialog.py" line="79"/>
        <location filename="../views/import_dialog.py" line="186"/>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="85"/>
        <location filename="../views/import_dialog.py" line="89"/>
        <source>Excel row</source>
        <translation>Excel 行号</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="85"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="85"/>
        <location filename="../views/import_dialog.py" line="89"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="86"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="90"/>
        <source>Changes (before → after)</source>
        <translation>改动（原 → 新）</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="102"/>
        <source>Save rejected rows…</source>
        <translation>保存未导入行清单…</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="110"/>
        <source>Import the valid rows</source>
        <translation>导入有效行</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="116"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="157"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="162"/>
        <source>{0} rows: {1} new, {2} updated, {3} unchanged, {4} rejected.</source>
        <translation>共 {0} 行：新增 {1}，更新 {2}，无变化 {3}，未通过 {4}。</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="166"/>
        <source>Imported: {0} new, {1} updated, {2} unchanged.</source>
        <translation>导入完成：新增 {0}，更新 {1}，无变化 {2}。</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="172"/>
        <source>Save rejected rows</source>
        <translation>保存未导入行清单</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="173"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="179"/>
        <source>Which sheet?</source>
        <translation>选择工作表</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="180"/>
        <source>Several sheets of {0} look like the list. Import which one?</source>
        <translation>{0} 中有几张工作表都像名单，导入哪一张？</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="189"/>
        <source>Checking {0}…</source>
        <translation>正在检查 {0}…</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="214"/>
        <source>{0} rows hidden or filtered out in the spreadsheet were not read: rows {1}. To import them, show them in Excel and import again.</source>
        <translation>表格中隐藏（或筛选掉）的 {0} 行没有读取：第 {1} 行。如要导入，请在 Excel 中取消隐藏或筛选后再导入。</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="219"/>
        <source>{0} rows of other townships in the list were not read: {1} (by its township column).</source>
        <translation>名单中其他乡镇（街道）的 {0} 行没有读取：{1}（按“乡镇（街道）”列）。</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="224"/>
        <source>Columns not read: {0}. The program does not keep these, or does not know the column&apos;s name; if one of them should be imported, give it a usual name and import again.</source>
        <translation>没有读取的列：{0}。程序不记录这些内容，或不认得列名；其中如有要导入的，请把列名改成常用的写法后再导入。</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="240"/>
        <source>Rejected rows ({0})</source>
        <translation>有问题的行（{0}）</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="243"/>
        <source>Updates ({0})</source>
        <translation>将更新的行（{0}）</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="262"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../views/import_dialog.py" line="281"/>
        <source>Rejected rows saved to {0}</source>
        <translation>未导入行清单已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../views/main_window.py" line="52"/>
        <source>union_desk — township union workbench</source>
        <translation>union_desk — 乡镇工会工作台</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="149"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="168"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="150"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="153"/>
        <source>Save a &amp;backup copy…</source>
        <translation>保存备份副本(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="158"/>
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="161"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="170"/>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="183"/>
        <source>Township: {0}   Clerk: {1}   Database: {2}</source>
        <translation>乡镇：{0}   经办人：{1}   数据库：{2}</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="184"/>
        <source>city office</source>
        <translation>市总工会</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="202"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="203"/>
        <source>Database (*.sqlite3 *.db);;All files (*)</source>
        <translation>数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="208"/>
        <source>Save a backup copy</source>
        <translation>保存备份副本</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="209"/>
        <source>Database (*.sqlite3)</source>
        <translation>数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="228"/>
        <source>Backup saved to {0}</source>
        <translation>备份已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <location filename="../views/ops.py" line="136"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../views/overview_page.py" line="42"/>
        <source>Click a figure to open the list behind it</source>
        <translation>单击一项数字，打开它背后的名单</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="55"/>
        <source>New unions count by founding date, new members by joining date; money counts issued payments only (voided ones are left out). Households helped: files paid hardship help in the year. Click a figure or a bar to open the list behind it.</source>
        <translation>新建工会按成立日期、新会员按入会日期统计；金额只计已发放（不含作废）。受助困难户：当年领取困难帮扶的档案户。单击一项数字或一根柱子，打开它背后的名单。</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="73"/>
        <source>Grassroots unions on roll</source>
        <translation>在册基层工会（家）</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="75"/>
        <source>Members on roll (year end)</source>
        <translation>在册会员（年末，人）</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="77"/>
        <source>Hardship payments</source>
        <translation>困难帮扶发放（笔）</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="78"/>
        <source>Hardship money paid</source>
        <translation>困难帮扶金额</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="80"/>
        <source>Medical mutual aid paid</source>
        <translation>医疗互助金额</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="82"/>
        <source>Front-line epidemic money paid</source>
        <translation>抗疫慰问金额</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="84"/>
        <source>Registered for the buses</source>
        <translation>返乡专车报名（人）</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="85"/>
        <source>Carried home by bus</source>
        <translation>返乡专车乘车（人）</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="87"/>
        <source>Rest stations in use (year end)</source>
        <translation>在用爱心驿家（年末，所）</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="88"/>
        <source>Visits to rest stations</source>
        <translation>爱心驿家服务（人次）</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="94"/>
        <source>Members on roll (month end)</source>
        <translation>在册会员（月末）</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="95"/>
        <source>New members by month of joining</source>
        <translation>新发展会员（按入会月份）</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="96"/>
        <source>Payments by month (amount; count)</source>
        <translation>慰问金、补助按月（金额；笔数）</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="97"/>
        <source>Payments by occasion (amount; count)</source>
        <translation>慰问金、补助按名目（金额；笔数）</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="98"/>
        <source>Households helped, by category</source>
        <translation>受助困难户（按类别）</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="99"/>
        <source>Households helped, by main cause</source>
        <translation>受助困难户（按主要致困原因）</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="100"/>
        <source>Bus registrations by destination province</source>
        <translation>返乡专车报名（按目的地省份）</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="101"/>
        <source>Rest station visits by month</source>
        <translation>爱心驿家服务人次（按月）</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="102"/>
        <source>New members per township</source>
        <translation>各乡镇新发展会员</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="103"/>
        <source>Hardship money per township</source>
        <translation>各乡镇困难帮扶金额</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="104"/>
        <source>Carried home by bus, per township</source>
        <translation>各乡镇返乡专车乘车人数</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="105"/>
        <source>Rest station visits per township</source>
        <translation>各乡镇爱心驿家服务人次</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="116"/>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="116"/>
        <source>Change</source>
        <translation>增减</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="72"/>
        <source>New grassroots unions</source>
        <translation>新建基层工会</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="74"/>
        <source>New members</source>
        <translation>新发展会员</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="76"/>
        <source>Hardship households supported</source>
        <translation>慰问困难职工</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="79"/>
        <source>Medical mutual aid</source>
        <translation>职工医疗互助补助</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="81"/>
        <source>Front-line epidemic workers visited</source>
        <translation>慰问抗疫一线人员</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="83"/>
        <source>Spring Festival buses home</source>
        <translation>返乡专车</translation>
    </message>
    <message>
        <location filename="../views/overview_page.py" line="86"/>
        <source>New rest stations</source>
        <translation>新建爱心驿家</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../views/overview_tab.py" line="42"/>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="45"/>
        <source>Print year report… (Ctrl+P)</source>
        <translation>打印年度报告…（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="47"/>
        <source>Save as Excel…</source>
        <translation>另存为 Excel…</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="84"/>
        <source>Gathering the figures…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="92"/>
        <source>{0}, {1}, beside {2}</source>
        <translation>{0}&#x3000;{1}年（与{2}年对比）</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="94"/>
        <source> — {0} of 16 townships reported</source>
        <translation>&#x3000;16 个乡镇（街道）中 {0} 个已报送</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="110"/>
        <source>Making the year report…</source>
        <translation>正在生成年度报告…</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="116"/>
        <source>Year report</source>
        <translation>年度报告</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="128"/>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../views/overview_tab.py" line="132"/>
        <source>Save the year report as Excel</source>
        <translation>年度报告另存为 Excel</translation>
    </message>
</context>
<context>
    <name>Panel</name>
    <message>
        <location filename="../views/panel.py" line="68"/>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../views/panel.py" line="73"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../views/panel.py" line="40"/>
        <source>Spreadsheets and CSV (*.xlsx *.xlsm *.xls *.xlsb *.et *.ods *.xml *.csv *.txt);;All files (*)</source>
        <translation>表格和 CSV 文件 (*.xlsx *.xlsm *.xls *.xlsb *.et *.ods *.xml *.csv *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../views/password_dialog.py" line="14"/>
        <source>Database server password</source>
        <translation>数据库服务器密码</translation>
    </message>
    <message>
        <location filename="../views/password_dialog.py" line="15"/>
        <source>The database server asks for the password of {0}:
{1}</source>
        <translation>数据库服务器要求输入 {0} 的密码：
{1}</translation>
    </message>
    <message>
        <location filename="../views/password_dialog.py" line="16"/>
        <source>this account</source>
        <translation>此账号</translation>
    </message>
    <message>
        <location filename="../views/password_dialog.py" line="21"/>
        <source>Wrong password, or this account may not use the database. Try again.</source>
        <translation>密码不对，或此账号无权使用该数据库。请重新输入。</translation>
    </message>
    <message>
        <location filename="../views/password_dialog.py" line="25"/>
        <source>It is used for this window only and saved nowhere. To be asked no more, put it in a password file (PGPASSFILE) or a service file: see the README.</source>
        <translation>密码只用于本窗口，不保存在任何地方。如不想每次输入，请把密码放在密码文件（PGPASSFILE）或服务文件里，见 README。</translation>
    </message>
    <message>
        <location filename="../views/password_dialog.py" line="30"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../views/pdf_preview.py" line="36"/>
        <source>Cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="52"/>
        <source>The PDF to print cannot be read.</source>
        <translation>无法读取要打印的 PDF。</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="59"/>
        <source>Printing cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="104"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="105"/>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="106"/>
        <source>Whole page (Ctrl+0)</source>
        <translation>整页（Ctrl+0）</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="113"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="115"/>
        <source>Print… (Ctrl+P)</source>
        <translation>打印…（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="167"/>
        <source>whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="171"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="172"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="204"/>
        <source>Saved to {0}</source>
        <translation>已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../views/pdf_preview.py" line="199"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../views/settings_dialog.py" line="21"/>
        <source>Backup settings</source>
        <translation>备份设置</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="29"/>
        <source>e.g. E:\union backups (optional)</source>
        <translation>例如 E:\工会备份（可不填）</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="32"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="38"/>
        <source>Backups folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="39"/>
        <source>Second folder</source>
        <translation>第二个备份文件夹</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="47"/>
        <source>Each automatic backup is also copied to the second folder when it is there; when it is not (the USB stick is not plugged in), the copy is skipped with a notice.</source>
        <translation>每次自动备份也会复制到第二个文件夹；它不在时（例如 U 盘没有插上），这次复制会跳过并给出提示。</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="55"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="61"/>
        <source>Second backups folder</source>
        <translation>第二个备份文件夹</translation>
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
        <location filename="../views/setup_dialog.py" line="20"/>
        <source>Choose your township</source>
        <translation>请选择所属乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../views/setup_dialog.py" line="27"/>
        <source>Township</source>
        <translation>所属乡镇</translation>
    </message>
    <message>
        <location filename="../views/setup_dialog.py" line="28"/>
        <source>Clerk&apos;s name</source>
        <translation>经办人姓名</translation>
    </message>
    <message>
        <location filename="../views/setup_dialog.py" line="34"/>
        <source>This database belongs to one township. Choose it once; it cannot be changed later.</source>
        <translation>本数据库只属于一个乡镇（街道）。选定后不能更改。</translation>
    </message>
    <message>
        <location filename="../views/setup_dialog.py" line="42"/>
        <source>Choose your township first: it cannot be changed later.</source>
        <translation>请先选择所属乡镇（街道）：选定后不能更改。</translation>
    </message>
</context>
<context>
    <name>TabTitles</name>
    <message>
        <location filename="../views/tab_titles.py" line="14"/>
        <source>City overview</source>
        <translation>全市汇总</translation>
    </message>
    <message>
        <location filename="../views/tab_titles.py" line="14"/>
        <source>Overview</source>
        <translation>年度概况</translation>
    </message>
    <message>
        <location filename="../views/tab_titles.py" line="15"/>
        <source>Member roster</source>
        <translation>会员名册</translation>
    </message>
    <message>
        <location filename="../views/tab_titles.py" line="16"/>
        <source>Hardship support</source>
        <translation>困难帮扶</translation>
    </message>
    <message>
        <location filename="../views/tab_titles.py" line="17"/>
        <source>Shuttle buses home</source>
        <translation>返乡专车</translation>
    </message>
    <message>
        <location filename="../views/tab_titles.py" line="18"/>
        <source>Rest stations</source>
        <translation>爱心驿家</translation>
    </message>
</context>
<context>
    <name>_KeptDisabled</name>
    <message>
        <location filename="../views/panel.py" line="132"/>
        <source>Township records are read-only at the city office: a township corrects its own records and sends a new package.</source>
        <translation>市总工会库中乡镇的记录只读：由乡镇修改后重新报送数据包。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../app.py" line="73"/>
        <source>union_desk met an unexpected problem; what you were doing was not completed.
The details were written to the log file {0}</source>
        <translation>程序遇到意外问题，刚才的操作没有完成。
详细信息已记录在日志文件 {0}</translation>
    </message>
    <message>
        <location filename="../app.py" line="216"/>
        <source>This database is already open in another union_desk window:
{0}</source>
        <translation>该数据库已在另一个 union_desk 窗口中打开：
{0}</translation>
    </message>
    <message>
        <location filename="../app.py" line="307"/>
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
        <location filename="../views/ops.py" line="239"/>
        <source>The operation did not complete; nothing was changed.
The details were written to the log file {0}</source>
        <translation>操作没有完成，数据未作任何改动。
详细信息已记录在日志文件 {0}</translation>
    </message>
    <message>
        <location filename="../views/ops.py" line="245"/>
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
