"""The words of the H5P player itself, in the learner's language.

An activity's own words (its buttons, its feedback) come with the activity, in
the language its author wrote it in. Around it, H5P core draws its own
controls and dialogs: the fullscreen button, the rights of use, the "this
content has changed" notice, the dialog when the connection drops. h5p-standalone
ships them in English only and merges its ``translations`` option over them
(``H5P.l10n``), so :func:`core_translations` gives them in the active language.
Download, embed and reuse are switched off (``h5p.views``), so their words are
not here.
"""

from django.utils.translation import gettext_lazy as _

# H5P core's l10n keys a learner can meet, with their English as h5p-standalone has it.
CORE = {
    "fullscreen": _("Fullscreen"),
    "disableFullscreen": _("Disable fullscreen"),
    "copyrights": _("Rights of use"),
    "copyrightInformation": _("Rights of use"),
    "copyrightsDescription": _("View copyright information for this content."),
    "close": _("Close"),
    "title": _("Title"),
    "author": _("Author"),
    "year": _("Year"),
    "source": _("Source"),
    "license": _("License"),
    "thumbnail": _("Thumbnail"),
    "noCopyrights": _("No copyright information available for this content."),
    "by": _("by"),
    "showMore": _("Show more"),
    "showLess": _("Show less"),
    "subLevel": _("Sublevel"),
    "contentChanged": _("This content has changed since you last used it."),
    "startingOver": _("You'll be starting over."),
    "confirmDialogHeader": _("Confirm action"),
    "confirmDialogBody": _(
        "Please confirm that you wish to proceed. This action is not reversible."
    ),
    "cancelLabel": _("Cancel"),
    "confirmLabel": _("Confirm"),
    "licenseU": _("Undisclosed"),
    "licenseCCBY": _("Attribution"),
    "licenseCCBYSA": _("Attribution-ShareAlike"),
    "licenseCCBYND": _("Attribution-NoDerivs"),
    "licenseCCBYNC": _("Attribution-NonCommercial"),
    "licenseCCBYNCSA": _("Attribution-NonCommercial-ShareAlike"),
    "licenseCCBYNCND": _("Attribution-NonCommercial-NoDerivs"),
    "licenseCC40": _("4.0 International"),
    "licenseCC30": _("3.0 Unported"),
    "licenseCC25": _("2.5 Generic"),
    "licenseCC20": _("2.0 Generic"),
    "licenseCC10": _("1.0 Generic"),
    "licenseGPL": _("General Public License"),
    "licenseV3": _("Version 3"),
    "licenseV2": _("Version 2"),
    "licenseV1": _("Version 1"),
    "licensePD": _("Public Domain"),
    "licenseCC010": _("CC0 1.0 Universal (CC0 1.0) Public Domain Dedication"),
    "licensePDM": _("Public Domain Mark"),
    "licenseC": _("Copyright"),
    "contentType": _("Content Type"),
    "licenseExtras": _("License Extras"),
    "changes": _("Changelog"),
    "connectionLost": _(
        "Connection lost. Results will be stored and sent when you regain connection."
    ),
    "connectionReestablished": _("Connection reestablished."),
    "resubmitScores": _("Attempting to submit stored results."),
    "offlineDialogHeader": _("Your connection to the server was lost"),
    "offlineDialogBody": _(
        "We were unable to send information about your completion of this task. "
        "Please check your internet connection."
    ),
    # H5P core puts the seconds in place of :num.
    "offlineDialogRetryMessage": _("Retrying in :num...."),
    "offlineDialogRetryButtonLabel": _("Retry now"),
    "offlineSuccessfulSubmit": _("Successfully submitted results."),
}


def core_translations():
    """h5p-standalone's ``translations`` option: H5P core's words in the active language."""
    return {"H5P": {key: str(text) for key, text in CORE.items()}}
