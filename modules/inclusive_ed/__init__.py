"""The inclusive-education module pack.

Its lesson blocks (an individual education plan template the learner fills
in and downloads, an adaptation checklist, a case study with a reflection
prompt), its competency framework for teachers mapped to its lessons, and its
starter courses drawn from the programme's source documents. It plugs in
through :mod:`courses.packs`; nothing in the core imports it.
"""
