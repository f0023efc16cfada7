"""Artifact classes of kfp.dsl, written from the executor contract (Quarkflow)."""

import os

_SCHEMES = (("gs://", "gcs"), ("s3://", "s3"), ("minio://", "minio"))


def _mount_root():
    return os.environ.get("QUARKFLOW_ARTIFACT_MOUNT_ROOT", "/")


def local_path(uri):
    """The local path of an artifact URI (object stores appear mounted, as upstream's launcher mounts them)."""
    if not uri:
        return uri
    if uri.startswith("file://"):
        return uri[len("file://"):]
    if uri.startswith("/"):
        return uri
    for prefix, folder in _SCHEMES:
        if uri.startswith(prefix):
            return os.path.join(_mount_root(), folder, uri[len(prefix):])
    return os.path.join(_mount_root(), "other", uri.replace("://", "/"))


def uri_for_path(path):
    """The URI a local path stands for: the inverse of local_path."""
    root = _mount_root().rstrip("/")
    for prefix, folder in _SCHEMES:
        mounted = root + "/" + folder + "/"
        if path.startswith(mounted):
            return prefix + path[len(mounted):]
    return path


class Artifact:
    """A generic artifact: a URI, its local path and metadata."""

    schema_title = "system.Artifact"
    schema_version = "0.0.1"

    def __init__(self, name=None, uri=None, metadata=None):
        self.name = name or ""
        self.uri = uri or ""
        self.metadata = metadata if metadata is not None else {}
        self.custom_path = None

    @property
    def path(self):
        if self.custom_path:
            return self.custom_path
        return local_path(self.uri)

    @path.setter
    def path(self, path):
        self.uri = uri_for_path(path)

    def __repr__(self):
        return "%s(name=%r, uri=%r, metadata=%r)" % (type(self).__name__, self.name, self.uri, self.metadata)


class Model(Artifact):
    schema_title = "system.Model"

    @property
    def framework(self):
        return self.metadata.get("framework", "")

    @framework.setter
    def framework(self, framework):
        self.metadata["framework"] = framework


class Dataset(Artifact):
    schema_title = "system.Dataset"


class Metrics(Artifact):
    schema_title = "system.Metrics"

    def log_metric(self, metric, value):
        self.metadata[metric] = value


class ClassificationMetrics(Artifact):
    schema_title = "system.ClassificationMetrics"

    def log_roc_data_point(self, fpr, tpr, threshold):
        points = self.metadata.setdefault("confidenceMetrics", [])
        points.append({"confidenceThreshold": threshold, "recall": tpr, "falsePositiveRate": fpr})

    def log_roc_curve(self, fpr, tpr, threshold):
        if not (len(fpr) == len(tpr) == len(threshold)):
            raise ValueError("fpr, tpr and threshold must have the same length")
        for f, t, th in zip(fpr, tpr, threshold):
            self.log_roc_data_point(f, t, th)

    def set_confusion_matrix_categories(self, categories):
        self._categories = list(categories)
        self._matrix = [[0] * len(self._categories) for _ in self._categories]
        self._update_matrix()

    def log_confusion_matrix_row(self, row_category, row):
        self._require_categories()
        if len(row) != len(self._categories):
            raise ValueError("row has %d values, expected %d" % (len(row), len(self._categories)))
        self._matrix[self._categories.index(row_category)] = list(row)
        self._update_matrix()

    def log_confusion_matrix_cell(self, row_category, col_category, value):
        self._require_categories()
        self._matrix[self._categories.index(row_category)][self._categories.index(col_category)] = value
        self._update_matrix()

    def log_confusion_matrix(self, categories, matrix):
        self.set_confusion_matrix_categories(categories)
        if len(matrix) != len(categories):
            raise ValueError("matrix has %d rows, expected %d" % (len(matrix), len(categories)))
        for category, row in zip(categories, matrix):
            self.log_confusion_matrix_row(category, row)

    def _require_categories(self):
        if not hasattr(self, "_categories"):
            raise ValueError("call set_confusion_matrix_categories first")

    def _update_matrix(self):
        self.metadata["confusionMatrix"] = {
            "annotationSpecs": [{"displayName": c} for c in self._categories],
            "rows": [{"row": list(r)} for r in self._matrix],
        }


class SlicedClassificationMetrics(Artifact):
    schema_title = "system.SlicedClassificationMetrics"

    def _slice(self, slice_name):
        if not hasattr(self, "_slices"):
            self._slices = {}
        return self._slices.setdefault(slice_name, ClassificationMetrics())

    def _update(self):
        self.metadata["evaluationSlices"] = [
            {"slice": name, "sliceClassificationMetrics": metrics.metadata} for name, metrics in self._slices.items()
        ]

    def log_roc_reading(self, slice, threshold, tpr, fpr):  # noqa: A002 (upstream's parameter name)
        self._slice(slice).log_roc_data_point(fpr, tpr, threshold)
        self._update()

    def load_roc_readings(self, slice, readings):  # noqa: A002
        for threshold, tpr, fpr in readings:
            self.log_roc_reading(slice, threshold, tpr, fpr)

    def set_confusion_matrix_categories(self, slice, categories):  # noqa: A002
        self._slice(slice).set_confusion_matrix_categories(categories)
        self._update()

    def log_confusion_matrix_row(self, slice, row_category, row):  # noqa: A002
        self._slice(slice).log_confusion_matrix_row(row_category, row)
        self._update()

    def log_confusion_matrix_cell(self, slice, row_category, col_category, value):  # noqa: A002
        self._slice(slice).log_confusion_matrix_cell(row_category, col_category, value)
        self._update()

    def load_confusion_matrix(self, slice, categories, matrix):  # noqa: A002
        self._slice(slice).log_confusion_matrix(categories, matrix)
        self._update()


class HTML(Artifact):
    schema_title = "system.HTML"


class Markdown(Artifact):
    schema_title = "system.Markdown"


_BY_SCHEMA = {cls.schema_title: cls for cls in
              (Artifact, Model, Dataset, Metrics, ClassificationMetrics, SlicedClassificationMetrics, HTML, Markdown)}


def artifact_class(schema_title, default=Artifact):
    return _BY_SCHEMA.get(schema_title, default)


class PipelineTaskFinalStatus:
    """The final status of the task an exit handler watches."""

    def __init__(self, state, pipeline_job_resource_name, pipeline_task_name, error_code, error_message):
        self.state = state
        self.pipeline_job_resource_name = pipeline_job_resource_name
        self.pipeline_task_name = pipeline_task_name
        self.error_code = error_code
        self.error_message = error_message

    def __repr__(self):
        return "PipelineTaskFinalStatus(state=%r, pipeline_task_name=%r)" % (self.state, self.pipeline_task_name)
