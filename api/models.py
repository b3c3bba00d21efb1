"""The API keeps no records of its own.

The xAPI statements a client sends are stored in the learning records' one
statement log (``lms.Statement``, written through :mod:`lms.statements`);
see :mod:`api.xapi`.
"""
