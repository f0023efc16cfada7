"""Replays what kfp.Client 2.x sends to the KFP API server, with Debian's python3-requests.

The kfp SDK cannot be installed here (facts/kfp.md §2), so this script sends the same requests its generated
kfp_server_api client sends: the same paths, query parameters (empty ones as empty strings, as the client's
defaults are ''), headers, JSON bodies and multipart upload, in the order kfp.Client's methods send them.
It prints one JSON object with what it observed and exits 0; any incompatibility exits 1 naming the call.

Usage: kfp_client_replay.py HOST SEQUENTIAL_YAML HELLO_YAML TAG [PAGED_RUNS]
"""

import datetime
import json
import os
import sys
import time

import requests

FINISH_STATES = ('succeeded', 'failed', 'skipped', 'error')  # wait_for_run_completion
EQUALS, IN, IS_SUBSTRING = 1, 8, 9  # kfp.Client's _FILTER_OPERATIONS


class ReplayError(Exception):
    pass


class Client:
    """The subset of kfp.Client used here; each method sends exactly what its kfp.Client namesake sends."""

    def __init__(self, host):
        self.host = host.rstrip('/')
        self.session = requests.Session()
        # kfp_server_api's ApiClient: its user agent and Accept on every call.
        self.session.headers.update({'User-Agent': 'OpenAPI-Generator/2.15.2/python',
                                     'Accept': 'application/json'})
        self.namespace = ''  # the default context file has no namespace
        self.calls = 0
        self.multi_user = self.get_kfp_healthz().get('multi_user', False)

    def _call(self, method, path, query=None, body=None, files=None):
        headers = {}
        if files is None:
            # The generated client sends Content-Type: application/json on every JSON call, GETs included.
            headers['Content-Type'] = 'application/json'
        # Parameters that are None are left out; '' is sent as an empty value.
        params = [(k, v) for k, v in (query or []) if v is not None]
        data = json.dumps(body) if body is not None else None
        self.calls += 1
        response = self.session.request(method, self.host + path, params=params, data=data, files=files,
                                        headers=headers, timeout=60)
        if response.status_code != 200:
            raise ReplayError('%s %s -> %d %s' % (method, response.request.path_url, response.status_code,
                                                  response.text[:500]))
        if not response.headers.get('Content-Type', '').startswith('application/json'):
            raise ReplayError('%s %s: Content-Type %r' % (method, path, response.headers.get('Content-Type')))
        return response.json()

    def get_kfp_healthz(self):
        return self._call('GET', '/apis/v2beta1/healthz')

    def get_user_namespace(self):
        return self.namespace

    def upload_pipeline(self, path, pipeline_name=None, description=None):
        with open(path, 'rb') as f:
            content = f.read()
        files = {'uploadfile': (os.path.basename(path), content, 'application/octet-stream')}
        return self._call('POST', '/apis/v2beta1/pipelines/upload',
                          [('name', pipeline_name), ('description', description)], files=files)

    def upload_pipeline_version(self, path, version_name, pipeline_id, description=None):
        with open(path, 'rb') as f:
            content = f.read()
        files = {'uploadfile': (os.path.basename(path), content, 'application/octet-stream')}
        return self._call('POST', '/apis/v2beta1/pipelines/upload_version',
                          [('name', version_name), ('description', description), ('pipelineid', pipeline_id)],
                          files=files)

    def get_pipeline_id(self, name):
        pipeline_filter = json.dumps({'predicates': [{'operation': EQUALS, 'key': 'display_name',
                                                      'stringValue': name}]})
        result = self._call('GET', '/apis/v2beta1/pipelines', [('filter', pipeline_filter)])
        pipelines = result.get('pipelines', [])
        if len(pipelines) == 1:
            return pipelines[0]['pipeline_id']
        if len(pipelines) > 1:
            raise ValueError('Multiple pipelines with the name: %s found' % name)
        return None

    def list_pipeline_versions(self, pipeline_id, page_token='', page_size=10, sort_by='', filter=None):
        return self._call('GET', '/apis/v2beta1/pipelines/%s/versions' % pipeline_id,
                          [('page_token', page_token), ('page_size', page_size), ('sort_by', sort_by),
                           ('filter', filter)])

    def list_experiments(self, page_token='', page_size=10, sort_by='', namespace=None, filter=None):
        namespace = namespace or self.get_user_namespace()
        return self._call('GET', '/apis/v2beta1/experiments',
                          [('page_token', page_token), ('page_size', page_size), ('sort_by', sort_by),
                           ('filter', filter), ('namespace', namespace)])

    def get_experiment(self, experiment_name, namespace=None):
        namespace = namespace or self.get_user_namespace()
        experiment_filter = json.dumps({'predicates': [{'operation': EQUALS, 'key': 'display_name',
                                                        'stringValue': experiment_name}]})
        result = self._call('GET', '/apis/v2beta1/experiments',
                            [('filter', experiment_filter), ('namespace', namespace)])
        experiments = result.get('experiments', [])
        if not experiments:
            raise ValueError('No experiment is found with name %s.' % experiment_name)
        if len(experiments) > 1:
            raise ValueError('Multiple experiments is found with name %s.' % experiment_name)
        return experiments[0]

    def create_experiment(self, name, description=None, namespace=None):
        namespace = namespace or self.get_user_namespace()
        try:
            return self.get_experiment(experiment_name=name, namespace=namespace), False
        except ValueError as error:
            if not str(error).startswith('No experiment is found with name'):
                raise
        body = {'display_name': name, 'namespace': namespace}
        if description is not None:
            body['description'] = description
        return self._call('POST', '/apis/v2beta1/experiments', body=body), True

    def run_pipeline(self, experiment_id, job_name, pipeline_package_path=None, params=None, pipeline_id=None,
                     version_id=None, pipeline_root=None, service_account=None):
        body = {'experiment_id': experiment_id, 'display_name': job_name}
        if pipeline_package_path is not None:
            with open(pipeline_package_path) as f:
                docs = [d for d in _yaml_documents(f.read())]
            body['pipeline_spec'] = docs[0] if len(docs) == 1 else {'pipeline_spec': docs[0],
                                                                     'platform_spec': docs[1]}
        if pipeline_id is not None or version_id is not None:
            reference = {}
            if pipeline_id is not None:
                reference['pipeline_id'] = pipeline_id
            if version_id is not None:
                reference['pipeline_version_id'] = version_id
            body['pipeline_version_reference'] = reference
        runtime_config = {'parameters': params or {}}
        if pipeline_root is not None:
            runtime_config['pipeline_root'] = pipeline_root
        body['runtime_config'] = runtime_config
        if service_account is not None:
            body['service_account'] = service_account
        return self._call('POST', '/apis/v2beta1/runs', body=body)

    def create_run_from_pipeline_package(self, pipeline_file, arguments=None, run_name=None,
                                         experiment_name=None, namespace=None):
        experiment_name = experiment_name or 'Default'
        experiment, _ = self.create_experiment(name=experiment_name, namespace=namespace)
        pipeline_name = os.path.basename(pipeline_file)
        run_name = run_name or (pipeline_name + ' ' + datetime.datetime.now().strftime('%Y-%m-%d %H-%M-%S'))
        return self.run_pipeline(experiment_id=experiment['experiment_id'], job_name=run_name,
                                 pipeline_package_path=pipeline_file, params=arguments)

    def get_run(self, run_id):
        return self._call('GET', '/apis/v2beta1/runs/%s' % run_id)

    def wait_for_run_completion(self, run_id, timeout, sleep_duration=0.5):
        deadline = time.monotonic() + timeout
        while True:
            run = self.get_run(run_id)
            if run.get('state', '').lower() in FINISH_STATES:
                return run
            if time.monotonic() > deadline:
                raise ReplayError('run %s did not finish in %ss: %s' % (run_id, timeout, run.get('state')))
            time.sleep(sleep_duration)

    def list_runs(self, page_token='', page_size=10, sort_by='', experiment_id=None, namespace=None,
                  filter=None):
        query = [('page_token', page_token), ('page_size', page_size), ('sort_by', sort_by)]
        if experiment_id is not None:
            query.append(('experiment_id', experiment_id))
        elif namespace is not None:
            query.append(('namespace', namespace))
        query.append(('filter', filter))
        return self._call('GET', '/apis/v2beta1/runs', query)


