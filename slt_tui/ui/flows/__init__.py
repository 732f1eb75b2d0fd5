"""Flows that open forms and do what was asked: export, escalation, invitation, planning."""
