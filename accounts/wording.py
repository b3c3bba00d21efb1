"""Django's words on the account pages, translated here in the platform's one term each.

Django translates "Password" in Azerbaijani as *şifrə*, Django REST framework as
*parol*; whichever app comes first in ``INSTALLED_APPS`` wins each phrase, so the
sign-up form read "Parol" above "Şifrənin təsdiqi". The platform says *şifrə*, as
Django and the platform's own texts do ("şifrənizi bərpa edin"), in Russian
*пароль*. ``accounts`` comes before ``django.contrib.auth`` and
``rest_framework``, so its catalogue translates the phrases the account pages
show (marked below for ``makemessages``) in those words.
"""

from django.utils.translation import gettext_noop

# The labels and help texts of django.contrib.auth's forms the account pages render.
DJANGO_PHRASES = (
    gettext_noop("Password"),
    gettext_noop("Password confirmation"),
    gettext_noop("Enter the same password as before, for verification."),
    gettext_noop("Old password"),
    gettext_noop("New password"),
    gettext_noop("New password confirmation"),
    gettext_noop("The two password fields didn’t match."),
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("Your password can’t be too similar to your other personal information."),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
)
