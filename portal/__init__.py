"""The demo site: settings, URLs and site templates that put the apps together."""
