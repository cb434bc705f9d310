from .base import *  # noqa

{% if cookiecutter.use_compose == 'n' -%}
CELERY_TASK_ALWAYS_EAGER = True
{%- endif %}
