"""A PO file uploaded to a translation is read here before wagtail-localize sees it.

wagtail-localize's upload view reads the header that names the translation
without checking it is there: a valid PO file without it (one made by any PO
editor from scratch) answered 500. This view, mounted by the site at the same
address ahead of the admin's URLs, refuses such a file (or a missing one) with
the admin's usual message and hands every other upload to wagtail-localize,
which checks the permission and the header's value itself.
"""

import polib
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import require_admin_access
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.views.edit_translation import upload_pofile

HEADER = "X-WagtailLocalize-TranslationID"
MAX_BYTES = 5 * 1024 * 1024


@require_admin_access
@require_POST
def guarded_upload_pofile(request, translation_id):
    upload = request.FILES.get("file")
    refusal = None
    if upload is None or upload.size > MAX_BYTES:
        refusal = _("Please upload a valid PO file.")
    else:
        try:
            # polib reads a string naming an existing file as that file: a leading
            # newline keeps the upload's content from ever being taken for a path.
            po = polib.pofile("\n" + upload.read().decode("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            po = None
        upload.seek(0)
        if po is None:
            refusal = _("Please upload a valid PO file.")
        elif HEADER not in po.metadata:
            refusal = _("Cannot import PO file that was created for a different translation.")
    if refusal is None:
        return upload_pofile(request, translation_id)
    messages.error(request, refusal)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
