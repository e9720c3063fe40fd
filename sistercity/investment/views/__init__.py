"""Thin pages: the public prospectus, the pipeline (leads, companies, delegations,
opportunities, realised investment, exports), technology transfer, a company's own dossier."""
