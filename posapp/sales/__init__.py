"""The sale engine: tickets, tenders, atomic sales, refunds, hold/recall, shifts, X/Z reports."""
