"""Writes and state transitions of the emergency app, by sub-domain. Each opens with
``core.access.require`` and works in one transaction with auditlog's actor set."""
