"""Querysets compiled to SQL once per process, then run again with new values.

Django compiles a queryset to SQL each time it is evaluated. For the few small
reads made on every lesson view, compiling costs about ten times the
database's own work: the learner's enrolment joined with their record of the
lesson takes 1.1 ms to compile and 0.04 ms to run on SQLite
(docs/benchmarks.md). A :class:`PreparedQuery` builds its queryset once per
database with placeholder values, keeps the compiled SQL and the compiler,
and on each call runs the SQL with the call's values, turning rows into model
instances with the compiler's own converters, as Django's ``ModelIterable``
does. The SQL is Django's own; nothing is written by hand.

The compiler kept for each database converts the rows of every thread's
calls; converting reads only the connection's settings (its time zone), never
its cursor, so sharing it between threads is safe.

Reads of one model, with annotations and row locks (``select_for_update``,
inside a transaction as Django requires), are supported; not
``select_related``, nor values that change the SQL's shape (a ``None``
filter, a list for ``__in``).

Compiling once leans on the compiler's internals (``klass_info``,
``results_iter``), which Django does not promise to keep. ``LMS =
{"PREPARED_QUERIES": False}`` runs every such read through the ORM instead;
the tests render the hot pages both ways and compare them
(tests/pagecache/test_plain_path.py), and ``manage.py bench_internals``
measures what compiling once saves.
"""

import uuid
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router
from django.db.transaction import TransactionManagementError

from .conf import lms_settings


@dataclass(frozen=True)
class _Compiled:
    compiler: object
    sql: str
    params: tuple  # per parameter: (name, how to convert) or (None, constant)
    init_list: list
    model_slice: slice
    annotation_col_map: dict


class PreparedQuery:
    """``build(**values)`` returns the queryset; :meth:`first` runs it.

    ``placeholders`` gives each value name a stand-in of the same type used to
    compile the SQL once (an int, a UUID or a string that does not occur
    elsewhere in the query). Each parameter of the compiled SQL is matched to
    the name whose stand-in it carries, so the call's values take their places.
    """

    def __init__(self, model, build, **placeholders):
        self.model = model
        self.build = build
        self.placeholders = placeholders
        # A locking read goes where writes go, as Django's own does.
        self.locks = build(**placeholders).query.select_for_update
        self._compiled = {}

    def _compile(self, alias):
        queryset = self.build(**self.placeholders)
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        klass_info = compiler.klass_info
        if klass_info.get("related_klass_infos"):
            raise ImproperlyConfigured("A PreparedQuery reads one model, without related rows.")
        matched = tuple(self._match(param) for param in params)
        missing = set(self.placeholders) - {name for name, _how in matched if name}
        if missing:
            raise ImproperlyConfigured(f"Placeholders not found in the SQL: {sorted(missing)}")
        fields = klass_info["select_fields"]
        model_slice = slice(fields[0], fields[-1] + 1)
        compiled = _Compiled(
            compiler=compiler,
            sql=sql,
            params=matched,
            init_list=[column[0].target.attname for column in compiler.select[model_slice]],
            model_slice=model_slice,
            annotation_col_map=dict(compiler.annotation_col_map or {}),
        )
        self._compiled[alias] = compiled  # a race compiles twice, to the same SQL
        return compiled

    def _match(self, param):
        for name, stand_in in self.placeholders.items():
            if param == stand_in:
                return (name, None)
            if isinstance(stand_in, uuid.UUID) and param == stand_in.hex:
                return (name, "hex")  # SQLite stores UUIDs as 32 hex digits
        return (None, param)

    @staticmethod
    def _convert(value, how):
        return uuid.UUID(str(value)).hex if how == "hex" else value

    def first(self, using=None, **values):
        """The first instance the query finds with ``values``, or None."""
        route = router.db_for_write if self.locks else router.db_for_read
        alias = using or route(self.model)
        if self.locks and not connections[alias].in_atomic_block:
            raise TransactionManagementError(
                "select_for_update cannot be used outside of a transaction."
            )
        if None in values.values():
            # The ORM would write "IS NULL", a different statement from the compiled "= %s".
            raise ValueError("A PreparedQuery takes no None values.")
        if not lms_settings.PREPARED_QUERIES:
            return next(iter(self.build(**values).using(alias)[:1]), None)
        compiled = self._compiled.get(alias) or self._compile(alias)
        params = [
            self._convert(values[name], how) if name else how for name, how in compiled.params
        ]
        with connections[alias].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchmany(1)
        if not rows:
            return None
        [row] = compiled.compiler.results_iter(results=[rows])
        instance = self.model.from_db(alias, compiled.init_list, row[compiled.model_slice])
        for name, position in compiled.annotation_col_map.items():
            setattr(instance, name, row[position])
        return instance
