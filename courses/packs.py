"""Extension points through which module packs add to the platform without ``courses`` knowing them.

A module pack (an app under ``modules/``) subclasses :class:`ModulePackConfig`
and, in its ``ready()``, registers what it brings::

    from courses import packs

    class MyPackConfig(packs.ModulePackConfig):
        name = "modules.my_pack"
        label = "my_pack"
        urls = "modules.my_pack.urls"        # mounted at /packs/my-pack/

        def ready(self):
            super().ready()
            from .blocks import WorksheetBlock
            packs.register_lesson_block("worksheet", WorksheetBlock())
            packs.register_starter_content(self.label, build_starter_content)

Lesson bodies are :class:`ExtensibleStreamBlock`s: registered blocks join
their choices at run time, but are left out of the field's deconstruction, so
migrations never mention a pack's blocks and adding or removing a pack never
makes ``makemigrations`` dirty. The activity apps (``quizzes``, ``h5p``,
``scorm``) register their blocks the same way.

Content that holds a block of an app or pack that is not installed keeps it:
each such child loads as an :class:`UnavailableBlock` (learners see "This
activity is not available on this site", editors a read-only panel), and is
written back with its own type and value when the page is saved, so installing
the app again brings the block back. The lesson also tells its editors which
types are missing (:attr:`ExtensibleStreamBlock.unavailable_types`).
"""

from __future__ import annotations

import json
import weakref
from collections import defaultdict
from collections.abc import Callable

from django import forms
from django.apps import AppConfig, apps
from django.core.exceptions import ValidationError
from django.urls import include, path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register as register_adapter
from wagtail.blocks.stream_block import StreamBlockAdapter
from wagtail.fields import StreamField

LESSON_BODY = "lesson_body"
# The stream child that stands in for a block whose app or pack is not installed.
UNAVAILABLE = "unavailable_block"

_blocks: dict[str, dict[str, blocks.Block]] = defaultdict(dict)
# ``{extension point: {block name: {"max_num": n}}}``: how often a registered block may appear.
_block_counts: dict[str, dict[str, dict]] = defaultdict(dict)
# Blocks define __eq__ (so are unhashable): keep weak references in lists.
_stream_blocks: dict[str, list[weakref.ref]] = defaultdict(list)
_starters: dict[str, Callable] = {}


class UnavailableValue:
    """A block of a type this site does not know: its stored ``type`` and raw ``value``."""

    def __init__(self, block_type, value):
        self.block_type = block_type
        self.value = value

    @classmethod
    def from_raw(cls, raw):
        raw = raw if isinstance(raw, dict) else {}
        return cls(str(raw.get("type") or ""), raw.get("value"))

    def as_raw(self):
        return {"type": self.block_type, "value": self.value}

    def __eq__(self, other):
        return isinstance(other, UnavailableValue) and self.as_raw() == other.as_raw()

    def __repr__(self):
        return f"<UnavailableValue {self.block_type!r}>"


class UnavailableBlockWidget(forms.Widget):
    """A read-only notice carrying the block's stored JSON in a hidden input."""

    template_name = "courses/widgets/unavailable_block.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        try:
            context["block_type"] = json.loads(value or "{}").get("type", "")
        except (ValueError, AttributeError):
            context["block_type"] = ""
        return context


class UnavailableBlock(blocks.FieldBlock):
    """Stands in for a block of an app or pack that is not installed; keeps it as stored.

    Never offered in the editor's block menu; its value round-trips through the
    editor form as JSON and is written back under its own type by
    :meth:`ExtensibleStreamBlock.get_prep_value`.
    """

    def __init__(self, **kwargs):
        self.field = forms.CharField(required=False, widget=UnavailableBlockWidget())
        super().__init__(**kwargs)

    def get_default(self):
        return None

    def to_python(self, value):
        return value if isinstance(value, UnavailableValue) else UnavailableValue.from_raw(value)

    def bulk_to_python(self, values):
        return [self.to_python(value) for value in values]

    def get_prep_value(self, value):
        return value.as_raw() if isinstance(value, UnavailableValue) else None

    def value_for_form(self, value):
        return json.dumps(value.as_raw()) if isinstance(value, UnavailableValue) else ""

    def value_from_form(self, value):
        try:
            raw = json.loads(value) if value else None
        except ValueError:
            raw = None
        return UnavailableValue.from_raw(raw) if isinstance(raw, dict) else None

    def get_api_representation(self, value, context=None):
        return None

    def get_searchable_content(self, value):
        return []

    class Meta:
        icon = "warning"
        label = _("Not available on this site")
        template = "courses/blocks/unavailable.html"


