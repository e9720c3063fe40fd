"""Fire and emergency services: fleet, the foreign-grant procedure, crews, incidents, coverage
(issue 13).
"""
