"""Agricultural irrigation: schemes, climate data, crop water requirements, rotation, micro-hydro
(issue 14).
"""
