"""Pure business rules: identifiers, money, masking, search keys, townships (no I/O, no Qt)."""
