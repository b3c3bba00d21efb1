"""The VET module pack: competence-based training for vocational education.

Its competency framework follows the shape of competence-based training
(occupational standard → units → learning outcomes → assessment criteria),
mapped to the lessons of its starter course for VET instructors. It plugs in
through :mod:`courses.packs`; nothing in the core imports it.
"""
