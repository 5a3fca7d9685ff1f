"""Clerk accounts and what they may do (issue 10, four eyes on money).

- `passwords`: the slow hash (scrypt from the standard library) and the password rules;
- `accounts`: the accounts, who is working now (`current_account`), signing in, what a 负责人
  manages (add, role, password, deactivate — never a hard delete);
- `policy`: the settings a 负责人 sets (凭证须经审核, the idle time before the window locks);
- `reveals`: who may see full personal numbers through which door, with what reason;
- `audit_log`: the audit trail a 负责人 reads and exports (reveals, approvals, accounts).

This package sits below the working areas (they ask it who works and what is allowed) and
above settings and the open file (import-linter contract in pyproject.toml).
"""
