"""Check-ins after the work: planning them, the list of plans, and the reminders."""
