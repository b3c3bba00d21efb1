from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views
from .forms import BackgroundPasswordResetForm

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("my-data.json", views.my_data, name="my_data"),
    path("login/", views.SignInView.as_view(), name="login"),
    path(
        "password_reset/",
        # The email goes from a background task: known and unknown addresses take as long.
        auth_views.PasswordResetView.as_view(
            form_class=BackgroundPasswordResetForm,
            email_template_name="registration/password_reset_email.txt",
        ),
        name="password_reset",
    ),
    path("", include("django.contrib.auth.urls")),
]
