"""Management reports and settlement (issue 9). Not built yet.

The register X/Z reports live in posapp.sales.reports."""
