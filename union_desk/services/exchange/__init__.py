"""The exchange between a township and the city office (建德市总工会): signed, encrypted package
files (package.py), the township's export (export.py), the city's merge (merge.py), trusted
signing keys (trust.py), review queue (review.py) and voucher QR verification (vouchers.py).
See README and DEVELOPING.md, "The exchange", for the format and the decisions behind it."""
