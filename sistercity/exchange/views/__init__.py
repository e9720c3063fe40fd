"""Thin pages: validate with a form, call a service or selector, render or redirect.

By sub-domain, as the services: ``calls`` (public pages, the workspace and set-up),
``applications`` (the applicant's pages and file downloads), ``review``, ``runs`` (allocation)
and ``participants`` (offers, readiness, after return). ``exchange/urls.py`` names them.
"""
