import environ

env = environ.Env()

INSTALLED_APPS = ["django.contrib.admin"]

MEDIA_ROOT = "/srv/media"

QUEUE_REDIS = env("QUEUE_REDIS", default="redis://{% if cookiecutter.use_compose == 'y' %}redis{% else %}127.0.0.1{% endif %}:6379/1")
{%- if cookiecutter.use_queue == 'y' %}

CELERY_BROKER_URL = QUEUE_REDIS  # the task queue
{%- endif %}
