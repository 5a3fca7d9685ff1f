"""困难帮扶: household files, visits, payments, voucher numbers and printed vouchers."""
