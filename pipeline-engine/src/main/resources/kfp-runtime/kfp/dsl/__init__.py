"""kfp.dsl as far as a running lightweight component needs it (Quarkflow runtime)."""

import functools
from typing import Annotated

from kfp.dsl.types import (  # noqa: F401
    HTML,
    Artifact,
    ClassificationMetrics,
    Dataset,
    Markdown,
    Metrics,
    Model,
    PipelineTaskFinalStatus,
    SlicedClassificationMetrics,
)


class _IOMarker:
    def __init__(self, kind):
        self.kind = kind

    def __repr__(self):
        return "<%s>" % self.kind


INPUT_MARKER = _IOMarker("Input")
OUTPUT_MARKER = _IOMarker("Output")
EMBEDDED_MARKER = _IOMarker("EmbeddedInput")


class Input:
    """Input[T]: the argument receives an input artifact (or list of artifacts) of type T."""

    def __class_getitem__(cls, item):
        return Annotated[item, INPUT_MARKER]


class Output:
    """Output[T]: the argument receives the output artifact of type T to fill in."""

    def __class_getitem__(cls, item):
        return Annotated[item, OUTPUT_MARKER]


class EmbeddedInput:
    """EmbeddedInput[T]: the argument receives the files embedded in the component source as an artifact."""

    def __class_getitem__(cls, item):
        return Annotated[item, EMBEDDED_MARKER]


class InputPath:
    """InputPath(type): the argument receives the local path of an input artifact."""

    def __init__(self, type=None):  # noqa: A002 (upstream's parameter name)
        self.type = type

    def __call__(self, *args, **kwargs):
        raise TypeError("InputPath is an annotation")


class OutputPath:
    """OutputPath(type): the argument receives the local path to write an output into."""

    def __init__(self, type=None):  # noqa: A002
        self.type = type

    def __call__(self, *args, **kwargs):
        raise TypeError("OutputPath is an annotation")


_task_root_uri = ""
_uri_count = [0]


def get_uri(suffix=""):
    """A fresh URI under the running task's own folder, for an artifact the component returns.

    Without a suffix each call gives a new name, so two returned artifacts never share a file.
    """
    if not _task_root_uri:
        return ""
    if not suffix:
        _uri_count[0] += 1
        suffix = "returned-artifact-%d" % _uri_count[0]
    return _task_root_uri.rstrip("/") + "/" + suffix


def _decorator(func=None, **_options):
    """component/pipeline/container_component: the function itself is what runs here."""
    if func is None:
        return functools.partial(_decorator, **_options)
    return func


component = _decorator
container_component = _decorator
pipeline = _decorator
notebook_component = _decorator

PIPELINE_JOB_NAME_PLACEHOLDER = "{{$.pipeline_job_name}}"
PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER = "{{$.pipeline_job_resource_name}}"
PIPELINE_JOB_ID_PLACEHOLDER = "{{$.pipeline_job_uuid}}"
PIPELINE_TASK_NAME_PLACEHOLDER = "{{$.pipeline_task_name}}"
PIPELINE_TASK_ID_PLACEHOLDER = "{{$.pipeline_task_uuid}}"
PIPELINE_ROOT_PLACEHOLDER = "{{$.pipeline_root}}"
PIPELINE_JOB_CREATE_TIME_UTC_PLACEHOLDER = "{{$.pipeline_job_create_time_utc}}"
PIPELINE_JOB_SCHEDULE_TIME_UTC_PLACEHOLDER = "{{$.pipeline_job_schedule_time_utc}}"
WORKSPACE_PATH_PLACEHOLDER = "{{$.workspace_path}}"

__all__ = [
    "Artifact", "ClassificationMetrics", "Dataset", "HTML", "Markdown", "Metrics", "Model",
    "SlicedClassificationMetrics", "PipelineTaskFinalStatus", "Input", "Output", "EmbeddedInput", "InputPath", "OutputPath",
    "component", "container_component", "pipeline", "notebook_component", "get_uri",
    "PIPELINE_JOB_NAME_PLACEHOLDER", "PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER", "PIPELINE_JOB_ID_PLACEHOLDER",
    "PIPELINE_TASK_NAME_PLACEHOLDER", "PIPELINE_TASK_ID_PLACEHOLDER", "PIPELINE_ROOT_PLACEHOLDER",
    "PIPELINE_JOB_CREATE_TIME_UTC_PLACEHOLDER", "PIPELINE_JOB_SCHEDULE_TIME_UTC_PLACEHOLDER",
    "WORKSPACE_PATH_PLACEHOLDER",
]
