"""The clerks' accounts in the window: signing in, the lock screen, the 账户 menu (accounts,
review settings, the audit log, one's own password). Services: services/accounts."""
