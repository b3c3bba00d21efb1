"""Who an xAPI actor names: the learner a statement is about, or someone else.

Every source of statements (the xAPI API, the H5P player) stores a statement
under the signed-in learner only when its ``actor`` names that learner::

    from lms.agents import names_learner

    names_learner({"mbox": "mailto:aysel@example.org"}, user, "https://learn.example")
"""

import hashlib
from urllib.parse import urlsplit

# The address the H5P player gives a learner (no real email leaves the site).
LEARNER_DOMAIN = "learners.invalid"
LEARNER_ADDRESS = "mailto:{pk}@" + LEARNER_DOMAIN


def learner_mboxes(user):
    """The mailto IRIs that name ``user``: their email and their learner address."""
    mboxes = {LEARNER_ADDRESS.format(pk=user.pk)}
    if user.email:
        mboxes.add(f"mailto:{user.email.lower()}")
    return mboxes


def names_learner(actor, user, site_origin):
    """Whether the (validated) xAPI ``actor`` is ``user``.

    An agent names the user by their email or learner address (``mbox`` or
    its SHA-1), or by their account on this site (``homePage`` the site's
    origin ``site_origin``, such as ``https://learn.example``; ``name`` their
    username or id). A group or an OpenID never does: a learner records only
    what they did themself.
    """
    if not isinstance(actor, dict) or actor.get("objectType", "Agent") != "Agent":
        return False
    mboxes = learner_mboxes(user)
    if isinstance(actor.get("mbox"), str):
        return actor["mbox"].lower() in mboxes
    if isinstance(actor.get("mbox_sha1sum"), str):
        digests = {hashlib.sha1(mbox.encode()).hexdigest() for mbox in mboxes}  # noqa: S324
        return actor["mbox_sha1sum"].lower() in digests
    account = actor.get("account")
    if isinstance(account, dict) and isinstance(account.get("homePage"), str):
        home, site = urlsplit(account["homePage"]), urlsplit(site_origin)
        same_site = (home.scheme, home.netloc.lower()) == (site.scheme, site.netloc.lower())
        return same_site and account.get("name") in (user.get_username(), str(user.pk))
    return False


def find_learner(actor, site_origin, people):
    """The person in ``people`` (a user queryset) that the ``actor`` names, or None.

    As :func:`names_learner`: an email or learner address (as ``mbox``), or
    an account on this site by username or id.
    """
    if not isinstance(actor, dict) or actor.get("objectType", "Agent") != "Agent":
        return None
    mbox = actor.get("mbox")
    if isinstance(mbox, str) and mbox.lower().startswith("mailto:"):
        address = mbox[len("mailto:") :]
        local, _at, domain = address.rpartition("@")
        if domain.lower() == LEARNER_DOMAIN and local.isdigit():
            return people.filter(pk=int(local)).first()
        return people.filter(email__iexact=address).first() if address else None
    account = actor.get("account")
    if isinstance(account, dict) and isinstance(account.get("name"), str):
        home, site = urlsplit(str(account.get("homePage", ""))), urlsplit(site_origin)
        if (home.scheme, home.netloc.lower()) != (site.scheme, site.netloc.lower()):
            return None
        name = account["name"]
        found = people.filter(username=name).first()
        if found is None and name.isdigit():
            found = people.filter(pk=int(name)).first()
        return found
    return None
