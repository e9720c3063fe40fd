"""Investment and technology transfer: KITB opportunities, the investor pipeline, technology-
transfer projects (issue 12).
"""
