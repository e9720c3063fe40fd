"""Culture pages: the public's (``public``, ``feeds``) and the organisers' (``manage``)."""
