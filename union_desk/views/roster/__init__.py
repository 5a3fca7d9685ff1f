"""会员名册 tab and its dialogs."""
