"""Reading ``imsmanifest.xml`` of SCORM 1.2 and SCORM 2004 packages.

Elements and attributes are matched by their local names, so the parser does
not care which namespace URIs (or prefixes) an authoring tool wrote::

    manifest = parse_manifest(package.read("imsmanifest.xml"))
    manifest.version, manifest.scos[0]["launch"]

:class:`~content_packages.archives.PackageError` names what is wrong with a manifest that
cannot be launched.
"""

import posixpath
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

from content_packages.archives import PackageError

MANIFEST = "imsmanifest.xml"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


@dataclass
class Manifest:
    """What a package offers: its version, title and launchable SCOs in order."""

    version: str  # "1.2" or "2004"
    title: str
    schema_version: str
    # One dict per launchable item of the default organisation: identifier,
    # title, launch (path inside the package), parameters, mastery (0-1 or None)
    # sco (False for an asset, which is shown but does not talk to the runtime),
    # visible (isvisible), flow and choice (the parent cluster's controlMode)
    # completion_threshold (0-1 or None) and objectives (2004 objective ids,
    # which the runtime must offer in cmi.objectives).
    scos: list = field(default_factory=list)
    organisation: str = ""


def _local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attr(element, name):
    """The attribute whose local name is ``name`` (any namespace, any case)."""
    wanted = name.lower()
    for key, value in element.attrib.items():
        if _local(key).lower() == wanted:
            return value
    return None


def _children(element, name):
    return [child for child in element if _local(child.tag) == name]


def _child(element, name):
    found = _children(element, name)
    return found[0] if found else None


def _text(element, name):
    child = _child(element, name) if element is not None else None
    return (child.text or "").strip() if child is not None else ""


def _descendants(element, name):
    return [node for node in element.iter() if _local(node.tag) == name]


def _join_base(*parts):
    path = ""
    for part in parts:
        if not part:
            continue
        path = part if path == "" else posixpath.join(path, part)
    return path


def _normalised(href):
    """A package-relative path for ``href`` or None when it leaves the package."""
    split = urlsplit(href)
    if split.scheme or split.netloc:
        return None, ""
    path = posixpath.normpath(unquote(split.path)) if split.path else ""
    if not path or path.startswith("/") or path == ".." or path.startswith("../"):
        return None, ""
    return path, split.query


def _control_mode(cluster):
    """(flow, choice) of ``imsss:sequencing/imsss:controlMode`` on a cluster.

    IMS SS defaults to flow="false"; an LMS that offers no way forward would
    strand packages that say nothing (every SCORM 1.2 one), so flow is on
    unless the manifest turns it off.
    """
    sequencing = _child(cluster, "sequencing")
    mode = _child(sequencing, "controlMode") if sequencing is not None else None
    if mode is None:
        return True, True
    flow = (_attr(mode, "flow") or "true").strip().lower() != "false"
    choice = (_attr(mode, "choice") or "true").strip().lower() != "false"
    return flow, choice


def _completion_threshold(item):
    """``adlcp:completionThreshold`` (3rd edition text or 4th edition attribute), or None."""
    element = _child(item, "completionThreshold")
    if element is None:
        return None
    raw = (element.text or "").strip()  # 3rd edition: the threshold itself
    if not raw:  # 4th edition: used only when completedByMeasure="true"
        if (_attr(element, "completedByMeasure") or "false").strip().lower() != "true":
            return None
        raw = _attr(element, "minProgressMeasure") or "1.0"
    try:
        return min(max(float(raw), 0.0), 1.0)
    except ValueError:
        return None


