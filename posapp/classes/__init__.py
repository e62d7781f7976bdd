"""Cooking classes and basement bookings (issue 7). Not built yet."""
