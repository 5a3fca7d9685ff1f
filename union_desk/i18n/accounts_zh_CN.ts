<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../views/accounts/manage.py" line="24"/>
        <source>Accounts</source>
        <translation>账户管理</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="30"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="30"/>
        <location filename="../views/accounts/manage.py" line="141"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="30"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="30"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="31"/>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="36"/>
        <source>New account…</source>
        <translation>新增账户…</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="37"/>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="38"/>
        <source>Set password…</source>
        <translation>设置密码…</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="39"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="40"/>
        <source>Reactivate</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="41"/>
        <source>Allow sign-in again</source>
        <translation>解除登录暂停</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="62"/>
        <source>in use</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="62"/>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="63"/>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="63"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="70"/>
        <source>paused until {0} ({1} wrong passwords in a row)</source>
        <translation>暂停登录至 {0}（连续 {1} 次密码错误）</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="73"/>
        <source>{0} wrong passwords in a row</source>
        <translation>连续 {0} 次密码错误</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="79"/>
        <source>Choose one account in the list first.</source>
        <translation>请先在列表中选择一个账户。</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="108"/>
        <source>Deactivate the account of {0}? They can no longer sign in; what they did stays on record under their name.</source>
        <translation>停用 {0} 的账户？停用后不能再登录；其经办的记录仍以其姓名保留。</translation>
    </message>
    <message>
        <location filename="../views/accounts/manage.py" line="140"/>
        <source>Role of {0}</source>
        <translation>{0} 的角色</translation>
    </message>
</context>
<context>
    <name>AccountsMenu</name>
    <message>
        <location filename="../views/accounts/menu.py" line="23"/>
        <source>&amp;Accounts</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../views/accounts/menu.py" line="25"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../views/accounts/menu.py" line="26"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location filename="../views/accounts/menu.py" line="27"/>
        <source>My password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <location filename="../views/accounts/menu.py" line="31"/>
        <source>Accounts…</source>
        <translation>账户管理…</translation>
    </message>
    <message>
        <location filename="../views/accounts/menu.py" line="32"/>
        <source>Review and lock settings…</source>
        <translation>审核与锁定设置…</translation>
    </message>
    <message>
        <location filename="../views/accounts/menu.py" line="34"/>
        <source>Audit log…</source>
        <translation>审计日志…</translation>
    </message>
    <message>
        <location filename="../views/accounts/menu.py" line="76"/>
        <source>With one account the window does not lock. Add a second account (Accounts…) and everyone signs in.</source>
        <translation>只有一个账户时窗口不锁定。新增第二个账户（账户管理…）后，每人须登录使用。</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location filename="../views/accounts/audit_window.py" line="43"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../views/accounts/audit_window.py" line="45"/>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../views/accounts/audit_window.py" line="47"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../views/accounts/audit_window.py" line="60"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../views/accounts/audit_window.py" line="63"/>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../views/accounts/audit_window.py" line="102"/>
        <source>{0} entries exported to {1}</source>
        <translation>已导出 {0} 条记录到 {1}</translation>
    </message>
    <message>
        <location filename="../views/accounts/audit_window.py" line="107"/>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../views/accounts/audit_window.py" line="109"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../views/accounts/audit_window.py" line="30"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../views/accounts/audit_window.py" line="31"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../views/accounts/audit_window.py" line="32"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../views/accounts/audit_window.py" line="33"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../views/accounts/audit_window.py" line="34"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../views/accounts/lock.py" line="37"/>
        <source>union_desk is locked</source>
        <translation>工作台已锁定</translation>
    </message>
    <message>
        <location filename="../views/accounts/lock.py" line="40"/>
        <source>The data stays open behind this screen. Sign in to go on working; another account may sign in too.</source>
        <translation>数据仍在后台打开，未做的工作不会丢失。请登录继续工作；也可以换另一个账户登录。</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../views/accounts/forms.py" line="27"/>
        <source>New account</source>
        <translation>新增账户</translation>
    </message>
    <message>
        <location filename="../views/accounts/forms.py" line="30"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../views/accounts/forms.py" line="35"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../views/accounts/forms.py" line="36"/>
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../views/accounts/forms.py" line="38"/>
        <source>Password again</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <location filename="../views/accounts/forms.py" line="42"/>
        <source>From now on everyone signs in. First give yourself ({0}) a password:</source>
        <translation>此后每人须登录使用。请先为您自己（{0}）设置密码：</translation>
    </message>
    <message>
        <location filename="../views/accounts/forms.py" line="44"/>
        <source>Your password</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <location filename="../views/accounts/forms.py" line="54"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../views/accounts/forms.py" line="67"/>
        <source>Password of {0}</source>
        <translation>{0} 的密码</translation>
    </message>
    <message>
        <location filename="../views/accounts/forms.py" line="72"/>
        <source>Current password</source>
        <translation>原密码</translation>
    </message>
    <message>
        <location filename="../views/accounts/forms.py" line="74"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../views/accounts/forms.py" line="76"/>
        <source>New password again</source>
        <translation>再输入一次新密码</translation>
    </message>
    <message>
        <location filename="../views/accounts/forms.py" line="84"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <location filename="../views/accounts/forms.py" line="93"/>
        <source>Review and lock settings</source>
        <translation>审核与锁定设置</translation>
    </message>
    <message>
        <location filename="../views/accounts/forms.py" line="96"/>
        <source>Vouchers must be reviewed (凭证须经审核)</source>
        <translation>凭证须经审核</translation>
    </message>
    <message>
        <location filename="../views/accounts/forms.py" line="101"/>
        <source>When on, a new payment waits for review until a reviewer (审核人) or head (负责人) other than the one who entered it approves it; until then it prints only as a draft marked 未审核. Payments entered before stay as they are.</source>
        <translation>开启后，新录入的发放记录为“待审核”，须由录入人以外的审核人或负责人审核通过；审核前只能打印标有“未审核”的草稿，不能作为凭证。开启前录入的记录保持原状。</translation>
    </message>
    <message>
        <location filename="../views/accounts/forms.py" line="110"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../views/accounts/forms.py" line="111"/>
        <source>Lock the window after</source>
        <translation>无操作自动锁定</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../views/accounts/sign_in.py" line="67"/>
        <source>Who is working?</source>
        <translation>谁在使用？</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <location filename="../views/accounts/sign_in.py" line="28"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../views/accounts/sign_in.py" line="33"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../views/accounts/sign_in.py" line="34"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
</TS>