def parse_manifest(data):
    """Parse the bytes of ``imsmanifest.xml``; return a :class:`Manifest`."""
    try:
        root = fromstring(data, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError):
        raise PackageError(_("imsmanifest.xml is not well-formed XML.")) from None
    if _local(root.tag) != "manifest":
        raise PackageError(_("imsmanifest.xml has no <manifest> element."))

    metadata = _child(root, "metadata")
    schema_version = _text(metadata, "schemaversion")
    namespaces = " ".join(
        [root.tag, *(str(v) for v in root.attrib.values())]
        + [node.tag for node in root.iter() if isinstance(node.tag, str)][:200]
    )
    if schema_version.startswith("1.2") or "adlcp_rootv1p2" in namespaces:
        version = "1.2"
    elif (
        schema_version.startswith("2004")
        or schema_version.startswith("CAM 1.3")
        or "adlcp_v1p3" in namespaces
    ):
        version = "2004"
    else:
        version = "1.2" if "imscp_rootv1p1p2" in namespaces else "2004"

    resources_element = _child(root, "resources")
    resources = {}
    for resource in (
        _children(resources_element, "resource") if resources_element is not None else []
    ):
        identifier = _attr(resource, "identifier")
        if identifier:
            resources[identifier] = resource
    root_base = root.get(XML_BASE) or ""

    organisations = _child(root, "organizations")
    orgs = _children(organisations, "organization") if organisations is not None else []
    default_id = _attr(organisations, "default") if organisations is not None else None
    organisation = next((org for org in orgs if _attr(org, "identifier") == default_id), None)
    if organisation is None and orgs:
        organisation = orgs[0]

    def sco_for(item, resource):
        # Items that point at an asset are launched too; they just never call the API.
        scormtype = (_attr(resource, "scormtype") or "asset").lower()
        href = _attr(resource, "href")
        if not href:
            return None
        base = _join_base(
            root_base, resources_element.get(XML_BASE) or "", resource.get(XML_BASE) or ""
        )
        launch, query = _normalised(_join_base(base, href))
        if launch is None:
            raise PackageError(
                _("The launch address “%(href)s” points outside the package.") % {"href": href}
            )
        parameters = (_attr(item, "parameters") or "") if item is not None else ""
        mastery = None
        if item is not None:
            if version == "1.2":
                raw = _text(item, "masteryscore")
                if raw:
                    try:
                        mastery = min(max(float(raw) / 100, 0.0), 1.0)
                    except ValueError:
                        mastery = None
            else:
                for objective in _descendants(item, "primaryObjective"):
                    if (_attr(objective, "satisfiedByMeasure") or "").lower() == "true":
                        raw = _text(objective, "minNormalizedMeasure") or "1.0"
                        try:
                            mastery = min(max(float(raw), -1.0), 1.0)
                        except ValueError:
                            mastery = None
        objectives = []
        if item is not None and version == "2004":
            for objective in _descendants(item, "primaryObjective") + _descendants(
                item, "objective"
            ):
                identifier = (_attr(objective, "objectiveID") or "").strip()
                if identifier and identifier not in objectives:
                    objectives.append(identifier[:4000])
        query = "&".join(part.lstrip("?&") for part in (query, parameters) if part.lstrip("?&"))
        return {
            "identifier": (_attr(item, "identifier") if item is not None else None)
            or _attr(resource, "identifier"),
            "title": _text(item, "title") if item is not None else "",
            "launch": launch,
            "parameters": query,
            "mastery": mastery,
            "sco": scormtype == "sco",
            "objectives": objectives,
        }

    scos = []

    def walk(parent, controls):
        # The controlMode of a cluster (the organisation or an item with
        # children) governs how its children may be reached.
        for item in _children(parent, "item"):
            ref = _attr(item, "identifierref")
            resource = resources.get(ref) if ref else None
            sco = sco_for(item, resource) if resource is not None else None
            if sco:
                sco["title"] = sco["title"] or sco["identifier"]
                sco["visible"] = (_attr(item, "isvisible") or "true").strip().lower() != "false"
                sco["flow"], sco["choice"] = controls
                sco["completion_threshold"] = _completion_threshold(item)
                scos.append(sco)
            walk(item, _control_mode(item))

    if organisation is not None:
        walk(organisation, _control_mode(organisation))
    if not scos:
        raise PackageError(_("The package has no launchable SCO in its organisation."))
    title = (_text(organisation, "title") if organisation is not None else "") or scos[0]["title"]
    return Manifest(
        version=version,
        title=title[:255],
        schema_version=schema_version[:64],
        scos=scos,
        organisation=(_attr(organisation, "identifier") or "") if organisation is not None else "",
    )
