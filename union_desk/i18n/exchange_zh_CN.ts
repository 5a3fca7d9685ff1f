<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../views/exchange/install.py" line="44"/>
        <source>Import township packages…</source>
        <translation>导入乡镇数据包…</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="56"/>
        <source>Export for the city office…</source>
        <translation>导出给市总工会…</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="61"/>
        <source>City office public key…</source>
        <translation>市总工会公钥…</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="72"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="75"/>
        <source>Show township:</source>
        <translation>查看乡镇：</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="76"/>
        <source>All townships</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="79"/>
        <source>  (township records are read-only here)</source>
        <translation>  （乡镇的记录在这里只读）</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="108"/>
        <source>Township packages</source>
        <translation>乡镇数据包</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="109"/>
        <source>Township packages (*{0});;All files (*)</source>
        <translation>乡镇数据包 (*{0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="115"/>
        <source>Export for the city office</source>
        <translation>导出给市总工会</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="116"/>
        <source>Package (*{0})</source>
        <translation>数据包 (*{0})</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="120"/>
        <location filename="../views/exchange/install.py" line="127"/>
        <source>City office public key</source>
        <translation>市总工会公钥</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="121"/>
        <source>Key file (*.json);;All files (*)</source>
        <translation>公钥文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="125"/>
        <source>Public key of {0}

Fingerprint: {1}

Read the fingerprint to the city office by phone. Do they see the same?</source>
        <translation>{0} 的公钥

指纹：{1}

请打电话向市总工会读出这串指纹。对方看到的是否相同？</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="152"/>
        <source>Exporting for the city office…</source>
        <translation>正在导出给市总工会…</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="157"/>
        <source>Package No. {0} saved to {1}
{2} records, encrypted to the city office&apos;s key {3}.
Carry this file to the city office (USB stick or e-mail); it cannot be read without the city office&apos;s key.</source>
        <translation>第 {0} 号数据包已保存到 {1}
共 {2} 条记录，已加密给市总工会公钥 {3}。
请把这个文件交给市总工会（U 盘或邮件）；没有市总工会的密钥无法读取。</translation>
    </message>
    <message>
        <location filename="../views/exchange/install.py" line="178"/>
        <source>The city office&apos;s key {0} is kept; exports are encrypted to it.</source>
        <translation>已保存市总工会公钥 {0}；导出的数据包将加密给它。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="27"/>
        <source>Import township packages</source>
        <translation>导入乡镇数据包</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="30"/>
        <source>Each package is checked (signature, city key, version, every record) and merged on its own: all of it or nothing. Merging a package twice changes nothing.</source>
        <translation>每个数据包单独检查（签名、市总工会密钥、版本、每条记录）并单独合并：要么全部合并，要么一条不写。同一个数据包合并两次不会重复。</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="34"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="34"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="34"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="34"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="35"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="35"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="35"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="35"/>
        <source>Removed</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="36"/>
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="36"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="38"/>
        <source>waiting</source>
        <translation>等待合并</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="42"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="58"/>
        <source>Merging township packages…</source>
        <translation>正在合并乡镇数据包…</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="74"/>
        <source>first package: signing key {0} registered</source>
        <translation>首次收到：已登记签名密钥 {0}</translation>
    </message>
    <message>
        <location filename="../views/exchange/merge_dialog.py" line="79"/>
        <source>{0} merged, {1} refused.</source>
        <translation>已合并 {0} 个，拒收 {1} 个。</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <location filename="../views/exchange/review_panel.py" line="25"/>
        <source>Show resolved items</source>
        <translation>显示已处理的</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="27"/>
        <source>Resolve…</source>
        <translation>处理…</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="32"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="32"/>
        <source>Townships</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="32"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="32"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="33"/>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="36"/>
        <source>Merged at</source>
        <translation>合并时间</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="36"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="36"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="36"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="37"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="37"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="37"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="37"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="38"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="40"/>
        <location filename="../views/exchange/review_panel.py" line="64"/>
        <source>Review list</source>
        <translation>复核清单</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="52"/>
        <source>Merge history</source>
        <translation>合并记录</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="83"/>
        <source>{0} items</source>
        <translation>共 {0} 条</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="92"/>
        <source>Resolve</source>
        <translation>处理复核事项</translation>
    </message>
    <message>
        <location filename="../views/exchange/review_panel.py" line="93"/>
        <source>{0}

How was it resolved?</source>
        <translation>{0}

处理结果：</translation>
    </message>
</context>
<context>
    <name>VoucherCheckTab</name>
    <message>
        <location filename="../views/exchange/voucher_check.py" line="24"/>
        <source>Scan a voucher&apos;s QR code here (or type it), then Enter</source>
        <translation>在此扫描（或输入）凭证二维码，然后按回车</translation>
    </message>
    <message>
        <location filename="../views/exchange/voucher_check.py" line="28"/>
        <source>Check a paper voucher</source>
        <translation>核验纸质凭证</translation>
    </message>
    <message>
        <location filename="../views/exchange/voucher_check.py" line="31"/>
        <source>A township&apos;s voucher carries a QR code with its number, amount and a check code. The check tells whether the paper matches the payment the township sent.</source>
        <translation>乡镇打印的凭证带有二维码（凭证号、金额和校验码）。核验可知纸质凭证是否与乡镇报送的发放记录一致。</translation>
    </message>
    <message>
        <location filename="../views/exchange/voucher_check.py" line="41"/>
        <source>Check vouchers</source>
        <translation>核验凭证</translation>
    </message>
    <message>
        <location filename="../views/exchange/voucher_check.py" line="53"/>
        <source>Voucher {0}, {1}</source>
        <translation>凭证 {0}，{1}</translation>
    </message>
    <message>
        <location filename="../views/exchange/voucher_check.py" line="55"/>
        <source>Recipient {0}, amount on file {1}, paid on {2}</source>
        <translation>领款人 {0}，记录金额 {1}，发放日期 {2}</translation>
    </message>
    <message>
        <location filename="../views/exchange/voucher_check.py" line="58"/>
        <source>Amount in the QR code {0}</source>
        <translation>二维码金额 {0}</translation>
    </message>
</context>
</TS>
