"""会员名册: grassroots unions and members, the roster's Excel import and export."""