class ExtensibleStreamBlock(blocks.StreamBlock):
    """A StreamBlock whose choices packs extend through :func:`register_block`.

    ``extension_point`` names the registry it reads; its own declared blocks
    are its "core" blocks, the only ones frozen into migrations.
    """

    extension_point = None

    def __init__(self, local_blocks=None, **kwargs):
        super().__init__(local_blocks, **kwargs)
        self.core_block_names = tuple(self.child_blocks)
        unavailable = UnavailableBlock()
        unavailable.set_name(UNAVAILABLE)
        self.child_blocks[UNAVAILABLE] = unavailable
        if self.extension_point:
            _stream_blocks[self.extension_point].append(weakref.ref(self))
            counts = _block_counts[self.extension_point]
            for name, block in _blocks[self.extension_point].items():
                self._add_pack_block(name, block, counts.get(name))

    def _add_pack_block(self, name, block, counts=None):
        if name in self.core_block_names or name == UNAVAILABLE:
            raise ValueError(f"{name!r} is a core block of {type(self).__name__}")
        block.set_name(name)
        self.child_blocks[name] = block
        # meta is this instance's own; its block_counts dict may be the class's: copy it.
        block_counts = {k: v for k, v in self.meta.block_counts.items() if k != name}
        if counts:
            block_counts[name] = dict(counts)
        self.meta.block_counts = block_counts

    def _remove_pack_block(self, name):
        if name not in self.core_block_names and name != UNAVAILABLE:
            self.child_blocks.pop(name, None)
            self.meta.block_counts = {k: v for k, v in self.meta.block_counts.items() if k != name}

    def core_child_blocks(self):
        return [(name, self.child_blocks[name]) for name in self.core_block_names]

    def deconstruct(self):
        return ("wagtail.blocks.StreamBlock", [self.core_child_blocks()], self._constructor_kwargs)

    def deconstruct_with_lookup(self, lookup):
        child_blocks = [(name, lookup.add_block(block)) for name, block in self.core_child_blocks()]
        return ("wagtail.blocks.StreamBlock", [child_blocks], self._constructor_kwargs)

    def grouped_child_blocks(self):
        # The stand-in for missing blocks is never offered in the block menu.
        return [
            (group, [block for block in child_blocks if block.name != UNAVAILABLE])
            for group, child_blocks in super().grouped_child_blocks()
        ]

    def _is_known(self, block_type):
        return block_type in self.child_blocks and block_type != UNAVAILABLE

    def _stand_in(self, child):
        """The stored child as stored, or an :class:`UnavailableBlock` child holding it."""
        if self._is_known(child.get("type")) or child.get("type") == UNAVAILABLE:
            return child
        stand_in = {
            "type": UNAVAILABLE,
            "value": {"type": child.get("type"), "value": child.get("value")},
        }
        if child.get("id"):
            stand_in["id"] = child["id"]
        return stand_in

    def to_python(self, value):
        raw = value
        if isinstance(raw, str) and raw:
            try:
                raw = json.loads(raw)
            except ValueError:
                return super().to_python(value)
        if isinstance(raw, list) and raw and isinstance(raw[0], dict):
            stream = super().to_python([self._stand_in(child) for child in raw])
            stream.unavailable_types = sorted(
                {child.get("type") for child in raw if not self._is_known(child.get("type"))}
            )
            return stream
        return super().to_python(value)

    def bulk_to_python(self, values):
        return super().bulk_to_python(
            [[self._stand_in(child) for child in stream] for stream in values]
        )

    def clean(self, value):
        """A stand-in keeps only a block of a type this site does not know, as it came."""
        errors = {}
        for index, child in enumerate(value or []):
            if child.block_type != UNAVAILABLE:
                continue
            kept = child.value
            if (
                not isinstance(kept, UnavailableValue)
                or not kept.block_type.isidentifier()
                or kept.block_type == UNAVAILABLE
                or self._is_known(kept.block_type)
            ):
                errors[index] = ValidationError(
                    _("This block cannot be kept: it is not a block of a missing app.")
                )
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return super().clean(value)

    def get_prep_value(self, value):
        """The stream as stored; a missing app's block goes back under its own type."""
        prep = super().get_prep_value(value)
        for index, child in enumerate(prep):
            if child.get("type") == UNAVAILABLE and isinstance(child.get("value"), dict):
                kept = {"type": child["value"].get("type"), "value": child["value"].get("value")}
                if child.get("id"):
                    kept["id"] = child["id"]
                prep[index] = kept
        return prep


class ExtensibleStreamBlockAdapter(StreamBlockAdapter):
    """The editor knows the stand-in for missing blocks (to show and keep them) but never
    offers it in the block menu."""

    js_constructor = "courses.ExtensibleStreamBlock"

    def js_args(self, block):
        name, groups, initial_states, meta = super().js_args(block)
        return [name, groups, initial_states, meta, [block.child_blocks[UNAVAILABLE]]]

    @cached_property
    def media(self):
        return super().media + forms.Media(
            js=[versioned_static("courses/js/extensible-stream-block.js")]
        )


