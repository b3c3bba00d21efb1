"""User accounts: the platform's user model, sign-up and the sign-in pages."""
