"""The demo content set.

``manage.py seed_demo`` makes a fresh install look like a real programme.
"""