register_adapter(ExtensibleStreamBlockAdapter(), ExtensibleStreamBlock)


class ExtensibleStreamField(StreamField):
    """A StreamField of an :class:`ExtensibleStreamBlock` that migrations see as a plain one.

    It deconstructs as ``wagtail.fields.StreamField`` with the core blocks
    only: whatever packs are installed, the migration state is the same.
    """

    def deconstruct(self):
        name, _path, _args, kwargs = super().deconstruct()
        stream_block = self.stream_block
        if isinstance(stream_block, ExtensibleStreamBlock):
            from wagtail.blocks.definition_lookup import BlockDefinitionLookupBuilder

            lookup = BlockDefinitionLookupBuilder()
            args = [
                [
                    (child_name, lookup.add_block(block))
                    for child_name, block in stream_block.core_child_blocks()
                ]
            ]
            kwargs["block_lookup"] = lookup.get_lookup_as_dict()
        else:
            args = _args
        return name, "wagtail.fields.StreamField", args, kwargs


def _live_stream_blocks(extension_point):
    refs = [ref for ref in _stream_blocks[extension_point] if ref() is not None]
    _stream_blocks[extension_point] = refs
    return [ref() for ref in refs]


def register_block(extension_point, name, block, *, max_num=None):
    """Offer ``block`` under ``name`` in every stream block of ``extension_point``.

    ``max_num`` limits how many such blocks one stream holds (Wagtail's
    ``block_counts``). Raises ``ValueError`` (and registers nothing) when
    ``name`` is a core block's.
    """
    stream_blocks = _live_stream_blocks(extension_point)
    for stream_block in stream_blocks:
        if name in stream_block.core_block_names:
            raise ValueError(f"{name!r} is a core block of {type(stream_block).__name__}")
    _blocks[extension_point][name] = block
    counts = {"max_num": max_num} if max_num is not None else None
    if counts:
        _block_counts[extension_point][name] = counts
    else:
        _block_counts[extension_point].pop(name, None)
    for stream_block in stream_blocks:
        stream_block._add_pack_block(name, block, counts)


def unregister_block(extension_point, name):
    """Withdraw a block (used by tests that act as if its pack were not installed)."""
    _blocks[extension_point].pop(name, None)
    _block_counts[extension_point].pop(name, None)
    for stream_block in _live_stream_blocks(extension_point):
        stream_block._remove_pack_block(name)


def registered_blocks(extension_point):
    return dict(_blocks[extension_point])


def registered_block_counts(extension_point):
    """``{name: {"max_num": n}}`` of the registered blocks that are limited."""
    return {name: dict(counts) for name, counts in _block_counts[extension_point].items()}


def register_lesson_block(name, block, *, max_num=None):
    """Offer ``block`` in lesson bodies (:class:`courses.blocks.LessonBodyBlock`).

    Lesson bodies are also the guidance pages' bodies (``pages.GuidancePage``).
    """
    register_block(LESSON_BODY, name, block, max_num=max_num)


def register_starter_content(pack_label, builder):
    """``builder(catalogue, stdout)`` builds the pack's starter content, idempotently."""
    _starters[pack_label] = builder


def starter_content():
    """Builders of the installed packs, in ``INSTALLED_APPS`` order."""
    order = [config.label for config in apps.get_app_configs()]
    return [(label, _starters[label]) for label in order if label in _starters]


class ModulePackConfig(AppConfig):
    """Base app config of a module pack.

    ``urls`` (a dotted module path) is mounted at ``/packs/<url_prefix>/``
    by :func:`pack_urlpatterns`, only while the pack is installed.
    """

    # Imported into each pack's apps.py, so never picked by itself: packs set default = True.
    default = False
    default_auto_field = "django.db.models.BigAutoField"
    urls = None
    url_prefix = None


def may_study(user, lesson):
    """Whether ``user`` may work in ``lesson`` (a lesson page): :func:`lms.access.study_access`.

    The public check for packs whose blocks keep a learner's own work: enrolled
    learners of a lesson that is live and open to them, and its editors, who
    preview it. Work is kept only for the first: ask ``lms.access`` itself
    (``study_access(...).recorded``) before saving any.
    """
    from lms.access import study_access

    return study_access(user, lesson.lesson_uuid, page=lesson).allowed


def installed_packs():
    return [config for config in apps.get_app_configs() if isinstance(config, ModulePackConfig)]


def pack_urlpatterns():
    """URL patterns of the installed packs, for the site's URLconf."""
    return [
        path(f"packs/{config.url_prefix or config.label}/", include(config.urls))
        for config in installed_packs()
        if config.urls
    ]