def _yaml_documents(text):
    import yaml
    return [d for d in yaml.safe_load_all(text) if d is not None]


def check(condition, message):
    if not condition:
        raise ReplayError(message)


def page_all(client, **kwargs):
    """Pages with next_page_token as a kfp.Client user does; returns (runs, pages, total_sizes)."""
    runs, pages, totals, token = [], 0, set(), ''
    while True:
        result = client.list_runs(page_token=token, **kwargs)
        pages += 1
        runs.extend(result.get('runs', []))
        totals.add(result.get('total_size', 0))
        token = result.get('next_page_token', '')
        if not token:
            return runs, pages, totals
        check(pages < 1000, 'paging does not end')


def main(host, sequential_yaml, hello_yaml, tag, paged_runs):
    client = Client(host)
    out = {'multi_user': client.multi_user}

    # upload_pipeline + upload_pipeline_version, then find both as kfp.Client does.
    pipeline_name = 'replay-sequential-' + tag
    pipeline = client.upload_pipeline(sequential_yaml, pipeline_name, description='replayed upload')
    check(pipeline.get('display_name') == pipeline_name, 'upload: display_name %r' % pipeline.get('display_name'))
    version = client.upload_pipeline_version(sequential_yaml, 'v2-' + tag, pipeline['pipeline_id'])
    check(version.get('pipeline_id') == pipeline['pipeline_id'], 'upload_version: pipeline_id')
    out['pipeline_id_by_name'] = client.get_pipeline_id(pipeline_name) == pipeline['pipeline_id']
    versions = client.list_pipeline_versions(pipeline['pipeline_id'], sort_by='created_at desc')
    out['version_count'] = versions.get('total_size', 0)
    # Upstream's latest version: newest created_at (whole seconds), ties by id descending: the first of this list.
    latest_version_id = versions['pipeline_versions'][0]['pipeline_version_id']

    # create_experiment twice: the second is found by name, not created again.
    experiment_name = 'replay-' + tag
    experiment, created = client.create_experiment(experiment_name, description='kfp.Client replay')
    again, created_again = client.create_experiment(experiment_name)
    out['experiment_created_once'] = created and not created_again and \
        again['experiment_id'] == experiment['experiment_id']

    # create_run_from_pipeline_package with parameters (inline spec) into that experiment, waited for.
    run = client.create_run_from_pipeline_package(sequential_yaml, arguments={'param1': 'alpha',
                                                                              'param2': 'beta'},
                                                  experiment_name=experiment_name)
    check(run.get('state') == 'PENDING', 'create_run: state %r' % run.get('state'))
    finished = client.wait_for_run_completion(run['run_id'], timeout=120)
    out['inline_run'] = {'state': finished['state'], 'experiment_id': finished['experiment_id'],
                         'parameters': finished.get('runtime_config', {}).get('parameters'),
                         'display_name_has_file': finished['display_name'].startswith('sequential_v1.yaml '),
                         'tasks': sorted(t['display_name'] for t in
                                         finished.get('run_details', {}).get('task_details', [])
                                         if t.get('state') == 'SUCCEEDED')}
    check(out['inline_run']['experiment_id'] == experiment['experiment_id'], 'run in the wrong experiment')

    # run_pipeline by pipeline id only (the server resolves the latest version), in the Default experiment
    # that create_run_from_pipeline_package's get-or-create finds (single-user mode).
    default_experiment, _ = client.create_experiment('Default')
    by_reference = client.run_pipeline(default_experiment['experiment_id'], 'by-reference-' + tag,
                                       pipeline_id=pipeline['pipeline_id'],
                                       params={'param1': 'x', 'param2': 'y'})
    done = client.wait_for_run_completion(by_reference['run_id'], timeout=120)
    out['reference_run'] = {'state': done['state'],
                            'pipeline_version_id': done.get('pipeline_version_reference', {})
                            .get('pipeline_version_id')}
    out['resolved_latest_version'] = out['reference_run']['pipeline_version_id'] == latest_version_id

    # Many runs: a trivial pipeline whose task is cached after the first run.
    paging, _ = client.create_experiment('replay-paging-' + tag)
    hello = client.upload_pipeline(hello_yaml, 'replay-hello-' + tag)
    for i in range(paged_runs):
        client.run_pipeline(paging['experiment_id'], 'paging-%d' % i, pipeline_id=hello['pipeline_id'])
    active_filter = json.dumps({'predicates': [{'operation': IN, 'key': 'state', 'stringValues': {
        'values': ['PENDING', 'RUNNING', 'CANCELING']}}]})
    deadline = time.monotonic() + 300
    while client.list_runs(experiment_id=paging['experiment_id'], filter=active_filter).get('total_size', 0):
        check(time.monotonic() < deadline, 'paged runs did not finish')
        time.sleep(1)
    succeeded_filter = json.dumps({'predicates': [{'operation': EQUALS, 'key': 'state',
                                                   'stringValue': 'SUCCEEDED'}]})
    out['paged_succeeded'] = client.list_runs(experiment_id=paging['experiment_id'], page_size=1,
                                              filter=succeeded_filter).get('total_size', 0)

    # Page through them: kfp.Client's default page size, then 100 newest first.
    runs, pages, totals = page_all(client, experiment_id=paging['experiment_id'])
    out['default_paging'] = {'pages': pages, 'runs': len(runs), 'distinct': len({r['run_id'] for r in runs}),
                             'total_sizes': sorted(totals)}
    runs, pages, totals = page_all(client, experiment_id=paging['experiment_id'], page_size=100,
                                   sort_by='created_at desc')
    created = [r['created_at'] for r in runs]
    out['desc_paging'] = {'pages': pages, 'runs': len(runs), 'distinct': len({r['run_id'] for r in runs}),
                          'total_sizes': sorted(totals), 'newest_first': created == sorted(created, reverse=True)}

    # A filter and a sort together, paged: display names containing "paging-1", by name descending.
    name_filter = json.dumps({'predicates': [{'operation': IS_SUBSTRING, 'key': 'display_name',
                                              'stringValue': 'paging-1'}]})
    runs, pages, totals = page_all(client, experiment_id=paging['experiment_id'], page_size=50,
                                   sort_by='display_name desc', filter=name_filter)
    names = [r['display_name'] for r in runs]
    out['filtered'] = {'pages': pages, 'runs': len(runs), 'total_sizes': sorted(totals),
                       'all_match': all('paging-1' in n for n in names), 'sorted': names == sorted(names,
                                                                                                   reverse=True)}
    # The namespace-scoped list kfp.Client sends without an experiment: namespace= (empty) from the context.
    out['namespace_list_total'] = client.list_runs(namespace=client.get_user_namespace(), page_size=1,
                                                   filter=name_filter).get('total_size', 0)
    out['calls'] = client.calls
    return out


if __name__ == '__main__':
    try:
        paged = int(sys.argv[5]) if len(sys.argv) > 5 else 250
        print(json.dumps(main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], paged), sort_keys=True))
    except (ReplayError, ValueError, KeyError, requests.RequestException) as e:
        print('replay failed: %s: %s' % (type(e).__name__, e), file=sys.stderr)
        sys.exit(1)
