"""Template tags of the H5P block: the frame of a lesson's activity.

{% load h5p_tags %}
{% h5p_frame page.lesson_uuid activity as frame %}
{% if frame %}<iframe src="{{ frame.src }}" sandbox="{{ frame.sandbox }}" …>{% endif %}
"""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def h5p_frame(context, lesson_uuid, activity):
    """The player frame for the signed-in user (None without a request or a user)."""
    from ..views import player_frame

    request = context.get("request")
    if request is None or not lesson_uuid or activity is None:
        return None
    return player_frame(request, lesson_uuid, activity)
