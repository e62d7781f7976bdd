"""Cooking classes and basement bookings: the rooms' schedule (:mod:`.schedule`), bookings with
the waitlist (:mod:`.bookings`), paying them at the till (:mod:`.booking_payment`), the kitchen's
prep and held sessions (:mod:`.prep`), the booking rules (:mod:`.policy`) and the PDF rosters
(:mod:`.rosters`). Services take a unit of work."""
