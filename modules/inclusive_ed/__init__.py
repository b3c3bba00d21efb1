"""The inclusive-education module pack.

For now it holds the pack's starter content (:mod:`.starter`), two courses
drawn from the programme's source documents; its own blocks and competency
framework follow.
"""
