from .base import *  # noqa

STORAGES = {
{%- if cookiecutter.media_backend == 'Disk' %}
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
{%- elif cookiecutter.media_backend == 'S3' %}
    "default": {"BACKEND": "storages.backends.s3.S3Storage"},
{%- else %}
    "default": {"BACKEND": "storages.backends.gcloud.GoogleCloudStorage"},
{%- endif %}
}
