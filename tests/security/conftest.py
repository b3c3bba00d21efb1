"""The standing abuse suite: each module replays an attack an outside test found.

Every case here failed on the code the attack was found on and must keep
passing; CI runs the suite on SQLite and PostgreSQL with the rest.
"""
