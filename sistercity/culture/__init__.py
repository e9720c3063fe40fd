"""Culture and tourism: events, registration, calendar feeds, destinations, visitor figures (issue
15).
"""
