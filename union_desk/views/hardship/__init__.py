"""困难帮扶 tab: households, payments, vouchers and their dialogs."""
