"""Settings that need DEBUG in the environment, as many real projects' do (ephios: "Set the DEBUG
environment variable"): importing them without it fails, at run time and in PyInstaller's Django
hook, which runs django.setup() while it builds."""
import os

DEBUG = os.environ["DEBUG"] == "True"
SECRET_KEY = "fixture-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1"]
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "notes"]
ROOT_URLCONF = "site_conf.urls"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("NOTES_DB", "notes.sqlite3"),
    }
}
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
